// The worker's journey by keyboard alone: skip link → input → type a misspelt job → arrow to
// the suggestion → Enter → moves into green jobs and other close jobs, each explained.

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

/** Where the results screenshot goes (look at it when changing the page). */
const SCREENSHOT = '/tmp/greenpath-results.png';

test('keyboard journey: "weldr" → welder → green moves, then close metalworking jobs', { timeout: 120_000 }, async () => {
  const page = await session.open('');
  await waitForReady(page);

  // Tab from the top of the page: the skip link comes first and leads into <main>.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
  assert.ok(await page.locator('.app-skip-link').isVisible(), 'the skip link is visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
  await page.keyboard.press('Tab');
  const input = jobInput(page);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'job', 'Tab from <main> reaches the job input');
  assert.equal(await input.getAttribute('aria-describedby'), 'job-hint job-status');

  // Type with a typo; suggestions open; the ARIA combobox wiring is right.
  await page.keyboard.type('weldr', { delay: 30 });
  const labels = await expectSuggestionsFor(page, 'weldr');
  assert.ok(labels.length > 0 && labels.length <= 10, `some suggestions: ${JSON.stringify(labels)}`);
  const index = labels.indexOf('welder');
  assert.ok(index >= 0, `"welder" is suggested for "weldr": ${JSON.stringify(labels)}`);
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  const listboxId = await input.getAttribute('aria-controls');
  assert.equal(await page.getByRole('listbox').getAttribute('id'), listboxId);
  assert.equal(await input.getAttribute('aria-activedescendant'), null, 'nothing highlighted before arrowing');

  // Suggestions matched on an alternative name say which name matched.
  const matched = await page.locator('.app-combobox__matched').allTextContents();
  for (const m of matched) assert.match(m, /^, matched: \S/);

  await assertNoAxeViolations(page, 'suggestions open');

  // ArrowDown to "welder" (checking each step), ArrowUp/ArrowDown wrap consistently.
  for (let i = 0; i <= index; i += 1) {
    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    assert.equal(active, await page.getByRole('option').nth(i).getAttribute('id'));
  }
  const welderOption = page.getByRole('option').nth(index);
  assert.equal(await welderOption.getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('[role="option"][aria-selected="true"]').count(), 1);
  await assertNoAxeViolations(page, 'suggestions open, one highlighted');

  // Escape closes without losing the text; ArrowDown reopens.
  await page.keyboard.press('Escape');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.equal(await input.inputValue(), 'weldr');
  await page.keyboard.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  for (let i = 1; i <= index; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-activedescendant'), await welderOption.getAttribute('id'));
  const welderId = await welderOption.getAttribute('data-id');

  await page.keyboard.press('Enter');
  const results = await waitForResults(page);
  assert.equal(await input.inputValue(), 'welder');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'job', 'focus stays in the input');

  // The chosen job's summary.
  const current = page.locator('#current-job');
  assert.match(await current.getByRole('heading', { level: 2 }).textContent() ?? '', /Your current job\s*welder$/);
  const summary = (await current.textContent()) ?? '';
  assert.match(summary, /Occupation group/);
  assert.match(summary, /Indicative pay(£[\d,]+ a year \(indicative UK estimate, 2019, by occupation group\)|Pay not known)/);
  assert.match(summary, /\d+ essential skills?/);

  // Moves into green jobs first, each explained; then other close jobs, metalworking among them.
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Moves into green jobs' }).count(), 1);
  const count = await results.count();
  assert.ok(count > 0 && count <= 20, `up to 20 green moves: ${count}`);
  const titles = await page.locator('#green-moves-list .app-result__title').allTextContents();
  titles.forEach((t, i) => assert.ok(t.startsWith(`${i + 1}. `), `rank shown: ${t}`));
  assert.ok(!titles.some((t) => /^\d+\. welder$/.test(t)), 'the origin is not among its own moves');
  const others = await page.locator('#other-moves-list .app-result__title').allTextContents();
  assert.ok(others.length > 0, 'other close jobs are listed too');
  const top = others.slice(0, 8).join(' | ');
  assert.match(top, /weld|metal|brazier|solder|flame/i, `metalworking jobs near the top of other close jobs: ${top}`);

  // Each move: a skills match as text (the meter is decorative), the reasons in words, pay as
  // an estimate, and why it is green.
  /** @type {{ skills: number, tier: string }[]} */
  const ranked = [];
  for (let i = 0; i < count; i += 1) {
    const article = results.nth(i);
    const similarity = (await article.locator('.app-result__similarity-text').textContent()) ?? '';
    assert.match(similarity, /^Skills you have: \d+ of \d+(, \d+ more close)?$/, 'skills in plain words');
    const score = (await article.locator('.app-result__score').textContent()) ?? '';
    const match = /^Skills match: (\d{1,3})% /.exec(score);
    assert.ok(match, `the score is in the details: ${score}`);
    const badges = (await article.locator('.app-badges').textContent()) ?? '';
    // Routes recognised for the job come first, then moves viable on skills, then the rest.
    const tier = badges.includes('Recognised route') ? 'route' : /Viable move|Highly viable move/.test(badges) ? 'viable' : 'other';
    ranked.push({ skills: Number(match[1]), tier });
    assert.equal(await article.locator('meter').count(), 1);
    assert.match(await article.locator('.app-why__held').textContent() ?? '', /^Skills you have: \d+ of the \d+ essential skills? ESCO lists/);
    assert.match(await article.locator('.app-why__pay').textContent() ?? '',
      /^Pay: (£[\d,]+ a year(, ([+\u2212]£[\d,]+ \([+\u2212]\d+%\)|about the same \(0%\)) vs now)? \((indicative estimate|estimated from [^)]+)\)|Pay not known)\.$/);
    assert.match(await article.locator('.app-why__green').textContent() ?? '', /^Green job \(.+\): .+Source: /);
    assert.ok(await article.locator('.app-badges').getByText('Green job', { exact: true }).count() === 1, 'green badge as text');
  }
  const order = ['route', 'viable', 'other'];
  for (let i = 1; i < ranked.length; i += 1) {
    const [a, b] = [ranked[i - 1], ranked[i]];
    assert.ok(order.indexOf(a.tier) <= order.indexOf(b.tier), `tiers in order: ${JSON.stringify(ranked)}`);
    // Within a tier, by skills match (rounded to whole percent on the page).
    if (a.tier === b.tier) assert.ok(b.skills <= a.skills, `ranked by skills within a tier: ${JSON.stringify(ranked)}`);
  }
  // Green skills are marked with text, not colour alone.
  for (const badge of await page.locator('.app-skill-list .app-tag--green').allTextContents()) assert.equal(badge, 'green skill');

  assert.match(await page.locator('#pay-caveat').textContent() ?? '', /Pay figures are estimates/);
  // The choice is in the URL, so the plan can be shared.
  assert.equal(new URL(page.url()).searchParams.get('job'), welderId);

  await assertNoAxeViolations(page, 'results shown');
  // Expand one "and N more" list, then re-check.
  const more = page.locator('#green-moves-list details summary').first();
  if (await more.count()) {
    await more.focus();
    await page.keyboard.press('Enter');
    await assertNoAxeViolations(page, 'results shown, a folded list opened');
  }
  // The summary and the first results, for a person to look at.
  const planTop = await page.evaluate(() => (document.getElementById('plan')?.getBoundingClientRect().top ?? 0) + window.scrollY);
  await page.screenshot({ path: SCREENSHOT, fullPage: true, clip: { x: 0, y: Math.max(0, planTop - 260), width: 1280, height: 2000 } });
  assertCleanLog(session);
});

test('results reflow at 320 CSS px wide without horizontal scrolling', { timeout: 120_000 }, async () => {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(session.server.url);
  await waitForReady(page);
  await jobInput(page).focus();
  await page.keyboard.type('welder');
  await expectSuggestionsFor(page, 'welder');
  await page.keyboard.press('Enter'); // exact name typed: Enter picks it
  await waitForResults(page);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `no horizontal scroll at 320px: scrollWidth ${scrollWidth} > ${clientWidth}`);
  await assertNoAxeViolations(page, 'results at 320px');
  await page.screenshot({ path: '/tmp/greenpath-results-320.png', fullPage: false });
  await page.close();
  assertCleanLog(session);
});
