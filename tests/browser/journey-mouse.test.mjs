// The same journey with a mouse (or touch): type, click a suggestion, see results.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, assertCleanLog, assertNoAxeViolations, waitForReady, waitForResults, jobInput,
  expectSuggestionsFor,
} from './harness.mjs';

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('mouse journey: type "gas", click a suggestion, results appear', { timeout: 120_000 }, async () => {
  const page = await session.open('');
  await waitForReady(page);
  const input = jobInput(page);
  await input.click();
  await page.keyboard.type('gas', { delay: 30 });
  const labels = await expectSuggestionsFor(page, 'gas');
  assert.ok(labels.length >= 2, `several suggestions for "gas": ${JSON.stringify(labels)}`);

  // Options are at least 24 × 24 CSS px (WCAG 2.2 target size), in practice 44 px high.
  const box = await page.getByRole('option').first().boundingBox();
  assert.ok(box && box.height >= 24 && box.width >= 24, `option target size: ${JSON.stringify(box)}`);

  // Click the second suggestion: picking by pointer works and does not blur-close first.
  const option = page.getByRole('option').nth(1);
  const label = labels[1];
  const id = await option.getAttribute('data-id');
  await option.click();
  const results = await waitForResults(page);
  assert.equal(await input.inputValue(), label);
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.match(await page.locator('#current-job h2').textContent() ?? '', new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  assert.ok(await results.count() > 0);
  assert.equal(new URL(page.url()).searchParams.get('job'), id);

  // Picking another job replaces the results (and the URL).
  await input.fill('');
  await page.keyboard.type('welder', { delay: 20 });
  await expectSuggestionsFor(page, 'welder');
  await page.getByRole('option', { name: /^welder\b/ }).first().click();
  await page.waitForFunction((prev) => {
    const h = document.querySelector('#current-job h2');
    return h && /welder$/.test(h.textContent ?? '') && new URL(location.href).searchParams.get('job') !== prev;
  }, id);
  await waitForResults(page);

  // Clicking elsewhere closes the list without picking; the text stays.
  await input.fill('');
  await page.keyboard.type('mechanic', { delay: 20 });
  await expectSuggestionsFor(page, 'mechanic');
  await page.locator('h1').click();
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.equal(await input.inputValue(), 'mechanic');
  assert.match(await page.locator('#current-job h2').textContent() ?? '', /welder$/);

  await assertNoAxeViolations(page, 'mouse journey, results shown');
  assertCleanLog(session);
});
