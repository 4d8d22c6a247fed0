// The embed: <greenpath-explorer> inside a mock council page whose CSS does its worst, the
// iframe embed, the framing policy the server sends, the embed page's snippets (integrity hash
// of the real script) and copy buttons, and the strict Content-Security-Policy held on every
// page with no violation. axe-clean in every state, no console errors, nothing off-origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSession, assertCleanLog, assertNoAxeViolations, DIST } from './harness.mjs';
import { startStaticServer } from '../../scripts/serve.mjs';

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => {
  session = await startSession({ viewport: { width: 1100, height: 1000 } });
  // Every CSP violation any page or frame reports, kept for the assertions. Scripts the test
  // itself evaluates in the page (axe-core, which adds a <style> while it checks) have no source
  // file; every script of the site has one.
  await session.context.addInitScript(() => {
    /** @type {any} */ (window).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      if (!e.sourceFile && e.blockedURI === 'inline') return;
      /** @type {any} */ (window).cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
});
after(async () => { await session?.close(); });

/**
 * The log held clean, less what axe-core causes: its <style> in a page with frames is refused
 * by the CSP, reported with no source file (the site's own scripts always have one).
 */
function assertCleanLogButAxe() {
  session.log.consoleErrors = session.log.consoleErrors.filter((e) => !/^Applying inline style violates .* @ $/s.test(e));
  assertCleanLog(session);
}

/** @param {import('playwright-core').Page | import('playwright-core').Frame} page */
async function violations(page) {
  return page.evaluate(() => /** @type {any} */ (window).cspViolations ?? ['no listener']);
}

/** The component's status line. @param {import('playwright-core').Page} page */
function componentStatus(page) {
  return page.evaluate(() => document.querySelector('#component')?.shadowRoot?.querySelector('.gp-status')?.textContent ?? '');
}

test('the web component works and looks the same inside a hostile council page', { timeout: 180_000 }, async () => {
  const page = await session.open('embed/mock-council.html');
  await page.waitForFunction(() => /^\d+ green moves? for gas service technician\.$/.test(
    document.querySelector('#component')?.shadowRoot?.querySelector('.gp-status')?.textContent ?? ''), null, { timeout: 90_000 });
  // A gas engineer sees heat pump work first, with Hull's openings (the `area` attribute).
  const first = page.locator('#component .gp-move').first();
  assert.match(await first.locator('.gp-move__title').textContent() ?? '', /heat pump technician/);
  assert.match(await first.textContent() ?? '', /A recognised route/);
  assert.match(await first.textContent() ?? '', /About [\d,]+ openings in Kingston upon Hull, City of \(an estimate\)/);

  // The host's styles stay out; the host's custom properties come in.
  const inside = await page.evaluate(() => {
    const root = /** @type {ShadowRoot} */ (document.querySelector('#component')?.shadowRoot);
    const title = getComputedStyle(/** @type {Element} */ (root.querySelector('.gp-title')));
    const button = getComputedStyle(/** @type {Element} */ (root.querySelector('.gp-button')));
    const box = /** @type {HTMLElement} */ (root.querySelector('.gp'));
    return {
      fontStyle: title.fontStyle, transform: title.textTransform, spacing: title.letterSpacing, align: title.textAlign,
      font: title.fontFamily, buttonDisplay: button.display, accent: getComputedStyle(box).borderTopColor,
      overflow: box.scrollWidth - box.clientWidth, width: box.getBoundingClientRect().width,
    };
  });
  assert.deepEqual({ ...inside, font: undefined }, {
    fontStyle: 'normal', transform: 'none', spacing: 'normal', align: 'start', font: undefined,
    buttonDisplay: 'block', accent: 'rgb(76, 44, 146)', overflow: 0, width: 320,
  });
  assert.match(inside.font, /Georgia/);
  // …and the component's styles stay in: the host's heading is as the host made it.
  const host = await page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.querySelector('h1'))).color);
  assert.equal(host, 'rgb(139, 0, 139)');
  await assertNoAxeViolations(page, 'mock council page, component with moves');

  // A resident searches by keyboard: an oil rig roustabout sees offshore wind.
  await page.locator('#component .gp-input').fill('roustabout');
  await page.locator('#component .gp-input').press('Enter');
  await page.waitForFunction(() => /^\d+ green moves? for roustabout\.$/.test(
    document.querySelector('#component')?.shadowRoot?.querySelector('.gp-status')?.textContent ?? ''), null, { timeout: 30_000 });
  const titles = await page.locator('#component .gp-move__title').allTextContents();
  assert.ok(titles.slice(0, 3).some((t) => /wind|offshore renewable/.test(t)), titles.join(' | '));

  // The retraining plan opens under its move, and says so to a screen reader.
  const plan = page.locator('#component .gp-move').first().getByRole('button', { name: /^Plan the retraining to / });
  await plan.click();
  await page.waitForFunction(() => /^Plan for /.test(
    document.querySelector('#component')?.shadowRoot?.querySelector('.gp-status')?.textContent ?? ''), null, { timeout: 30_000 });
  assert.equal(await plan.getAttribute('aria-expanded'), 'true');
  assert.match(await page.locator('#component .gp-plan').first().textContent() ?? '', /In all about \d+ weeks and £[\d,]+ to you\./);
  assert.match(await componentStatus(page), /^Plan for .+: \d+ courses?\.$/);
  await assertNoAxeViolations(page, 'mock council page, a plan open');

  // The host changes the start job: the component answers for the new one; an id it does not
  // know is said, not thrown.
  await page.evaluate(() => document.querySelector('#component')?.setAttribute('job', 'welder'));
  await page.waitForFunction(() => /^\d+ green moves? for welder\.$/.test(
    document.querySelector('#component')?.shadowRoot?.querySelector('.gp-status')?.textContent ?? ''), null, { timeout: 30_000 });
  await page.evaluate(() => document.querySelector('#component')?.setAttribute('job', '00000000-0000-0000-0000-000000000000'));
  await page.waitForFunction(() => /^The search did not work: /.test(
    document.querySelector('#component')?.shadowRoot?.querySelector('.gp-status')?.textContent ?? ''), null, { timeout: 30_000 });

  // The iframe beside it: the same explorer, its settings from its address.
  const frame = page.frames().find((f) => f.url().includes('embed/frame.html'));
  assert.ok(frame, 'the iframe loaded');
  await frame.waitForFunction(() => /^\d+ green moves? for roustabout\.$/.test(
    document.querySelector('#explorer')?.shadowRoot?.querySelector('.gp-status')?.textContent ?? ''), null, { timeout: 90_000 });
  assert.deepEqual(await violations(frame), []);
  assert.deepEqual(await violations(page), []);
  // No cookies, in the page, the frame or the browser's jar.
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.equal(await frame.evaluate(() => document.cookie), '');
  assert.deepEqual(await session.context.cookies(), []);
  assertCleanLogButAxe();
});

