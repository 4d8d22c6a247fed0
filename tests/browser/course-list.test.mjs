// A college's own course list: loaded from a file into the planner in the browser. A list with
// problems is refused with one error per problem (by row), focus on the error summary and
// nothing changed; a valid list used on its own replaces the catalogue and the plan uses it.
// axe-clean throughout, no console errors.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession,
  assertCleanLog,
  assertNoAxeViolations,
  waitForReady,
  waitForResults,
  pickByKeyboard,
  jobInput,
  expectSuggestionsFor,
  afterPlanUpdate,
  waitForPlan,
} from './harness.mjs';

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const HEAT_PUMP = 'refrigeration air condition and heat pump technician';

/** @param {import('playwright-core').Page} page */
function courseTitles(page) {
  return page.locator('#plan-courses .app-course__title').allTextContents();
}

test('a college loads its own course list: problems listed by row, then a valid list used on its own', { timeout: 240_000 }, async () => {
  const page = await session.open('');
  await waitForReady(page);
  await jobInput(page).focus();
  await page.keyboard.type('heat pump technician', { delay: 10 });
  await expectSuggestionsFor(page, 'heat pump technician');
  const heatPumpId = /** @type {string} */ (await page.locator('#job-listbox [role="option"]').filter({ hasText: HEAT_PUMP }).first().getAttribute('data-id'));
  assert.ok(heatPumpId, 'the heat pump technician is found by search');
  await page.keyboard.press('Escape');
  const gasId = await pickByKeyboard(page, 'gas service technician', 'gas service technician');
  await waitForResults(page);
  await page.goto(new URL(`/?job=${gasId}&to=${heatPumpId}`, session.origin).href);
  await waitForPlan(page);

  // The loader is folded at the end of the plan, out of a worker's way.
  assert.equal(await page.locator('#own-courses-details').getAttribute('open'), null, 'folded by default');
  await page.getByText('For colleges and councils: plan with your own course list').click();
  const fileInput = page.getByLabel('Course list (CSV or JSON)');
  assert.match(await page.locator('#own-courses-file-hint').textContent() ?? '',
    /id,title,provider,kind,level,weeks,cost,funding,delivery,prerequisites,requires,teaches,occupations,source,notes/);
  assert.equal(await page.getByRole('radio', { name: 'Add to the catalogue' }).isChecked(), true, '"Add" is the default');
  await assertNoAxeViolations(page, 'plan with the course list form');

  // A list with a bad row: weeks "abc" and an unknown skill.
  const planBefore = await page.locator('#plan-body').innerText();
  const heldBefore = await page.locator('#plan-held-list input[name="held"]').count();
  const urlBefore = page.url();
  const bad = 'id,title,kind,weeks,cost,funding,delivery,teaches,occupations\n' +
    `bad-course,Bad course,short course,abc,100,self funded,classroom,nope,${heatPumpId}\n`;
  await fileInput.setInputFiles({ name: 'courses.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  assert.equal(page.url(), urlBefore, 'choosing a file does not re-plan');
  await page.getByRole('button', { name: 'Load courses' }).click();
  const summary = page.locator('#plan-errors');
  await summary.waitFor({ state: 'visible' });
  assert.equal(await summary.getAttribute('role'), 'alert');
  await page.waitForFunction(() => document.activeElement?.id === 'plan-errors');
  const items = await summary.locator('li').allTextContents();
  console.log(`# problems: ${items.join(' | ')}`);
  assert.ok(items.length >= 2, `one item per problem: ${items.join(' | ')}`);
  assert.ok(items.some((t) => /^Course list: Row 1 \(line 2\), /.test(t) && /weeks/i.test(t) && /abc/.test(t)), `the weeks problem with its row: ${items.join(' | ')}`);
  assert.ok(items.some((t) => /^Course list: Row 1 \(line 2\), /.test(t) && /nope/.test(t)), `the unknown skill with its row: ${items.join(' | ')}`);
  for (const href of await summary.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    assert.equal(href, '#own-courses-file');
  }
  assert.equal(await fileInput.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#own-courses-file-error').textContent() ?? '', /^Error: /);
  assert.equal(await page.locator('#plan-body').innerText(), planBefore, 'the plan stays');
  assert.equal(await page.locator('#plan-held-list input[name="held"]').count(), heldBefore, 'the catalogue stays');
  assert.equal(await page.locator('#own-courses-status').textContent(), '');
  await assertNoAxeViolations(page, 'course list with problems');
  await summary.getByRole('link').first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'own-courses-file');

  // A valid list, used on its own.
  const good = 'id,title,kind,weeks,cost,funding,delivery,occupations\n' +
    `college-hp,College heat pump course,short course,1,300,self funded,classroom,${heatPumpId}\n`;
  await fileInput.setInputFiles({ name: 'courses.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('radio', { name: 'Use only my list' }).check();
  await afterPlanUpdate(page, () => page.getByRole('button', { name: 'Load courses' }).click());
  assert.equal(await page.locator('#own-courses-status').textContent(), 'Loaded: the catalogue now has 1 course.');
  assert.equal(await page.locator('#own-courses-status').getAttribute('role'), 'status');
  assert.equal(await summary.isVisible(), false, 'the error summary is cleared');
  assert.equal(await fileInput.getAttribute('aria-invalid'), null);
  const titles = await courseTitles(page);
  console.log(`# plan with my list: ${titles.join(' | ')}`);
  assert.ok(titles.some((t) => t.includes('College heat pump course')), `the plan lists the college's course: ${titles.join(' | ')}`);
  assert.deepEqual(await page.locator('#plan-held-list input[name="held"]').evaluateAll((xs) => xs.map((x) => /** @type {HTMLInputElement} */ (x).value)),
    ['college-hp'], 'the certificates list shows the new catalogue');
  await assertNoAxeViolations(page, 'own course list loaded');
  assertCleanLog(session);
});
