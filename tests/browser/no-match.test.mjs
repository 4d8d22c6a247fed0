// Queries with no answer are explained in plain words, never shown as errors, and the typed
// text is never lost.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, assertCleanLog, assertNoAxeViolations, waitForReady, jobInput,
} from './harness.mjs';

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('a query with no match says "No matching jobs", not an error', { timeout: 60_000 }, async () => {
  const page = await session.open('');
  await waitForReady(page);
  const input = jobInput(page);
  await input.focus();
  await page.keyboard.type('qzxqzxqzx', { delay: 20 });
  const message = page.locator('#job-message');
  await message.waitFor({ state: 'visible' });
  assert.match(await message.textContent() ?? '', /^No matching jobs for “qzxqzxqzx”/);
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByRole('listbox').isVisible(), false);
  assert.equal(await page.getByRole('alert').isVisible(), false, 'no error summary');
  assert.equal(await input.inputValue(), 'qzxqzxqzx');
  await assertNoAxeViolations(page, 'no matching jobs');

  // Enter on a query with no match keeps the text and the message; still no error.
  await page.keyboard.press('Enter');
  assert.equal(await input.inputValue(), 'qzxqzxqzx');
  assert.equal(await page.getByRole('alert').isVisible(), false);
  assert.equal(await page.locator('#plan').isVisible(), false);
  assertCleanLog(session);
});

test('a blank query shows no suggestions and no error', { timeout: 60_000 }, async () => {
  const page = await session.open('');
  await waitForReady(page);
  const input = jobInput(page);
  await input.focus();
  await page.keyboard.type('gas', { delay: 20 });
  await page.getByRole('listbox').waitFor({ state: 'visible' });
  // Clear to spaces: the list closes, nothing is searched for, nothing is wrong.
  await input.fill('   ');
  await page.waitForFunction(() => document.getElementById('job')?.getAttribute('aria-expanded') === 'false');
  assert.equal(await page.getByRole('listbox').isVisible(), false);
  assert.equal(await page.locator('#job-message').isVisible(), false);
  // Enter on a blank query: a gentle prompt, not an error.
  await page.keyboard.press('Enter');
  const message = page.locator('#job-message');
  await message.waitFor({ state: 'visible' });
  assert.match(await message.textContent() ?? '', /Type the name of your job/);
  assert.equal(await page.getByRole('alert').isVisible(), false);
  await assertNoAxeViolations(page, 'blank query');
  assertCleanLog(session);
});
