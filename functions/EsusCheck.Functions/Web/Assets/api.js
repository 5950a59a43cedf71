// Calls to the EsusCheck API, next to this page: /api/v1/ (this module is served from /api/ui/<version>/, the page from /).
const base = new URL('../../v1/', import.meta.url);
const keyName = 'esuscheck.apiKey';
const keyListeners = [];

export class ApiError extends Error {
  constructor(title, detail, code, status) {
    super(detail);
    this.title = title;
    this.detail = detail;
    this.code = code;
    this.status = status;
  }
}

/** The key lives in sessionStorage only: this tab, until it closes; never in a URL. */
export function apiKey() {
  return sessionStorage.getItem(keyName) ?? '';
}

export function setApiKey(value) {
  if (value) sessionStorage.setItem(keyName, value);
  else sessionStorage.removeItem(keyName);
}

export function onKeyNeeded(listener) {
  keyListeners.push(listener);
}

export async function call(path, { method = 'GET', body, headers = {} } = {}) {
  const sent = new Headers(headers);
  const key = apiKey();
  if (key) sent.set('x-functions-key', key);
  let response;
  try {
    response = await fetch(new URL(path, base), { method, body, headers: sent, cache: 'no-cache' });
  } catch {
    throw new ApiError('Service injoignable', "Le service EsusCheck ne répond pas. Vérifiez votre connexion, puis réessayez.", 'network', 0);
  }
  if (response.status === 401 || response.status === 403) {
    keyListeners.forEach(listener => listener());
    throw new ApiError("Clé d'accès requise",
      key ? "La clé d'accès saisie est refusée : vérifiez-la dans « Clé d'accès »."
          : "Cette installation demande une clé d'accès : saisissez-la dans « Clé d'accès », en haut de la page.",
      'key_required', response.status);
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { problem = null; }
    throw new ApiError(problem?.title ?? 'Erreur', problem?.detail ?? `Le service a répondu ${response.status}.`, problem?.code ?? 'http_error', response.status);
  }
  return response;
}

export async function json(path, options) {
  return (await call(path, options)).json();
}
