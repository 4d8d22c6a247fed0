#!/usr/bin/env node
// Writes this build's version and the list of files to keep offline into dist/sw.js: every
// page, script, style and image of the site, the worker page's wasm module and the dataset's
// four parts; not the pre-compressed siblings, the type declarations, or the college and
// council pages' own module and local data (kept when those pages first fetch them). The
// version is a hash of every kept file, so any change makes a new service worker. Run by
// `make site`.
//
//   node scripts/service-worker.mjs [dist]

import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const DIST = process.argv[2] ?? 'dist';

/** @param {string} dir @returns {Promise<string[]>} */
async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await walk(path));
    else out.push(path);
  }
  return out;
}

const keep = (/** @type {string} */ path) => !/\.(gz|d\.ts|md|txt|csv)$/.test(path)
  && !path.startsWith('pkg-area/') && path !== 'data/local.bin' && path !== 'sw.js'
  && !/^embed\/mock-council/.test(path);
const files = (await walk(DIST)).map((p) => relative(DIST, p).split(sep).join('/')).filter(keep).sort();
const hash = createHash('sha256');
for (const file of files) hash.update(file).update(await readFile(join(DIST, file)));
const version = hash.digest('hex').slice(0, 16);
const precache = ['./', ...files];
const path = join(DIST, 'sw.js');
const source = await readFile(path, 'utf8');
if (!source.includes('__GREENPATH_VERSION__') || !source.includes('__GREENPATH_PRECACHE__')) throw new Error(`${path}: placeholders missing`);
await writeFile(path, source.replace('__GREENPATH_VERSION__', version).replace("'__GREENPATH_PRECACHE__'", `'${JSON.stringify(precache).replace(/'/g, "\\'")}'`));
console.log(`sw.js: version ${version}, ${files.length} files kept offline`);
