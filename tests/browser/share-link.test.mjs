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

// Regression: a skill id with a quote, backslash or newline in a shared link made the page call
// `transitions` tens of thousands of times and never show moves, because the error escaped the
// id and the page's regular expression no longer found it. The page now reads the error's
// `kind` and `value`.
for (const [what, id] of [['a quote', 'a"b'], ['a backslash', 'a\\b'], ['a newline', 'a\nb']]) {
  test(`a shared link with an unknown skill id holding ${what} shows the moves and says the skill was removed`, { timeout: 90_000 }, async () => {
    const first = await session.open('');
    await waitForReady(first);
    const gasId = await pickByKeyboard(first, 'gas service technician', 'gas service technician');
    await waitForResults(first);
    await first.close();

    const page = await session.context.newPage();
    await page.goto(`${session.origin}/?job=${gasId}&skills=${encodeURIComponent(id)}`);
    await waitForResults(page);
    const alert = page.locator('#error-summary');
    await alert.waitFor({ state: 'visible' });
    assert.match(await alert.textContent() ?? '', /A skill in this link could not be found, so it was removed/);
    assert.ok(await page.locator('#green-moves-list > li').count() > 0, 'moves are shown');
    assert.equal(await page.locator('#skill-chips li').count(), 0, 'the unknown skill is gone');
    assert.equal(new URL(page.url()).searchParams.get('skills'), null);
    await page.close();
    assertCleanLog(session);
  });
}
