// What the page says for real people, from typing an everyday UK job title to a plan: a gas
// engineer sees heat pump work first, an oil-rig roustabout offshore wind; each move says why it
// is green and which body recognises the route, with the source; the plan starts with the
// route's bridging training. axe-clean in every state.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession,
  assertCleanLog,
  assertNoAxeViolations,
  waitForReady,
  waitForResults,
  jobInput,
  waitForPlan,
} from './harness.mjs';

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

/**
 * Type an everyday title, check the first suggestion and that it says which UK title matched,
 * then pick it by keyboard.
 * @param {import('playwright-core').Page} page
 * @param {string} typed
 * @param {string} label the ESCO occupation expected first
 */
async function pickFirst(page, typed, label) {
  const input = jobInput(page);
  await input.focus();
  await page.keyboard.type(typed, { delay: 20 });
  await page.waitForFunction((q) => document.getElementById('job-listbox')?.dataset.query === q &&
    document.getElementById('job')?.getAttribute('aria-expanded') === 'true', typed, { timeout: 30_000 });
  const first = page.locator('#job-listbox [role="option"]').first();
  assert.equal(await first.locator('.app-combobox__label').textContent(), label);
  assert.match(await first.textContent() ?? '', /UK job title: /i, 'the suggestion says which UK title matched');
  await assertNoAxeViolations(page, `suggestions for "${typed}"`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  return waitForResults(page);
}

/**
 * The titles of the green moves shown, in order.
 * @param {import('playwright-core').Page} page
 */
async function greenTitles(page) {
  return page.locator('#green-moves-list .app-result__title').evaluateAll((els) =>
    els.map((e) => (e.textContent ?? '').replace(/^\d+\.\s*/, '')));
}

/**
 * Open the plan of the move at `index` and return the plan's first course card.
 * @param {import('playwright-core').Page} page
 * @param {number} index
 */
async function openPlan(page, index) {
  await page.locator('#green-moves-list button[data-action="plan"]').nth(index).click();
  await waitForPlan(page);
  return page.locator('#plan-courses > li').first();
}

test('"gas engineer": heat pump work first, a recognised route with its source, a plan that starts with the heat pump course', { timeout: 180_000 }, async () => {
  const page = await session.open('');
  await waitForReady(page);
  await pickFirst(page, 'gas engineer', 'gas service technician');

  const titles = await greenTitles(page);
  assert.equal(titles[0], 'refrigeration air condition and heat pump technician', titles.join(' | '));
  const first = page.locator('#green-moves-list > li > article').first();
  assert.equal(await first.locator('.app-badges').getByText('Recognised route', { exact: true }).count(), 1);
  assert.match(await first.locator('.app-why__route').textContent() ?? '', /^Recognised route: .+heat pump.+Source: /i);
  assert.match(await first.locator('.app-why__green').textContent() ?? '', /^Green job \(Low-carbon heating\): /);
  // No green move is a carbon-intensive job, and no card says both.
  assert.equal(await page.locator('#green-moves-list .app-tag--carbon').count(), 0);
  // Sanitation and waste jobs are not offered as green moves.
  for (const t of titles) assert.doesNotMatch(t, /septic|sewerage|refuse|mining assistant/i);
  await assertNoAxeViolations(page, 'gas engineer: moves');

  const course = await openPlan(page, 0);
  assert.match(await page.locator('#plan-route').textContent() ?? '', /recognise this move\..+Source: /);
  assert.match(await course.textContent() ?? '', /Recognised route.+Bridging training/);
  assert.match(await course.locator('.app-course__title').textContent() ?? '', /heat pump/i);
  await assertNoAxeViolations(page, 'gas engineer: plan');
  assertCleanLog(session);
});

test('"offshore roustabout": offshore wind first, with the Energy Skills Passport route and safety training in the plan', { timeout: 180_000 }, async () => {
  const page = await session.open('');
  await waitForReady(page);
  await pickFirst(page, 'offshore roustabout', 'roustabout');

  const titles = await greenTitles(page);
  const top3 = titles.slice(0, 3);
  assert.ok(top3.includes('offshore renewable energy technician') && top3.includes('onshore wind farm technician'), top3.join(' | '));
  const offshore = titles.indexOf('offshore renewable energy technician');
  const card = page.locator('#green-moves-list > li > article').nth(offshore);
  assert.match(await card.locator('.app-why__route').textContent() ?? '', /^Recognised route: .+Source: /);
  // Skills counts in plain words, and the route explains why few ESCO skills are shared.
  assert.match(await card.locator('.app-why__held').textContent() ?? '', /^Skills you have: \d+ of the \d+ essential skills ESCO lists.+bridges the gap/);
  await assertNoAxeViolations(page, 'offshore roustabout: moves');

  const course = await openPlan(page, offshore);
  assert.match(await course.textContent() ?? '', /Bridging training/);
  const courses = await page.locator('#plan-courses .app-course__title').allTextContents();
  assert.ok(courses.some((c) => /GWO|Energy Skills Passport|Transition Training Fund/i.test(c)), courses.join(' | '));
  // A price no one published is never shown as £0 to the learner.
  for (const text of await page.locator('#plan-courses .app-course').allTextContents()) {
    if (/Price not published/.test(text)) assert.doesNotMatch(text, /You pay£0/);
  }
  await assertNoAxeViolations(page, 'offshore roustabout: plan');
  assertCleanLog(session);
});
