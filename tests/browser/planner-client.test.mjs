// The worker + promise client, driven directly in the page: the Planner API the UI relies on
// behaves as specified (field names, ordering, errors that name the bad value).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertCleanLog, waitForReady } from './harness.mjs';

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('planner client: datasetInfo, search, occupation, similar, and errors', { timeout: 120_000 }, async () => {
  const page = await session.open('');
  await waitForReady(page);
  const out = await page.evaluate(async () => {
    const { PlannerClient, PlannerError } = await import('/app/planner-client.js');
    const planner = new PlannerClient();
    const info = await planner.ready;
    const blank = await planner.call('searchOccupations', '   ', 5);
    const matches = await planner.call('searchOccupations', 'welder', 5);
    const welder = matches.find((/** @type {any} */ m) => m.label === 'welder');
    const detail = await planner.call('occupation', welder.id);
    const description = await planner.call('description', welder.id);
    const parts = (await planner.call('datasetInfo')).parts;
    const similar = await planner.call('similarOccupations', welder.id, 20);
    /** @param {Promise<unknown>} p */
    const failure = (p) => p.then(() => null, (e) => ({ isError: e instanceof Error, isPlannerError: e instanceof PlannerError, message: e.message }));
    const unknownId = await failure(planner.call('occupation', 'no-such-occupation-id'));
    const unknownSimilar = await failure(planner.call('similarOccupations', 'no-such-occupation-id', 5));
    const unknownMethod = await failure(planner.call('dropEverything'));
    const forbidden = await failure(planner.call('free'));
    planner.terminate();
    return { info, blank, matches, welder, detail, description, parts, similar, unknownId, unknownSimilar, unknownMethod, forbidden };
  });

  const { info } = out;
  for (const key of ['escoVersion', 'attribution', 'occupations', 'skills', 'relations', 'droppedRelations', 'occupationsWithEarnings', 'viableThreshold', 'highlyViableThreshold', 'parts']) {
    assert.ok(key in info, `datasetInfo has ${key}`);
  }
  assert.equal(info.occupations, 3007);
  assert.ok(info.skills > 10_000);
  assert.ok(info.occupationsWithEarnings > 1000 && info.occupationsWithEarnings <= info.occupations);

  assert.deepEqual(out.blank, [], 'a blank query gives []');
  assert.ok(out.matches.length >= 1 && out.matches.length <= 5, 'limit respected');
  for (const m of out.matches) {
    assert.deepEqual(Object.keys(m).sort(), ['id', 'isco', 'label', 'matchedKind', 'matchedLabel', 'matchedPreferred', 'score']);
  }
  assert.equal(out.matches[0].label, 'welder', 'exact name ranks first');
  for (let i = 1; i < out.matches.length; i += 1) assert.ok(out.matches[i].score <= out.matches[i - 1].score, 'ranked');

  const d = out.detail;
  assert.equal(d.id, out.welder.id);
  assert.equal(d.label, 'welder');
  assert.ok(Array.isArray(d.altLabels));
  assert.match(d.isco, /^\d{4}$/);
  assert.ok(d.iscoLabel.length > 0);
  assert.match(out.description, /weld/i, 'the description comes from the details part');
  assert.deepEqual(out.info.parts, ['core'], 'ready as soon as the core is in');
  for (const part of ['core', 'skills', 'details']) assert.ok(out.parts.includes(part), `the ${part} part arrived`);
  assert.ok(d.essentialSkills.length > 0);
  for (const s of [...d.essentialSkills, ...d.optionalSkills]) {
    assert.deepEqual(Object.keys(s).sort(), ['green', 'id', 'kind', 'label']);
    assert.ok(s.kind === 'skill' || s.kind === 'knowledge', `kind: ${s.kind}`);
    assert.equal(typeof s.green, 'boolean');
  }
  if ('jobZone' in d) assert.ok(Number.isInteger(d.jobZone) && d.jobZone >= 1 && d.jobZone <= 5);
  if ('annualEarnings' in d) assert.ok(d.annualEarnings > 0);

  assert.equal(out.similar.length, 20);
  assert.ok(!out.similar.some((/** @type {any} */ s) => s.id === d.id), 'never the origin itself');
  for (let i = 0; i < out.similar.length; i += 1) {
    const s = out.similar[i];
    assert.ok(s.score >= 0 && s.score <= 1, `score in 0..1: ${s.score}`);
    if (i > 0) assert.ok(s.score <= out.similar[i - 1].score, 'most similar first');
    for (const key of ['id', 'label', 'isco', 'iscoLabel', 'score', 'sharedEssential', 'missingEssential', 'sharedOptionalCount']) {
      assert.ok(key in s, `similar result has ${key}`);
    }
    if ('payChange' in s) {
      assert.ok('annualEarnings' in s && 'annualEarnings' in d, 'payChange only when both pays are known');
      assert.ok(Math.abs(s.payChange - (s.annualEarnings / d.annualEarnings - 1)) < 1e-6, 'payChange is a fraction of origin pay');
    }
  }

  for (const [what, f] of Object.entries({ unknownId: out.unknownId, unknownSimilar: out.unknownSimilar })) {
    assert.ok(f, `${what} rejects`);
    assert.ok(f.isError && f.isPlannerError, `${what} rejects with an Error`);
    assert.match(f.message, /no-such-occupation-id/, `${what}: the message names the bad value: ${f.message}`);
  }
  assert.match(out.unknownMethod?.message ?? '', /unknown planner method "dropEverything"/);
  assert.match(out.forbidden?.message ?? '', /unknown planner method "free"/);
  assertCleanLog(session);
});
