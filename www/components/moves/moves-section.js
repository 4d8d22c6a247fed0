// @ts-check
/**
 * @file The moves part of the page: the green moves, the other close jobs and the chart, drawn
 * from one answer, with the filters' words ("green under …", "good pay means …").
 */

import { renderMoves, greenName } from './moves.js';
import { renderChart } from '../chart/chart.js';
import { formatCount } from '../../app/format.js';
import { h } from '../../app/dom.js';

/**
 * @typedef {import('./moves.js').Transition} Transition
 * @typedef {import('./moves.js').Classification} Classification
 * @typedef {import('../current-job/current-job.js').OccupationDetail} OccupationDetail
 * @typedef {import('../move-controls/filters.js').Filters} Filters
 * @typedef {{ green: HTMLElement, other: HTMLElement, chart: HTMLElement, chartBody: HTMLElement }} MoveSections
 */

/**
 * Show or hide the moves (hidden while the filters are invalid, so no list misleads).
 * @param {MoveSections} sections
 * @param {boolean} hidden
 */
export function setMovesHidden(sections, hidden) {
  sections.green.hidden = hidden;
  sections.chart.hidden = hidden;
  if (hidden) sections.other.hidden = true;
}

/**
 * Render both lists and the chart.
 * @param {MoveSections} sections
 * @param {{ job: OccupationDetail, first: Transition[], other: Transition[], defs: Classification[], filters: Filters, viableThreshold?: number }} o
 */
export function renderMoveSections(sections, { job, first, other, defs, filters: f, viableThreshold }) {
  const definition = f.green === 'any' ? 'any of the definitions above'
    : f.green === 'consensus' ? 'at least two of the definitions above'
    : `the definition “${greenName(f.green, defs)}”`;
  const pay = f.payFloor === null
    ? `“Good pay” means at least ${Math.round(f.desirablePayRatio * 100)}% of your pay now (no pay floor).`
    : `“Good pay” means at least ${Math.round(f.desirablePayRatio * 100)}% of your pay now and at least £${formatCount(f.payFloor)} a year.`;
  const common = {
    origin: job, classifications: defs, filters: { desirablePayRatio: f.desirablePayRatio, payFloor: f.payFloor },
  };
  const ranked = `Moves that industry bodies recognise for your job come first, then moves your skills already make viable, then the rest, each by how much of the new job’s skills you have (including skills you added). Pay does not change the order: it decides “good pay”. ${pay} Carbon-intensive jobs are never counted as green.`;
  renderMoves(sections.green, {
    ...common,
    headingId: 'green-moves-heading',
    heading: f.onlyGreen ? 'Moves into green jobs' : 'Close jobs, green or not',
    intro: [
      h('span', { class: 'app-moves__definition' }, f.onlyGreen
        ? `Green jobs under ${definition}.`
        : `Every close job; those that are green under ${definition} say so.`),
    ],
    how: ranked,
    listId: 'green-moves-list',
    empty: f.onlyGreen
      ? `No green jobs under ${definition} match these filters. Try another definition, “Any move”, or a lower pay floor.`
      : 'No jobs match these filters. Try “Any move” or a lower pay floor.',
    moves: first,
  });
  sections.other.hidden = !f.onlyGreen;
  if (f.onlyGreen) {
    renderMoves(sections.other, {
      ...common,
      headingId: 'other-moves-heading',
      heading: 'Other close jobs',
      intro: [`Jobs close to yours that are not green under ${definition}.`],
      how: ranked,
      listId: 'other-moves-list',
      empty: 'No other jobs match these filters.',
      moves: other,
    });
  } else {
    sections.other.replaceChildren();
  }
  renderChart(sections.chartBody, [...first, ...other].map((t) => ({
    label: t.label, score: t.score, payChange: t.payChange, green: t.flags.green,
  })), { idPrefix: 'moves-chart', viable: viableThreshold });
}

/**
 * "Plan the retraining for <job>" on every move.
 * @param {MoveSections} sections
 * @param {(id: string, label: string | undefined) => void} onPlan
 */
export function onPlanButtons(sections, onPlan) {
  for (const list of [sections.green, sections.other]) {
    list.addEventListener('click', (e) => {
      const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest('button[data-action="plan"]'));
      if (button?.dataset.id) onPlan(button.dataset.id, button.dataset.label);
    });
  }
}
