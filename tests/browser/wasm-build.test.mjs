// The site ships the optimised wasm module, and the page really runs it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DIST, startSession, assertCleanLog, waitForReady, waitForResults, pickByKeyboard,
} from './harness.mjs';

/** Generous ceiling for the optimised module (opt-level "z", LTO, wasm-opt -Oz). */
const MAX_WASM_BYTES = 1_500_000;

/**
 * Names of a wasm module's custom sections.
 * @param {Uint8Array} bytes
 */
function customSectionNames(bytes) {
  assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'wasm magic number');
  let pos = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[pos++];
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
    }
  };
  const names = [];
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    if (id === 0) {
      const len = leb();
      names.push(new TextDecoder().decode(bytes.subarray(pos, pos + len)));
    }
    pos = end;
  }
  assert.equal(pos, bytes.length, 'sections end exactly at the end of the module');
  return names;
}

/** @type {import('./harness.mjs').Session} */
let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('dist/pkg/greenpath_bg.wasm is optimised: small, no name or debug sections', async () => {
  const bytes = new Uint8Array(await readFile(join(DIST, 'pkg', 'greenpath_bg.wasm')));
  assert.ok(bytes.length < MAX_WASM_BYTES, `wasm is ${bytes.length} bytes, expected < ${MAX_WASM_BYTES}`);
  const names = customSectionNames(bytes);
  assert.ok(!names.includes('name'), `no "name" section (wasm-opt strips it): ${JSON.stringify(names)}`);
  assert.ok(!names.some((n) => n.startsWith('.debug')), `no DWARF sections: ${JSON.stringify(names)}`);
  const glue = await readFile(join(DIST, 'pkg', 'greenpath.js'), 'utf8');
  assert.match(glue, /greenpath_bg\.wasm/, 'the JS glue loads the wasm module');
});

test('the page loads that wasm module and computes results with it', { timeout: 120_000 }, async () => {
  const onDisk = await readFile(join(DIST, 'pkg', 'greenpath_bg.wasm'));
  const page = await session.context.newPage();
  const wasmResponse = page.context().waitForEvent('response', (r) => r.url().endsWith('/pkg/greenpath_bg.wasm'));
  await page.goto(session.server.url);
  const response = await wasmResponse;
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/wasm');
  // Sent gzip-compressed (the build's pre-compressed sibling); the body Chromium hands over is
  // the module on disk.
  assert.equal(response.headers()['content-encoding'], 'gzip');
  assert.ok(Number(response.headers()['content-length']) < onDisk.length, 'fewer bytes on the wire');
  assert.deepEqual(await response.body(), onDisk, 'the served module is the one on disk');
  await waitForReady(page);
  await pickByKeyboard(page, 'welder', 'welder');
  assert.ok(await (await waitForResults(page)).count() > 0, 'moves are listed');
  await page.close();
  assertCleanLog(session);
});

test('the shipped declarations carry the vocabularies the Rust enums define, and no hand-written copy', async () => {
  const dts = await readFile(join(DIST, 'pkg', 'greenpath.d.ts'), 'utf8');
  for (const [name, words] of /** @type {[string, string[]][]} */ ([
    ['GreenBasis', ['curated', 'consensus', 'any', 'escoGreenSkills', 'onetGreenEconomy', 'onsGreenTasks']],
    ['Viability', ['any', 'viable', 'highlyViable']],
    ['Delivery', ['classroom', 'online', 'blended', 'workplace', 'unknown']],
    ['Funding', ['free', 'skillsBootcamp', 'apprenticeshipLevy', 'grantPartFunded', 'employerFunded', 'selfFunded', 'unknown']],
  ])) {
    const line = dts.split('\n').find((l) => l.startsWith(`export type ${name} =`));
    assert.ok(line, `export type ${name} is declared`);
    assert.deepEqual([...line.matchAll(/"([^"]+)"/g)].map((m) => m[1]), words, name);
  }
  assert.match(dts, /green\?: GreenBasis;/, 'transition options use the GreenBasis type');
  assert.match(dts, /minViability\?: Viability;/);
  assert.match(dts, /delivery\?: Delivery\[\];/);
});
