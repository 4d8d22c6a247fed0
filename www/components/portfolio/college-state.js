// @ts-check
/**
 * @file What a college planner typed on the college page (area, the figures in the tables,
 * limits), kept on this device so a reload, a failed plan or a cancelled search loses nothing.
 * localStorage only; storage failures are silent (the page then keeps state as long as it is
 * open).
 */

const KEY = 'greenpath.college.v1';

/**
 * @typedef {object} CollegeState
 * @property {string} area NUTS3 code ('' before one is chosen)
 * @property {any} [tables] the local picture's table snapshot
 * @property {any} [courses] the candidate courses table snapshot
 * @property {Record<string, string>} [limits] the limits form's fields, as typed
 */

/** @returns {CollegeState | null} */
export function keptState() {
  try {
    const state = JSON.parse(window.localStorage.getItem(KEY) ?? 'null');
    return state && typeof state.area === 'string' ? state : null;
  } catch {
    return null;
  }
}

/** @param {CollegeState} state */
export function keepState(state) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(state));
  } catch { /* storage unavailable or full: the page still works */ }
}

export function forgetState() {
  try { window.localStorage.removeItem(KEY); } catch { /* nothing kept */ }
}
