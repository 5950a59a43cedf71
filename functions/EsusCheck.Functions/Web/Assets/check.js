// « Vérifier un fournisseur »: one number (and an optional CPV code) in, the report as cards out.
import { ApiError, json } from './api.js';
import { byId, clear, el, fieldError, showRefusal } from './dom.js';
import { reportText } from './report-text.js';
import { renderReport } from './report-view.js';
import { vocabulary } from './vocabulary.js';

export function setUpCheck({ onChecked }) {
  const form = byId('check-form');
  const siret = byId('siret');
  const siretError = byId('siret-erreur');
  const cpv = byId('cpv');
  const status = byId('check-status');
  const result = byId('check-result');
  const button = form.querySelector('button[type="submit"]');

  byId('cpv-liste').replaceChildren(...vocabulary.cpv.map(item => el('option', { value: item.code, label: `${item.code} — ${item.label}` })));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const number = siret.value.trim();
    clear(result);
    if (!number) {
      fieldError(siret, siretError, 'Saisissez un numéro SIRET (14 chiffres) ou SIREN (9 chiffres).');
      siret.focus();
      return;
    }
    fieldError(siret, siretError, null);
    const query = cpv.value.trim() ? `?cpv=${encodeURIComponent(cpv.value.trim())}` : '';
    button.disabled = true;
    status.textContent = 'Vérification en cours auprès des registres publics…';
    try {
      const report = await json(`eligibility/${encodeURIComponent(number)}${query}`);
      status.textContent = `Vérification terminée : ${report.company.name ?? report.siret}.`;
      result.append(renderReport(report, () => copy(report)));
      onChecked(report);
    } catch (error) {
      status.textContent = '';
      if (!(error instanceof ApiError)) throw error;
      showRefusal(error, siret, siretError, result);
      if (error.code === 'cpv_invalid') cpv.focus();
    } finally {
      button.disabled = false;
    }
  });
}

async function copy(report) {
  const status = byId('copy-status');
  const text = reportText(report);
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Texte copié : collez-le dans le rapport d'analyse des offres.";
  } catch {
    // Without clipboard access (an old browser, a refused permission), the text is shown to copy by hand.
    const area = el('textarea', { 'aria-label': 'Texte à copier', rows: '12', cols: '80', readonly: true });
    area.value = text;
    status.replaceChildren('Copiez le texte ci-dessous (Ctrl+C) : ', area);
    area.select();
  }
}
