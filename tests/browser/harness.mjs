// Shared set-up for the browser tests: serve the built site, drive Debian's Chromium with
// playwright-core, record every console error, page error and request, and run axe-core.
//
//   make site && node --test --test-concurrency=1 tests/browser/
//
// GREENPATH_DIST=/some/dir serves another build instead of <repo>/dist;
// CHROMIUM_PATH overrides /usr/bin/chromium.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startStaticServer } from '../../scripts/serve.mjs';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The built site the tests serve. */
export const DIST = resolve(process.env.GREENPATH_DIST ?? join(REPO, 'dist'));
/** Debian's Chromium; never a browser downloaded by Playwright. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The WCAG 2.2 AA rule set every page state must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Loading wasm and building the planner can take a while on a slow CI machine. */
export const READY_TIMEOUT_MS = 60_000;

/**
 * @typedef {object} Session
 * @property {{ url: string, port: number, close: () => Promise<void> }} server
 * @property {string} origin  the server's origin, e.g. `http://127.0.0.1:40123`
 * @property {import('playwright-core').BrowserContext} context
 * @property {{ consoleErrors: string[], pageErrors: string[], requests: string[], offOrigin: string[], failed: string[] }} log
 * @property {(path?: string) => Promise<import('playwright-core').Page>} open  open a page at a path under the server
 * @property {() => Promise<void>} close
 */

/**
 * Serve a built site and launch Chromium with a fresh profile.
 * @param {{ root?: string, viewport?: { width: number, height: number } }} [options]
 * @returns {Promise<Session>}
 */
