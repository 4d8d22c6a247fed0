// @ts-check
/**
 * @file A college's own course list: choose a CSV or JSON file, load it into the planner (in the
 * worker: the file never leaves the device), see every problem by row and column, see the
 * courses it holds, keep it on the device and forget it.
 */

import { byId, h, replaceChildren, setFieldError } from '../../app/dom.js';
import { formatCount, formatGbp, formatWeeks, plural } from '../../app/format.js';
import { forgetList, keepList, storedList } from './course-list-store.js';

/**
 * @typedef {import('../plan/plan-view.js').Course} Course
 * @typedef {import('./course-list-store.js').StoredList} StoredList
 */

/**
 * One message per problem of a course-list error: each where the college will find it (its own
 * row, line and column); other errors have their message.
 * @param {unknown} error
 * @returns {string[]}
 */
export function courseProblems(error) {
  const e = /** @type {{ problems?: string[], rows?: import('../../app/planner-client.js').RowProblem[] }} */ (error ?? {});
  if (Array.isArray(e.rows) && e.rows.length > 0) {
    return e.rows.map((r) => (r.row
      ? `Course list: Row ${r.row}${r.line ? ` (line ${r.line})` : ''}, ${r.field}: ${r.message}`
      : `Course list: ${r.field.charAt(0).toUpperCase()}${r.field.slice(1)}: ${r.message}`));
  }
  const problems = e.problems ?? [];
  const list = problems.length > 0 ? problems : [error instanceof Error ? error.message : String(error)];
  return list.map((p) => `Course list: ${p.charAt(0).toUpperCase()}${p.slice(1)}`);
}


/** What funding means for a learner, in words. */
const FUNDING = {
  free: 'Free to the learner',
  skillsBootcamp: 'Skills Bootcamp: free to the learner',
  apprenticeshipLevy: 'Apprenticeship: free to the learner in England, funded up to the standard’s band',
  grantPartFunded: 'A grant pays part',
  employerFunded: 'Paid by the employer',
  selfFunded: 'Paid by the learner',
  unknown: 'Not said',
};

export class CourseListLoader {
  /**
   * @param {object} o
   * @param {import('../../app/planner-client.js').PlannerClient} o.planner
   * @param {import('../error-summary/error-summary.js').ErrorSummary} o.errors
   */
  constructor({ planner, errors }) {
    this.planner = planner;
    this.errors = errors;
    this.els = {
      file: /** @type {HTMLInputElement} */ (byId('own-courses-file')),
      fileGroup: byId('own-courses-file-group'),
      fileError: byId('own-courses-file-error'),
      modes: byId('own-courses-modes'),
      load: /** @type {HTMLButtonElement} */ (byId('own-courses-load')),
      status: byId('own-courses-status'),
      kept: byId('own-courses-kept'),
      forget: /** @type {HTMLButtonElement} */ (byId('own-courses-forget')),
      table: byId('own-courses-table'),
    };
    this.els.load.addEventListener('click', () => { this.loadFile(); });
    this.els.forget.addEventListener('click', () => { this.forget(); });
  }

  /** Load the list kept on this device, if any (on opening the page). */
  async restore() {
    const list = storedList();
    if (!list) {
      this.showKept(null);
      return;
    }
    try {
      /** @type {import('../../pkg/greenpath.js').CourseListLoaded} */
      const loaded = await this.planner.call('loadCourses', list.text, list.format, list.mode);
      this.els.status.textContent = `Your list “${list.name}” is loaded: the catalogue has ${plural(loaded.catalogue, 'course')}.`;
      this.showKept(list);
      await this.showCourses(loaded.loaded);
    } catch (error) {
      this.showKept(list);
      this.errors.show(courseProblems(error).map((text) => ({ text: `Your kept list no longer loads (the data may have changed). ${text}`, href: '#own-courses-file' })));
    }
  }

