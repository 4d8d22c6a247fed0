// @ts-check
/**
 * @file Horizontal bar charts a council officer would put in a committee paper: one bar per
 * row, or two side by side (openings against workers who could fill them), or segments of one
 * bar (routes by kind). Plain SVG with attributes only (CSP: no inline styles). Series differ by
 * fill pattern as well as colour, each bar carries its figure as text, the chart is
 * `role="img"` with a summary, and a table beneath holds the same figures.
 */

import { h, replaceChildren, svg } from '../../app/dom.js';
import { formatCount, clip } from '../../app/format.js';

const WIDTH = 760;
const LABEL_WIDTH = 290;
const VALUE_ROOM = 70;
const BAR = 14;

/**
 * @typedef {object} BarSeries
 * @property {string} name
 * @property {'solid' | 'hatched' | 'dotted'} look
 */

/**
 * @typedef {object} BarChart
 * @property {string} id prefix of the chart's ids
 * @property {string} title what the chart shows (its caption)
 * @property {BarSeries[]} series
 * @property {{ label: string, values: number[] }[]} rows
 * @property {boolean} [stacked] segments of one bar (else bars side by side)
 * @property {number} [shown] most rows drawn (the table lists every row)
 * @property {string} source where the figures come from, and whether they are estimates
 * @property {(n: number) => string} [format] how a figure is written (default: a count)
 */

/**
 * Draw `chart` into `container`: the figure, its source line and its table.
 * @param {HTMLElement} container
 * @param {BarChart} chart
 */
export function renderBars(container, chart) {
  const format = chart.format ?? formatCount;
  const rows = chart.rows.slice(0, chart.shown ?? 15);
  if (rows.length === 0) {
    replaceChildren(container, h('p', { class: 'app-body' }, `${chart.title}: nothing to show.`));
    return;
  }
  const total = (/** @type {number[]} */ v) => v.reduce((a, b) => a + b, 0);
  const widest = Math.max(1, ...rows.map((r) => (chart.stacked ? total(r.values) : Math.max(...r.values))));
  const bars = chart.stacked ? 1 : chart.series.length;
  const rowHeight = bars * BAR + 10;
  const height = rows.length * rowHeight + 6;
  const scale = (/** @type {number} */ v) => (v / widest) * (WIDTH - LABEL_WIDTH - VALUE_ROOM);
  const defs = svg('defs', {},
    svg('pattern', { id: `${chart.id}-hatched`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { width: 6, height: 6, class: 'app-bars__hatch-ground' }),
      svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'app-bars__hatch-line' })),
    svg('pattern', { id: `${chart.id}-dotted`, width: 5, height: 5, patternUnits: 'userSpaceOnUse' },
      svg('rect', { width: 5, height: 5, class: 'app-bars__dot-ground' }),
      svg('circle', { cx: 2.5, cy: 2.5, r: 1.3, class: 'app-bars__dot' })));
  const fill = (/** @type {BarSeries} */ s) => (s.look === 'solid' ? '' : `url(#${chart.id}-${s.look})`);
  // A patterned bar takes its fill from the attribute (a class's fill would override it).
  /** @type {(k: number) => Record<string, string>} */
  const look = (k) => {
    const s = chart.series[k];
    return fill(s) ? { class: 'app-bars__bar', fill: fill(s) } : { class: `app-bars__bar app-bars__bar--${k}` };
  };
  const body = rows.map((row, r) => {
    const y = r * rowHeight + 4;
    const parts = [svg('text', { x: LABEL_WIDTH - 8, y: y + (bars * BAR) / 2, dy: '0.35em', 'text-anchor': 'end', class: 'app-bars__label' },
      clip(row.label, 42))];
    if (chart.stacked) {
      let x = LABEL_WIDTH;
      row.values.forEach((v, k) => {
        const w = scale(v);
        if (w > 0) {
          const s = chart.series[k];
          parts.push(svg('rect', { x, y, width: w, height: BAR, ...look(k) },
            svg('title', {}, `${row.label}: ${format(v)} ${s.name.toLowerCase()}`)));
        }
        x += w;
      });
      parts.push(svg('text', { x: x + 6, y: y + BAR / 2, dy: '0.35em', class: 'app-bars__value' }, format(total(row.values))));
    } else {
      row.values.forEach((v, k) => {
        const s = chart.series[k];
        const w = scale(v);
        const by = y + k * BAR;
        parts.push(svg('rect', { x: LABEL_WIDTH, y: by, width: Math.max(w, v > 0 ? 1 : 0), height: BAR - 2, ...look(k) },
          svg('title', {}, `${row.label}: ${format(v)} ${s.name.toLowerCase()}`)));
        parts.push(svg('text', { x: LABEL_WIDTH + w + 6, y: by + (BAR - 2) / 2, dy: '0.35em', class: 'app-bars__value' }, format(v)));
      });
    }
    return svg('g', {}, ...parts);
  });
  const more = chart.rows.length - rows.length;
  const summary = `Bar chart: ${chart.title}. ${formatCount(rows.length)} rows${more > 0 ? ` of ${formatCount(chart.rows.length)}` : ''}, `
    + `the largest ${rows[0].label} at ${format(chart.stacked ? total(rows[0].values) : rows[0].values[0])}. The table below lists every figure.`;
  const picture = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'app-bars__svg', role: 'img', 'aria-label': summary, focusable: 'false' },
    defs, ...body);
  const legend = chart.series.length > 1
    ? h('ul', { class: 'app-bars__legend' }, chart.series.map((s, k) => h('li', {},
      h('span', { class: `app-bars__key app-bars__key--${k} app-bars__key--${s.look}`, 'aria-hidden': 'true' }), ` ${s.name}`)))
    : null;
  const header = [chart.title, ...chart.series.map((s) => s.name), ...(chart.stacked ? ['Total'] : [])];
  replaceChildren(container,
    h('figure', { class: 'app-bars', id: chart.id },
      h('figcaption', { class: 'app-heading-s' }, chart.title),
      // Narrow screens scroll the chart sideways rather than shrink its labels past reading.
      h('div', { class: 'app-bars__scroll', tabindex: 0, role: 'region', 'aria-label': `${chart.title}, chart` }, picture),
      legend,
      h('p', { class: 'app-bars__source' }, chart.source,
        more > 0 ? ` The chart shows the first ${formatCount(rows.length)}; the table lists all ${formatCount(chart.rows.length)}.` : '')),
    h('details', { class: 'app-details' },
      h('summary', { class: 'app-details__summary' }, `${chart.title}: the figures as a table`),
      h('div', { class: 'app-details__text app-table-wrap', tabindex: 0, role: 'region', 'aria-label': `${chart.title}, table` },
        h('table', { class: 'app-table', id: `${chart.id}-table` },
          h('caption', { class: 'app-table__caption' }, chart.title),
          h('thead', {}, h('tr', {}, header.map((t, k) => h('th', { scope: 'col', class: k > 0 ? 'app-table__header--numeric' : '' }, k === 0 ? clip(t, 60) : t)))),
          h('tbody', {}, chart.rows.map((row) => h('tr', {},
            h('th', { scope: 'row' }, row.label),
            row.values.map((v) => h('td', { class: 'app-table__cell--numeric' }, format(v))),
            chart.stacked ? h('td', { class: 'app-table__cell--numeric' }, format(total(row.values))) : null)))))));
}
