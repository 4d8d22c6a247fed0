// A gas service technician's retraining plan: opened from a move, courses in order with costs
// and funding, limits (and the limits that bind), invalid input, alternative routes through
// stepping-stone jobs, print view, copy link, and the URL restoring it all. axe-clean throughout.

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

const PLAN_SHOT = '/tmp/greenpath-plan.png';
const PRINT_SHOT = '/tmp/greenpath-print.png';
const HEAT_PUMP = 'refrigeration air condition and heat pump technician';

/**
 * Screenshot a slice of the page starting at an element.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 * @param {string} path
 * @param {number} [height]
 */
async function shoot(page, selector, path, height = 2400) {
  const top = await page.evaluate((sel) => (document.querySelector(sel)?.getBoundingClientRect().top ?? 0) + window.scrollY, selector);
  const full = await page.evaluate(() => document.documentElement.scrollHeight);
  const y = Math.max(0, top - 20);
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y, width: 1280, height: Math.min(height, full - y) } });
}

/** @param {import('playwright-core').Page} page */
function courseTitles(page) {
  return page.locator('#plan-courses .app-course__title').allTextContents();
}

test('gas service technician: a retraining plan, limits, routes, print and link', { timeout: 300_000 }, async () => {
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.origin });
  const page = await session.open('');
  await waitForReady(page);

  // The heat pump technician's id, the way a person finds a job: through the search box.
  await jobInput(page).focus();
  await page.keyboard.type('heat pump technician', { delay: 10 });
  await expectSuggestionsFor(page, 'heat pump technician');
  const hpOption = page.locator('#job-listbox [role="option"]').filter({ hasText: HEAT_PUMP }).first();
  const heatPumpId = /** @type {string} */ (await hpOption.getAttribute('data-id'));
  assert.ok(heatPumpId, 'the heat pump technician is found by search');
  await page.keyboard.press('Escape');

  const gasId = await pickByKeyboard(page, 'gas service technician', 'gas service technician');
  await waitForResults(page);

  // Every move offers a plan; open the one for a heating job by keyboard.
  const planButtons = page.locator('#green-moves-list button[data-action="plan"]');
  assert.equal(await planButtons.count(), await page.locator('#green-moves-list > li').count(), 'one plan button per move');
  const button = page.getByRole('button', { name: /^Plan the retraining for .*(heat|heating)/ }).first();
  const buttonName = (await button.textContent()) ?? '';
  const destination = buttonName.replace(/^Plan the retraining for /, '');
  await afterPlanUpdate(page, async () => { await button.focus(); await page.keyboard.press('Enter'); });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'retraining-heading', 'focus moves to the plan heading');
  const heading = page.getByRole('heading', { level: 2, name: /^Your retraining plan: / });
  assert.equal(await heading.textContent(), `Your retraining plan: gas service technician → ${destination}`);
  assert.equal(new URL(page.url()).searchParams.get('to'), await button.getAttribute('data-id'));
  await assertNoAxeViolations(page, `plan for ${destination}`);

  // Closing the plan returns focus to the move's button and forgets the destination.
  await page.getByRole('button', { name: 'Close the plan' }).click();
  assert.equal(await page.locator('#retraining').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), buttonName);
  assert.equal(new URL(page.url()).searchParams.get('to'), null);

  // The plan for the heat pump technician, opened from a link.
  await page.goto(new URL(`/?job=${gasId}&to=${heatPumpId}`, session.origin).href);
  await waitForPlan(page);
  assert.equal(await heading.textContent(), `Your retraining plan: gas service technician → ${HEAT_PUMP}`);
  const catalogue = await page.locator('#plan-held-list input[name="held"]').count();
  const summary = (await page.locator('#plan-summary').innerText()).replace(/\s+/g, ' ');
  assert.match(summary, /Training time (None|Not known|[\d.]+ weeks?)/);
  assert.match(summary, /You pay £[\d,]+/);
  assert.match(summary, /Funding (No public or levy funding|A grant may pay part|£[\d,]+ paid by)/);
  assert.match(summary, /Skills covered Courses close \d+ of the \d+ skills? you need to learn/);
  assert.match(await page.locator('.app-plan-caveat').textContent() ?? '', /^Pay figures are estimates/);
  const titles = await courseTitles(page);
  console.log(`# catalogue: ${catalogue} courses; plan: ${titles.length} course(s): ${titles.join(' | ')}`);
  if (catalogue > 0) {
    assert.ok(titles.some((t) => /heat pump/i.test(t)), `a heat pump course in the plan: ${titles.join(' | ')}`);
    // Each course says who runs it, how long, what it costs, how it is funded and taught, what it closes, and its source.
    const courses = page.locator('#plan-courses > li');
    for (let i = 0; i < titles.length; i += 1) {
      const text = (await courses.nth(i).innerText()).replace(/\s+/g, ' ');
      for (const key of ['Provider', 'Type', 'Length', 'Price', 'You pay', 'Funding', 'How it is taught', 'Entry requirements', 'Closes']) {
        assert.match(text, new RegExp(`${key} `), `course ${i + 1} has "${key}"`);
      }
      assert.match(text, /Price (Price not published: ask the provider|Free to you.*|No fee to you.*|£[\d,]+)/);
      const source = courses.nth(i).locator('a.app-course__source');
      if (await source.count()) {
        const href = (await source.getAttribute('href')) ?? '';
        assert.match(href, /^https?:\/\//);
        const host = new URL(href).hostname.replace(/^www\./, '');
        assert.ok(((await source.textContent()) ?? '').includes(host), `the link text names the source host ${host}`);
      }
    }
  } else {
    assert.match(await page.locator('#plan-empty').textContent() ?? '', /no courses in this version of the data/);
  }
  assert.equal(await page.getByRole('heading', { level: 3, name: 'Still to learn on the job' }).count(), 1);
  await shoot(page, '#retraining', PLAN_SHOT);
  await assertNoAxeViolations(page, 'heat pump plan from a link');

  // Routes: each is a list of moves ending in a green job; stepping stones say so.
  const routes = page.locator('#pathways-list > li');
  assert.match(await page.locator('#pathways').textContent() ?? '',
    /Each route here is not beaten by another on all of: weeks of training, cost to you, final pay and skills left to learn\./);
  assert.ok(await routes.count() >= 1, 'at least one route');
  assert.match(await page.locator('#pathways-status').textContent() ?? '', /^\d+ routes? found\.$/);
  const finals = await page.locator('#pathways-list .app-route__move--final .app-tag').allTextContents();
  assert.ok(finals.includes('Green job'), `a route ends in a green job: ${finals.join(', ')}`);
  for (const tag of await page.locator('#pathways-list .app-route__move:not(.app-route__move--final) .app-tag').allTextContents()) {
    assert.match(tag, /^(Stepping-stone job|Recognised route)/);
  }
  const routeText = (await routes.first().innerText()).replace(/\s+/g, ' ');
  assert.match(routeText, /^Route 1: .+ (No training|Training of unknown length|[\d.]+ weeks?.* of training), (£[\d,]+ to you|at least £[\d,]+ to you \(some prices not published\)|price to you not published), final pay (not known|£[\d,]+ a year), \d+ skills? left to learn on the job\./);

  // Budget £0 and funded courses only: a plan (not an error) that says what is left and which limit binds.
  /** @type {string[]} */
  const seen = await page.evaluate(() => {
    const el = /** @type {HTMLElement} */ (document.getElementById('pathways-status'));
    const log = /** @type {string[]} */ ([]);
    new MutationObserver(() => log.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
    /** @type {any} */ (window).__routeStatuses = log;
    return log;
  });
  void seen;
  const budget = page.getByRole('textbox', { name: 'Most you can pay' });
  await budget.fill('0');
  await afterPlanUpdate(page, () => page.getByRole('checkbox', { name: 'Funded courses only' }).check());
  const statuses = await page.evaluate(() => /** @type {any} */ (window).__routeStatuses);
  assert.ok(statuses.includes('Working out routes…'), `a loading state while routes are worked out: ${JSON.stringify(statuses)}`);
  assert.equal(await page.locator('#plan-errors').isVisible(), false, 'no error');
  assert.equal(new URL(page.url()).searchParams.get('budget'), '0');
  assert.equal(new URL(page.url()).searchParams.get('funded'), '1');
  const left = page.locator('#plan-left li');
  const binding = await page.locator('#plan-binding li').allTextContents();
  console.log(`# budget £0, funded only: ${(await courseTitles(page)).length} course(s), ${await left.count()} skill(s) left; binding: ${binding.join(' / ') || 'none'}`);
  assert.ok(await left.count() > 0 || await page.locator('#plan-left-none').count() === 1, 'says what is left to learn');
  for (const sentence of binding) {
    assert.match(sentence, /^(Your £0 budget|Choosing funded courses only|Leaving out apprenticeships|Choosing only .+ courses|Your limit of .+ of training) stops \d+ more skills? being covered; .+ would cover (it|them)(,? .+)?\.( Some of those courses do not publish a price or length, so it may be more\.)?$/);
  }
  // Leaving out apprenticeships as well: any limit that binds is named in a sentence.
  await afterPlanUpdate(page, () => page.getByRole('checkbox', { name: 'Include apprenticeships' }).uncheck());
  const binding2 = await page.locator('#plan-binding li').allTextContents();
  console.log(`# + no apprenticeships: ${(await courseTitles(page)).length} course(s), ${await left.count()} skill(s) left; binding: ${binding2.join(' / ') || 'none'}`);
  if (catalogue > 0 && await left.count() > 0) assert.ok(binding2.length > 0, 'a limit that stops cover is named');
  await assertNoAxeViolations(page, 'budget £0, funded only, no apprenticeships');

  // Invalid budget: error summary linking to the field, value kept, the plan stays.
  const planBefore = await page.locator('#plan-body').innerText();
  for (const bad of ['abc', '-5']) {
    await budget.fill(bad);
    await budget.press('Enter');
    const summaryBox = page.locator('#plan-errors');
    await summaryBox.waitFor({ state: 'visible' });
    assert.equal(await summaryBox.getAttribute('role'), 'alert');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'plan-errors', 'focus moves to the error summary');
    const link = summaryBox.getByRole('link');
    assert.equal(await link.getAttribute('href'), '#plan-budget');
    assert.match(await link.textContent() ?? '', /budget/i);
    assert.equal(await budget.inputValue(), bad, 'the field keeps what was typed');
    assert.equal(await budget.getAttribute('aria-invalid'), 'true');
    assert.match(await budget.getAttribute('aria-describedby') ?? '', /\bplan-budget-hint\b.*\bplan-budget-error\b/);
    assert.match(await page.locator('#plan-budget-error').textContent() ?? '', /^Error: /);
    assert.equal(await page.locator('#plan-body').innerText(), planBefore, 'the plan stays');
    assert.equal(new URL(page.url()).searchParams.get('budget'), '0', 'the URL keeps the last valid budget');
    await assertNoAxeViolations(page, `invalid budget "${bad}"`);
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'plan-budget');
  }
  await afterPlanUpdate(page, async () => { await budget.fill('0'); await budget.press('Enter'); });
  assert.equal(await page.locator('#plan-errors').isVisible(), false);
  assert.equal(await budget.getAttribute('aria-invalid'), null);

  // Money against time, and delivery modes, are kept in the URL.
  await afterPlanUpdate(page, () => page.getByRole('radio', { name: 'Mostly money' }).check());
  assert.equal(new URL(page.url()).searchParams.get('mvt'), '0.75');
  await assertNoAxeViolations(page, 'limits changed');

  // Copy the link: the clipboard holds the page's address, and a status says so.
  await page.getByRole('button', { name: 'Copy link to this plan' }).click();
  await page.waitForFunction(() => /Link copied/.test(document.getElementById('plan-copy-status')?.textContent ?? ''));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());

  // Print: only the plan, its totals, what is left, the pay caveat and the attribution.
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['#job-form', '#filters-form', '#skills-form', '#moves-chart', '#green-moves', '#other-moves', '#current-job', '#plan-form', '#pathways', '#plan-print']) {
    assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is hidden in print`);
  }
  for (const shown of ['#retraining-heading', '#plan-summary', '#plan-left-heading', '.app-plan-caveat', '#attribution']) {
    assert.equal(await page.locator(shown).isVisible(), true, `${shown} is printed`);
  }
  await page.screenshot({ path: PRINT_SHOT, fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`# printed plan: ${pages} A4 page(s)`);
  assert.equal(pages, 1, 'the printed plan fits one A4 page');
  assert.equal(await page.locator('#plan-print-courses').isVisible(), true, 'the compact course table is printed');
  await page.emulateMedia({ media: 'screen' });

  // The link restores the destination, the limits and the same plan.
  const shared = page.url();
  const expected = await courseTitles(page);
  const restored = await session.context.newPage();
  await restored.goto(shared);
  await waitForPlan(restored);
  assert.equal(await restored.getByRole('heading', { level: 2, name: /^Your retraining plan: / }).textContent(),
    `Your retraining plan: gas service technician → ${HEAT_PUMP}`);
  assert.equal(await restored.getByRole('textbox', { name: 'Most you can pay' }).inputValue(), '0');
  assert.equal(await restored.getByRole('checkbox', { name: 'Funded courses only' }).isChecked(), true);
  assert.equal(await restored.getByRole('checkbox', { name: 'Include apprenticeships' }).isChecked(), false);
  assert.equal(await restored.getByRole('radio', { name: 'Mostly money' }).isChecked(), true);
  assert.deepEqual(await courseTitles(restored), expected);
  await assertNoAxeViolations(restored, 'plan restored from the link');
  await restored.close();
  assertCleanLog(session);
});

