// « Historique »: the past checks of one establishment, newest first.
import { ApiError, json } from './api.js';
import { byId, clear, el, fieldError, scrollingTable, showRefusal } from './dom.js';
import { formatDateTime, formatSiret } from './format.js';
import { vocabulary, word } from './vocabulary.js';

const articles = Object.keys(vocabulary.articles);

export function setUpHistory() {
  const form = byId('history-form');
  const siret = byId('history-siret');
  const siretError = byId('history-erreur');
  const status = byId('history-status');
  const result = byId('history-result');

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clear(result);
    const number = siret.value.trim();
    if (!number) {
      fieldError(siret, siretError, 'Saisissez le numéro SIRET de l\'établissement (14 chiffres).');
      siret.focus();
      return;
    }
    fieldError(siret, siretError, null);
    status.textContent = 'Recherche de l\'historique…';
    try {
      const history = await json(`eligibility/${encodeURIComponent(number)}/history`);
      status.textContent = history.count === 0
        ? `Aucune vérification enregistrée pour le SIRET ${formatSiret(history.siret)}.`
        : `${history.count} vérification${history.count > 1 ? 's' : ''} pour le SIRET ${formatSiret(history.siret)}.`;
      if (history.count > 0) result.append(table(history));
    } catch (error) {
      status.textContent = '';
      if (!(error instanceof ApiError)) throw error;
      showRefusal(error, siret, siretError, result);
    }
  });
}

function table(history) {
  const region = scrollingTable(`Vérifications du SIRET ${formatSiret(history.siret)}`,
    el('thead', {}, el('tr', {}, ['Date', 'CPV', 'ESS', 'ESUS', ...articles, 'Règles'].map(title => el('th', { scope: 'col', text: title })))),
    el('tbody', {}, history.entries.map(entry => el('tr', {},
      el('th', { scope: 'row', text: formatDateTime(entry.checkedAt) }),
      el('td', { text: entry.cpv ?? '—' }),
      el('td', { text: word('ess', entry.ess).label }),
      el('td', { text: word('esus', entry.esus).label }),
      articles.map(article => el('td', { text: entry.reservedContracts[article] ? word('contract', entry.reservedContracts[article]).label : '—' })),
      el('td', { text: entry.rulesVersion })))));
  region.querySelector('table').id = 'history-table';
  return region;
}

export function showHistoryOf(siret) {
  byId('history-siret').value = siret;
}
