// greenpath as an npm package: everything the wasm module exports, and `createPlanner`, which
// loads the module and the default dataset that ship with the package, in node (18+) or a
// browser, with no network request beyond the package's own files.

import init, { Planner } from './greenpath.js';

export * from './greenpath.js';
export { init };

/** Whether this runs in node (files are read from disk) rather than a browser (fetched). */
const IN_NODE = typeof process !== 'undefined' && Boolean(process.versions?.node);

/**
 * The bytes of one of the package's own files.
 * @param {string} name path relative to this module
 * @returns {Promise<Uint8Array>}
 */
async function packageFile(name) {
  const url = new URL(name, import.meta.url);
  if (IN_NODE) {
    const { readFile } = await import('node:fs/promises');
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Gunzip with the platform's DecompressionStream (node 18+, every current browser).
 * @param {Uint8Array} bytes
 * @returns {Promise<Uint8Array>}
 */
async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The dataset's parts after the core, in the order the planner takes them. */
export const DATA_PARTS = /** @type {const} */ (['skills', 'skill-names', 'details', 'courses']);

let initialised = null;

/**
 * A Planner over the default dataset shipped in `data/`: the wasm module is loaded once, then
 * the core part and the parts asked for (all by default; `[]` gives search only, the smallest),
 * in the planner's order (`skill-names` brings `skills` with it: it names those skills).
 * @param {{ parts?: readonly ('skills' | 'skill-names' | 'details' | 'courses')[] }} [options]
 * @returns {Promise<Planner>}
 */
export async function createPlanner({ parts = DATA_PARTS } = {}) {
  initialised ??= packageFile('greenpath_bg.wasm').then((module_or_path) => init({ module_or_path }));
  await initialised;
  const planner = new Planner(await gunzip(await packageFile('data/core.bin.gz')));
  for (const part of parts) {
    if (!DATA_PARTS.includes(part)) throw new Error(`parts: "${String(part)}" is not one of ${DATA_PARTS.join(', ')}`);
  }
  const wanted = DATA_PARTS.filter((p) => parts.includes(p) || (p === 'skills' && parts.includes('skill-names')));
  for (const part of wanted) planner.addPart(await gunzip(await packageFile(`data/${part}.bin.gz`)));
  return planner;
}
