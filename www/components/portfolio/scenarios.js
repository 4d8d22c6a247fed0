// @ts-check
/**
 * @file The college's saved plans: what each keeps and how they are compared (see
 * `../scenarios/scenarios.js`).
 */

import { formatCount, formatGbp } from '../../app/format.js';
import { ScenarioStore, showScenarios as showTable } from '../scenarios/scenarios.js';

/**
 * @typedef {object} Scenario
 * @property {string} name
 * @property {string} savedAt ISO date and time
 * @property {string} area
 * @property {{ budget: number | null, tutorHours: number | null, sessions: number | null }} limits
 * @property {number} placements
 * @property {number} places
 * @property {number} cost
 * @property {number} tutorHours
 * @property {number} sessions
 * @property {string} status
 * @property {{ id?: string, title: string, cohorts: number, places: number }[]} courses running courses
 */

/** @type {ScenarioStore<Scenario>} */
export const collegeScenarios = new ScenarioStore('greenpath.collegeScenarios.v1', (s) => Array.isArray(s.courses));

/** @returns {Scenario[]} */
export function savedScenarios() {
  return collegeScenarios.list();
}

/** @param {Scenario} scenario */
export function saveScenario(scenario) {
  return collegeScenarios.save(scenario);
}

/** @param {string} name */
export function deleteScenario(name) {
  collegeScenarios.remove(name);
}

export function forgetScenarios() {
  collegeScenarios.forget();
}

/**
 * The saved scenarios side by side: one column each, rows for the totals and each course.
 * @param {HTMLElement} container
 * @param {(name: string) => void} onDelete
 */
export function showScenarios(container, onDelete) {
  const limit = (/** @type {number | null} */ n, /** @type {(n: number) => string} */ f) => (n === null ? 'no limit' : f(n));
  showTable(container, savedScenarios(), {
    caption: 'Saved plans side by side (courses: cohorts and places)',
    rows: [
      ['Area', (s) => s.area],
      ['People expected into green jobs', (s) => (Math.round(s.placements * 10) / 10).toLocaleString('en-GB')],
      ['Places', (s) => formatCount(s.places)],
      ['Cost', (s) => formatGbp(s.cost)],
      ['Budget', (s) => limit(s.limits.budget, formatGbp)],
      ['Tutor hours used (of)', (s) => `${formatCount(Math.round(s.tutorHours))} (${limit(s.limits.tutorHours, formatCount)})`],
      ['Room sessions used (of)', (s) => `${formatCount(Math.round(s.sessions))} (${limit(s.limits.sessions, formatCount)})`],
    ],
    details: (s) => new Map(s.courses.map((c) => [c.title, `${formatCount(c.cohorts)} × cohort, ${formatCount(c.places)} places`])),
  }, onDelete);
}
