// The page: three screens behind the tabs (the address's #fragment), the key field, and each screen's module.
import { apiKey, onKeyNeeded, setApiKey } from './api.js';
import { byId } from './dom.js';
import { setUpBulk } from './bulk.js';
import { setUpCheck } from './check.js';
import { setUpHistory, showHistoryOf } from './history.js';

const screens = ['verifier', 'fichier', 'historique'];

function show(screen, moveFocus) {
  const current = screens.includes(screen) ? screen : screens[0];
  for (const id of screens) byId(id).hidden = id !== current;
  for (const link of document.querySelectorAll('[data-tab]')) {
    if (link.dataset.tab === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${byId(`${current}-titre`).textContent} — EsusCheck`;
  if (moveFocus) byId(`${current}-titre`).focus();
}

function setUpKey() {
  const panel = byId('cle');
  const input = byId('key');
  const status = byId('key-status');
  const open = focus => {
    panel.hidden = false;
    if (focus) input.focus();
  };
  if (document.documentElement.dataset.key === 'required' || apiKey()) open(false);
  onKeyNeeded(() => open(false));
  byId('key-open').addEventListener('click', () => open(true));
  byId('key-form').addEventListener('submit', event => {
    event.preventDefault();
    setApiKey(input.value.trim());
    input.value = '';
    status.textContent = apiKey() ? 'Clé enregistrée pour cet onglet.' : 'Aucune clé enregistrée.';
  });
  byId('key-forget').addEventListener('click', () => {
    setApiKey('');
    status.textContent = 'Clé oubliée.';
  });
  if (apiKey()) status.textContent = 'Une clé est enregistrée pour cet onglet.';
}

setUpKey();
setUpCheck({ onChecked: report => showHistoryOf(report.siret) });
setUpBulk();
setUpHistory();
window.addEventListener('hashchange', () => {
  // Only the tabs change the screen: the skip link's #contenu keeps the one shown.
  const screen = location.hash.slice(1);
  if (screens.includes(screen)) show(screen, true);
});
show(location.hash.slice(1), false);
document.documentElement.dataset.ready = 'true';
