// What the solver benchmarks (benches/portfolio.mjs, benches/council.mjs) share: the number of
// runs from `--runs`, the median, and a page of the built site in headless Chromium to run them
// in. Builds nothing: run `make site` first.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../scripts/serve.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const DIST = resolve(process.env.GREENPATH_DIST ?? join(REPO, 'dist'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Runs asked for with `--runs N` (at least 5; default 7). */
export function runsFromArgs() {
  const i = process.argv.indexOf('--runs');
  const n = i < 0 ? 7 : Number(process.argv[i + 1]);
  if (!(n >= 5)) throw new Error('--runs must be at least 5');
  return n;
}

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** How each solve ended: `withinGap gap 0.05%, …`. @param {{ status: string, gap?: number }[]} xs */
export function ends(xs) {
  return xs.map((x) => `${x.status}${x.gap === undefined ? '' : ` gap ${(x.gap * 100).toFixed(2)}%`}`).join(', ');
}

/**
 * Open `path` of the built site in headless Chromium and call `use` with the page; closes
 * everything after.
 * @template T
 * @param {string} path
 * @param {(page: import('playwright-core').Page) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function onSitePage(path, use) {
  const server = await startStaticServer({ root: DIST, port: 0 });
  const profile = await mkdtemp(join(tmpdir(), 'greenpath-solver-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    await page.goto(new URL(path, server.url).href);
    return await use(page);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}
