// @ts-check
/**
 * @file Promise API over the planner Web Worker.
 *
 * @example
 *   const planner = new PlannerClient();
 *   planner.onProgress((p) => console.log(p.message));
 *   const info = await planner.ready;
 *   const matches = await planner.call('searchOccupations', 'welder', 8);
 */

/**
 * @typedef {import('../pkg/greenpath.js').DatasetInfo} DatasetInfo `Planner.datasetInfo`
 */

/**
 * @typedef {object} Progress
 * @property {'wasm'|'data'|'decompress'|'build'} stage
 * @property {string} message
 */

/**
 * @typedef {object} RowProblem a problem in a file a person loaded, where they can find it
 * @property {number | null} row the row, from 1 (null: the header or the whole file)
 * @property {number | null} line the line of a CSV file, where known
 * @property {string} field the column
 * @property {string} message what is wrong
 */

/** An error raised by the planner (bad argument, unknown id) or by loading it. */
export class PlannerError extends Error {
  /**
   * @param {string} message
   * @param {string} [kind] the planner's error kind (e.g. `invalidArgument`), else the error's name
   * @param {{ field?: string, value?: string, problems?: string[], rows?: RowProblem[] }} [details]
   */
  constructor(message, kind = 'Error', details = {}) {
    super(message);
    this.name = 'PlannerError';
    /** The planner's error kind (`decode`, `invalid`, `unknownOccupation`, `unknownSkill`, `invalidArgument`, `solver`), or the name of another error thrown in the worker. */
    this.kind = kind;
    /** The option or argument the error is about, if any. */
    this.field = details.field;
    /** The value given for it, as given (an unknown id, for example). */
    this.value = details.value;
    /** For invalid data: one message per problem, each naming its row and field. */
    this.problems = details.problems ?? [];
    /** For a loaded file: each problem with its row, line and column apart. */
    this.rows = details.rows ?? [];
  }
}

/**
 * A PlannerError from the worker's error record.
 * @param {any} record
 * @param {string} fallback message when the record has none
 */
function fromRecord(record, fallback) {
  return new PlannerError(record?.message ?? fallback, record?.kind ?? record?.name, {
    field: record?.field, value: record?.value, problems: record?.problems, rows: record?.rows,
  });
}

export class PlannerClient {
  /**
   * @param {URL | string} [workerUrl] defaults to `planner-worker.js` next to this module
   */
  constructor(workerUrl = new URL('./planner-worker.js', import.meta.url)) {
    this._workerUrl = workerUrl;
    /** @type {Set<(p: Progress) => void>} */
    this._progressListeners = new Set();
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    this._pending = new Map();
    this._nextId = 1;
    /** @type {PlannerError | null} */
    this._failure = null;
    /** Resolves with `datasetInfo()` once the planner is built; rejects if loading fails. */
    this.ready = /** @type {Promise<DatasetInfo & {timings?: Record<string, number>}>} */ (new Promise(() => {}));
    this._worker = this._start();
  }

  /**
   * Start a worker: `ready` becomes its readiness, and calls go to it.
   * @returns {Worker}
   */
  _start() {
    const workerUrl = this._workerUrl;
    this._pending = new Map();
    this._nextId = 1;
    this._failure = null;

    /** @type {(info: DatasetInfo) => void} */
    let resolveReady = () => {};
    /** @type {(e: Error) => void} */
    let rejectReady = () => {};
    /** Resolves with `datasetInfo()` once the planner is built; rejects if loading fails. */
    this.ready = /** @type {Promise<DatasetInfo & {timings?: Record<string, number>}>} */ (
      new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; }));
    this.ready.catch(() => {}); // callers that never await `ready` still get per-call rejections

    /** @param {PlannerError} error */
    const fail = (error) => {
      if (this._failure) return;
      this._failure = error;
      rejectReady(error);
      for (const { reject } of this._pending.values()) reject(error);
      this._pending.clear();
    };

    const worker = new Worker(workerUrl, { type: 'module', name: 'greenpath-planner' });
    worker.addEventListener('message', (event) => {
      const msg = event.data;
      if (!msg || typeof msg !== 'object') return;
      if (typeof msg.id === 'number') {
        const pending = this._pending.get(msg.id);
        if (!pending) return;
        this._pending.delete(msg.id);
        if (msg.ok) pending.resolve(msg.result);
        else pending.reject(fromRecord(msg.error, 'Unknown planner error'));
        return;
      }
      switch (msg.type) {
        case 'progress':
          for (const listener of this._progressListeners) listener({ stage: msg.stage, message: msg.message });
          break;
        case 'ready':
          resolveReady(msg.info);
          break;
        case 'failed':
          fail(fromRecord(msg.error, 'The planner could not be loaded.'));
          break;
        default:
          break;
      }
    });
    // A worker script that fails to load or throws at the top level ends up here.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(new PlannerError(`The planner could not start${event.message ? `: ${event.message}` : '.'}`));
    });
    worker.addEventListener('messageerror', () => {
      fail(new PlannerError('The planner sent a message that could not be read.'));
    });
    return worker;
  }

  /**
   * Listen to loading progress.
   * @param {(p: Progress) => void} listener
   * @returns {() => void} call to stop listening
   */
  onProgress(listener) {
    this._progressListeners.add(listener);
    return () => this._progressListeners.delete(listener);
  }

  /**
   * Call a `Planner` method in the worker. Calls made before the planner is ready wait for it.
   * @param {string} method for example `'searchOccupations'`
   * @param {...unknown} args
   * @returns {Promise<any>} rejects with a {@link PlannerError} carrying the planner's message
   */
  call(method, ...args) {
    if (this._failure) return Promise.reject(this._failure);
    const id = this._nextId++;
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      this._worker.postMessage({ id, method, args });
    });
  }

  /**
   * Stop the worker (a long solve, say) and start a fresh one: pending calls reject with a
   * PlannerError of kind `cancelled`; `ready` is replaced by the new worker's. What the old
   * worker held (a loaded course list) must be given to the new one again.
   */
  restart() {
    this._worker.terminate();
    const error = new PlannerError('Stopped.', 'cancelled');
    for (const { reject } of this._pending.values()) reject(error);
    this._worker = this._start();
  }

  /** Stop the worker; pending calls reject. */
  terminate() {
    this._worker.terminate();
    const error = new PlannerError('The planner was stopped.');
    for (const { reject } of this._pending.values()) reject(error);
    this._pending.clear();
    this._failure ??= error;
  }
}
