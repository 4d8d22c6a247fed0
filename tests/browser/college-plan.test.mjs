// The college planner's journey on the college page: choose an area, edit figures (typed and
// pasted from a spreadsheet), a bad figure refused with nothing lost, plan within a budget
// (tables and a flow picture), save two scenarios and compare them, export CSV, reload and find
// everything kept, courses that must run explained when they cannot, cancel a search, and forget.
// axe-clean in every state, no console errors.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertCleanLog, assertNoAxeViolations, READY_TIMEOUT_MS } from './harness.mjs';

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => { session = await startSession({ viewport: { width: 1280, height: 900 } }); });
after(async () => { await session?.close(); });

/** @param {import('playwright-core').Page} page */
async function waitReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.plannerState === 'ready', null, { timeout: READY_TIMEOUT_MS });
}

/** @param {import('playwright-core').Page} page */
async function planAndWait(page) {
  await page.getByRole('button', { name: 'Plan courses and places' }).click();
  await page.waitForFunction(() => /Planned in|No plan/.test(document.getElementById('plan-status')?.textContent ?? ''), null, { timeout: 120_000 });
}

/** @param {string} text "£9,970" → 9970 */
function pounds(text) {
  return Number(text.replace(/[£,]/g, ''));
}

test('a college plans its green courses for Hull, compares two budgets, exports, reloads and forgets', { timeout: 400_000 }, async () => {
  const page = await session.open('college.html');
  await waitReady(page);
  assert.equal(await page.locator('h1').textContent(), 'Plan your college’s green courses');
  await assertNoAxeViolations(page, 'college page, no area');

  // The area: Hull. Its workers and demand are estimates, with their method and sources.
  await page.getByLabel('Area (NUTS3, as the Office for National Statistics publishes it)').selectOption('UKE11');
  await page.locator('#candidates-table table').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('#area-sources').textContent() ?? '', /Kingston upon Hull, City of/);
  await page.getByText('How these estimates were made, and their sources').click();
  assert.match(await page.locator('#area-sources').textContent() ?? '', /Estimate\. ONS Annual Population Survey/);
  assert.ok(await page.locator('#area-sources a[href^="https://"]').count() >= 5, 'each published figure links to its source');
  assert.match(await page.locator('#area-destinations').textContent() ?? '', /heat pump technician/);
  assert.match(await page.locator('#candidates-status').textContent() ?? '', /^\d+ courses train for these jobs/);
  // Apprenticeships say they are free to the learner, not "price unknown".
  assert.match(await page.locator('#candidates-table').textContent() ?? '', /free to the learner in England; funded up to £[\d,]+/);
  await assertNoAxeViolations(page, 'college page, Hull');

  // Learners typed for the first job; openings pasted as a column from a spreadsheet.
  const learners = page.locator('#area-origins input[type="text"]').nth(1);
  await learners.fill('12');
  const openings = page.locator('#area-destinations input[type="text"]');
  await openings.first().focus();
  await page.evaluate(() => {
    const target = /** @type {HTMLInputElement} */ (document.querySelector('#area-destinations input[type="text"]'));
    const data = new DataTransfer();
    data.setData('text/plain', '60\r\n1,200\r\n');
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  assert.equal(await openings.nth(0).inputValue(), '60');
  assert.equal(await openings.nth(1).inputValue(), '1,200');

  // The college's own figures, as JSON: a known job is filled in, an unknown one is listed.
  const secondJob = await page.evaluate(() => document.querySelectorAll('#area-origins tbody th')[1].firstChild?.textContent ?? '');
  await page.getByText('Load your own figures (CSV or JSON)').click();
  await page.getByLabel('Figures file (CSV or JSON)').setInputFiles({ name: 'learners.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([{ occupation: secondJob, count: 7 }, { occupation: 'astronaut', count: 3 }])) });
  await page.getByRole('button', { name: 'Use these figures' }).click();
  await page.waitForFunction(() => /rows were not used/.test(document.getElementById('own-figures-status')?.textContent ?? ''));
  assert.match(await page.locator('#own-figures-error').textContent() ?? '', /Row 2: “astronaut” is not a job in this table/);
  assert.equal(await page.locator('#area-origins tbody tr').nth(1).locator('input[type="text"]').nth(1).inputValue(), '7');
  await assertNoAxeViolations(page, 'college page, own figures with a problem');

  // A budget that is not a number: refused at its field, nothing cleared.
  const budget = page.getByLabel('Budget (£; blank: no limit)');
  await budget.fill('lots');
  await page.getByRole('button', { name: 'Plan courses and places' }).click();
  const summary = page.locator('#error-summary');
  await summary.waitFor({ state: 'visible' });
  assert.match(await summary.textContent() ?? '', /Budget \(£; blank: no limit\): “lots” is not a number/);
  assert.equal(await summary.getByRole('link').first().getAttribute('href'), '#budget');
  assert.equal(await learners.inputValue(), '12');
  await assertNoAxeViolations(page, 'college page, a bad budget');

  // A plan within £60,000.
  await budget.fill('60,000');
  await planAndWait(page);
  await page.locator('#portfolio-result-heading').waitFor();
  assert.equal(await summary.isVisible(), false);
  const headline = await page.locator('#portfolio-headline').textContent() ?? '';
  console.log(`# ${headline}`);
  const match = headline.match(/^([\d.,]+) people expected into good green jobs from ([\d,]+) places on (\d+) courses?, costing (£[\d,]+) of your £60,000\.$/);
  assert.ok(match, headline);
  assert.ok(Number(match[1]) > 0 && pounds(match[4]) <= 60_000, headline);
  assert.match(await page.locator('#portfolio-status').textContent() ?? '', /best plan|within [\d.]+% of the best/);
  assert.equal(await page.locator('#portfolio-flow svg[role="img"]').count(), 1);
  assert.match(await page.locator('#portfolio-flow svg').getAttribute('aria-label') ?? '', /^Flow of \d+ places from \d+ jobs through \d+ courses? to \d+ green jobs/);
  assert.ok(await page.locator('#portfolio-flow path').count() > 0);
  assert.match(await page.locator('#portfolio-result').textContent() ?? '', /Demand after the plan/);
  assert.match(await page.locator('#portfolio-result').textContent() ?? '', /Where the gaps are, two ways/);
  await assertNoAxeViolations(page, 'college page, planned');

  // Save it, plan with less money, save again, and compare.
  await page.getByLabel('Name this plan').fill('Budget £60k');
  await page.getByRole('button', { name: 'Save on this device' }).click();
  await budget.fill('8,000');
  await planAndWait(page);
  const lean = await page.locator('#portfolio-headline').textContent() ?? '';
  assert.match(lean, /of your £8,000\.$/);
  await page.getByLabel('Name this plan').fill('Budget £8k');
  await page.getByRole('button', { name: 'Save on this device' }).click();
  const compare = page.locator('#scenario-compare');
  await compare.waitFor();
  const heads = await compare.locator('thead th').allTextContents();
  assert.ok(heads.some((t) => t.startsWith('Budget £60k')) && heads.some((t) => t.startsWith('Budget £8k')), heads.join(' | '));
  assert.match(await compare.textContent() ?? '', /£60,000/);
  await assertNoAxeViolations(page, 'college page, two scenarios');

  // Export as CSV.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'greenpath-college-plan.csv');
  const csv = await (await import('node:fs/promises')).readFile(/** @type {string} */ (await download.path()), 'utf8');
  assert.match(csv.split('\r\n')[0], /^area,course,cohorts,course places,course cost \(GBP\),from job,towards job,places,expected placements$/);
  assert.ok(csv.split('\r\n').length > 2, csv);

  // A reload keeps the area, the figures, the limits and the scenarios.
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('#area').inputValue(), 'UKE11');
  await page.waitForFunction(() => document.querySelectorAll('#area-origins input[type="text"]').length > 1);
  assert.equal(await page.locator('#area-origins input[type="text"]').nth(1).inputValue(), '12');
  assert.equal(await page.locator('#area-destinations input[type="text"]').nth(1).inputValue(), '1,200');
  assert.equal(await page.getByLabel('Budget (£; blank: no limit)').inputValue(), '8,000');
  assert.equal(await page.locator('#scenario-compare thead th').count(), 3);

  // Courses that must run beyond the budget: which limit, by how much.
  for (let i = 0; i < 3; i++) {
    await page.locator('#candidates-table tbody tr').nth(i).locator('input[type="checkbox"]').nth(1).check();
  }
  await page.getByLabel('Budget (£; blank: no limit)').fill('1,000');
  await planAndWait(page);
  assert.equal(await page.locator('#portfolio-result-heading').textContent(), 'The courses you must run cannot all run');
  assert.match(await page.locator('#portfolio-result').textContent() ?? '', /Budget: short by £[\d,]+ \(you have £1,000\)|cannot fill its smallest cohort/);
  await assertNoAxeViolations(page, 'college page, infeasible');

  // Cancel a search: the planner starts again and the next plan works; nothing typed is lost.
  for (let i = 0; i < 3; i++) {
    await page.locator('#candidates-table tbody tr').nth(i).locator('input[type="checkbox"]').nth(1).uncheck();
  }
  await page.getByLabel('Budget (£; blank: no limit)').fill('');
  await page.getByLabel('Seconds the planner may search (1 to 60)').fill('20');
  // Plan, then Cancel while the search runs (both clicks in one task, so the search cannot end first).
  await page.evaluate(() => {
    /** @type {HTMLButtonElement} */ (document.getElementById('plan-portfolio')).click();
    const cancel = /** @type {HTMLButtonElement} */ (document.getElementById('plan-cancel'));
    if (cancel.hidden) throw new Error('Cancel is not offered while searching');
    cancel.click();
  });
  await page.waitForFunction(() => /Cancelled/.test(document.getElementById('plan-status')?.textContent ?? ''));
  await waitReady(page);
  await page.waitForFunction(() => !(/** @type {HTMLButtonElement} */ (document.getElementById('plan-portfolio')).disabled));
  assert.equal(await page.locator('#area-origins input[type="text"]').nth(1).inputValue(), '12');
  await page.getByLabel('Seconds the planner may search (1 to 60)').fill('3');
  await planAndWait(page);
  assert.match(await page.locator('#portfolio-headline').textContent() ?? '', /people expected into good green jobs/);

  // Forget: nothing kept after a reload.
  await page.getByRole('button', { name: 'Forget everything this page kept on this device' }).click();
  await waitReady(page);
  assert.equal(await page.locator('#area').inputValue(), '');
  assert.equal(await page.locator('#scenarios-empty').textContent(), 'No plans saved on this device yet.');
  assertCleanLog(session);
});
