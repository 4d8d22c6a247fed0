#!/usr/bin/env node
// Browser benchmark of the embed on the mid-range phone profile (Chromium CPU ×4, 150 ms per
// request, 1.6 Mbit/s down; benches/throttle.mjs), cold cache each run, on the iframe embed's
// page (embed/frame.html?job=gas%20engineer: the host page and the component in one):
//   - a usable search box: the component's input enabled, after the host page's load event;
//   - the first moves: the start job's green moves shown, after the host page's load event;
//   - the bytes transferred for first use (everything sent until the moves show);
//   - a repeat visit with no connection (the service worker's files): the search box usable,
//     from navigation.
// Builds nothing: run `make site` first.
//
//   node benches/embed.mjs [--runs 5]

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../scripts/serve.mjs';
import { PHONE, startProxy } from './throttle.mjs';
import { runsFromArgs, median } from './solver-page.mjs';
import { DIST, CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/harness.mjs';

const runs = runsFromArgs();
const PAGE = 'embed/frame.html?job=gas%20engineer';

/** Wait for `check` in the component's shadow tree; returns performance.now() in the page. */
function whenInComponent(page, check) {
  return page.waitForFunction(check, null, { timeout: 120_000, polling: 10 })
    .then((h) => /** @type {Promise<number>} */ (h.jsonValue()));
}
const usable = () => {
  const input = /** @type {HTMLInputElement | null | undefined} */ (document.querySelector('greenpath-explorer')?.shadowRoot?.querySelector('.gp-input'));
  return input && !input.disabled && performance.now();
};
const moves = () => (document.querySelector('greenpath-explorer')?.shadowRoot?.querySelectorAll('.gp-move').length ?? 0) > 0 && performance.now();

async function oneRun(port) {
  const proxy = await startProxy(port, PHONE);
  const dir = await mkdtemp(join(tmpdir(), 'greenpath-embed-bench-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, serviceWorkers: 'allow' });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuRate });
    await page.goto(new URL(PAGE, proxy.url).href, { waitUntil: 'commit' });
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const usableAt = await whenInComponent(page, usable);
    const movesAt = await whenInComponent(page, moves);
    const loadAt = await page.evaluate(() => /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).loadEventEnd);
    const bytes = proxy.bytesBefore(timeOrigin + movesAt);
    // The service worker keeps the files once installed; then the repeat visit, offline.
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.waitForFunction(async () => Boolean(navigator.serviceWorker.controller) || (await navigator.serviceWorker.ready) && true, null, { timeout: 60_000 });
    await context.setOffline(true);
    await page.goto(new URL(PAGE, proxy.url).href, { waitUntil: 'commit' });
    const offlineUsable = await whenInComponent(page, usable);
    // A search box usable before the host page's load event counts as usable at it.
    return { usableAfterLoad: Math.max(0, usableAt - loadAt), usable: usableAt, movesAfterLoad: movesAt - loadAt, load: loadAt, bytes, offlineUsable };
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
    await proxy.close();
  }
}

const server = await startStaticServer({ root: DIST, port: 0 });
try {
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await oneRun(server.port));
  const m = (/** @type {(r: any) => number} */ f) => median(results.map(f)).toFixed(0);
  console.log(`embed (${PAGE}) on the phone profile (CPU ×4, 150 ms, 1.6 Mbit/s), cold, ${runs} runs; medians:`);
  console.log(`  host page loaded:                     ${m((r) => r.load)} ms after navigation`);
  console.log(`  usable search box:                    ${m((r) => r.usableAfterLoad)} ms after the host page loaded (target ≤ 1,500); ${m((r) => r.usable)} ms after navigation`);
  console.log(`  first moves (gas engineer):           ${m((r) => r.movesAfterLoad)} ms after the host page loaded (target ≤ 5,000)`);
  console.log(`  transferred for first use:            ${(median(results.map((r) => r.bytes)) / 1024).toFixed(0)} KiB`);
  console.log(`  repeat visit offline, usable:         ${m((r) => r.offlineUsable)} ms after navigation (target ≤ 1,000)`);
} finally {
  await server.close();
}
