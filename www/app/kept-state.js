// @ts-check
/**
 * @file What a planner typed on a page (the college's or the council's: area, the figures in
 * the tables, limits), kept on this device so a reload, a failed plan or a cancelled search
 * loses nothing. localStorage only; storage failures are silent (the page then keeps state as
 * long as it is open).
 */

/** @template S */
export class KeptState {
  /**
   * @param {string} key localStorage key
   * @param {(s: any) => boolean} valid whether a kept value is a state this page can use
   */
  constructor(key, valid) {
    this.key = key;
    this.valid = valid;
  }

  /** @returns {S | null} */
  get() {
    try {
      const state = JSON.parse(window.localStorage.getItem(this.key) ?? 'null');
      return state && this.valid(state) ? state : null;
    } catch {
      return null;
    }
  }

  /** @param {S} state */
  keep(state) {
    try {
      window.localStorage.setItem(this.key, JSON.stringify(state));
    } catch { /* storage unavailable or full: the page still works */ }
  }

  forget() {
    try { window.localStorage.removeItem(this.key); } catch { /* nothing kept */ }
  }
}
