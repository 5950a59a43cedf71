// The SPASER totals of a supplier file as an inline SVG bar chart, with the same figures in a table beside it.
import { el, scrollingTable } from './dom.js';
import { formatEuros, formatInteger, formatPercent } from './format.js';

const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const categoriesOf = spaser => [spaser.ess, spaser.esus, spaser.siae, spaser.eaEsat];

export function spaserChart(summary) {
  const categories = categoriesOf(summary.spaser);
  const withSpend = categories.some(c => c.shareOfSpend !== null && c.shareOfSpend !== undefined);
  // Each category: its name on one line, then its bars, so that long names never overlap a bar at any width.
  // A narrow drawing, so that its text stays readable once scaled to a phone's width.
  const barWidth = 330, valueWidth = 70, barHeight = 18, labelHeight = 22, gap = 6;
  const rowHeight = labelHeight + (barHeight + gap) * (withSpend ? 2 : 1) + 14;
  const width = barWidth + valueWidth, height = rowHeight * categories.length;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'spaser-chart-title spaser-chart-desc' });
  chart.append(svg('title', { id: 'spaser-chart-title' }, 'Totaux SPASER du fichier'));
  chart.append(svg('desc', { id: 'spaser-chart-desc' },
    'Part des fournisseurs vérifiés' + (withSpend ? ' et part de la dépense' : '') + ' par catégorie ; le tableau qui suit donne les mêmes chiffres.'));
  categories.forEach((category, i) => {
    const top = i * rowHeight;
    chart.append(svg('text', { x: 0, y: top + 16, class: 'chart-label' }, category.label));
    const bars = [['suppliers', category.shareOfSuppliers ?? 0]];
    if (withSpend) bars.push(['spend', category.shareOfSpend ?? 0]);
    bars.forEach(([kind, share], j) => {
      const y = top + labelHeight + j * (barHeight + gap);
      chart.append(svg('rect', { x: 0, y, width: barWidth, height: barHeight, class: 'chart-track' }));
      chart.append(svg('rect', { x: 0, y, width: Math.max(0, Math.min(1, share)) * barWidth, height: barHeight, class: `chart-bar-${kind}` }));
      chart.append(svg('text', { x: barWidth + 8, y: y + barHeight - 4, class: 'chart-value' }, formatPercent(share)));
    });
  });
  return el('figure', { class: 'chart' }, chart,
    el('ul', { class: 'legend', 'aria-hidden': 'true' },
      el('li', {}, el('span', { class: 'legend-swatch suppliers' }), 'Part des fournisseurs vérifiés'),
      withSpend ? el('li', {}, el('span', { class: 'legend-swatch spend' }), 'Part de la dépense') : null));
}

export function spaserTable(summary) {
  const categories = categoriesOf(summary.spaser);
  const amount = value => (value === null || value === undefined ? '—' : formatEuros(value));
  const share = value => (value === null || value === undefined ? '—' : formatPercent(value));
  return scrollingTable('Totaux SPASER',
    el('thead', {}, el('tr', {}, ['Catégorie', 'Fournisseurs', 'Part des fournisseurs', 'Dépense', 'Part de la dépense', 'À vérifier']
      .map(title => el('th', { scope: 'col', text: title })))),
    el('tbody', {}, categories.map(c => el('tr', {},
      el('th', { scope: 'row', text: c.label }),
      el('td', { class: 'number', text: formatInteger(c.suppliers) }),
      el('td', { class: 'number', text: share(c.shareOfSuppliers) }),
      el('td', { class: 'number', text: amount(c.spend) }),
      el('td', { class: 'number', text: share(c.shareOfSpend) }),
      el('td', { class: 'number', text: formatInteger(c.suppliersToVerify) })))));
}
