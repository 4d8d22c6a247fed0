// Offline after the first visit: the service worker keeps the site's files, so a repeat visit
// with no connection finds a job and its green moves; a new build is a new service worker with
// its own cache, which takes over only when no tab runs the old one, and then the old cache
// goes. (Other browser tests block service workers so that each starts cold.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, CHROMIUM, CHROMIUM_ARGS, READY_TIMEOUT_MS } from './harness.mjs';
import { startStaticServer } from '../../scripts/serve.mjs';

/** @type {{ url: string, close: () => Promise<void> }} */
let server;
/** @type {string} */
let profile;
/** @type {import('playwright-core').BrowserContext} */
let context;

before(async () => {
  server = await startStaticServer({ root: DIST });
  profile = await mkdtemp(join(tmpdir(), 'greenpath-offline-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, serviceWorkers: 'allow' });
});
after(async () => {
  await context?.close();
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

/**
 * Poll `check` in the page until it answers true (waitForFunction takes no async check).
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<boolean>} check
 */
async function until(page, check, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(check))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${check}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} query
 */
async function greenMovesFor(page, query) {
  await page.waitForFunction(() => document.documentElement.dataset.plannerState === 'ready', null, { timeout: READY_TIMEOUT_MS });
  const box = page.getByRole('combobox', { name: /job/i });
  await box.fill(query);
  await page.getByRole('option').first().click();
  await page.waitForFunction(() => document.querySelectorAll('#green-moves .app-result').length > 0, null, { timeout: 60_000 });
  return page.locator('#green-moves .app-result h3').allTextContents();
}

test('a repeat visit with no connection finds a job and its green moves', { timeout: 240_000 }, async () => {
  const page = await context.newPage();
  await page.goto(new URL('index.html', server.url).href);
  const online = await greenMovesFor(page, 'welder');
  // The service worker has kept every file of the worker page.
  const kept = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const cache = (await caches.keys()).find((k) => k.startsWith('greenpath-'));
    const keys = cache ? (await (await caches.open(cache)).keys()).map((r) => new URL(r.url).pathname) : [];
    return { scope: registration.scope, cache, keys };
  });
  assert.equal(kept.scope, server.url);
  for (const file of ['/', '/index.html', '/app/main.js', '/app/planner-worker.js', '/pkg/greenpath_bg.wasm', '/data/core.bin', '/data/skills.bin', '/data/skill-names.bin', '/data/courses.bin']) {
    assert.ok(kept.keys.includes(file), `${file} kept offline`);
  }
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const version = /const VERSION = '([0-9a-f]{16})'/.exec(sw)?.[1];
  assert.equal(kept.cache, `greenpath-${version}`, 'the cache is named after this build');

  await context.setOffline(true);
  try {
    await page.goto(new URL('index.html?only=1', server.url).href);
    const offline = await greenMovesFor(page, 'welder');
    assert.deepEqual(offline, online);
    assert.equal(await page.evaluate(() => navigator.onLine), false);
  } finally {
    await context.setOffline(false);
  }
});

test('a new build is a new service worker that takes over only when no tab runs the old one', { timeout: 240_000 }, async () => {
  // A copy of the site, so that the test can publish a "new build" of it.
  // It is served under /site/ (the service worker's scope), beside a page outside that scope
  // from which the test watches the caches without being a tab the old version runs.
  const { cp, writeFile } = await import('node:fs/promises');
  const root = await mkdtemp(join(tmpdir(), 'greenpath-site-'));
  const site = join(root, 'site');
  await cp(DIST, site, { recursive: true });
  await writeFile(join(root, 'probe.html'), '<!doctype html><html lang="en"><title>probe</title></html>');
  const server = await startStaticServer({ root });
  const copy = { url: new URL('site/', server.url).href };
  const dir = await mkdtemp(join(tmpdir(), 'greenpath-offline-update-'));
  const browser = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, serviceWorkers: 'allow' });
  const caches = (/** @type {import('playwright-core').Page} */ p) => p.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('greenpath-')).sort());
  try {
    const first = await browser.newPage();
    await first.goto(new URL('index.html', copy.url).href);
    await first.evaluate(() => navigator.serviceWorker.ready);
    const [oldCache] = await caches(first);
    assert.ok(oldCache);

    // The new build: a changed file and so a new version in sw.js.
    const sw = await readFile(join(site, 'sw.js'), 'utf8');
    await writeFile(join(site, 'sw.js'), sw.replace(/const VERSION = '[0-9a-f]{16}'/, "const VERSION = 'feedfacefeedface'"));
    await rm(join(site, 'sw.js.gz')); // the build's pre-compressed copy is of the old version
    await first.reload();
    await until(first, async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
    // While the tab is open, the old version still serves it: both caches exist.
    const both = await caches(first);
    assert.deepEqual(both, [oldCache, 'greenpath-feedfacefeedface'].sort(), JSON.stringify(both));
    assert.equal(await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL.endsWith('/sw.js')), true);

    // No tab runs the old version any more: the new one takes over and the old cache goes.
    await first.close();
    const probe = await browser.newPage();
    await probe.goto(new URL('probe.html', server.url).href);
    assert.equal(await probe.evaluate(() => navigator.serviceWorker.controller), null, 'the probe is no tab of the site');
    await until(probe, async () => (await caches.keys()).filter((k) => k.startsWith('greenpath-')).length === 1);
    const after = await caches(probe);
    assert.deepEqual(after, ['greenpath-feedfacefeedface'], JSON.stringify({ after, oldCache }));
    // And the site's next tab runs the new version.
    const next = await browser.newPage();
    await next.goto(new URL('index.html', copy.url).href);
    await until(next, async () => Boolean(navigator.serviceWorker.controller));
    assert.equal(await next.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null), null);
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
    await rm(root, { recursive: true, force: true });
  }
});
