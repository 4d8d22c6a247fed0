// The page loads, the planner becomes ready, and the first-paint and ready states are clean.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DIST, startSession, assertCleanLog, assertNoAxeViolations, waitForReady, jobInput,
} from './harness.mjs';

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('page loads, says it is ready with 3,007 occupations, and is axe-clean', { timeout: 90_000 }, async () => {
  const page = await session.open('');
  // The input exists from first paint, before the module has run or the data has loaded.
  await jobInput(page).waitFor({ state: 'visible' });
  assert.equal(await page.locator('h1').textContent(), 'Find green jobs your skills lead to');
  assert.equal(await page.locator('main').count(), 1, 'exactly one <main>');

  const status = await waitForReady(page);
  assert.match(status, /^Ready: 3,007 occupations/);
  assert.equal(await jobInput(page).isEnabled(), true);
  assert.equal(await jobInput(page).getAttribute('aria-expanded'), 'false');
  assert.match(await page.locator('#job-hint').textContent() ?? '', /welder, gas engineer, HGV driver/);

  // The data attribution from the dataset replaces the static text (which is there from first paint).
  const attribution = (await page.locator('#attribution').textContent()) ?? '';
  assert.match(attribution, /ESCO classification data of the European Commission/);
  assert.match(attribution, /Open Government Licence v3\.0/);
  assert.match(await page.locator('footer').textContent() ?? '', /Pay figures are indicative estimates/);

  // The worker fetched the wasm module and the data from this server.
  const paths = session.log.requests.map((u) => new URL(u).pathname);
  for (const path of ['/app/main.js', '/app/planner-worker.js', '/pkg/greenpath.js', '/pkg/greenpath_bg.wasm', '/data/core.bin', '/data/skills.bin']) {
    assert.ok(paths.includes(path), `expected a request for ${path}; saw ${JSON.stringify(paths)}`);
  }

  await assertNoAxeViolations(page, 'loaded, ready');
  assertCleanLog(session);
});

test('first paint says the data is loading and is axe-clean', { timeout: 60_000 }, async () => {
  // Hold back the worker script so the loading state stays on screen while it is checked.
  const page = await session.context.newPage();
  /** @type {() => void} */
  let release = () => {};
  const held = new Promise((r) => { release = () => r(undefined); });
  await page.route('**/app/planner-worker.js', async (route) => { await held; await route.continue(); });
  await page.goto(session.server.url);
  const status = page.getByRole('status');
  assert.equal((await status.textContent())?.trim(), 'Loading the occupation data…');
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  await assertNoAxeViolations(page, 'first paint, loading');
  release();
  await waitForReady(page);
  await page.close();
  assertCleanLog(session);
});

test('no inline scripts or styles, and the CSP is also in a meta element', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length > 0, 'the page has a script');
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc=/, `every <script> has a src: <script${attrs}>`);
    assert.equal(body.trim(), '', 'no inline script body');
  }
  assert.doesNotMatch(html, /<style\b/i, 'no <style> element');
  assert.doesNotMatch(html, /\sstyle=/i, 'no style attribute');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler attribute');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);

  // And in the live DOM after the app has run (nothing added inline by JavaScript).
  const page = await session.open('');
  await waitForReady(page);
  const inline = await page.evaluate(() => ({
    scripts: [...document.scripts].filter((s) => !s.src).length,
    styled: document.querySelectorAll('[style]').length,
    styleElements: document.querySelectorAll('style').length,
  }));
  assert.deepEqual(inline, { scripts: 0, styled: 0, styleElements: 0 });
  assertCleanLog(session);
});
