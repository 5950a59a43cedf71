// The report as plain text, to paste into the « rapport d'analyse des offres ».
import { formatDateTime, formatSiret } from './format.js';
import { companyLines, sourceLine, verdicts } from './report-view.js';

export function reportText(report) {
  const lines = [`${report.company.name ?? 'Entreprise'} — SIRET ${formatSiret(report.siret)}`];
  for (const [term, value] of companyLines(report).slice(1)) lines.push(`${term} : ${value}`);
  lines.push('');
  for (const item of verdicts(report)) {
    lines.push(`${item.subject} : ${item.label}`);
    for (const reason of item.verdict.reasons) lines.push(`  - ${reason}`);
    for (const condition of item.conditions) lines.push(`  - À vérifier par l'acheteur : ${condition.text}`);
    for (const law of item.verdict.legalBasis ?? []) lines.push(`  Texte : ${law.code}, ${law.article} (${law.url})`);
    lines.push('');
  }
  if (report.warnings.length) {
    lines.push('Avertissements :');
    for (const warning of report.warnings) lines.push(`  - ${warning}`);
    lines.push('');
  }
  lines.push('Sources consultées :');
  for (const item of report.evidence) lines.push(`  - ${sourceLine(item)}`);
  lines.push('', `Vérification EsusCheck du ${formatDateTime(report.checkedAt)}, règles version ${report.rulesVersion}.`);
  return lines.join('\n');
}
