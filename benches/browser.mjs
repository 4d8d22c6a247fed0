#!/usr/bin/env node
// Browser benchmark for the wasm planner in headless Chromium. Builds nothing: run `make site`
// first (or set GREENPATH_DIST to another built site).
//
//   node benches/browser.mjs [--runs 7] [--calls 100]
//
// Prints medians (ms) of:
//   - a worker's first use, cold (a fresh browser profile per run, so nothing is cached), through
//     a proxy that counts the bytes sent: navigation → search box usable → planner ready →
//     first suggestions for "gas engineer" → first moves; and the bytes sent before the planner
//     was ready and before the first suggestions. Twice: unthrottled, and on the phone profile
//     (the proxy adds 150 ms per request and shares 1.6 Mbit/s among the responses; Chromium's
//     CPU throttling ×4 on the page);
//   - inside the page, on the main thread: wasm init, data part fetch, `new Planner(core)`,
//     `addPart(skills)`, and `searchOccupations` / `similarOccupations` / `transitions` / `plan` /
//     `pathways` calls (`pathways` is timed over at most 15 calls).

import { mkdtemp, rm } from 'node:fs/promises';
import { PHONE, UNTHROTTLED, startProxy } from './throttle.mjs';
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
 * One cold first use: navigation → usable → ready → suggestions for "gas engineer" → moves.
 * @param {number} port the static server's port
 * @param {{ latencyMs: number, bytesPerSecond: number, cpuRate: number }} profile
 */
async function measureFirstUse(port, profile) {
  const proxy = await startProxy(port, profile);
  const dir = await mkdtemp(join(tmpdir(), 'greenpath-bench-'));
  const context = await launch(dir);
  try {
    const page = context.pages()[0] ?? await context.newPage();
    if (profile.cpuRate > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
    }
    await page.goto(proxy.url, { waitUntil: 'commit' });
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    /** @param {string} name */
    const markTime = (name) => page.waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime,
      name, { timeout: 120_000, polling: 10 }).then((h) => /** @type {Promise<number>} */ (h.jsonValue()));
    const usableMs = await markTime('greenpath:usable');
    const input = page.locator('#job');
    await input.focus();
    await page.keyboard.type('gas engineer', { delay: 0 });
    const suggestionsMs = await page.waitForFunction(() => {
      const options = [...document.querySelectorAll('#job-listbox [role="option"]')];
      const label = (/** @type {HTMLInputElement} */ (document.getElementById('job'))).value;
      return label === 'gas engineer' && options.some((o) => /gas service technician/.test(o.textContent ?? '')) && performance.now();
    }, null, { timeout: 120_000, polling: 10 }).then((h) => /** @type {Promise<number>} */ (h.jsonValue()));
    const readyMs = await markTime('greenpath:ready');
    const index = await page.evaluate(() => [...document.querySelectorAll('#job-listbox [role="option"]')]
      .findIndex((o) => /gas service technician/.test(o.textContent ?? '')));
    for (let i = 0; i <= index; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const movesMs = await markTime('greenpath:results');
    return {
      usableMs, readyMs, suggestionsMs, movesMs,
      bytesAtReady: proxy.bytesBefore(timeOrigin + readyMs),
      bytesAtSuggestions: proxy.bytesBefore(timeOrigin + suggestionsMs),
      byPath: proxy.byPath(),
    };
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
    await proxy.close();
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

    /** @param {string} part */
    const fetchPart = async (part) => new Uint8Array(await (await fetch(`/data/${part}.bin`, { cache: 'no-store' })).arrayBuffer());
    const fetchTimes = [];
    /** @type {Uint8Array} */
    let bytes = new Uint8Array();
    for (let i = 0; i < builds; i += 1) {
      const t = performance.now();
      bytes = await fetchPart('core');
      fetchTimes.push(performance.now() - t);
    }
    const later = { skills: await fetchPart('skills'), skillNames: await fetchPart('skill-names'), details: await fetchPart('details'), courses: await fetchPart('courses') };

    const buildTimes = [];
    const skillsTimes = [];
    let planner = null;
    for (let i = 0; i < builds; i += 1) {
      planner?.free();
      const t = performance.now();
      planner = new mod.Planner(bytes);
      buildTimes.push(performance.now() - t);
      const t2 = performance.now();
      planner.addPart(later.skills);
      skillsTimes.push(performance.now() - t2);
    }
    planner.addPart(later.skillNames);
    planner.addPart(later.details);
    planner.addPart(later.courses);

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
      skillsTimes,
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
    /** @type {Record<string, Awaited<ReturnType<typeof measureFirstUse>>[]>} */
    const uses = { unthrottled: [], phone: [] };
    for (let i = 0; i < runs; i += 1) {
      uses.unthrottled.push(await measureFirstUse(server.port, UNTHROTTLED));
      uses.phone.push(await measureFirstUse(server.port, PHONE));
    }

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

    for (const [name, list] of Object.entries(uses)) {
      const label = name === 'phone' ? 'phone (150 ms, 1.6 Mbit/s, CPU x4)' : 'unthrottled';
      rows.push([`first use, ${label}: search box usable`, list.map((u) => u.usableMs)]);
      rows.push([`first use, ${label}: planner ready`, list.map((u) => u.readyMs)]);
      rows.push([`first use, ${label}: first suggestions`, list.map((u) => u.suggestionsMs)]);
      rows.push([`first use, ${label}: first moves`, list.map((u) => u.movesMs)]);
      rows.push([`first use, ${label}: KB sent before ready`, list.map((u) => u.bytesAtReady / 1000)]);
      rows.push([`first use, ${label}: KB sent before first suggestions`, list.map((u) => u.bytesAtSuggestions / 1000)]);
    }
    const sizes = uses.unthrottled[0].byPath;
    console.log('bytes sent per path (first unthrottled run, gzip where the server has it):');
    for (const [path, bytes] of Object.entries(sizes)) console.log(`  ${path.padEnd(36)} ${String(bytes).padStart(9)}`);
    console.log('');
    rows.push(['wasm init (main thread, once)', [api.initMs]]);
    rows.push([`core part fetch (${(api.dataBytes / 1e6).toFixed(2)} MB)`, api.fetchTimes]);
    rows.push(['new Planner(core)', api.buildTimes]);
    rows.push(['planner.addPart(skills)', api.skillsTimes]);
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
