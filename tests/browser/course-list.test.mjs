// A college's own course list, on the college page: a template to start from, a list with
// problems refused with one error per problem (its row and column, near misses suggested) and
// nothing changed, a valid list by ESCO names shown as a table and kept on the device across a
// reload, the worker page's plans using it and saying so, and "forget" clearing it. axe-clean
// throughout, no console errors.

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
  waitForPlan,
  READY_TIMEOUT_MS,
} from './harness.mjs';

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const HEAT_PUMP = 'refrigeration air condition and heat pump technician';

/** @param {import('playwright-core').Page} page */
async function openCollegePage(page) {
  await page.goto(new URL('/college.html', session.origin).href);
  await page.waitForFunction(() => document.documentElement.dataset.plannerState === 'ready', null, { timeout: READY_TIMEOUT_MS });
}

test('a college loads its own course list on its own page, keeps it, sees it in plans, and forgets it', { timeout: 240_000 }, async () => {
  // The worker page links to the college page.
  const page = await session.open('');
  await waitForReady(page);
  assert.equal(await page.getByRole('link', { name: 'For colleges: your course list' }).getAttribute('href'), './college.html');
  // The ids of the two jobs, found as a worker would.
  await jobInput(page).focus();
  await page.keyboard.type('heat pump technician', { delay: 10 });
  await expectSuggestionsFor(page, 'heat pump technician');
  const heatPumpId = /** @type {string} */ (await page.locator('#job-listbox [role="option"]').filter({ hasText: HEAT_PUMP }).first().getAttribute('data-id'));
  await page.keyboard.press('Escape');
  const gasId = await pickByKeyboard(page, 'gas service technician', 'gas service technician');
  await waitForResults(page);

  await openCollegePage(page);
  assert.equal(await page.locator('#own-courses-kept').textContent(), 'No course list is kept on this device.');
  assert.equal(await page.getByRole('button', { name: 'Forget the list on this device' }).isVisible(), false);
  // The template downloads and has every column.
  const template = await page.evaluate(async () => (await fetch(/** @type {HTMLAnchorElement} */ (document.getElementById('own-courses-template')).href)).text());
  assert.match(template.split('\n')[0], /^id,title,provider,kind,level,weeks,cost,funding,delivery,prerequisites,requires,teaches,occupations,source,notes$/);
  await page.getByText('The columns, and what each may hold').click();
  assert.match(await page.locator('#own-courses-columns').textContent() ?? '', /ESCO skill names/);
  await assertNoAxeViolations(page, 'college page');

  // A list with problems: weeks "abc", a misspelt skill, a misspelt job.
  const fileInput = page.getByLabel('Course list (CSV or JSON)');
  const bad = 'id,title,kind,weeks,cost,funding,delivery,teaches,occupations\n' +
    'college-hp,College heat pump course,short course,abc,300,self funded,classroom,instal heat pumps,heat pmp engineer\n';
  await fileInput.setInputFiles({ name: 'courses.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Load the course list' }).click();
  const summary = page.locator('#error-summary');
  await summary.waitFor({ state: 'visible' });
  assert.equal(await summary.getAttribute('role'), 'alert');
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
  const items = await summary.locator('li').allTextContents();
  console.log(`# problems: ${items.join(' | ')}`);
  assert.ok(items.some((t) => /^Course list: Row 1 \(line 2\), weeks: "abc"/.test(t)), `weeks by row: ${items.join(' | ')}`);
  assert.ok(items.some((t) => /^Course list: Row 1 \(line 2\), teaches: .*did you mean "install heat pump"/.test(t)), `a near miss suggested: ${items.join(' | ')}`);
  assert.ok(items.some((t) => /^Course list: Row 1 \(line 2\), occupations: .*did you mean/.test(t)), `the job near miss: ${items.join(' | ')}`);
  for (const href of await summary.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    assert.equal(href, '#own-courses-file');
  }
  assert.equal(await fileInput.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#own-courses-kept').textContent(), 'No course list is kept on this device.', 'nothing kept');
  await assertNoAxeViolations(page, 'course list with problems');

  // The same list, corrected, by ESCO names, used on its own.
  // As the college's spreadsheet saves it: its own column names, and a column that means nothing here.
  const good = 'Course code,Course title,Campus,kind,weeks,Fee (£),funding,Mode of study,Skills,Target jobs\n' +
    'college-hp,College heat pump course,North,short course,1,300,self funded,classroom,install heat pump,heat pump installer\n';
  await fileInput.setInputFiles({ name: 'our-courses.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('radio', { name: 'Only my courses' }).check();
  await page.getByRole('button', { name: 'Load the course list' }).click();
  await page.waitForFunction(() => /^Loaded/.test(document.getElementById('own-courses-status')?.textContent ?? ''));
  assert.match(await page.locator('#own-courses-status').textContent() ?? '', /Loaded “our-courses.csv”: 1 course of yours; the catalogue now has 1 course\. Columns not used: Campus\. It is kept on this device/);
  assert.equal(await summary.isVisible(), false, 'the error summary is cleared');
  assert.deepEqual(await page.locator('#own-courses-list tbody th').allTextContents(), ['College heat pump course']);
  assert.match(await page.locator('#own-courses-kept').textContent() ?? '', /Kept on this device: “our-courses.csv” \(1 course, used on its own\)/);
  await assertNoAxeViolations(page, 'own course list loaded');

  // Kept across a reload.
  await openCollegePage(page);
  await page.waitForFunction(() => /is loaded/.test(document.getElementById('own-courses-status')?.textContent ?? ''));
  assert.deepEqual(await page.locator('#own-courses-list tbody th').allTextContents(), ['College heat pump course']);

  // The college's own plans use it and say which courses are theirs.
  await page.getByLabel('Area (NUTS3, as the Office for National Statistics publishes it)').selectOption('UKE11');
  await page.waitForFunction(() => /from your course list/.test(document.getElementById('candidates-status')?.textContent ?? ''), null, { timeout: 60_000 });
  assert.match(await page.locator('#candidates-status').textContent() ?? '', /^1 course trains for these jobs or teaches their skills, 1 of them from your course list\.$/);
  assert.match(await page.locator('#candidates-table tbody th').first().textContent() ?? '', /^College heat pump course Your course;/);

  // The worker page's plan uses it and says so.
  await page.goto(new URL(`/?job=${gasId}&to=${heatPumpId}`, session.origin).href);
  await waitForPlan(page);
  const titles = await page.locator('#plan-courses .app-course__title').allTextContents();
  console.log(`# plan with the college's list: ${titles.join(' | ')}`);
  assert.ok(titles.some((t) => t.includes('College heat pump course')), `the plan lists the college's course: ${titles.join(' | ')}`);
  assert.match(await page.locator('#plan-own-list').textContent() ?? '', /include the courses of your own list “our-courses.csv” \(1 course, used on its own\)/);
  await assertNoAxeViolations(page, 'plan with the college list');

  // Forget it.
  await openCollegePage(page);
  await page.getByRole('button', { name: 'Forget the list on this device' }).click();
  assert.equal(await page.locator('#own-courses-kept').textContent(), 'No course list is kept on this device.');
  await page.goto(new URL(`/?job=${gasId}&to=${heatPumpId}`, session.origin).href);
  await waitForPlan(page);
  assert.equal(await page.locator('#plan-own-list').isVisible(), false, 'plans no longer mention it');
  assertCleanLog(session);
});
