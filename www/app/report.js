// @ts-check
/**
 * @file Pieces the college's and the council's plan reports share: a data table, how a solve
 * ended in words, and a CSV cell a spreadsheet cannot run as a formula.
 */

import { h } from './dom.js';

/**
 * A table in a focusable scroll region.
 * @param {string} caption
 * @param {string[]} headings
 * @param {(string | Node)[][]} rows first cell is the row header
 * @param {number[]} [numeric] columns aligned right
 * @param {string} [id] the table's id
 */
export function dataTable(caption, headings, rows, numeric = [], id = undefined) {
  const cls = (/** @type {number} */ i) => (numeric.includes(i) ? 'app-table__cell--numeric' : '');
  return h('div', { class: 'app-table-wrap', tabindex: 0, role: 'region', 'aria-label': caption }, h('table', { class: 'app-table', id },
    h('caption', { class: 'app-table__caption' }, caption),
    h('thead', {}, h('tr', {}, headings.map((t, i) => h('th', { scope: 'col', class: cls(i) }, t)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0
      ? h('th', { scope: 'row' }, c) : h('td', { class: cls(i) }, c))))))));
}

/**
 * How a solve ended, in words.
 * @param {string} status `optimal`, `withinGap`, `timeLimit` or `heuristic`
 * @param {number | undefined} gap relative gap to the best bound
 */
export function solveStatusWords(status, gap) {
  const g = gap === undefined ? '' : `${(gap * 100).toFixed(1)}%`;
  switch (status) {
    case 'optimal': return 'This is the best plan for these figures.';
    case 'withinGap': return `This plan is within ${g} of the best possible for these figures.`;
    case 'timeLimit': return `The time limit stopped the search: this is the best plan found${g ? `, at most ${g} short of the best possible` : ''}. Allow more time for a better one.`;
    case 'heuristic': return 'The time limit stopped the search before it could improve on a quick plan: allow more time.';
    default: return '';
  }
}

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ is
 * escaped so that a spreadsheet shows it rather than runs it.
 * @param {string | number} v
 */
export function csvCell(v) {
  const text = String(v);
  return /[",\n]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : text;
}