  /** Load the chosen file; on any problem nothing changes and each problem is listed. */
  async loadFile() {
    const { file: input, fileGroup, fileError, status } = this.els;
    const file = input.files?.[0];
    const fail = (/** @type {string[]} */ problems) => {
      setFieldError(fileGroup, input, fileError,
        problems.length === 1 ? problems[0] : `The course list has ${plural(problems.length, 'problem')}.`);
      status.textContent = '';
      this.errors.show(problems.map((text) => ({ text, href: '#own-courses-file' })));
      this.errors.focus();
    };
    if (!file) {
      fail(['Select a course list file (CSV or JSON).']);
      return;
    }
    const format = /\.json$/i.test(file.name) ? 'json' : 'csv';
    const mode = /** @type {HTMLInputElement | null} */ (this.els.modes.querySelector('input[name="courses-mode"]:checked'))?.value === 'replace'
      ? 'replace' : 'add';
    this.els.load.disabled = true;
    status.textContent = 'Loading the course list…';
    try {
      let text;
      try {
        text = await file.text();
      } catch {
        fail([`The file ${file.name} could not be read.`]);
        return;
      }
      // The planner takes the new list in place of one loaded before (the kept one, say).
      /** @type {import('../../pkg/greenpath.js').CourseListLoaded} */
      let loaded;
      try {
        loaded = await this.planner.call('loadCourses', text, format, mode);
      } catch (error) {
        fail(courseProblems(error));
        return;
      }
      setFieldError(fileGroup, input, fileError, '');
      this.errors.clear();
      /** @type {StoredList} */
      const list = { name: file.name, text, format, mode, count: 0, savedAt: new Date().toISOString() };
      await this.showCourses(loaded.loaded);
      list.count = loaded.loaded;
      const kept = keepList(list);
      const ignored = loaded.ignoredColumns.length > 0
        ? ` Columns not used: ${loaded.ignoredColumns.join(', ')}.` : '';
      status.textContent = `Loaded “${file.name}”: ${plural(loaded.loaded, 'course')} of yours; the catalogue now has ${plural(loaded.catalogue, 'course')}.${ignored}`
        + (kept ? ' It is kept on this device for next time.' : ' This browser does not let the page keep it: load it again next time.');
      this.showKept(kept ? list : null);
    } finally {
      this.els.load.disabled = false;
    }
  }

  /** Forget the kept list (the planner keeps it until the page is reloaded). */
  forget() {
    forgetList();
    this.showKept(null);
    this.els.status.textContent = 'Your course list is forgotten on this device. Reload the page to plan without it.';
  }

  /**
   * Say what is kept on this device, with the "forget" button.
   * @param {StoredList | null} list
   */
  showKept(list) {
    this.els.kept.textContent = list
      ? `Kept on this device: “${list.name}” (${plural(list.count, 'course')}, ${list.mode === 'add' ? 'added to the catalogue' : 'used on its own'}), saved ${new Date(list.savedAt).toLocaleString('en-GB')}.`
      : 'No course list is kept on this device.';
    this.els.forget.hidden = !list;
  }

  /**
   * The college's own courses as a table: the last `count` of the catalogue (a list is added
   * after the national courses, or is the whole catalogue).
   * @param {number} count
   */
  async showCourses(count) {
    /** @type {Course[]} */
    const all = await this.planner.call('courses');
    const own = all.slice(Math.max(0, all.length - count));
    replaceChildren(this.els.table, own.length === 0 ? null : h('div', { class: 'app-table-wrap' },
      h('table', { class: 'app-table', id: 'own-courses-list' },
        h('caption', { class: 'app-table__caption' }, `Your courses (${formatCount(own.length)})`),
        h('thead', {}, h('tr', {}, ['Course', 'Kind and level', 'Length', 'Price to the learner', 'Funding'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, own.map((c) => h('tr', {},
          h('th', { scope: 'row' }, c.title),
          h('td', {}, `${c.kind.replace(/([A-Z])/g, ' $1').toLowerCase()}${typeof c.level === 'number' ? `, level ${c.level}` : ''}`),
          h('td', {}, typeof c.weeks === 'number' ? formatWeeks(c.weeks) : 'not said'),
          h('td', {}, typeof c.cost === 'number' ? formatGbp(c.cost) : c.funding === 'apprenticeshipLevy' ? 'free (apprenticeship)' : 'not said'),
          h('td', {}, FUNDING[c.funding] ?? c.funding)))))));
  }
}
