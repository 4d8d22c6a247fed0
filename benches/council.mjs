#!/usr/bin/env node
// Browser benchmark of the council plan model in wasm, in headless Chromium (main thread of a
// page on the built site's origin). Builds nothing: run `make site` first.
//
//   node benches/council.mjs [--runs 7]
//
// Prints medians (ms) of:
//   - `solveCouncil` on a seeded instance of the size: 200 worker groups × 200 green
//     jobs × 150 routes (courses; each group reaches 10 to 30 jobs, each move by one to three of
//     the 150 courses or directly: about 8,000 route variables), with a training budget that
//     binds, course places, a fairness floor of 30% and a 2.5 s time limit; with how each solve
//     ended and its gap;
//   - `planCouncil` on real data: the area with the most carbon-intensive jobs, every job with
//     workers as a group, every green job in demand, a budget, the dataset's routes, and the
//     analysis (one more step of the budget and of full courses; the highest floor that holds
//     when the floor does not).

import { runsFromArgs, median, ends, onSitePage } from './solver-page.mjs';

const runs = runsFromArgs();

await onSitePage('/council.html', async (page) => {
  const result = await page.evaluate(async ({ runs }) => {
    const mod = await import('/pkg-area/greenpath.js');
    await mod.default({ module_or_path: '/pkg-area/greenpath_bg.wasm' });
    // A seeded generator, so every run and machine solves the same instance.
    let seed = 20261201;
    const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const between = (/** @type {number} */ a, /** @type {number} */ b) => a + (b - a) * rand();
    const whole = (/** @type {number} */ a, /** @type {number} */ b) => Math.floor(between(a, b + 1));
    const groups = Array.from({ length: 200 }, () => ({
      workers: whole(5, 400), carbon: rand() < 0.7 ? 1 : 0.5, deprivation: rand() < 0.5 ? Math.round(rand() * 100) / 100 : null,
    }));
    const destinations = Array.from({ length: 200 }, () => whole(5, 250));
    const courses = Array.from({ length: 150 }, () => ({
      capacity: rand() < 0.6 ? whole(10, 120) : null,
      costPerPerson: rand() < 0.3 ? 0 : whole(3, 60) * 100,
    }));
    const routes = [];
    groups.forEach((_, g) => {
      const reach = new Set(Array.from({ length: whole(10, 30) }, () => whole(0, 199)));
      for (const d of reach) {
        const uplift = Math.round(between(-20, 60)) / 100;
        if (rand() < 0.1) routes.push({ origin: g, destination: d, kind: 'direct', courses: [], uplift });
        const options = new Set(Array.from({ length: whole(1, 3) }, () => whole(0, 149)));
        for (const c of options) routes.push({ origin: g, destination: d, kind: rand() < 0.3 ? 'recognised' : 'courses', courses: [c], uplift });
      }
    });
    const problem = {
      groups, destinations, courses, routes, budget: 1_500_000, floor: 0.3, deprivationWeight: 0.5, timeLimit: 2.5,
    };
    const synthetic = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const s = mod.solveCouncil(problem);
      synthetic.push({ ms: performance.now() - t0, status: s.status, gap: s.gap, transitions: s.transitions, cost: s.cost });
    }

    // Real data: every part and the local picture.
    const parts = {};
    for (const name of ['core', 'skills', 'skill-names', 'details', 'courses', 'local']) {
      parts[name] = new Uint8Array(await (await fetch(`/data/${name}.bin`)).arrayBuffer());
    }
    const planner = new mod.Planner(parts.core);
    for (const name of ['skills', 'skill-names', 'details', 'courses']) planner.addPart(parts[name]);
    planner.addLocal(parts.local);
    let best = null;
    for (const area of planner.localAreas()) {
      const p = planner.localPicture(area.code);
      const n = p.workers.reduce((s, w) => s + w.workers, 0);
      if (!best || n > best.n) best = { n, p };
    }
    const p = best.p;
    const input = {
      groups: p.workers.filter((w) => w.workers > 0).map((w) => ({ occupation: w.occupation.id, workers: w.workers })),
      destinations: p.demand.map((d) => ({ occupation: d.occupation.id, count: d.openings })),
      budget: 2_000_000, floor: 0.1, timeLimit: 2,
    };
    const picture = [];
    const real = [];
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      const seen = planner.councilPicture(input);
      picture.push(performance.now() - t0);
      // Every course costs the council £1,500 a person and has 60 places: the budget and the
      // places bind, so the analysis re-solves.
      const priced = { ...input, courses: seen.courses.map((c) => ({ course: c.course.id, capacity: 60, costPerPerson: 1500 })) };
      t0 = performance.now();
      const plan = planner.planCouncil(priced);
      real.push({ ms: performance.now() - t0, status: plan.status, gap: plan.gap, transitions: plan.transitions, routes: plan.routes, outcome: plan.outcome, limits: plan.limits.length });
    }
    return { routes: routes.length, synthetic, real, picture, area: p.area.name, sizes: [input.groups.length, input.destinations.length] };
  }, { runs });
  const s = result.synthetic;
  console.log(`solveCouncil, 200 groups × 200 green jobs × 150 courses (${result.routes} routes), budget, places, floor 30%, time limit 2.5 s:`);
  console.log(`  median ${median(s.map((x) => x.ms)).toFixed(0)} ms over ${s.length} runs; ends: ${ends(s)}; ${s[0].transitions} people with a route, £${Math.round(s[0].cost)}`);
  const r = result.real;
  console.log(`councilPicture on real data, ${result.area}: ${result.sizes[0]} groups × ${result.sizes[1]} green jobs: median ${median(result.picture).toFixed(0)} ms`);
  console.log(`planCouncil on real data (${r[0].routes} routes, £1,500 and 60 places a course, budget £2,000,000, floor 10%, time limit 2 s), with the analysis (${r[0].limits} limits):`);
  console.log(`  median ${median(r.map((x) => x.ms)).toFixed(0)} ms over ${r.length} runs; ${r[0].outcome}; ends: ${ends(r)}; ${r[0].transitions} people with a route`);
});
