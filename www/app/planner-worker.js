// @ts-check
/**
 * @file Module Web Worker that owns the wasm `Planner`.
 *
 * It loads the wasm module and the occupation data, builds the Planner once, then answers
 * request messages from `planner-client.js`. Heavy work happens here so the page never freezes.
 *
 * Messages it receives:  `{ id, method, args }`
 * The dataset comes in parts (`data/core.bin`, then `skills.bin`, `skill-names.bin`, `details.bin`,
 * `courses.bin`;
 * `local.bin`, the local picture, only when a college or council question needs it):
 * the Planner is built from the core, which is enough to search, and the later parts are fetched
 * one after another and added as they arrive. A question that needs a part not loaded yet is
 * answered once it arrives; if it cannot be downloaded the request fails with an error of kind
 * `partUnavailable` naming the part (`field`), and the next request that needs it tries again.
 *
 * Messages it sends:
 *   - responses  `{ id, ok: true, result }` or `{ id, ok: false, error: { name, message } }`
 *   - progress   `{ type: 'progress', stage: 'wasm' | 'data' | 'decompress' | 'build', message }`
 *   - readiness  `{ type: 'ready', info }` (info is `datasetInfo()`, plus timings in ms)
 *   - failure    `{ type: 'failed', error: { name, message } }` when loading fails; every later
 *                request is answered with that error.
 */

/** `?wasm=area` (the college page): the module with the college and council planners. */
const PKG = new URL(self.location.href).searchParams.get('wasm') === 'area' ? '../pkg-area/' : '../pkg/';
const WASM_URL = new URL(`${PKG}greenpath_bg.wasm`, import.meta.url);
const JS_URL = new URL(`${PKG}greenpath.js`, import.meta.url);
/** The dataset's parts (see `src/parts.rs`): the core answers search; the others load after it. */
const PART_URLS = {
  core: new URL('../data/core.bin', import.meta.url),
  skills: new URL('../data/skills.bin', import.meta.url),
  'skill-names': new URL('../data/skill-names.bin', import.meta.url),
  details: new URL('../data/details.bin', import.meta.url),
  courses: new URL('../data/courses.bin', import.meta.url),
  local: new URL('../data/local.bin', import.meta.url),
};
/** The later parts, in the order they are fetched (skills first: brief moves need them). */
const LATER_PARTS = /** @type {const} */ (['skills', 'skill-names', 'details', 'courses']);
/** What each later part is, in words for an error message. */
const PART_WORDS = {
  skills: 'The skills of each job',
  'skill-names': 'The names of the skills',
  details: 'The job descriptions',
  courses: 'The course catalogue',
  local: 'The local picture (workers and demand by area)',
};
/** Parts fetched only when a question needs them (the college and council pages). */
const ON_DEMAND_PARTS = /** @type {const} */ (['local']);

/** Methods that must never be called from the page (lifecycle, not queries). */
const FORBIDDEN = new Set(['constructor', 'free', '__destroy_into_raw']);

/**
 * Post a progress message to the page.
 * @param {'wasm'|'data'|'decompress'|'build'} stage
 * @param {string} message
 */
function progress(stage, message) {
  self.postMessage({ type: 'progress', stage, message });
}

/**
 * Turn anything thrown into a structured-clone-safe error record. The planner's errors carry
 * `kind` (e.g. "invalidArgument"), and where they apply `field`, `value` (as given) and
 * `problems` (one string per problem): the page reads these, never the message text.
 * @param {unknown} err
 * For a loaded file, `rows` lists each problem as `{ row, line, field, message }`.
 * @returns {{ name: string, message: string, kind?: string, field?: string, value?: string, problems?: string[], rows?: unknown[] }}
 */
function toErrorRecord(err) {
  if (err instanceof Error) {
    const e = /** @type {any} */ (err);
    return {
      name: err.name,
      message: err.message,
      kind: typeof e.kind === 'string' ? e.kind : undefined,
      field: typeof e.field === 'string' ? e.field : undefined,
      value: typeof e.value === 'string' ? e.value : undefined,
      problems: Array.isArray(e.problems) ? e.problems.map(String) : undefined,
      rows: Array.isArray(e.rows) ? e.rows : undefined,
    };
  }
  return { name: 'Error', message: String(err) };
}

/**
 * True when the bytes start with the gzip magic number (0x1f 0x8b).
 * @param {Uint8Array} bytes
 */
export function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Fetch a data part and return its uncompressed bytes. Hosts that send the pre-compressed
 * `.bin.gz` sibling do so with `Content-Encoding: gzip`, which the browser undoes; should a host
 * send gzip bytes without saying so, decompress them here (gzip magic bytes present).
 * @param {URL} url
 * @returns {Promise<Uint8Array>}
 */