export async function startSession({ root = DIST, viewport = { width: 1280, height: 900 } } = {}) {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html not found: build the site first with \`make site\``);
  }
  const server = await startStaticServer({ root });
  const origin = new URL(server.url).origin;
  const userDataDir = await mkdtemp(join(tmpdir(), 'greenpath-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      locale: 'en-GB',
      serviceWorkers: 'block',
    });
  } catch (error) {
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const log = { consoleErrors: [], pageErrors: [], requests: [], offOrigin: [], failed: [] };
  const isLocal = (/** @type {string} */ url) => {
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
    try { return new URL(url).origin === origin; } catch { return false; }
  };
  context.on('request', (request) => {
    const url = request.url();
    log.requests.push(url);
    if (!isLocal(url)) log.offOrigin.push(url);
  });
  context.on('requestfailed', (request) => {
    log.failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
  });
  context.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(`${message.text()} @ ${message.location().url}`);
  });
  context.on('weberror', (webError) => {
    log.pageErrors.push(String(webError.error()?.stack ?? webError.error()));
  });
  // Workers: their console output and uncaught errors too.
  const watchPage = (/** @type {import('playwright-core').Page} */ page) => {
    page.on('worker', (worker) => {
      worker.on('console', (message) => {
        if (message.type() === 'error') log.consoleErrors.push(`[worker] ${message.text()}`);
      });
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);

  return {
    server,
    origin,
    context,
    log,
    async open(path = '') {
      const page = context.pages().find((p) => p.url() === 'about:blank') ?? await context.newPage();
      await page.goto(new URL(path, server.url).href);
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      await server.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Assert that nothing went wrong in the browser: no console errors, no uncaught errors, no
 * failed requests, and no request to anywhere but the site's own server.
 * @param {Session} session
 */
export function assertCleanLog(session) {
  const { log } = session;
  assert.deepEqual(log.offOrigin, [], `requests left the site's origin ${session.origin}`);
  assert.deepEqual(log.pageErrors, [], 'uncaught errors in the page');
  assert.deepEqual(log.consoleErrors, [], 'console errors');
  assert.deepEqual(log.failed, [], 'failed requests');
}

/**
 * Readable text for axe violations: rule, impact, help, and every failing node.
 * @param {import('axe-core').Result[]} violations
 */
export function formatViolations(violations) {
  return violations.map((v) => [
    `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
    `  ${v.helpUrl}`,
    ...v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
  ].join('\n')).join('\n');
}

/**
 * Run axe-core with the WCAG 2.2 AA tags and assert zero violations.
 * @param {import('playwright-core').Page} page
 * @param {string} state  which page state this is, for the failure message
 * @returns {Promise<import('axe-core').AxeResults>}
 */
export async function assertNoAxeViolations(page, state) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  assert.equal(results.violations.length, 0,
    `axe found ${results.violations.length} violation(s) in state "${state}":\n${formatViolations(results.violations)}`);
  return results;
}

/**
 * Wait until the status region says the planner is ready, and return its text.
 * @param {import('playwright-core').Page} page
 */
export async function waitForReady(page) {
  const status = page.locator('#job-status'); // the planner's status (the moves have their own)
  await page.waitForFunction(
    () => ['ready', 'failed'].includes(document.documentElement.dataset.plannerState ?? ''),
    null, { timeout: READY_TIMEOUT_MS });
  const text = (await status.textContent())?.trim() ?? '';
  const problem = await page.locator('#error-summary').isVisible()
    ? ` (error summary: ${(await page.locator('#error-summary').textContent())?.trim()})` : '';
  assert.match(text, /^Ready: [\d,]+ occupations/, `status region should say ready, got "${text}"${problem}`);
  return text;
}

/**
 * The job search input (found by its label, as a person would).
 * @param {import('playwright-core').Page} page
 */
export function jobInput(page) {
  return page.getByRole('combobox', { name: 'Your current job' });
}

/**
 * Wait for the suggestions list to show and return the option names in order.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
export async function suggestionLabels(page) {
  const listbox = page.getByRole('listbox');
  await listbox.waitFor({ state: 'visible' });
  return listbox.locator('[role="option"] .app-combobox__label').allTextContents();
}

/**
 * Wait until the first list of moves shows ("Moves into green jobs", or "Close jobs, green or
 * not" when "only green" is off), and return its move articles.
 * @param {import('playwright-core').Page} page
 */
export async function waitForResults(page) {
  const heading = page.getByRole('heading', { level: 2, name: /^(Moves into green jobs|Close jobs, green or not)$/ });
  await heading.waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
  return page.locator('#green-moves-list > li > article');
}

/**
 * Run `action`, then wait until the moves have been re-rendered after it (each render bumps
 * `data-planner-results` on <html>).
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<unknown>} action
 */
export async function afterMovesUpdate(page, action) {
  const before = await page.evaluate(() => document.documentElement.dataset.plannerResults ?? '');
  await action();
  await page.waitForFunction((b) => (document.documentElement.dataset.plannerResults ?? '') !== b &&
    !document.getElementById('plan')?.hasAttribute('aria-busy'), before, { timeout: READY_TIMEOUT_MS });
}

/**
 * Type a query into the job input and pick the suggestion whose label equals `label`, by
 * keyboard (ArrowDown to it, then Enter). Checks `aria-activedescendant` on the way.
 * @param {import('playwright-core').Page} page
 * @param {string} query
 * @param {string} label
 * @returns {Promise<string>} the picked occupation's id
 */
export async function pickByKeyboard(page, query, label) {
  const input = jobInput(page);
  await input.focus();
  await input.fill('');
  await page.keyboard.type(query, { delay: 20 });
  const labels = await expectSuggestionsFor(page, query);
  const index = labels.indexOf(label);
  assert.ok(index >= 0, `"${label}" should be among the suggestions for "${query}": ${JSON.stringify(labels)}`);
  for (let i = 0; i <= index; i += 1) await page.keyboard.press('ArrowDown');
  const option = page.getByRole('option').nth(index);
  const optionId = await option.getAttribute('id');
  assert.equal(await input.getAttribute('aria-activedescendant'), optionId);
  assert.equal(await option.getAttribute('aria-selected'), 'true');
  const id = /** @type {string} */ (await option.getAttribute('data-id'));
  await page.keyboard.press('Enter');
  return id;
}

/**
 * Wait until the suggestions answer `query` (not an earlier, shorter query), return their labels.
 * @param {import('playwright-core').Page} page
 * @param {string} query
 */
export async function expectSuggestionsFor(page, query) {
  await page.waitForFunction((q) => {
    const input = /** @type {HTMLInputElement} */ (document.getElementById('job'));
    const listbox = /** @type {HTMLElement} */ (document.getElementById('job-listbox'));
    return input.value === q && listbox.dataset.query === q.trim() &&
      input.getAttribute('aria-expanded') === 'true';
  }, query, { timeout: READY_TIMEOUT_MS });
  return suggestionLabels(page);
}

/**
 * Run `action`, then wait until the plan and its routes have been re-rendered after it.
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<unknown>} action
 */
export async function afterPlanUpdate(page, action) {
  const before = await page.evaluate(() => document.documentElement.dataset.planResults ?? '');
  await action();
  await page.waitForFunction((b) => {
    const d = document.documentElement.dataset;
    return (d.planResults ?? '') !== b && d.pathwaysResults === d.planResults?.split(' ').slice(0, 2).join(' ') &&
      !document.getElementById('retraining')?.hasAttribute('aria-busy');
  }, before, { timeout: READY_TIMEOUT_MS });
}

/**
 * Wait for a plan opened on load (`&to=`) and its routes.
 * @param {import('playwright-core').Page} page
 */
export async function waitForPlan(page) {
  await page.waitForFunction(() => {
    const d = document.documentElement.dataset;
    return d.planResults && d.pathwaysResults === d.planResults.split(' ').slice(0, 2).join(' ');
  }, null, { timeout: READY_TIMEOUT_MS });
}

/**
 * Unfold the "Tailor the moves" controls (folded by default so the moves come first), by
 * clicking their summary as a person would.
 * @param {import('playwright-core').Page} page
 */
export async function openMoveControls(page) {
  const details = page.locator('#moves-controls-details');
  if (!(await details.evaluate((d) => /** @type {HTMLDetailsElement} */ (d).open))) {
    await details.locator(':scope > summary').click();
  }
}
