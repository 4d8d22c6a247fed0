// @ts-check
/**
 * @file A college's own course list, kept on this device (localStorage) so that it survives a
 * reload and the worker page's plans can use it. Nothing is sent anywhere. Storage may be
 * unavailable (private browsing, a full quota): then the list lasts as long as the page.
 */

/** The storage key; the version changes if the stored shape does. */
const KEY = 'greenpath.courseList.v1';

/**
 * @typedef {object} StoredList
 * @property {string} name the file's name
 * @property {string} text the file's text, as loaded
 * @property {'csv' | 'json'} format
 * @property {'add' | 'replace'} mode added to the catalogue, or used on its own
 * @property {number} count courses in the list
 * @property {string} savedAt ISO date and time
 */

/** @returns {StoredList | null} */
export function storedList() {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const list = JSON.parse(raw);
    const ok = list && typeof list.text === 'string' && typeof list.name === 'string'
      && (list.format === 'csv' || list.format === 'json') && (list.mode === 'add' || list.mode === 'replace');
    return ok ? /** @type {StoredList} */ (list) : null;
  } catch {
    return null;
  }
}

/**
 * Keep `list` on this device. Returns false when storage is unavailable or full.
 * @param {StoredList} list
 */
export function keepList(list) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

/** Forget the kept list. */
export function forgetList() {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}

/**
 * Load a kept list into the planner (the worker page's plans use it). Returns the list, or null
 * when there is none or it no longer loads (the data changed): then it is left for the college
 * page to explain.
 * @param {import('../../app/planner-client.js').PlannerClient} planner
 * @returns {Promise<StoredList | null>}
 */
export async function applyStoredList(planner) {
  const list = storedList();
  if (!list) return null;
  try {
    await planner.call('loadCourses', list.text, list.format, list.mode);
    return list;
  } catch {
    return null;
  }
}
