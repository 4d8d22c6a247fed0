// @ts-check
/**
 * @file Plans saved on this device under a name, and compared side by side. Kept in
 * localStorage only; nothing is sent anywhere. A failing storage (private browsing, a full
 * quota) is reported, never thrown.
 */

import { h, replaceChildren } from '../../app/dom.js';
import { formatCount, formatGbp } from '../../app/format.js';

const KEY = 'greenpath.collegeScenarios.v1';
/** Most scenarios kept (oldest dropped first). */
const MAX_SCENARIOS = 12;

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
 * @property {{ title: string, cohorts: number, places: number }[]} courses running courses
 */

/** @returns {Scenario[]} */
export function savedScenarios() {
  try {
    const list = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((s) => s && typeof s.name === 'string' && Array.isArray(s.courses)) : [];
  } catch {
    return [];
  }
}

/**
 * Save (or replace, by name) a scenario. False when storage is unavailable.
 * @param {Scenario} scenario
 */
export function saveScenario(scenario) {
  const list = savedScenarios().filter((s) => s.name !== scenario.name);
  list.push(scenario);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(list.slice(-MAX_SCENARIOS)));
    return true;
  } catch {
    return false;
  }
}

/** @param {string} name */
export function deleteScenario(name) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(savedScenarios().filter((s) => s.name !== name)));
  } catch { /* storage unavailable: nothing was kept */ }
}

export function forgetScenarios() {
  try { window.localStorage.removeItem(KEY); } catch { /* nothing kept */ }
}

/**
 * The saved scenarios side by side: one column each, rows for the totals and each course.
 * @param {HTMLElement} container
 * @param {(name: string) => void} onDelete
 */
export function showScenarios(container, onDelete) {
  const list = savedScenarios();
  if (list.length === 0) {
    replaceChildren(container, h('p', { class: 'app-body', id: 'scenarios-empty' }, 'No plans saved on this device yet.'));
    return;
  }
  const limit = (/** @type {number | null} */ n, /** @type {(n: number) => string} */ f) => (n === null ? 'no limit' : f(n));
  /** @type {[string, (s: Scenario) => string][]} */
  const rows = [
    ['Area', (s) => s.area],
    ['People expected into green jobs', (s) => (Math.round(s.placements * 10) / 10).toLocaleString('en-GB')],
    ['Places', (s) => formatCount(s.places)],
    ['Cost', (s) => formatGbp(s.cost)],
    ['Budget', (s) => limit(s.limits.budget, formatGbp)],
    ['Tutor hours used (of)', (s) => `${formatCount(Math.round(s.tutorHours))} (${limit(s.limits.tutorHours, formatCount)})`],
    ['Room sessions used (of)', (s) => `${formatCount(Math.round(s.sessions))} (${limit(s.limits.sessions, formatCount)})`],
  ];
  const titles = [...new Set(list.flatMap((s) => s.courses.map((c) => c.title)))].sort();
  replaceChildren(container,
    h('div', { class: 'app-table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Saved plans side by side' }, h('table', { class: 'app-table', id: 'scenario-compare' },
      h('caption', { class: 'app-table__caption' }, 'Saved plans side by side (courses: cohorts and places)'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), list.map((s) => h('th', { scope: 'col' },
        s.name, h('span', { class: 'app-editable__note' }, ` saved ${new Date(s.savedAt).toLocaleDateString('en-GB')}`))))),
      h('tbody', {},
        rows.map(([label, value]) => h('tr', {}, h('th', { scope: 'row' }, label), list.map((s) => h('td', {}, value(s))))),
        titles.map((t) => h('tr', {}, h('th', { scope: 'row' }, t), list.map((s) => {
          const c = s.courses.find((x) => x.title === t);
          return h('td', {}, c ? `${formatCount(c.cohorts)} × cohort, ${formatCount(c.places)} places` : '–');
        })))))),
    h('ul', { class: 'app-list app-scenario-actions' }, list.map((s) => {
      const button = h('button', { type: 'button', class: 'app-button app-button--secondary app-button--small' }, `Delete “${s.name}”`);
      button.addEventListener('click', () => onDelete(s.name));
      return h('li', {}, button);
    })));
}
