// The SPASER totals of a supplier file as an inline SVG bar chart, with the same figures in a table beside it.
import { el } from './dom.js';
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
  const labelWidth = 250, barWidth = 330, valueWidth = 110, barHeight = 18, gap = withSpend ? 8 : 0;
  const rowHeight = barHeight * (withSpend ? 2 : 1) + gap + 22;
  const width = labelWidth + barWidth + valueWidth, height = rowHeight * categories.length + 10;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'spaser-chart-title spaser-chart-desc' });
  chart.append(svg('title', { id: 'spaser-chart-title' }, 'Totaux SPASER du fichier'));
  chart.append(svg('desc', { id: 'spaser-chart-desc' },
    'Part des fournisseurs vérifiés' + (withSpend ? ' et part de la dépense' : '') + ' par catégorie ; le tableau qui suit donne les mêmes chiffres.'));
  categories.forEach((category, i) => {
    const top = i * rowHeight + 10;
    chart.append(svg('text', { x: 0, y: top + barHeight - 4, class: 'chart-label' }, category.label));
    const bars = [['suppliers', category.shareOfSuppliers ?? 0]];
    if (withSpend) bars.push(['spend', category.shareOfSpend ?? 0]);
    bars.forEach(([kind, share], j) => {
      const y = top + j * (barHeight + gap);
      chart.append(svg('rect', { x: labelWidth, y, width: barWidth, height: barHeight, class: 'chart-track' }));
      chart.append(svg('rect', { x: labelWidth, y, width: Math.max(0, Math.min(1, share)) * barWidth, height: barHeight, class: `chart-bar-${kind}` }));
      chart.append(svg('text', { x: labelWidth + barWidth + 8, y: y + barHeight - 4, class: 'chart-value' }, formatPercent(share)));
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
  return el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', { text: 'Totaux SPASER' }),
    el('thead', {}, el('tr', {}, ['Catégorie', 'Fournisseurs', 'Part des fournisseurs', 'Dépense', 'Part de la dépense', 'À vérifier']
      .map(title => el('th', { scope: 'col', text: title })))),
    el('tbody', {}, categories.map(c => el('tr', {},
      el('th', { scope: 'row', text: c.label }),
      el('td', { class: 'number', text: formatInteger(c.suppliers) }),
      el('td', { class: 'number', text: share(c.shareOfSuppliers) }),
      el('td', { class: 'number', text: amount(c.spend) }),
      el('td', { class: 'number', text: share(c.shareOfSpend) }),
      el('td', { class: 'number', text: formatInteger(c.suppliersToVerify) }))))));
}
