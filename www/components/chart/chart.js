// @ts-check
/**
 * @file A scatter chart of moves: x = overall match score, y = pay change against now. Green
 * moves are triangles and green; other moves are circles and blue (shape and colour, never
 * colour alone). Pure SVG built with `createElementNS` and attributes only (CSP: no inline
 * styles). The chart is `role="img"` with a summary label; a table lists the same points.
 */

import { h, replaceChildren, svg as s } from '../../app/dom.js';
import { formatCount, formatPercent } from '../../app/format.js';

const MINUS = '\u2212';

/** Calibrated thresholds on the combined score (docs/calibration.md). */
/** The viable threshold until the planner says otherwise (`datasetInfo().viableThreshold`). */
export const DEFAULT_VIABLE = 0.16;

/**
 * @typedef {object} ChartPoint
 * @property {string} label
 * @property {number} score 0..1
 * @property {number | undefined} payChange fraction; undefined when pay is not known
 * @property {boolean} green
 */

/** @param {number} fraction */
export function signedPercent(fraction) {
  const pct = Math.round(fraction * 100);
  return pct > 0 ? `+${pct}%` : pct < 0 ? `${MINUS}${Math.abs(pct)}%` : '0%';
}

/**
 * Render the chart and its table into `container`.
 * @param {HTMLElement} container
 * @param {ChartPoint[]} points
 * @param {{ idPrefix?: string, viable?: number }} [options] `viable`: the planner's calibrated threshold
 */
export function renderChart(container, points, { idPrefix = 'chart', viable = DEFAULT_VIABLE } = {}) {
  const VIABLE = viable;
  const W = 640;
  const H = 360;
  const m = { top: 20, right: 20, bottom: 50, left: 64 };
  const plotted = points.filter((p) => typeof p.payChange === 'number' && Number.isFinite(p.payChange));
  const changes = plotted.map((p) => /** @type {number} */ (p.payChange));
  const step = 0.25;
  const yMin = Math.min(-0.25, Math.floor(Math.min(0, ...changes) / step) * step);
  const yMax = Math.max(0.25, Math.ceil(Math.max(0, ...changes) / step) * step);
  // The score axis runs from 0 to just past the best score (at least 50%), in steps of 10%.
  const xMax = Math.min(1, Math.max(0.5, Math.ceil((Math.max(0, ...plotted.map((p) => p.score)) + 0.05) * 10) / 10));
  const x = (/** @type {number} */ v) => m.left + Math.min(xMax, Math.max(0, v)) / xMax * (W - m.left - m.right);
  const y = (/** @type {number} */ v) => m.top + (yMax - v) / (yMax - yMin) * (H - m.top - m.bottom);

  const greenCount = plotted.filter((p) => p.green).length;
  const viableCount = plotted.filter((p) => p.score >= VIABLE).length;
  const unplotted = points.length - plotted.length;
  const summary = `Scatter chart of ${formatCount(plotted.length)} moves: match score from 0 to ${formatPercent(xMax)} across, ` +
    `pay change from ${signedPercent(yMin)} to ${signedPercent(yMax)} up. ` +
    `${formatCount(greenCount)} green moves (triangles), ${formatCount(plotted.length - greenCount)} others (circles); ` +
    `${formatCount(viableCount)} at or right of the viable line at ${formatPercent(VIABLE)}.` +
    (unplotted > 0 ? ` ${formatCount(unplotted)} more not shown because their pay is not known.` : '');

  const svg = s('svg', {
    class: 'app-chart__svg', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': summary,
    xmlns: 'http://www.w3.org/2000/svg', focusable: 'false',
  });
  const grid = s('g', { class: 'app-chart__grid', 'aria-hidden': 'true' });
  for (let i = 0; i <= Math.round(xMax * 10); i += 1) {
    const v = i / 10;
    grid.append(s('line', { x1: x(v), x2: x(v), y1: m.top, y2: H - m.bottom, class: 'app-chart__gridline' }),
      s('text', { x: x(v), y: H - m.bottom + 18, class: 'app-chart__tick', 'text-anchor': 'middle' }, formatPercent(v)));
  }
  for (let v = yMin; v <= yMax + 1e-9; v += step) {
    grid.append(s('line', { x1: m.left, x2: W - m.right, y1: y(v), y2: y(v), class: v === 0 ? 'app-chart__zero' : 'app-chart__gridline' }),
      s('text', { x: m.left - 6, y: y(v) + 4, class: 'app-chart__tick', 'text-anchor': 'end' }, signedPercent(v)));
  }
  grid.append(
    s('text', { x: (m.left + W - m.right) / 2, y: H - 8, class: 'app-chart__axis-label', 'text-anchor': 'middle' }, 'Skills match (share of the new job’s skills you have)'),
    s('text', { x: 14, y: (m.top + H - m.bottom) / 2, class: 'app-chart__axis-label', 'text-anchor': 'middle',
      transform: `rotate(-90 14 ${(m.top + H - m.bottom) / 2})` }, 'Pay change vs now'),
    s('line', { x1: x(VIABLE), x2: x(VIABLE), y1: m.top, y2: H - m.bottom, class: 'app-chart__threshold' }),
    s('text', { x: x(VIABLE) + 4, y: m.top + 12, class: 'app-chart__threshold-label' }, `viable (${formatPercent(VIABLE)})`),
  );
  const marks = s('g', { class: 'app-chart__points', 'aria-hidden': 'true' });
  for (const p of plotted) {
    const cx = x(p.score);
    const cy = y(/** @type {number} */ (p.payChange));
    const mark = p.green
      ? s('path', { d: `M${cx} ${cy - 7}L${cx + 7} ${cy + 5}L${cx - 7} ${cy + 5}Z`, class: 'app-chart__point app-chart__point--green' })
      : s('circle', { cx, cy, r: 5, class: 'app-chart__point' });
    mark.append(s('title', {}, `${p.label}: ${formatPercent(p.score)} match, ${signedPercent(/** @type {number} */ (p.payChange))} pay`));
    marks.append(mark);
  }
  svg.append(grid, marks);

  const legend = h('ul', { class: 'app-chart__legend' },
    h('li', {}, h('span', { class: 'app-chart__key app-chart__key--green', 'aria-hidden': 'true' }, '▲'), ' Green move'),
    h('li', {}, h('span', { class: 'app-chart__key', 'aria-hidden': 'true' }, '●'), ' Other move'),
    h('li', {}, h('span', { class: 'app-chart__key app-chart__key--line', 'aria-hidden': 'true' }, '┆'), ` Viable line: a match score of ${formatPercent(VIABLE)}`));

  const tableId = `${idPrefix}-table`;
  replaceChildren(container,
    h('figure', { class: 'app-chart' }, svg, h('figcaption', { class: 'app-chart__caption' }, legend)),
    h('details', { class: 'app-details' },
      h('summary', { class: 'app-details__summary' }, 'Show the chart as a table'),
      h('div', { class: 'app-details__text app-table-wrap' },
        h('table', { class: 'app-table', id: tableId },
          h('caption', { class: 'app-table__caption' }, 'Moves in the chart'),
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, 'Job'),
            h('th', { scope: 'col' }, 'Match score'),
            h('th', { scope: 'col' }, 'Pay change vs now'),
            h('th', { scope: 'col' }, 'Green'))),
          h('tbody', {}, plotted.map((p) => h('tr', {},
            h('th', { scope: 'row' }, p.label),
            h('td', {}, formatPercent(p.score)),
            h('td', {}, signedPercent(/** @type {number} */ (p.payChange))),
            h('td', {}, p.green ? 'Yes' : 'No'))))))),
  );
}
