#!/usr/bin/env node
// Browser benchmark for the wasm planner in headless Chromium. Builds nothing: run `make site`
// first (or set GREENPATH_DIST to another built site).
//
//   node benches/browser.mjs [--runs 7] [--calls 100]
//
// Prints medians (ms) of:
//   - page usable: navigation start → the status region says "Ready" (fresh browser profile per
//     run, so nothing is cached), and the page's own breakdown from the worker;
//   - inside the page, on the main thread: wasm init, data fetch + gunzip, `new Planner(bytes)`,
//     and `searchOccupations` / `similarOccupations` / `transitions` / `plan` / `pathways` calls
//     (each only when the built Planner has it; `pathways` is timed over at most 15 calls).

import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../scripts/serve.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const DIST = resolve(process.env.GREENPATH_DIST ?? join(REPO, 'dist'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * @param {string[]} argv
 */
function parseArgs(argv) {
  const options = { runs: 7, calls: 100 };
  for (let i = 0; i < argv.length; i += 1) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    const value = Number(inline ?? argv[++i]);
    if (name === '--runs') options.runs = value;
    else if (name === '--calls') options.calls = value;
    else throw new Error(`unknown argument ${argv[i]} (use --runs N, --calls N)`);
  }
  if (!(options.runs >= 5)) throw new Error('--runs must be at least 5');
  if (!(options.calls >= 50)) throw new Error('--calls must be at least 50');
  return options;
}

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** @param {number} ms */
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(3));

/**
 * Launch Chromium with a fresh profile.
 * @param {string} dir
 */
function launch(dir) {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 },
  });
}

/**
 * One cold page load: navigation start → "Ready" in the status region.
 * @param {string} url
 */
async function measurePageLoad(url) {
  const dir = await mkdtemp(join(tmpdir(), 'greenpath-bench-'));
  const context = await launch(dir);
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.plannerState, null, { timeout: 120_000 });
    return await page.evaluate(() => {
      if (document.documentElement.dataset.plannerState !== 'ready') {
        throw new Error(`page not ready: ${document.getElementById('job-status')?.textContent}`);
      }
      const ready = performance.getEntriesByName('greenpath:ready')[0];
      return { readyMs: ready.startTime, worker: /** @type {any} */ (ready).detail ?? null };
    });
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Main-thread measurements of the Planner API, inside one page.
 * @param {import('playwright-core').Page} page
 * @param {number} calls
 * @param {number} builds
 */
function measureApi(page, calls, builds) {
  return page.evaluate(async ({ calls, builds }) => {
    const t0 = performance.now();
    const mod = await import('/pkg/greenpath.js');
    await mod.default({ module_or_path: new URL('/pkg/greenpath_bg.wasm', location.href) });
    const initMs = performance.now() - t0;

    const fetchTimes = [];
    /** @type {Uint8Array} */
    let bytes = new Uint8Array();
    for (let i = 0; i < builds; i += 1) {
      const t = performance.now();
      const raw = new Uint8Array(await (await fetch('/data/greenpath.json.gz', { cache: 'no-store' })).arrayBuffer());
      bytes = raw[0] === 0x1f && raw[1] === 0x8b
        ? new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer())
        : raw;
      fetchTimes.push(performance.now() - t);
    }

    const buildTimes = [];
    let planner = null;
    for (let i = 0; i < builds; i += 1) {
      planner?.free();
      const t = performance.now();
      planner = new mod.Planner(bytes);
      buildTimes.push(performance.now() - t);
    }

    const welder = planner.searchOccupations('welder', 10).find((m) => m.label === 'welder');
    if (!welder) throw new Error('welder not found');
    const gas = planner.searchOccupations('gas service technician', 10).find((m) => m.label === 'gas service technician');
    if (!gas) throw new Error('gas service technician not found');
    const heatPump = planner.searchOccupations('heat pump technician', 10)
      .find((m) => m.label === 'refrigeration air condition and heat pump technician');
    /**
     * @param {() => unknown} f
     * @param {number} [n] how many timed calls (fewer for the slow route search)
     */
    const time = (f, n = calls) => {
      for (let i = 0; i < Math.min(5, n); i += 1) f(); // warm-up
      const ts = [];
      for (let i = 0; i < n; i += 1) {
        const t = performance.now();
        f();
        ts.push(performance.now() - t);
      }
      return ts;
    };
    const result = {
      initMs,
      dataBytes: bytes.length,
      fetchTimes,
      buildTimes,
      searchTypo: time(() => planner.searchOccupations('weldr', 10)),
      searchPhrase: time(() => planner.searchOccupations('gas service technician', 10)),
      similar: time(() => planner.similarOccupations(welder.id, 20)),
      transitions: typeof planner.transitions === 'function'
        ? time(() => planner.transitions(gas.id, { count: 50 }))
        : null,
      transitionsPool: typeof planner.transitions === 'function'
        ? time(() => planner.transitions(gas.id, { count: 400 }))
        : null,
      transitionsGreen: typeof planner.transitions === 'function'
        ? time(() => planner.transitions(gas.id, { onlyGreen: true, count: 20 }))
        : null,
      plan: typeof planner.plan === 'function' && heatPump
        ? time(() => planner.plan(gas.id, heatPump.id, {}))
        : null,
      pathways: typeof planner.pathways === 'function'
        ? time(() => planner.pathways(gas.id, {}), Math.min(calls, 15))
        : null,
      courses: typeof planner.courses === 'function' ? planner.courses().length : 0,
    };
    planner.free();
    return result;
  }, { calls, builds });
}

