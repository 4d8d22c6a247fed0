#!/usr/bin/env node
// Browser benchmark of the college portfolio model in wasm, in headless Chromium (main thread of
// a page on the built site's origin). Builds nothing: run `make site` first.
//
//   node benches/portfolio.mjs [--runs 7]
//
// Prints medians (ms) of:
//   - `solvePortfolio` on a seeded instance of the size: 150 candidate courses × 60
//     origins × 60 destinations (each course trains for one to three destinations, reached from a
//     quarter of the origins: about 4,500 links), with a budget, tutor hours and rooms, a 1.8 s
//     time limit; with how each solve ended and its gap;
//   - `planPortfolio` on real data: the area with the most carbon-intensive jobs, every job with
//     workers as an origin, every green job in demand, and up to 150 candidate courses (the
//     dataset's viability test, pruning and analysis included).

import { runsFromArgs, median, ends, onSitePage } from './solver-page.mjs';

const runs = runsFromArgs();

await onSitePage('/college.html', async (page) => {
  const result = await page.evaluate(async ({ runs }) => {
    const mod = await import('/pkg-area/greenpath.js');
    await mod.default({ module_or_path: '/pkg-area/greenpath_bg.wasm' });
    // A seeded generator, so every run and machine solves the same instance.
    let seed = 20261130;
    const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const between = (/** @type {number} */ a, /** @type {number} */ b) => a + (b - a) * rand();
    const courses = Array.from({ length: 150 }, () => {
      const hours = Math.round(between(30, 300));
      return {
        course: '', fixedCost: 2000, costPerCohort: hours * 45, costPerPlace: 150, tutorHoursPerCohort: hours,
        sessionsPerCohort: Math.ceil(hours / 3), cohortMin: Math.round(between(4, 8)), cohortMax: Math.round(between(10, 16)),
        maxCohorts: 3, successRate: Math.round(between(55, 80)) / 100,
      };
    });
    const origins = Array.from({ length: 60 }, () => ({ supply: Math.round(between(5, 40)), carbonIntensive: rand() < 0.7 }));
    const destinations = Array.from({ length: 60 }, () => Math.round(between(10, 200)));
    const links = [];
    courses.forEach((_, c) => {
      const targets = new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => Math.floor(rand() * 60)));
      for (const d of targets) {
        for (let o = 0; o < 60; o++) {
          if (rand() < 0.25) links.push({ origin: o, course: c, destination: d, uplift: Math.round(between(-10, 60)) / 100 });
        }
      }
    });
    const problem = { courses, origins, destinations, links, budget: 400000, tutorHours: 8000, sessions: 2500, timeLimit: 1.8 };
    const synthetic = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const s = mod.solvePortfolio(problem);
      synthetic.push({ ms: performance.now() - t0, status: s.status, gap: s.gap, placements: s.placements });
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
      const n = p.workers.filter((w) => w.workers > 0).length;
      if (!best || n > best.n) best = { n, p };
    }
    const p = best.p;
    const input = {
      origins: p.workers.filter((w) => w.workers > 0).slice(0, 60).map((w) => ({ occupation: w.occupation.id, count: Math.ceil(w.workers / 20) })),
      destinations: p.demand.slice(0, 60).map((d) => ({ occupation: d.occupation.id, count: d.openings })),
      courses: [],
      budget: 250000, tutorHours: 4000, timeLimit: 1.8,
    };
    input.courses = planner.collegeCandidates(input.destinations.map((d) => d.occupation)).slice(0, 150).map((c) => ({ course: c.course.id }));
    const real = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const plan = planner.planPortfolio(input);
      real.push({ ms: performance.now() - t0, status: plan.status, gap: plan.gap, placements: plan.placements, links: plan.links, dropped: plan.linksDropped });
    }
    return { links: links.length, synthetic, real, area: p.area.name, sizes: [input.courses.length, input.origins.length, input.destinations.length] };
  }, { runs });
  const s = result.synthetic;
  console.log(`solvePortfolio, 150 courses × 60 origins × 60 destinations (${result.links} links), time limit 1.8 s:`);
  console.log(`  median ${median(s.map((x) => x.ms)).toFixed(0)} ms over ${s.length} runs; ends: ${ends(s)}; placements ${s[0].placements.toFixed(1)}`);
  const r = result.real;
  console.log(`planPortfolio on real data, ${result.area}: ${result.sizes[0]} courses × ${result.sizes[1]} origins × ${result.sizes[2]} destinations (${r[0].links} links kept, ${r[0].dropped} dropped), with limits analysis:`);
  console.log(`  median ${median(r.map((x) => x.ms)).toFixed(0)} ms over ${r.length} runs; ends: ${ends(r)}; placements ${r[0].placements.toFixed(1)}`);
});
