// Every exported method of the wasm module, called as a careless or hostile caller would: each
// argument in turn given every kind of JavaScript value (numbers, true, NaN, a BigInt, a Date, a
// Symbol, objects, sparse arrays, functions, very long strings, lone surrogates, control
// characters), the others valid. Every call must return or throw the planner's own error (an
// Error with `kind`, naming the parameter for a wrong type), never trap ("RuntimeError:
// unreachable") or throw from the binding's glue; and the same instance must answer correctly
// afterwards. Run in node and in headless Chromium, on the built module with the college and
// council planners (dist/pkg-area).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { DIST, CHROMIUM, CHROMIUM_ARGS } from './harness.mjs';
import { startStaticServer } from '../../scripts/serve.mjs';

const PARTS = ['core', 'skills', 'skill-names', 'details', 'courses'];

/**
 * Calls every method with every kind of value; self-contained, so that Playwright can run it in
 * the page as it is. In node `env.mod` is the initialised module and `env.bytes` the parts; in
 * the browser it imports and fetches them from `env.base`.
 * @param {{ mod?: any, bytes?: Record<string, Uint8Array>, base?: string }} env
 */
async function hostileCalls(env) {
  let mod = env.mod;
  let bytes = env.bytes;
  if (!mod) {
    mod = await import(`${env.base}pkg-area/greenpath.js`);
    await mod.default();
    bytes = {};
    for (const name of ['core', 'skills', 'skill-names', 'details', 'courses', 'local']) {
      bytes[name] = new Uint8Array(await (await fetch(`${env.base}data/${name}.bin`)).arrayBuffer());
    }
  }
  const planner = new mod.Planner(bytes.core);
  for (const name of ['skills', 'skill-names', 'details', 'courses']) planner.addPart(bytes[name]);
  planner.addLocal(bytes.local);
  const welder = planner.searchOccupations('welder', 1)[0].id;
  const heatPump = planner.searchOccupations('heat pump installer', 1)[0].id;
  const long = 'x'.repeat(1_000_000);
  const sparse = []; sparse[2] = 'a';
  const revoked = Proxy.revocable({}, {}); revoked.revoke();
  const detached = new ArrayBuffer(8); structuredClone(detached, { transfer: [detached] });
  const revokedArray = Proxy.revocable([], {}); revokedArray.revoke();
  /** [name, value]: every kind of value a caller might hold. */
  const values = [
    ['undefined', undefined], ['null', null], ['true', true], ['0', 0], ['-1', -1], ['1.5', 1.5],
    ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity], ['BigInt', 10n],
    ['Symbol', Symbol('s')], ['Date', new Date(0)], ['{}', {}], ['object', { a: 1, b: [NaN] }],
    ['null prototype', Object.create(null)], ['[]', []], ['sparse array', sparse],
    ['numbers array', [1, 2, 3]], ['function', () => 1], ['Uint8Array', new Uint8Array([1, 2, 3])],
    ['ArrayBuffer', new ArrayBuffer(8)], ['empty string', ''], ['junk string', 'no-such-thing'],
    ['1,000,000 characters', long], ['lone surrogate', '\uD800x\uDFFF'],
    ['control characters', '\u0000\u0007\u001b[31m\r\n'], ['HTML', '<img src=x onerror=alert(1)>'],
    ['options with NaN', { budget: NaN, count: Infinity }], ['options with BigInt', { count: 5n }],
    ['a getter that throws', { get count() { throw new Error('boom'); } }],
    ['an array whose item throws', Object.defineProperty(['a'], 0, { get() { throw new Error('boom'); } })],
    ['a revoked Proxy', revoked.proxy], ['a detached ArrayBuffer', detached],
    ['an object claiming to be a Uint8Array', { [Symbol.toStringTag]: 'Uint8Array', length: 3 }], ['a revoked Proxy of an array', revokedArray.proxy],
  ];
  const csv = 'id,title,teaches\nmy-1,Heat pump basics,install heat pumps\n';
  const council = { area: 'UKE11' };
  // Each method with valid arguments; each position in turn gets every value.
  /** @type {[string, any[], ((...a: any[]) => any)][]} */
  const methods = [
    ['addPart', [bytes.courses], (...a) => planner.addPart(...a)],
    ['description', [welder], (...a) => planner.description(...a)],
    ['searchOccupations', ['welder', 5], (...a) => planner.searchOccupations(...a)],
    ['occupation', [welder], (...a) => planner.occupation(...a)],
    ['similarOccupations', [welder, 5], (...a) => planner.similarOccupations(...a)],
    ['searchSkills', ['heat pump', 5], (...a) => planner.searchSkills(...a)],
    ['skills', [[]], (...a) => planner.skills(...a)],
    ['transitions', [welder, { count: 5 }], (...a) => planner.transitions(...a)],
    ['loadCourses', [csv, 'csv', 'add'], (...a) => planner.loadCourses(...a)],
    ['plan', [welder, heatPump, {}], (...a) => planner.plan(...a)],
    ['pathways', [welder, { count: 3 }], (...a) => planner.pathways(...a)],
    ['addLocal', [bytes.local], (...a) => planner.addLocal(...a)],
    ['localPicture', ['UKE11'], (...a) => planner.localPicture(...a)],
    ['readFigures', ['job,workers\nwelder,3\n'], (...a) => planner.readFigures(...a)],
    ['collegeCandidates', [[heatPump], 'UKE11'], (...a) => planner.collegeCandidates(...a)],
    ['collegeGaps', [council], (...a) => planner.collegeGaps(...a)],
    ['councilPicture', [council], (...a) => planner.councilPicture(...a)],
    ['planPortfolio', [council], (...a) => planner.planPortfolio(...a)],
    ['planCouncil', [council], (...a) => planner.planCouncil(...a)],
    ['new Planner', [bytes.core], (...a) => new mod.Planner(...a).free()],
    ['Planner.fromJson', [new TextEncoder().encode('{}')], (...a) => mod.Planner.fromJson(...a)],
    ['solveCouncil', [{}], (...a) => mod.solveCouncil(...a)],
    ['solvePortfolio', [{}], (...a) => mod.solvePortfolio(...a)],
  ];
  const report = { calls: 0, returned: 0, errors: 0, unnamed: /** @type {string[]} */ ([]), bad: /** @type {string[]} */ ([]) };
  for (const [name, valid, call] of methods) {
    for (let position = 0; position < valid.length; position++) {
      for (const [label, value] of values) {
        const args = valid.slice();
        args[position] = value;
        report.calls++;
        try {
          call(...args);
          report.returned++;
        } catch (error) {
          const e = /** @type {any} */ (error);
          const where = `${name} argument ${position + 1} = ${label}`;
          if (!(e instanceof Error) || typeof e.kind !== 'string') {
            report.bad.push(`${where}: ${e?.name}: ${String(e?.message).slice(0, 200)}`);
          } else {
            report.errors++;
            if (e.message.length > 2_000) report.bad.push(`${where}: a message of ${e.message.length} characters`);
            if (e.kind === 'invalidArgument' && !e.field) report.unnamed.push(where);
          }
        }
      }
    }
  }
  // The same instance still answers, and correctly, to a call that changes it too (a value
  // whose reading throws must not leave the planner borrowed).
  const loaded = planner.loadCourses('id,title\nafter-1,Heat pumps\n', 'csv', 'add').loaded;
  const moves = planner.transitions(welder, { onlyGreen: true, count: 5 });
  const gas = planner.searchOccupations('gas engineer', 1)[0];
  const heat = planner.transitions(gas.id, { onlyGreen: true, count: 10 });
  report.after = {
    loaded,
    welder: planner.occupation(welder).label,
    moves: moves.length,
    gasEngineer: gas.label,
    heatPumpWork: heat.some((/** @type {any} */ m) => /heat pump/.test(m.label)),
    planSteps: planner.plan(welder, heatPump, {}).steps.length >= 0,
    area: planner.localPicture('UKE11').area.name,
  };
  return report;
}

