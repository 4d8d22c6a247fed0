// The npm package built into pkg/: its metadata, its types, and the README's usage example run
// verbatim, as a user would, in node (from node_modules/greenpath) and in headless Chromium (an
// import map resolving "greenpath"), each printing green moves for a gas engineer: heat pumps.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, mkdir, symlink, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO, CHROMIUM, CHROMIUM_ARGS } from './harness.mjs';
import { contentTypeFor } from '../../scripts/serve.mjs';
import { README_START, README_END } from '../../scripts/package-npm.mjs';

const PKG = join(REPO, 'pkg');
/** @type {string} */
let dir;
/** @type {string} */
let example;

before(async () => {
  const readme = await readFile(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END));
  const code = /```js\n([\s\S]*?)```/.exec(section);
  assert.ok(code, 'the README section has a js example');
  example = code[1];
  assert.ok(example.trim().split('\n').length <= 10, 'the example is ten lines at most');
  dir = await mkdtemp(join(tmpdir(), 'greenpath-npm-'));
  await mkdir(join(dir, 'node_modules'));
  await symlink(PKG, join(dir, 'node_modules', 'greenpath'), 'dir');
});
after(async () => { await rm(dir, { recursive: true, force: true }); });

/** @param {string} output what the example printed */
function assertHeatPumps(output) {
  const lines = output.trim().split('\n');
  assert.match(lines[0], /^Green moves for a gas service technician:$/);
  assert.equal(lines.length, 4, output);
  assert.ok(lines.slice(1).every((l) => /^- .+: (a recognised route|\d+ skills to learn)$/.test(l)), output);
  assert.match(lines[1], /heat pump technician: a recognised route$/, 'the recognised heat pump route comes first');
  assert.match(output, /heat pump/, 'a gas engineer sees heat pump work');
}

test('package.json says what the package is, what it holds and where its types are', async () => {
  const pkg = JSON.parse(await readFile(join(PKG, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'greenpath');
  assert.equal(pkg.license, 'MIT');
  assert.match(pkg.description, /transition planner/);
  assert.ok(pkg.keywords.includes('green jobs'));
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.exports['.'].types, './index.d.ts');
  for (const f of ['index.js', 'index.d.ts', 'greenpath.js', 'greenpath.d.ts', 'greenpath_bg.wasm', 'data/', 'README.md']) {
    assert.ok(pkg.files.includes(f), `files lists ${f}`);
    await readFile(join(PKG, f.replace(/\/$/, '/core.bin.gz')));
  }
  const types = await readFile(join(PKG, 'index.d.ts'), 'utf8');
  assert.match(types, /export declare function createPlanner\(options\?: CreatePlannerOptions\): Promise<Planner>;/);
  const generated = await readFile(join(PKG, 'greenpath.d.ts'), 'utf8');
  assert.match(generated, /export interface TransitionOptionsDto/);
  assert.match(generated, /transitions\(id: string, options: TransitionOptionsDto\): TransitionDto\[\];/);
  assert.match(await readFile(join(PKG, 'README.md'), 'utf8'), /createPlanner/);
});

test('the README example runs verbatim in node', { timeout: 120_000 }, async () => {
  const file = join(dir, 'example.mjs');
  await writeFile(file, example);
  const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: dir });
  assertHeatPumps(stdout);
});

test('the README example runs verbatim in the browser', { timeout: 120_000 }, async () => {
  // The user's page: an import map for "greenpath", then the example as a module.
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>example</title><link rel="icon" href="data:,">
<script type="importmap">{"imports":{"greenpath":"./node_modules/greenpath/index.js"}}</script>
<script type="module">
${example}
</script></head><body></body></html>`;
  await writeFile(join(dir, 'index.html'), page);
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(dir + sep)) { res.writeHead(403).end(); return; }
    res.setHeader('Content-Type', contentTypeFor(path));
    createReadStream(path).on('error', () => res.writeHead(404).end()).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const tab = await browser.newPage();
    /** @type {string[]} */
    const logged = [];
    /** @type {string[]} */
    const failed = [];
    tab.on('console', (m) => (m.type() === 'log' ? logged : failed).push(m.text()));
    tab.on('pageerror', (e) => failed.push(e.message));
    await tab.goto(`http://127.0.0.1:${port}/index.html`);
    const deadline = Date.now() + 60_000;
    while (logged.length < 4 && failed.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(failed, []);
    assertHeatPumps(logged.join('\n'));
  } finally {
    await browser.close();
    server.close();
  }
});
