// @ts-check
/**
 * @file What the college and council pages share beyond their components: reading a form of
 * numbers (each problem shown at its field), the error summary for a list of problems, loading
 * the planner's own figures file into the local picture, a course's price in words, and saving
 * text as a download.
 */

import { h, setFieldError } from './dom.js';
import { formatCount, formatGbp, rowInWords } from './format.js';
import { readNumber } from '../components/editable-table/editable-table.js';

/**
 * One numeric field: its id, the lowest and highest value allowed, whether it may be blank
 * (null), and whether it is typed as a percentage (returned as a share).
 * @typedef {readonly [string, number, number, boolean, boolean?]} NumberField
 */

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * The fields as typed, to keep on the device.
 * @param {readonly NumberField[]} fields
 * @returns {Record<string, string>}
 */
export function fieldValues(fields) {
  return Object.fromEntries(fields.map(([name]) => [name, /** @type {HTMLInputElement} */ (byId(name)).value]));
}

/**
 * The fields, checked: each problem shown at its field (group `<id>-group`, message
 * `<id>-error`). Numbers are read as spreadsheets write them.
 * @param {readonly NumberField[]} fields
 * @returns {{ values: Record<string, number | null>, problems: { inputId: string, text: string }[] }}
 */
export function readFields(fields) {
  /** @type {Record<string, number | null>} */
  const values = {};
  /** @type {{ inputId: string, text: string }[]} */
  const problems = [];
  for (const [name, low, high, optional, percent] of fields) {
    const input = /** @type {HTMLInputElement} */ (byId(name));
    const label = input.labels?.[0]?.textContent ?? name;
    const raw = input.value;
    let message = '';
    if (raw.trim() === '' && optional) values[name] = null;
    else {
      const n = readNumber(raw);
      if (!Number.isFinite(n)) message = `${label}: “${raw.slice(0, 30)}” is not a number`;
      else if (n < low || n > high) message = `${label}: must be from ${formatCount(low)} to ${formatCount(high)}`;
      values[name] = percent ? n / 100 : n;
    }
    setFieldError(byId(`${name}-group`), input, byId(`${name}-error`), message);
    if (message) problems.push({ inputId: name, text: message });
  }
  return { values, problems };
}

/**
 * Put back fields as typed.
 * @param {Record<string, unknown>} kept
 */
export function restoreFields(kept) {
  for (const [name, value] of Object.entries(kept)) {
    const input = document.getElementById(name);
    if (input instanceof HTMLInputElement && typeof value === 'string') input.value = value;
  }
}

/**
 * Show problems in the error summary (at most 20), each linking to its input, and focus it.
 * @param {import('../components/error-summary/error-summary.js').ErrorSummary} errors
 * @param {{ inputId: string, text: string }[]} problems
 */
export function showProblems(errors, problems) {
  errors.show(problems.slice(0, 20).map((p) => ({ text: p.text, href: `#${p.inputId}` })));
  errors.focus();
}

/**
 * Wire the "Load your own figures" form (file `own-figures-file`, radios `own-figures-kind`,
 * button `own-figures-load`) to the local picture. The planner reads the file (as it reads a
 * course list: separators, `1,200`, `£600`, and a problem for each row that does not read).
 * @param {import('../components/local-picture/local-picture.js').LocalPicture} picture
 * @param {import('./planner-client.js').PlannerClient} planner
 * @param {(kind: 'origins' | 'destinations') => void} [onLoaded] after figures went in
 */
export function wireOwnFigures(picture, planner, onLoaded = () => {}) {
  byId('own-figures-load').addEventListener('click', async () => {
    const input = /** @type {HTMLInputElement} */ (byId('own-figures-file'));
    const file = input.files?.[0];
    const checked = /** @type {HTMLInputElement} */ (document.querySelector('input[name="own-figures-kind"]:checked'));
    const kind = checked.value === 'destinations' ? 'destinations' : 'origins';
    const fail = (/** @type {string} */ text) => setFieldError(byId('own-figures-group'), input, byId('own-figures-error'), text);
    if (!file) { fail('Choose a CSV or JSON file of figures'); return; }
    if (file.size > 2_000_000) { fail('The file is larger than 2 MB: figures for one area fit in far less'); return; }
    /** @type {import('../pkg-area/greenpath.js').Figures} */
    let figures;
    try {
      figures = await planner.call('readFigures', await file.text());
    } catch (error) {
      const e = /** @type {any} */ (error);
      const rows = Array.isArray(e?.rows) ? e.rows : [];
      fail(rows.length > 0 ? rows.map(problemInWords).join(' ') : `The file does not read: ${e?.message ?? e}`);
      byId('own-figures-status').textContent = 'Nothing was changed.';
      return;
    }
    const problems = [...figures.problems.map(problemInWords), ...picture.applyOwnFigures(kind, figures.rows)];
    if (figures.rows.length === 0 && problems.length === 0) problems.push('The file has no figures.');
    fail(problems.length === 0 ? '' : problems.slice(0, 10).join(' '));
    byId('own-figures-status').textContent = problems.length === 0 ? 'Your figures are in the table.' : `${formatCount(problems.length)} rows were not used; the others are in the table.`;
    onLoaded(kind);
  });
}