/** @param {Awaited<ReturnType<typeof hostileCalls>>} report */
function assertSurvived(report) {
  assert.deepEqual(report.bad, [], `calls that trapped or threw from the glue:\n${report.bad.join('\n')}`);
  assert.deepEqual(report.unnamed, [], 'every invalid argument names its parameter');
  assert.ok(report.calls > 1_000, `${report.calls} calls`);
  assert.ok(report.errors > 900, `${report.errors} clear errors`);
  assert.equal(report.after.loaded, 1, 'a call that changes the planner still works');
  assert.equal(report.after.welder, 'welder');
  assert.equal(report.after.moves, 5);
  assert.equal(report.after.gasEngineer, 'gas service technician');
  assert.equal(report.after.heatPumpWork, true, 'a gas engineer still sees heat pump work');
  assert.match(report.after.area, /Hull/);
}

test('node: every method answers any JS value with a clear error or an answer, and the instance still works', { timeout: 300_000 }, async () => {
  const mod = await import(pathToFileURL(join(DIST, 'pkg-area', 'greenpath.js')).href);
  mod.initSync({ module: await readFile(join(DIST, 'pkg-area', 'greenpath_bg.wasm')) });
  /** @type {Record<string, Uint8Array>} */
  const bytes = {};
  for (const name of [...PARTS, 'local']) bytes[name] = new Uint8Array(await readFile(join(DIST, 'data', `${name}.bin`)));
  const report = await hostileCalls({ mod, bytes });
  assertSurvived(report);
  console.log(`# node: ${report.calls} calls, ${report.errors} clear errors, ${report.returned} answers`);
});