async function main() {
  const { runs, calls } = parseArgs(process.argv.slice(2));
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html not found: run \`make site\` first`);
  const server = await startStaticServer({ root: DIST });
  const rows = [];
  let version = '?';
  try {
    const loads = [];
    for (let i = 0; i < runs; i += 1) loads.push(await measurePageLoad(server.url));
    const ready = loads.map((l) => l.readyMs);

    const dir = await mkdtemp(join(tmpdir(), 'greenpath-bench-'));
    const context = await launch(dir);
    let api;
    try {
      const page = context.pages()[0] ?? await context.newPage();
      await page.goto(server.url);
      version = /Chrome\/[\d.]+/.exec(await page.evaluate(() => navigator.userAgent))?.[0] ?? '?';
      api = await measureApi(page, calls, runs);
    } finally {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }

    rows.push(['page usable: navigation start → status "Ready" (cold profile)', ready]);
    if (loads.every((l) => l.worker)) {
      rows.push(['  in the worker: wasm loaded', loads.map((l) => l.worker.wasmMs)]);
      rows.push(['  in the worker: data downloaded + gunzipped', loads.map((l) => l.worker.dataMs)]);
      rows.push(['  in the worker: new Planner(bytes)', loads.map((l) => l.worker.buildMs)]);
    }
    rows.push(['wasm init (main thread, once)', [api.initMs]]);
    rows.push([`data fetch + gunzip (${(api.dataBytes / 1e6).toFixed(1)} MB JSON)`, api.fetchTimes]);
    rows.push(['new Planner(bytes)', api.buildTimes]);
    rows.push(["searchOccupations('weldr', 10)", api.searchTypo]);
    rows.push(["searchOccupations('gas service technician', 10)", api.searchPhrase]);
    rows.push(['similarOccupations(<welder>, 20)', api.similar]);
    if (api.transitions) rows.push(['transitions(<gas service technician>, {count: 50})', api.transitions]);
    if (api.transitionsPool) rows.push(['transitions(<gas service technician>, {count: 400}) (the page\'s "other close jobs" pool)', api.transitionsPool]);
    if (api.transitionsGreen) rows.push(['transitions(<gas service technician>, {onlyGreen: true, count: 20})', api.transitionsGreen]);
    if (api.plan) rows.push([`plan(<gas service technician>, <heat pump technician>) (${api.courses} courses)`, api.plan]);
    if (api.pathways) rows.push(['pathways(<gas service technician>)', api.pathways]);
  } finally {
    await server.close();
  }

  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`greenpath browser benchmark — ${DIST}`);
  console.log(`${version}, ${cpus().length} CPU(s), node ${process.version}; medians in ms`);
  console.log('');
  console.log(`${'measurement'.padEnd(width)}  ${'median'.padStart(9)}  ${'min'.padStart(9)}  ${'max'.padStart(9)}  n`);
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(9)}  ${'-'.repeat(9)}  ${'-'.repeat(9)}  ---`);
  for (const [name, xs] of rows) {
    console.log(`${name.padEnd(width)}  ${fmt(median(xs)).padStart(9)}  ${fmt(Math.min(...xs)).padStart(9)}  ${fmt(Math.max(...xs)).padStart(9)}  ${xs.length}`);
  }
}

main().catch((error) => {
  console.error(`benches/browser.mjs: ${error.message}`);
  process.exit(1);
});