/**
 * A problem the planner found in a file of figures, in words, from its fields: "Row 2 (line 3):
 * the count …" (a row's message reads after its field), or "The file does not read: …".
 * @param {{ row: number | null, line?: number | null, field: string, message: string }} p
 */
export function problemInWords(p) {
  if (p.row === null) {
    return `The file does not read${p.line === null || p.line === undefined ? '' : ` at line ${p.line}`}: ${p.message}.`;
  }
  return `${rowInWords(p)}: the ${p.field} ${p.message}.`;
}

/**
 * Offer `text` as a file download.
 * @param {string} text
 * @param {string} filename
 * @param {string} type MIME type
 */
export function download(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * What a course costs the learner, in words: apprenticeships are free to the learner in England.
 * @param {import('../pkg-area/greenpath.js').CourseDto} c
 */
export function learnerPrice(c) {
  if (c.kind === 'apprenticeship') {
    return `free to the learner in England; funded up to ${c.maxFunding ? formatGbp(c.maxFunding) : 'its funding band'}`;
  }
  if (c.funding === 'skillsBootcamp') return 'a Skills Bootcamp: free to the learner';
  if (c.cost !== undefined) return `${formatGbp(c.cost)} to the learner`;
  if (c.funding === 'free') return 'free to the learner';
  return 'no published price';
}

/**
 * Keeps what the person typed on the device: now (before a search a cancel may interrupt), or a
 * moment after the last edit; never while the page is putting kept state back.
 * @template S
 */
export class Keeper {
  /**
   * @param {import('./kept-state.js').KeptState<S>} kept
   * @param {() => S} snapshot what to keep
   */
  constructor(kept, snapshot) {
    this.kept = kept;
    this.snapshot = snapshot;
    this.restoring = false;
    this.timer = 0;
  }

  now() {
    window.clearTimeout(this.timer);
    if (!this.restoring) this.kept.keep(this.snapshot());
  }

  soon() {
    if (this.restoring) return;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.now(), 300);
  }

  /**
   * Put kept state back without keeping the half-restored page meanwhile.
   * @param {() => Promise<void>} work
   */
  async restore(work) {
    this.restoring = true;
    try {
      await work();
    } finally {
      this.restoring = false;
    }
  }
}

/**
 * A search in the planner's worker: the button disabled, a progress bar against the time the
 * search may take, the seconds so far, and Cancel (which restarts the worker; nothing typed is
 * lost). Errors go to the error summary, saying nothing entered has changed.
 */
export class PlanSearch {
  /**
   * @param {object} o
   * @param {import('./planner-client.js').PlannerClient} o.planner
   * @param {import('../components/error-summary/error-summary.js').ErrorSummary} o.errors
   * @param {HTMLButtonElement} o.button the plan button
   * @param {HTMLButtonElement} o.cancel
   * @param {HTMLElement} o.progressGroup
   * @param {HTMLProgressElement} o.progress
   * @param {HTMLElement} o.status
   * @param {() => Promise<void>} o.afterCancel what to do once the worker restarted
   */
  constructor({ planner, errors, button, cancel, progressGroup, progress, status, afterCancel }) {
    this.errors = errors;
    this.button = button;
    this.cancelButton = cancel;
    this.progressGroup = progressGroup;
    this.progress = progress;
    this.status = status;
    this.solving = false;
    cancel.addEventListener('click', async () => {
      if (!this.solving) return;
      planner.restart();
      this.set(false);
      await afterCancel();
    });
  }

  /** @param {boolean} on */
  set(on) {
    this.solving = on;
    this.button.disabled = on;
    this.cancelButton.hidden = !on;
    this.progressGroup.hidden = !on;
  }

  /**
   * Run `work`, then `done` with its result and the seconds it took (returning the status line).
   * @template T
   * @param {number} allowedMs how long the search may take, for the progress bar
   * @param {() => Promise<T>} work
   * @param {(result: T, seconds: number) => string} done
   */
  async run(allowedMs, work, done) {
    if (this.solving) return;
    this.set(true);
    const started = performance.now();
    const ticker = window.setInterval(() => {
      const elapsed = performance.now() - started;
      this.progress.value = Math.min(99, (elapsed / allowedMs) * 100);
      this.status.textContent = `Searching… ${Math.round(elapsed / 1000)} s`;
    }, 500);
    this.status.textContent = 'Searching…';
    try {
      const result = await work();
      this.status.textContent = done(result, (performance.now() - started) / 1000);
    } catch (error) {
      const e = /** @type {any} */ (error);
      if (e?.kind === 'cancelled') {
        this.status.textContent = 'Cancelled. Your figures are kept; the planner is starting again.';
      } else {
        this.status.textContent = '';
        this.errors.show([{ text: `The plan could not be made: ${e?.message ?? error}. Nothing you entered has changed.`, href: e?.field ? `#${e.field}` : undefined }]);
        this.errors.focus();
      }
    } finally {
      window.clearInterval(ticker);
      this.set(false);
    }
  }
}
