#!/usr/bin/env node
// Browser benchmark of the worker page's planning calls on pathological course lists (the
// largest a list may be: 5,000 courses), in headless Chromium's wasm, on the main thread as the
// page's worker runs them: a 5,000-course prerequisite chain, 5,000 courses sharing one
// prerequisite, 5,000 identical free courses. For each: loading the list, a plan from a welder
// to heating technician (no recognised route), and pathways from a gas engineer and from a
// welder. Every call should answer within 2 s (the planner's own deadline is 1.5 s).
// Builds nothing: run `make site` first.
//
//   node benches/pathological.mjs [--runs 5]

import { runsFromArgs, median, onSitePage } from './solver-page.mjs';

const runs = runsFromArgs();

await onSitePage('/index.html', async (page) => {
  const result = await page.evaluate(async ({ runs }) => {
    const mod = await import('/pkg/greenpath.js');
    await mod.default({ module_or_path: '/pkg/greenpath_bg.wasm' });
    const bytes = async (/** @type {string} */ name) => new Uint8Array(await (await fetch(`/data/${name}.bin`)).arrayBuffer());
    const parts = [];
    for (const name of ['core', 'skills', 'skill-names', 'details', 'courses']) parts.push(await bytes(name));
    const lists = {
      'chain of 5,000': (/** @type {number} */ i) => `Step ${i},1,100,install heat pump,${i > 0 ? `c${i - 1}` : ''}`,
      'star of 5,000': (/** @type {number} */ i) => `Branch ${i},1,100,install heat pump,${i > 0 ? 'c0' : ''}`,
      '5,000 identical free': () => 'Heat pumps,0.01,0,install heat pump,',
    };
    /** @type {Record<string, Record<string, number[]>>} */
    const times = {};
    for (const [name, row] of Object.entries(lists)) {
      let csv = 'id,title,weeks,cost,teaches,requires\n';
      for (let i = 0; i < 5000; i++) csv += `c${i},${row(i)}\n`;
      const t = times[name] = { loadCourses: [], 'plan (welder)': [], 'pathways (gas engineer)': [], 'pathways (welder)': [] };
      for (let r = 0; r < runs; r++) {
        const planner = new mod.Planner(parts[0]);
        for (const p of parts.slice(1)) planner.addPart(p);
        const gas = planner.searchOccupations('gas engineer', 1)[0].id;
        const welder = planner.searchOccupations('welder', 1)[0].id;
        const heating = planner.searchOccupations('heating technician', 1)[0].id;
        const time = (/** @type {string} */ key, /** @type {() => unknown} */ f) => {
          const t0 = performance.now();
          f();
          t[key].push(performance.now() - t0);
        };
        time('loadCourses', () => planner.loadCourses(csv, 'csv', 'add'));
        time('plan (welder)', () => planner.plan(welder, heating, {}));
        time('pathways (gas engineer)', () => planner.pathways(gas, {}));
        time('pathways (welder)', () => planner.pathways(welder, {}));
        planner.free();
      }
    }
    return times;
  }, { runs });
  console.log(`pathological course lists, wasm in headless Chromium, ${runs} runs; median (max) ms:`);
  for (const [name, calls] of Object.entries(result)) {
    console.log(`  ${name}`);
    for (const [call, ms] of Object.entries(calls)) {
      console.log(`    ${call.padEnd(26)} ${median(ms).toFixed(0).padStart(6)} (${Math.max(...ms).toFixed(0)})`);
    }
  }
});
