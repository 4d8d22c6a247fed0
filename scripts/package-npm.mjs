#!/usr/bin/env node
// Turns wasm-pack's `pkg/` into the npm package: the entry point with `createPlanner`
// (npm/index.js and its types), the default dataset's parts in `pkg/data/`, the README's "Use
// it from JavaScript" section as the package README, and package.json with what npm shows and
// needs (description, licence, keywords, files, exports, types, engines; the repository when
// the clone has a remote or GREENPATH_REPOSITORY names one). Run by `make pkg` after wasm-pack.
//
//   node scripts/package-npm.mjs [pkg-dir]

import { readFile, writeFile, copyFile, mkdir, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const PKG = join(REPO, process.argv[2] ?? 'pkg');

/** The README section between these markers is the package's README. */
export const README_START = '<!-- npm-readme:start -->';
export const README_END = '<!-- npm-readme:end -->';

/** The repository's URL: GREENPATH_REPOSITORY, else the clone's `origin`, else none. */
function repositoryUrl() {
  if (process.env.GREENPATH_REPOSITORY) return process.env.GREENPATH_REPOSITORY;
  try {
    return execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

const generated = JSON.parse(await readFile(join(PKG, 'package.json'), 'utf8'));
for (const file of ['index.js', 'index.d.ts']) await copyFile(join(REPO, 'npm', file), join(PKG, file));
await mkdir(join(PKG, 'data'), { recursive: true });
const parts = (await readdir(join(REPO, 'data', 'parts'))).filter((f) => /^(core|skills|skill-names|details|courses)\.bin\.gz$/.test(f));
if (parts.length !== 5) throw new Error(`data/parts: expected the five dataset parts, found ${parts.join(', ')}`);
for (const part of parts) await copyFile(join(REPO, 'data', 'parts', part), join(PKG, 'data', part));

const readme = await readFile(join(REPO, 'README.md'), 'utf8');
const start = readme.indexOf(README_START);
const end = readme.indexOf(README_END);
if (start < 0 || end < start) throw new Error(`README.md: no section between ${README_START} and ${README_END}`);
const attribution = readme.slice(readme.indexOf('## Data attribution'));
await writeFile(join(PKG, 'README.md'), `# greenpath\n\n${readme.slice(start + README_START.length, end).trim()}\n\n${attribution.trim()}\n`);

const repository = repositoryUrl();
const pkg = {
  name: generated.name,
  version: generated.version,
  description: generated.description,
  license: generated.license,
  keywords: ['green jobs', 'net zero', 'just transition', 'careers', 'retraining', 'ESCO', 'skills', 'webassembly'],
  ...(repository ? { repository: { type: 'git', url: repository } } : {}),
  type: 'module',
  main: 'index.js',
  types: 'index.d.ts',
  exports: { '.': { types: './index.d.ts', default: './index.js' }, './greenpath_bg.wasm': './greenpath_bg.wasm', './package.json': './package.json' },
  files: ['index.js', 'index.d.ts', 'greenpath.js', 'greenpath.d.ts', 'greenpath_bg.wasm', 'greenpath_bg.wasm.d.ts', 'data/', 'README.md'],
  engines: { node: '>=18' },
  sideEffects: false,
};
await writeFile(join(PKG, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`${PKG}: npm package ${pkg.name}@${pkg.version}${repository ? '' : ' (no repository: set GREENPATH_REPOSITORY or a git remote)'}`);