test('node: a course list of millions of rows is refused before it is copied: no memory grows, the planner still answers', { timeout: 120_000 }, async () => {
  const mod = await import(pathToFileURL(join(DIST, 'pkg-area', 'greenpath.js')).href);
  const wasm = mod.initSync({ module: await readFile(join(DIST, 'pkg-area', 'greenpath_bg.wasm')) });
  const planner = new mod.Planner(new Uint8Array(await readFile(join(DIST, 'data', 'core.bin'))));
  for (const name of PARTS.slice(1)) planner.addPart(new Uint8Array(await readFile(join(DIST, 'data', `${name}.bin`))));
  const before = wasm.memory.buffer.byteLength;
  for (const rows of [8e6, 4e6]) {
    assert.throws(() => planner.loadCourses(`id,title\n${'a,b\n'.repeat(rows)}`, 'csv', 'add'),
      (/** @type {any} */ e) => e.kind === 'invalidArgument' && e.field === 'text' && e.message.length < 300);
  }
  const grown = wasm.memory.buffer.byteLength - before;
  assert.ok(grown < 16 * 1024 * 1024, `wasm memory grew by ${grown} bytes`);
  assert.equal(planner.searchOccupations('welder', 1)[0].label, 'welder');
  const loaded = planner.loadCourses('id,title,teaches\nmy-1,Heat pump basics,install heat pump\n', 'csv', 'add');
  assert.equal(loaded.loaded, 1);
});

test('Chromium: the same calls in a page, and the instance still works', { timeout: 300_000 }, async () => {
  const server = await startStaticServer({ root: DIST, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // A page whose policy lets it compile wasm (its own app loads meanwhile; it does not matter).
    await page.goto(`http://127.0.0.1:${server.port}/index.html`);
    const report = await page.evaluate(hostileCalls, { base: '/' });
    assertSurvived(report);
    console.log(`# Chromium: ${report.calls} calls, ${report.errors} clear errors, ${report.returned} answers`);
  } finally {
    await browser.close();
    await server.close();
  }
});