test('certificates already held leave their course out of the plan', { timeout: 180_000 }, async () => {
  const page = await session.open('');
  await waitForReady(page);
  await jobInput(page).focus();
  await page.keyboard.type('heat pump technician', { delay: 10 });
  await expectSuggestionsFor(page, 'heat pump technician');
  const heatPumpId = await page.locator('#job-listbox [role="option"]').filter({ hasText: HEAT_PUMP }).first().getAttribute('data-id');
  const gasId = await pickByKeyboard(page, 'gas service technician', 'gas service technician');
  await waitForResults(page);
  await page.goto(new URL(`/?job=${gasId}&to=${heatPumpId}`, session.origin).href);
  await waitForPlan(page);
  const titles = await courseTitles(page);
  if (titles.length === 0) {
    console.log('# no courses in the plan: skipping the certificates check');
    return;
  }
  await page.getByText('Certificates you already hold').first().click();
  const filter = page.getByRole('searchbox', { name: 'Find a course' });
  await filter.fill(titles[0].replace(/^1\. /, '').slice(0, 20));
  const box = page.getByRole('checkbox', { name: titles[0].replace(/^1\. /, ''), exact: true });
  assert.equal(await box.isVisible(), true, 'the filter finds the course');
  await assertNoAxeViolations(page, 'certificates list open and filtered');
  await afterPlanUpdate(page, () => box.check());
  assert.ok(!(await courseTitles(page)).includes(titles[0]), 'a held course is not planned again');
  assert.match(await page.locator('#plan-held-summary').textContent() ?? '', /\(1 ticked\)/);
  assert.ok(new URL(page.url()).searchParams.get('held'), 'held= in the URL');
  assertCleanLog(session);
});