test('the server lets only the site frame its pages, and the embed page the sites it names', async () => {
  const fetchHeaders = async (/** @type {string} */ url) => (await fetch(url)).headers;
  const page = await fetchHeaders(new URL('index.html', session.server.url).href);
  assert.match(page.get('content-security-policy') ?? '', /frame-ancestors 'self'$/);
  assert.equal(page.get('x-frame-options'), 'SAMEORIGIN');
  const embed = await fetchHeaders(new URL('embed/frame.html', session.server.url).href);
  assert.match(embed.get('content-security-policy') ?? '', /frame-ancestors 'self'$/);
  assert.equal(embed.get('x-frame-options'), null);
  const council = await startStaticServer({ root: DIST, frameAncestors: "'self' https://www.anytown.gov.uk" });
  try {
    const configured = await fetchHeaders(new URL('embed/frame.html', council.url).href);
    assert.match(configured.get('content-security-policy') ?? '', /frame-ancestors 'self' https:\/\/www\.anytown\.gov\.uk$/);
    const other = await fetchHeaders(new URL('council.html', council.url).href);
    assert.match(other.get('content-security-policy') ?? '', /frame-ancestors 'self'$/);
  } finally {
    await council.close();
  }
  await assert.rejects(startStaticServer({ root: DIST, frameAncestors: "javascript:alert(1)" }), /not a frame-ancestors source/);
});

test('the embed page gives both snippets, the real script hash and copy buttons', { timeout: 60_000 }, async () => {
  const page = await session.open('embed.html');
  const hash = `sha384-${createHash('sha384').update(await readFile(join(DIST, 'embed', 'greenpath-explorer.js'))).digest('base64')}`;
  const component = await page.locator('#snippet-component').textContent() ?? '';
  assert.ok(component.includes(`integrity="${hash}"`), component);
  assert.match(component, /<greenpath-explorer [^>]*area="UKE11"/);
  assert.match(await page.locator('#snippet-frame').textContent() ?? '', /<iframe src="\/greenpath\/embed\/frame\.html\?/);
  await page.getByRole('button', { name: 'Copy the web component snippet' }).click();
  await page.waitForFunction(() => /Copied|Selected/.test(document.getElementById('copy-status')?.textContent ?? ''));
  await assertNoAxeViolations(page, 'embed page');
  assert.deepEqual(await violations(page), []);
});

test('every page holds to the strict Content-Security-Policy with no violation', { timeout: 180_000 }, async () => {
  for (const path of ['index.html', 'college.html', 'council.html', 'privacy.html', 'embed.html']) {
    const page = await session.open(path);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    assert.deepEqual(await violations(page), [], path);
    if (path === 'privacy.html') await assertNoAxeViolations(page, 'privacy page');
  }
  assertCleanLogButAxe();
});

test('at 200% zoom (half the width in CSS pixels) no page scrolls sideways', { timeout: 120_000 }, async () => {
  for (const path of ['index.html', 'embed.html', 'privacy.html', 'embed/frame.html?job=welder', 'council.html', 'college.html']) {
    const page = await session.open(path);
    await page.setViewportSize({ width: 640, height: 900 });
    await page.waitForLoadState('load');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow} px at 640 px wide`);
  }
  // The component at 320 px (a phone at 100%, or a sidebar) does not either: see the first test.
});
