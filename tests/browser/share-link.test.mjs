// A chosen job is kept in the URL (?job=<id>) so a plan can be shared or bookmarked.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, assertCleanLog, assertNoAxeViolations, waitForReady, waitForResults, jobInput,
  pickByKeyboard,
} from './harness.mjs';

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('?job=<welder id> restores the plan on load', { timeout: 120_000 }, async () => {
  // Find the welder's id the way a person would: through the search box.
  const first = await session.open('');
  await waitForReady(first);
  const welderId = await pickByKeyboard(first, 'welder', 'welder');
  await waitForResults(first);
  const sharedUrl = first.url();
  assert.equal(new URL(sharedUrl).searchParams.get('job'), welderId);
  const expected = await first.locator('#green-moves-list .app-result__title').allTextContents();
  await first.close();

  // Open the shared link in a fresh page: the same plan appears without typing anything.
  const page = await session.context.newPage();
  await page.goto(sharedUrl);
  await waitForResults(page);
  assert.equal(await jobInput(page).inputValue(), 'welder');
  assert.match(await page.locator('#current-job h2').textContent() ?? '', /welder$/);
  assert.deepEqual(await page.locator('#green-moves-list .app-result__title').allTextContents(), expected,
    'the same moves, in the same order');
  assert.match(await page.title(), /welder/);
  await waitForReady(page);
  await assertNoAxeViolations(page, 'plan restored from the URL');
  await page.close();
  assertCleanLog(session);
});

test('an unknown ?job= id shows an error summary and keeps the page usable', { timeout: 60_000 }, async () => {
  const page = await session.open('?job=not-a-real-occupation');
  await waitForReady(page);
  const alert = page.getByRole('alert');
  await alert.waitFor({ state: 'visible' });
  assert.match(await alert.textContent() ?? '', /There is a problem.*could not be found/s);
  const link = alert.getByRole('link');
  assert.equal(await link.getAttribute('href'), '#job');
  assert.equal(await page.locator('#plan').isVisible(), false);
  await assertNoAxeViolations(page, 'error summary shown');

  // The error links to the input; the search still works and a pick clears the error.
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'job');
  await pickByKeyboard(page, 'welder', 'welder');
  await waitForResults(page);
  assert.equal(await alert.isVisible(), false);
  assertCleanLog(session);
});
