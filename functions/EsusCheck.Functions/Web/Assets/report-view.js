// One report as cards: the company, ESS, ESUS, each reserved-contract article, the sources with their dates.
import { el } from './dom.js';
import { capitalise, formatDate, formatDateTime, formatSiret } from './format.js';
import { articleTitle, outcomeWords, sourceName, vocabulary, word } from './vocabulary.js';

/** Every verdict of a report, in reading order, in French words. */
export function verdicts(report) {
  return [
    { subject: vocabulary.subjects.ess, ...word('ess', report.ess.status), verdict: report.ess, conditions: [] },
    { subject: vocabulary.subjects.esus, ...word('esus', report.esus.status), verdict: report.esus, conditions: [],
      note: report.esus.listPublishedOn ? `Liste DG Trésor du ${formatDate(report.esus.listPublishedOn)}` : null },
    ...report.reservedContracts.map(contract => ({
      subject: articleTitle(contract.article), ...word('contract', contract.status), verdict: contract,
      conditions: conditionsBesideReasons(contract),
    })),
  ];
}

/** The conditions a reason does not already state (« (a) … »): each is read once, as the CLI prints them. */
export function conditionsBesideReasons(contract) {
  return (contract.conditions ?? []).filter(condition => !contract.reasons.some(reason => reason.endsWith(condition.text)));
}

export function companyLines(report) {
  const company = report.company;
  return [
    ['SIRET', `${formatSiret(report.siret)}${company.headOffice ? ' (siège)' : ''}`],
    ['Forme juridique', company.legalForm ? `${company.legalForm.label ?? ''} (${company.legalForm.code})`.trim() : null],
    ['Activité', company.activity ? [company.activity.code, company.activity.label].filter(Boolean).join(' — ') : null],
    ['Adresse', company.address],
    ['État', [vocabulary.companyStates[company.companyState], vocabulary.establishmentStates[company.establishmentState]].filter(Boolean).join(', ') || null],
    ['Code CPV du marché', report.cpv],
  ].filter(([, value]) => value);
}

export function sourceLine(item) {
  const when = item.fromCache ? `lu en cache, consulté le ${formatDateTime(item.retrievedAt)}` : `consulté le ${formatDateTime(item.retrievedAt)}`;
  const parts = [`${capitalise(sourceName(item.source))} : ${outcomeWords(item.source, item.outcome)}`];
  if (item.outcome === 'found' || item.outcome === 'not_found') parts.push(when);
  if (item.stale) parts.push('donnée ancienne, à actualiser');
  return parts.join(', ') + (item.detail ? ` — ${item.detail}` : '');
}

function card(item, index) {
  const headingId = `verdict-${index}`;
  const laws = item.verdict.legalBasis ?? [];
  return el('li', { class: `card tone-${item.tone}`, 'aria-labelledby': headingId },
    el('h3', { id: headingId, text: item.subject }),
    el('p', { class: `verdict tone-${item.tone}`, text: item.label }),
    item.note ? el('p', { class: 'meta', text: item.note }) : null,
    el('h4', { text: 'Raisons' }),
    el('ul', {}, item.verdict.reasons.map(reason => el('li', { text: reason }))),
    item.conditions.length ? [
      el('h4', { text: "À vérifier par l'acheteur" }),
      el('ul', { class: 'conditions' }, item.conditions.map(condition => el('li', { 'data-code': condition.code, text: condition.text }))),
    ] : null,
    laws.length ? [
      el('h4', { text: 'Textes' }),
      el('ul', { class: 'laws' }, laws.map(law => el('li', {},
        el('a', { href: law.url, target: '_blank', rel: 'noopener noreferrer' },
          `${law.code}, ${law.article}`, el('span', { class: 'visually-hidden', text: ' (Légifrance, nouvel onglet)' }))))),
    ] : null);
}

export function renderReport(report, onCopy) {
  const lines = companyLines(report);
  const copyButton = el('button', { type: 'button', id: 'copy-report', class: 'secondary', text: "Copier pour le rapport d'analyse des offres" });
  copyButton.addEventListener('click', onCopy);
  return el('article', { class: 'report', 'aria-labelledby': 'report-title' },
    el('section', { class: 'company' },
      el('h2', { id: 'report-title', tabindex: '-1', text: report.company.name ?? 'Entreprise sans nom diffusé' }),
      el('dl', {}, lines.map(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]))),
    report.warnings.length ? el('div', { class: 'notice', role: 'note' },
      el('h3', { text: 'Avertissements' }), el('ul', {}, report.warnings.map(text => el('li', { text })))) : null,
    el('div', { class: 'actions' }, copyButton, el('p', { id: 'copy-status', class: 'status', role: 'status' })),
    el('h2', { text: 'Verdicts' }),
    el('ul', { class: 'cards' }, verdicts(report).map(card)),
    el('section', { class: 'sources', 'aria-labelledby': 'sources-title' },
      el('h2', { id: 'sources-title', text: 'Sources consultées' }),
      el('ul', {}, report.evidence.map(item => el('li', { text: sourceLine(item) }))),
      el('p', { class: 'meta', text: `Vérification du ${formatDateTime(report.checkedAt)}, règles version ${report.rulesVersion}.` })));
}
