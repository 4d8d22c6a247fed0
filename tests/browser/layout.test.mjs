// The page a worker uses on a laptop and on a phone: once a job is chosen the first green move is
// on the first screen (1366x900) or within two (390x844); a plan opens with its first course in
// view and the limits after it, and no college course loader in it; every state is axe-clean.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, assertCleanLog, assertNoAxeViolations, waitForReady, waitForResults, pickByKeyboard, waitForPlan,
} from './harness.mjs';

/** @type {import('./harness.mjs').Session[]} */
const sessions = [];
after(async () => { for (const s of sessions) await s.close(); });

/** Room below a move's top edge for its title and tags to be seen. */
const TITLE_ROOM = 150;

/**
 * Where an element's top sits on screen once scrolling (smooth where motion is allowed) stops.
 * @param {import('playwright-core').Locator} locator
 */
async function settledTop(locator) {
  let last = NaN;
  for (let i = 0; i < 40; i += 1) {
    const top = await locator.evaluate((el) => el.getBoundingClientRect().top);
    if (top === last) return top;
    last = top;
    await locator.page().waitForTimeout(100);
  }
  return last;
}

for (const [name, viewport, screens] of /** @type {const} */ ([
  ['desktop', { width: 1366, height: 900 }, 1],
  ['phone', { width: 390, height: 844 }, 2],
])) {
  test(`${name}: the first green move is within ${screens === 1 ? 'the first screen' : 'two screens'} once a job is chosen`, { timeout: 180_000 }, async () => {
    const session = await startSession({ viewport });
    sessions.push(session);
    const page = await session.open('');
    await waitForReady(page);
    // A carbon-intensive job (its notice takes room) and one that is not.
    for (const [query, label] of [['gas engineer', 'gas service technician'], ['welder', 'welder']]) {
      await pickByKeyboard(page, query, label);
      await waitForResults(page);
      const top = await settledTop(page.locator('#green-moves-list > li').first());
      const limit = screens * viewport.height - TITLE_ROOM;
      console.log(`# ${name}, ${label}: first green move ${Math.round(top)} px from the top of the screen (limit ${limit})`);
      assert.ok(top >= 0 && top <= limit, `${label}: the first move starts at ${top} px, beyond ${limit}`);
      assert.equal(await page.locator('#job').evaluate((el) => el === document.activeElement), true, 'focus stays in the search box');
    }
    await assertNoAxeViolations(page, `${name}: moves shown`);

    // A plan opens with the first course in view; the limits come after the plan.
    await page.locator('#green-moves-list > li').first().getByRole('button', { name: /^Plan the retraining/ }).click();
    await waitForPlan(page);
    const course = page.locator('#plan-courses > li').first();
    await course.waitFor();
    const box = await settledTop(course);
    console.log(`# ${name}: first course ${Math.round(box)} px from the top of the screen`);
    assert.ok(box >= 0 && box <= viewport.height - TITLE_ROOM, `the first course starts at ${box} px, out of view`);
    const order = await page.evaluate(() => {
      const body = /** @type {Node} */ (document.getElementById('plan-body'));
      const form = /** @type {Node} */ (document.getElementById('plan-form'));
      return body.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    assert.ok(order, 'the limits form comes after the plan');
    assert.equal(await page.locator('#own-courses-file').count(), 0,
      'the college course loader is on the college page, not in a worker\'s plan');
    await assertNoAxeViolations(page, `${name}: plan open`);
    assertCleanLog(session);
  });
}
