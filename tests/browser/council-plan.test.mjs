// The council officer's journey on the council page: choose an area, read the picture (four
// charts, each with its table and source), load own figures with a bad row, set course places
// and costs, plan scenario A (a floor the budget cannot carry: the highest floor that holds,
// then a plan at it), plan scenario B (twice the budget), compare them side by side, print a
// committee summary of at most two A4 pages, export CSV, reload and find everything kept,
// cancel a search, and forget. Keyboard only for the plan; axe-clean in every state; no
// console errors.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSession, assertCleanLog, assertNoAxeViolations, READY_TIMEOUT_MS } from './harness.mjs';

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => { session = await startSession({ viewport: { width: 1280, height: 900 } }); });
after(async () => { await session?.close(); });

/** @param {import('playwright-core').Page} page */
async function waitReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.plannerState === 'ready', null, { timeout: READY_TIMEOUT_MS });
}

/** Plan from the keyboard: focus the button and press Enter. @param {import('playwright-core').Page} page */
async function planAndWait(page) {
  await page.evaluate(() => { /** @type {HTMLElement} */ (document.getElementById('plan-status')).textContent = ''; });
  await page.getByRole('button', { name: 'Plan the transition' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Planned in|No plan/.test(document.getElementById('plan-status')?.textContent ?? ''), null, { timeout: 120_000 });
}

/** @param {string} text "1,143 of 1,193" → 1143 */
function firstNumber(text) {
  return Number((/[\d,]+/.exec(text) ?? ['NaN'])[0].replace(/,/g, ''));
}

test('a council plans a fair transition for Hull, compares two budgets, prints, exports, reloads and forgets', { timeout: 400_000 }, async () => {
  const page = await session.open('council.html');
  await waitReady(page);
  assert.equal(await page.locator('h1').first().textContent(), 'Plan a fair local transition');
  await assertNoAxeViolations(page, 'council page, no area');

  // A college plan saved on this device earlier (the college page keeps course ids with places).
  await page.evaluate(() => window.localStorage.setItem('greenpath.collegeScenarios.v1', JSON.stringify([{
    name: 'Hull College 2027', savedAt: '2026-11-01T10:00:00Z', area: 'Kingston upon Hull, City of (UKE11)',
    limits: { budget: 60000, tutorHours: 2000, sessions: null }, placements: 20, places: 24, cost: 50000, tutorHours: 900, sessions: 0, status: 'optimal',
    courses: [{ id: 'lcht_apprenticeship', title: 'Low Carbon Heating Technician apprenticeship standard (ST1020)', cohorts: 2, places: 24 }, { id: 'nowhere', title: 'A retired course', cohorts: 1, places: 8 }],
  }])));

  // The area and its picture: four charts, each with a table of the same figures and its source.
  await page.getByLabel('Area (NUTS3, as the Office for National Statistics publishes it)').selectOption('UKE11');
  await page.waitForFunction(() => /routes into good green jobs for \d+ of \d+ groups/.test(document.getElementById('picture-status')?.textContent ?? ''), null, { timeout: 60_000 });
  for (const id of ['chart-workers', 'chart-demand', 'chart-gaps', 'chart-routes']) {
    const chart = page.locator(`#${id}`);
    assert.equal(await chart.locator('svg[role="img"]').count(), 1, `${id} is one labelled picture`);
    assert.match(await chart.locator('svg').getAttribute('aria-label') ?? '', /^Bar chart: .+\. The table below lists every figure\.$/);
    assert.ok(await page.locator(`#${id}-table tbody tr`).count() > 0, `${id} has its table`);
    assert.match(await chart.locator('.app-bars__source').textContent() ?? '', /ONS|ESCO|greenpath/);
  }
  assert.match(await page.locator('#chart-workers .app-bars__source').textContent() ?? '', /^Estimates: ONS Annual Population Survey 2019/);
  const workersTable = await page.locator('#chart-workers-table tbody th').allTextContents();
  assert.equal(workersTable[0], 'cargo vehicle driver', 'Hull’s largest group is lorry drivers');
  // A heating engineer's future is heat pumps: the demand chart lists heat pump work.
  assert.match(await page.locator('#chart-demand-table').textContent() ?? '', /heat pump technician/);
  assert.ok(await page.locator('#council-courses tbody tr').count() > 5, 'the courses on the routes are listed');
  assert.match(await page.locator('#council-courses').textContent() ?? '', /free to the learner in England; funded up to £[\d,]+/);
  await page.getByText('Workers in carbon-intensive jobs, by job: the figures as a table').click();
  await assertNoAxeViolations(page, 'council page, Hull picture');

  // The college's saved plan sets the places of its courses that are on these routes.
  await page.getByLabel('Places from a college plan saved on this device').selectOption('Hull College 2027');
  await page.getByRole('button', { name: 'Use its places' }).click();
  assert.equal(await page.locator('#college-plan-status').textContent(),
    'Places set for 1 course from “Hull College 2027”. One of its courses is on none of these routes.');
  const lcht = page.locator('#council-courses tbody tr', { hasText: 'Low Carbon Heating Technician' }).first();
  assert.equal(await lcht.locator('input').first().inputValue(), '24');

  // The council's own figures: a known job is filled in, an unknown one is listed by row.
  const secondJob = await page.evaluate(() => document.querySelectorAll('#area-origins tbody th')[1].firstChild?.textContent ?? '');
  await page.getByText('Load your own figures (CSV or JSON)').click();
  await page.getByLabel('Figures file (CSV or JSON)').setInputFiles({ name: 'workers.csv', mimeType: 'text/csv',
    buffer: Buffer.from(`job,workers\n${secondJob},150\nastronaut,3\n`) });
  await page.getByRole('button', { name: 'Use these figures' }).click();
  await page.waitForFunction(() => /rows were not used/.test(document.getElementById('own-figures-status')?.textContent ?? ''));
  assert.match(await page.locator('#own-figures-error').textContent() ?? '', /Row 2 \(line 3\): “astronaut” is not a job in this table/);
  assert.equal(await page.locator('#area-origins tbody tr').nth(1).locator('input[type="text"]').first().inputValue(), '150');
  // A spreadsheet's export where the comma is the decimal mark: semicolons, a BOM, "1 200";
  // a count that could be read two ways is refused at its row, the rest is used.
  await page.getByLabel('Figures file (CSV or JSON)').setInputFiles({ name: 'workers-excel.csv', mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFFjob;workers\n${secondJob};1 200\nwelder;1,500\n`) });
  await page.getByRole('button', { name: 'Use these figures' }).click();
  await page.waitForFunction(() => /could be a thousand/.test(document.getElementById('own-figures-error')?.textContent ?? ''));
  assert.match(await page.locator('#own-figures-error').textContent() ?? '', /Row 2 \(line 3\): the count "1,500" could be a thousand and more or a decimal; write 1500 or 1\.500/);
  assert.equal(await page.locator('#area-origins tbody tr').nth(1).locator('input[type="text"]').first().inputValue(), '1200');
  await page.getByLabel('Figures file (CSV or JSON)').setInputFiles({ name: 'workers.csv', mimeType: 'text/csv',
    buffer: Buffer.from(`job,workers\n${secondJob},150\n`) });
  await page.getByRole('button', { name: 'Use these figures' }).click();
  await page.waitForFunction(() => /Your figures are in the table/.test(document.getElementById('own-figures-status')?.textContent ?? ''));
  assert.equal(await page.locator('#area-origins tbody tr').nth(1).locator('input[type="text"]').first().inputValue(), '150');
  await assertNoAxeViolations(page, 'council page, own figures with a problem');

  // What the council pays: £2,000 a person on every course (pasted as a column).
  await page.waitForFunction(() => /routes into good green jobs/.test(document.getElementById('picture-status')?.textContent ?? ''));
  const courses = await page.locator('#council-courses tbody tr').count();
  await page.locator('#council-courses tbody tr').first().locator('input').nth(1).focus();
  await page.evaluate((n) => {
    const target = /** @type {HTMLInputElement} */ (document.activeElement);
    const data = new DataTransfer();
    data.setData('text/plain', `${Array.from({ length: n }, () => '2,000').join('\r\n')}\r\n`);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, courses);
  assert.equal(await page.locator('#council-courses tbody tr').last().locator('input').nth(1).inputValue(), '2,000');

  // A floor that is not a number: refused at its field, nothing cleared.
  const floor = page.getByLabel('Fairness floor: at least this % of every group gets a route');
  await floor.fill('most');
  await page.getByRole('button', { name: 'Plan the transition' }).click();
  await page.locator('#error-summary').waitFor({ state: 'visible' });
  assert.match(await page.locator('#error-summary').textContent() ?? '', /Fairness floor.*“most” is not a number/);
  await assertNoAxeViolations(page, 'council page, a bad floor');

  // Scenario A: £1m and a floor of 50%. Too much for the budget: the highest floor that holds,
  // then the plan at that floor.
  const budget = page.getByLabel('Training budget (£; blank: no limit)');
  await budget.fill('1,000,000');
  await floor.fill('50');
  await planAndWait(page);
  assert.equal(await page.locator('#council-result-heading').textContent(), 'No plan gives 50% of every group a route');
  const explained = await page.locator('#council-floor-explained').textContent() ?? '';
  const highest = Number((/The highest floor they allow is (\d+)%/.exec(explained) ?? [])[1]);
  assert.ok(highest > 0 && highest < 50, explained);
  assert.equal(await floor.inputValue(), '50', 'nothing typed is changed');
  await assertNoAxeViolations(page, 'council page, floor infeasible');
  await page.getByRole('button', { name: `Plan with a floor of ${highest}%` }).click();
  await page.waitForFunction(() => /Planned in/.test(document.getElementById('plan-status')?.textContent ?? ''), null, { timeout: 120_000 });
  const headlineA = await page.locator('#council-headline').textContent() ?? '';
  assert.match(headlineA, /^[\d,]+ of [\d,]+ workers get a route into a good green job, costing £[\d,]+ of the £1,000,000 budget\.$/);
  assert.ok(firstNumber(headlineA.split('costing ')[1]) <= 1_000_000, 'the budget holds');
  assert.match(await page.locator('#council-fairness').textContent() ?? '', new RegExp(`your floor: ${highest}%`));
  assert.ok(await page.locator('#council-flow path').count() > 0, 'the flow diagram is drawn');
  assert.match(await page.locator('#council-flow svg').getAttribute('aria-label') ?? '', /^Flow of [\d,]+ people from \d+ jobs through \d+ routes to \d+ green jobs/);
  assert.ok(await page.locator('#council-flows tbody tr').count() > 0);
  assert.match(await page.locator('#council-groups').textContent() ?? '', /The budget is spent/);
  assert.match(await page.locator('#council-limits').textContent() ?? '', /Training budget.*£100,000 more/);
  await assertNoAxeViolations(page, 'council page, scenario A planned');
  await page.getByLabel('Name this plan').fill('Budget £1m');
  await page.getByRole('button', { name: 'Save on this device' }).click();

  // Scenario B: £2m at a floor of 50%.
  await budget.fill('2,000,000');
  await floor.fill('50');
  await planAndWait(page);
  const headlineB = await page.locator('#council-headline').textContent() ?? '';
  assert.ok(firstNumber(headlineB) > firstNumber(headlineA), `${headlineB} against ${headlineA}`);
  await page.getByLabel('Name this plan').fill('Budget £2m');
  await page.getByRole('button', { name: 'Save on this device' }).click();
  const compare = page.locator('#scenario-compare');
  await compare.waitFor();
  const heads = await compare.locator('thead th').allTextContents();
  assert.ok(heads.some((t) => t.startsWith('Budget £1m')) && heads.some((t) => t.startsWith('Budget £2m')), heads.join(' | '));
  assert.match(await compare.textContent() ?? '', /£1,000,000.*£2,000,000/);
  assert.match(await compare.textContent() ?? '', new RegExp(`Fairness floor${highest}%50%`));
  await assertNoAxeViolations(page, 'council page, two scenarios');

  // The committee summary: printed alone, dated, with its sources, on at most two A4 pages.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.app-screen-only').isVisible(), false);
  const summary = page.locator('#council-summary');
  assert.ok(await summary.isVisible());
  const printed = await summary.textContent() ?? '';
  assert.match(printed, /^A fair transition plan for Kingston upon Hull, City of \(UKE11\)/);
  assert.match(printed, new RegExp(`Prepared on ${new Date().getDate()} \\w+ ${new Date().getFullYear()}`));
  assert.match(printed, /Sources.*ONS Annual Population Survey 2019.*ESCO/);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `the summary prints on ${pages} A4 pages`);
  await page.emulateMedia({ media: 'screen' });

  // Export as CSV.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'greenpath-council-plan.csv');
  const csv = await readFile(/** @type {string} */ (await download.path()), 'utf8');
  assert.equal(csv.split('\r\n')[0], 'area,row,from job,route,to job,people,cost (GBP),workers,without a route,why');
  assert.ok(csv.split('\r\n').some((l) => l.includes(',route,')) && csv.split('\r\n').some((l) => l.includes(',group,')), csv.slice(0, 400));

  // A reload keeps the area, the figures, the costs, the settings and the scenarios.
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('#area').inputValue(), 'UKE11');
  assert.equal(await page.locator('#area-origins tbody tr').nth(1).locator('input[type="text"]').first().inputValue(), '150');
  assert.equal(await page.locator('#council-courses tbody tr').first().locator('input').nth(1).inputValue(), '2,000');
  assert.equal(await budget.inputValue(), '2,000,000');
  assert.equal(await page.locator('#scenario-compare thead th').count(), 3);

  // Cancel a search: the planner starts again and the next plan works; nothing typed is lost.
  await page.getByLabel('Seconds the planner may search (1 to 60)').fill('20');
  await page.evaluate(() => {
    /** @type {HTMLButtonElement} */ (document.getElementById('plan-council')).click();
    const cancel = /** @type {HTMLButtonElement} */ (document.getElementById('plan-cancel'));
    if (cancel.hidden) throw new Error('Cancel is not offered while searching');
    cancel.click();
  });
  await page.waitForFunction(() => /Cancelled/.test(document.getElementById('plan-status')?.textContent ?? ''));
  await waitReady(page);
  await page.waitForFunction(() => !(/** @type {HTMLButtonElement} */ (document.getElementById('plan-council')).disabled));
  assert.equal(await budget.inputValue(), '2,000,000');
  await page.getByLabel('Seconds the planner may search (1 to 60)').fill('3');
  await planAndWait(page);
  assert.match(await page.locator('#council-headline').textContent() ?? '', /workers get a route into a good green job/);

  // Forget: nothing kept after a reload.
  await page.getByRole('button', { name: 'Forget everything this page kept on this device' }).click();
  await waitReady(page);
  assert.equal(await page.locator('#area').inputValue(), '');
  assert.equal(await page.locator('#scenarios-empty').textContent(), 'No plans saved on this device yet.');
  assertCleanLog(session);
});
