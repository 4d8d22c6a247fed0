// @ts-check
/**
 * @file Plans saved on this device under a name, and compared side by side (the college's and
 * the council's). Kept in localStorage only; nothing is sent anywhere. A failing storage
 * (private browsing, a full quota) is reported, never thrown.
 */

import { h, replaceChildren } from '../../app/dom.js';

/** Most scenarios kept (oldest dropped first). */
const MAX_SCENARIOS = 12;

/**
 * @template {{ name: string, savedAt: string }} S
 * @typedef {object} ScenarioTable
 * @property {string} caption the comparison table's caption
 * @property {[string, (s: S) => string][]} rows one row per measure: its label and its cell
 * @property {(s: S) => Map<string, string>} [details] further rows by label (courses, groups),
 *   each scenario's cells; a label a scenario lacks shows "–"
 */

/**
 * Saved scenarios under one localStorage key.
 * @template {{ name: string, savedAt: string }} S
 */
export class ScenarioStore {
  /**
   * @param {string} key localStorage key
   * @param {(s: any) => boolean} valid whether a kept item is a scenario this page can show
   */
  constructor(key, valid) {
    this.key = key;
    this.valid = valid;
  }

  /** @returns {S[]} */
  list() {
    try {
      const list = JSON.parse(window.localStorage.getItem(this.key) ?? '[]');
      return Array.isArray(list) ? list.filter((s) => s && typeof s.name === 'string' && this.valid(s)) : [];
    } catch {
      return [];
    }
  }

  /**
   * Save (or replace, by name) a scenario. False when storage is unavailable.
   * @param {S} scenario
   */
  save(scenario) {
    const list = this.list().filter((s) => s.name !== scenario.name);
    list.push(scenario);
    try {
      window.localStorage.setItem(this.key, JSON.stringify(list.slice(-MAX_SCENARIOS)));
      return true;
    } catch {
      return false;
    }
  }

  /** @param {string} name */
  remove(name) {
    try {
      window.localStorage.setItem(this.key, JSON.stringify(this.list().filter((s) => s.name !== name)));
    } catch { /* storage unavailable: nothing was kept */ }
  }

  forget() {
    try { window.localStorage.removeItem(this.key); } catch { /* nothing kept */ }
  }
}

/**
 * The saved scenarios side by side: one column each, a row per measure, then the detail rows.
 * @template {{ name: string, savedAt: string }} S
 * @param {HTMLElement} container
 * @param {S[]} list
 * @param {ScenarioTable<S>} table
 * @param {(name: string) => void} onDelete
 */
export function showScenarios(container, list, table, onDelete) {
  if (list.length === 0) {
    replaceChildren(container, h('p', { class: 'app-body', id: 'scenarios-empty' }, 'No plans saved on this device yet.'));
    return;
  }
  const details = list.map((s) => table.details?.(s) ?? new Map());
  const labels = [...new Set(details.flatMap((d) => [...d.keys()]))].sort();
  replaceChildren(container,
    h('div', { class: 'app-table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Saved plans side by side' }, h('table', { class: 'app-table', id: 'scenario-compare' },
      h('caption', { class: 'app-table__caption' }, table.caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), list.map((s) => h('th', { scope: 'col' },
        s.name, h('span', { class: 'app-editable__note' }, ` saved ${new Date(s.savedAt).toLocaleDateString('en-GB')}`))))),
      h('tbody', {},
        table.rows.map(([label, value]) => h('tr', {}, h('th', { scope: 'row' }, label), list.map((s) => h('td', {}, value(s))))),
        labels.map((label) => h('tr', {}, h('th', { scope: 'row' }, label), details.map((d) => h('td', {}, d.get(label) ?? '–'))))))),
    h('ul', { class: 'app-list app-scenario-actions' }, list.map((s) => {
      const button = h('button', { type: 'button', class: 'app-button app-button--secondary app-button--small' }, `Delete “${s.name}”`);
      button.addEventListener('click', () => onDelete(s.name));
      return h('li', {}, button);
    })));
}
