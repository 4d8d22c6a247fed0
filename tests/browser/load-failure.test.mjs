// Data loading: a host that sends the gzip bytes without saying so works; a missing core part is
// reported in an error summary, and the typed query is kept; a later part that fails leaves the
// search working, says which data is missing where it is needed, and loads on the next try.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DIST, startSession, assertCleanLog, assertNoAxeViolations, waitForReady, waitForResults, jobInput,
  pickByKeyboard, READY_TIMEOUT_MS,
} from './harness.mjs';

/** @type {string[]} */
const scratch = [];
after(async () => { for (const dir of scratch) await rm(dir, { recursive: true, force: true }); });

/** A copy of dist/ to alter. */
async function copyOfDist() {
  const dir = await mkdtemp(join(tmpdir(), 'greenpath-dist-'));
  scratch.push(dir);
  await cp(DIST, dir, { recursive: true });
  return dir;
}

test('data parts sent as gzip bytes without Content-Encoding still load', { timeout: 120_000 }, async () => {
  const root = await copyOfDist();
  for (const part of ['core', 'skills', 'skill-names']) {
    const file = join(root, 'data', `${part}.bin`);
    await writeFile(file, gzipSync(await readFile(file)));
    await rm(`${file}.gz`); // no pre-compressed sibling: the server sends the file as it is
  }
  const session = await startSession({ root });
  try {
    const page = await session.open('');
    assert.match(await waitForReady(page), /^Ready: 3,007 occupations/);
    await pickByKeyboard(page, 'welder', 'welder');
    assert.ok(await (await waitForResults(page)).count() > 0, 'moves are listed');
    assertCleanLog(session);
  } finally {
    await session.close();
  }
});

test('missing data: error summary, status says so, typed text kept', { timeout: 60_000 }, async () => {
  const root = await copyOfDist();
  await rm(join(root, 'data', 'core.bin'));
  await rm(join(root, 'data', 'core.bin.gz'));
  const session = await startSession({ root });
  try {
    const page = await session.open('');
    // Type straight away, while the planner is (failing to) load.
    await jobInput(page).focus();
    await page.keyboard.type('gas engineer', { delay: 10 });
    await page.waitForFunction(() => document.documentElement.dataset.plannerState === 'failed',
      null, { timeout: READY_TIMEOUT_MS });
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible' });
    assert.match(await alert.textContent() ?? '', /occupation data could not be loaded.*HTTP 404/s);
    assert.equal((await page.getByRole('status').textContent())?.trim(), 'The occupation data could not be loaded.');
    assert.equal(await jobInput(page).inputValue(), 'gas engineer', 'the typed query is not lost');
    assert.equal(await page.getByRole('listbox').isVisible(), false);
    await assertNoAxeViolations(page, 'data failed to load');
    // The only problem logged is the 404 itself: no uncaught errors, nothing off-origin.
    assert.deepEqual(session.log.pageErrors, []);
    assert.deepEqual(session.log.offOrigin, []);
    assert.ok(session.log.consoleErrors.every((e) => /404/.test(e)), JSON.stringify(session.log.consoleErrors));
  } finally {
    await session.close();
  }
});

test('a later part that fails: search works, the error names the missing data, typed text kept, retry loads', { timeout: 120_000 }, async () => {
  const root = await copyOfDist();
  const file = join(root, 'data', 'skills.bin');
  const saved = await readFile(file);
  const savedGz = await readFile(`${file}.gz`);
  await rm(file);
  await rm(`${file}.gz`);
  const session = await startSession({ root });
  try {
    const page = await session.open('');
    assert.match(await waitForReady(page), /^Ready: 3,007 occupations/);
    await pickByKeyboard(page, 'gas engineer', 'gas service technician');
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
    assert.match(await alert.textContent() ?? '',
      /The skills of each job could not be loaded.*HTTP 404.*nothing you entered is lost/s);
    assert.equal(await jobInput(page).inputValue(), 'gas service technician', 'the chosen job stays in the box');
    await assertNoAxeViolations(page, 'a later part failed');

    // The file is back (the connection recovered): choosing the job again shows its moves.
    await writeFile(file, saved);
    await writeFile(`${file}.gz`, savedGz);
    await pickByKeyboard(page, 'gas engineer', 'gas service technician');
    assert.ok(await (await waitForResults(page)).count() > 0, 'moves are listed after the retry');
    assert.equal(await alert.isVisible(), false, 'the error is gone');
    assert.deepEqual(session.log.pageErrors, []);
    assert.deepEqual(session.log.offOrigin, []);
  } finally {
    await session.close();
  }
});
