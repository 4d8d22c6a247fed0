// @ts-check
/**
 * @file Module Web Worker that owns the wasm `Planner`.
 *
 * It loads the wasm module and the occupation data, builds the Planner once, then answers
 * request messages from `planner-client.js`. Heavy work happens here so the page never freezes.
 *
 * Messages it receives:  `{ id, method, args }`
 * Messages it sends:
 *   - responses  `{ id, ok: true, result }` or `{ id, ok: false, error: { name, message } }`
 *   - progress   `{ type: 'progress', stage: 'wasm' | 'data' | 'decompress' | 'build', message }`
 *   - readiness  `{ type: 'ready', info }` (info is `datasetInfo()`, plus timings in ms)
 *   - failure    `{ type: 'failed', error: { name, message } }` when loading fails; every later
 *                request is answered with that error.
 */

const WASM_URL = new URL('../pkg/greenpath_bg.wasm', import.meta.url);
const JS_URL = new URL('../pkg/greenpath.js', import.meta.url);
const DATA_URL = new URL('../data/greenpath.json.gz', import.meta.url);

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
 * @returns {{ name: string, message: string, kind?: string, field?: string, value?: string, problems?: string[] }}
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
 * Fetch the dataset and return its uncompressed bytes. Some static hosts serve `.gz` files with
 * `Content-Encoding: gzip`, in which case the browser has already decompressed them: only
 * decompress when the gzip magic bytes are present.
 * @param {URL} url
 * @returns {Promise<Uint8Array>}
 */
async function fetchData(url) {
  const response = await fetch(url);
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
 * Load everything and build the Planner.
 * @returns {Promise<{ planner: any, info: any }>}
 */
async function load() {
  const t0 = performance.now();
  progress('wasm', 'Loading the planner…');
  const dataPromise = fetchData(DATA_URL); // download in parallel with wasm compilation
  dataPromise.catch(() => {}); // handled below; avoid an unhandled-rejection report meanwhile
  const mod = await import(JS_URL.href);
  await mod.default({ module_or_path: WASM_URL });
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

const loaded = load();

loaded.then(
  ({ info }) => self.postMessage({ type: 'ready', info }),
  (err) => self.postMessage({ type: 'failed', error: toErrorRecord(err) }),
);

self.addEventListener('message', async (event) => {
  const { id, method, args } = /** @type {{id: number, method: string, args: unknown[]}} */ (event.data ?? {});
  if (typeof id !== 'number') return;
  try {
    const { planner } = await loaded;
    if (typeof method !== 'string' || FORBIDDEN.has(method) || method.startsWith('_') ||
        typeof planner[method] !== 'function') {
      throw new Error(`method: unknown planner method "${String(method)}"`);
    }
    const result = planner[method](...(Array.isArray(args) ? args : []));
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    self.postMessage({ id, ok: false, error: toErrorRecord(err) });
  }
});