async function fetchData(url) {
  let response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error(`The occupation data could not be downloaded (no connection to ${url.pathname}).`);
  }
  if (!response.ok) {
    throw new Error(`The occupation data could not be downloaded (HTTP ${response.status} for ${url.pathname}).`);
  }
  const raw = new Uint8Array(await response.arrayBuffer());
  if (!isGzip(raw)) return raw;
  progress('decompress', 'Unpacking the occupation data…');
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Load the wasm module and the core part, and build the Planner.
 * @returns {Promise<{ planner: any, info: any }>}
 */
async function load() {
  const t0 = performance.now();
  progress('wasm', 'Loading the planner…');
  // The wasm module, the core part and the binding's script download side by side.
  const wasmResponse = fetch(WASM_URL);
  wasmResponse.catch(() => {}); // reported by init below
  const dataPromise = fetchData(PART_URLS.core);
  dataPromise.then(coreArrived, () => {}); // a failure is handled below
  const mod = await import(JS_URL.href);
  await mod.default({ module_or_path: wasmResponse });
  const t1 = performance.now();
  progress('data', 'Loading the occupation data…');
  const bytes = await dataPromise;
  const t2 = performance.now();
  progress('build', 'Preparing the occupation data…');
  const planner = new mod.Planner(bytes);
  const t3 = performance.now();
  const info = planner.datasetInfo();
  return {
    planner,
    info: { ...info, timings: { wasmMs: t1 - t0, dataMs: t2 - t0, buildMs: t3 - t2, totalMs: t3 - t0 } },
  };
}

/** @type {() => void} */
let coreArrived = () => {};
/** Settles when the core's bytes are in: the later parts download from then on, so the
 * connection does not idle while the module compiles and the planner is built. */
const coreArrival = new Promise((resolve) => { coreArrived = () => resolve(undefined); });

const loaded = load();

/** @type {Map<string, Promise<void>>} A later part: loading or loaded. */
const partLoads = new Map();
/** @type {Promise<unknown>} The last later part started: each fetch waits for the one before. */
let partChain = coreArrival;

/**
 * Fetch a later part and add it to the Planner (once; again after a failure).
 * @param {'skills'|'skill-names'|'details'|'courses'|'local'} part
 * @returns {Promise<void>}
 */
function partLoad(part) {
  const known = partLoads.get(part);
  if (known) return known;
  const started = partChain.catch(() => {}).then(async () => {
    const bytes = await fetchData(PART_URLS[part]);
    const { planner } = await loaded;
    if (part === 'local') planner.addLocal(bytes);
    else if (!planner.parts().includes(part)) planner.addPart(bytes);
  });
  partChain = started;
  const load = started.catch((err) => {
    partLoads.delete(part); // the next request that needs it tries again
    const error = toErrorRecord(err);
    throw Object.assign(new Error(`${PART_WORDS[part]} could not be loaded. ${error.message} ` +
      'Check your connection and try again: nothing you entered is lost.'), { kind: 'partUnavailable', field: part });
  });
  load.catch(() => {}); // reported to the request that needs it, not as an unhandled rejection
  partLoads.set(part, load);
  return load;
}

/**
 * Call a Planner method; when it needs a part not loaded yet, wait for that part and call again.
 * @param {any} planner
 * @param {string} method
 * @param {unknown[]} args
 */
async function answer(planner, method, args) {
  for (let attempt = 0; ; attempt++) {
    try {
      return planner[method](...args);
    } catch (err) {
      const e = /** @type {any} */ (err);
      const part = e?.kind === 'partMissing' ? e.field : undefined;
      const known = LATER_PARTS.includes(part) || ON_DEMAND_PARTS.includes(part);
      if (!known || attempt > LATER_PARTS.length) throw err;
      await partLoad(part);
    }
  }
}

loaded.then(
  ({ info }) => {
    self.postMessage({ type: 'ready', info });
  },
  (err) => self.postMessage({ type: 'failed', error: toErrorRecord(err) }),
);

// The later parts follow the core one at a time (the core had the connection to itself), each
// added once the planner is built.
for (const part of LATER_PARTS) partLoad(part).catch(() => {});

self.addEventListener('message', async (event) => {
  const { id, method, args } = /** @type {{id: number, method: string, args: unknown[]}} */ (event.data ?? {});
  if (typeof id !== 'number') return;
  try {
    const { planner } = await loaded;
    if (typeof method !== 'string' || FORBIDDEN.has(method) || method.startsWith('_') ||
        typeof planner[method] !== 'function') {
      throw new Error(`method: unknown planner method "${String(method)}"`);
    }
    const result = await answer(planner, method, Array.isArray(args) ? args : []);
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    self.postMessage({ id, ok: false, error: toErrorRecord(err) });
  }
});
