// @ts-check
/**
 * @file The council's saved plans: what each keeps and how they are compared side by side
 * (see `../scenarios/scenarios.js`).
 */

import { formatCount, formatGbp } from '../../app/format.js';
import { ScenarioStore, showScenarios } from '../scenarios/scenarios.js';

/**
 * @typedef {object} CouncilScenario
 * @property {string} name
 * @property {string} savedAt ISO date and time
 * @property {string} area
 * @property {{ budget: number | null, floor: number, payRatio: number }} settings
 * @property {number} workers
 * @property {number} transitions
 * @property {number} cost
 * @property {number} lowestShare
 * @property {number} groupsWithout
 * @property {string} status
 * @property {number} [gap]
 * @property {{ label: string, moved: number, workers: number }[]} groups
 */

/** @type {ScenarioStore<CouncilScenario>} */
export const councilScenarios = new ScenarioStore('greenpath.councilScenarios.v1', (s) => Array.isArray(s.groups) && typeof s.transitions === 'number');

const pct = (/** @type {number} */ x) => `${Math.round(x * 100)}%`;

/**
 * The saved plans side by side.
 * @param {HTMLElement} container
 * @param {(name: string) => void} onDelete
 */
export function showCouncilScenarios(container, onDelete) {
  showScenarios(container, councilScenarios.list(), {
    caption: 'Saved plans side by side (groups: workers with a route, of all)',
    rows: [
      ['Area', (s) => s.area],
      ['Training budget', (s) => (s.settings.budget === null ? 'no limit' : formatGbp(s.settings.budget))],
      ['Fairness floor', (s) => pct(s.settings.floor)],
      ['A good job pays at least', (s) => `${pct(s.settings.payRatio)} of current pay`],
      ['People with a route', (s) => `${formatCount(s.transitions)} of ${formatCount(s.workers)}`],
      ['Cost', (s) => formatGbp(s.cost)],
      ['Smallest share of a group with a route', (s) => pct(s.lowestShare)],
      ['Groups with no route', (s) => formatCount(s.groupsWithout)],
      ['Search', (s) => (s.status === 'optimal' ? 'best possible' : s.gap !== undefined ? `within ${(s.gap * 100).toFixed(1)}%` : 'best found in the time')],
    ],
    details: (s) => new Map(s.groups.map((g) => [g.label, `${formatCount(g.moved)} of ${formatCount(g.workers)}`])),
  }, onDelete);
}
