// @ts-check
/**
 * @file What a college planner reads after a plan: the headline, the courses to run and whom
 * they serve, a flow picture, demand left unmet, learners by origin, the limits with what one
 * more step would add, the two gap methods side by side, and the plan as CSV.
 */

import { h, replaceChildren } from '../../app/dom.js';
import { formatCount, formatGbp } from '../../app/format.js';
import { drawFlows, portfolioFlows } from '../flow-chart/flow-chart.js';
import { dataTable as table, solveStatusWords, csvCell as q } from '../../app/report.js';

/**
 * @typedef {import('../../pkg-area/greenpath.js').PortfolioDto} PortfolioDto
 * @typedef {import('../../pkg-area/greenpath.js').CollegeGapsDto} CollegeGapsDto
 */

const LIMIT_WORDS = /** @type {Record<string, { name: string, step: string, unit: (n: number) => string }>} */ ({
  budget: { name: 'Budget', step: '£10,000 more', unit: (n) => formatGbp(n) },
  tutorHours: { name: 'Tutor hours', step: '100 more tutor hours', unit: (n) => `${formatCount(Math.round(n))} hours` },
  sessions: { name: 'Room sessions', step: '10 more room sessions', unit: (n) => `${formatCount(Math.round(n))} sessions` },
});

/** @param {number} n */
function one(n) {
  return (Math.round(n * 10) / 10).toLocaleString('en-GB');
}

/**
 * Whether every origin with a route has all its learners placed (learner supply holds the plan back).
 * @param {PortfolioDto} plan
 */
function learnersAllPlaced(plan) {
  const served = plan.origins.filter((o) => o.hasRoute && o.learners > 0);
  return served.length > 0 && served.every((o) => o.enrolled >= Math.floor(o.learners));
}

/**
 * Show a plan.
 * @param {HTMLElement} container
 * @param {PortfolioDto} plan
 * @param {CollegeGapsDto | null} gaps
 * @param {{ budget: number | null }} limits
 */
export function showPortfolio(container, plan, gaps, limits) {
  if (plan.outcome === 'infeasible') {
    replaceChildren(container,
      h('h2', { class: 'app-heading-l', id: 'portfolio-result-heading', tabindex: '-1' }, 'The courses you must run cannot all run'),
      h('ul', { class: 'app-list app-list--bullet' }, plan.shortfalls.map((s) => h('li', {},
        s.limit === 'cohort'
          ? `${s.course?.title ?? 'A course'} cannot fill its smallest cohort from the learners it can serve: lower its minimum, add learners, or do not require it.`
          : `${LIMIT_WORDS[s.limit]?.name ?? s.limit}: short by ${LIMIT_WORDS[s.limit]?.unit(s.short ?? 0) ?? s.short} (you have ${LIMIT_WORDS[s.limit]?.unit(s.available ?? 0) ?? s.available}).`))),
      h('p', { class: 'app-body' }, 'Nothing you entered has changed: raise the limit or untick “Must run” on a course, then plan again.'));
    return;
  }
  const running = plan.courses.filter((c) => c.cohorts > 0);
  const budgetWords = limits.budget === null ? '' : ` of your ${formatGbp(limits.budget)}`;
  const flowRows = running.flatMap((c) => c.flows.map((f) =>
    [c.course.title, f.origin.label, f.destination.label, formatCount(f.places), one(f.placements)]));
  replaceChildren(container,
    h('h2', { class: 'app-heading-l', id: 'portfolio-result-heading', tabindex: '-1' }, 'Your plan'),
    h('p', { class: 'app-lead', id: 'portfolio-headline' },
      `${one(plan.placements)} people expected into good green jobs from ${formatCount(plan.places)} places on ${formatCount(running.length)} ${running.length === 1 ? 'course' : 'courses'}, costing ${formatGbp(plan.cost)}${budgetWords}.`),
    h('p', { class: 'app-body-s', id: 'portfolio-status' }, solveStatusWords(plan.status, plan.gap),
      learnersAllPlaced(plan) ? ' Every learner you entered for a job with a route has a place: more learners would allow more placements.' : '',
      plan.linksDropped > 0 ? ` Each move considered its three most cost-effective courses (${formatCount(plan.linksDropped)} dearer options left out).` : ''),
    table('Courses to run', ['Course', 'Cohorts', 'Places', 'Cost', 'Who it serves'],
      running.map((c) => [c.course.title, formatCount(c.cohorts), formatCount(c.places), formatGbp(c.cost),
        h('ul', { class: 'app-list app-list--compact' }, c.flows.map((f) =>
          h('li', {}, `${formatCount(f.places)} from ${f.origin.label} towards ${f.destination.label}`)))]), [1, 2, 3]),
    h('h3', { class: 'app-heading-m' }, 'From jobs, through courses, to green jobs'),
    h('div', { id: 'portfolio-flow' }),
    h('details', { class: 'app-details' }, h('summary', { class: 'app-details__summary' }, 'The same flows as a table'),
      h('div', { class: 'app-details__text' }, table('Places by course, origin and destination',
        ['Course', 'From', 'Towards', 'Places', 'Expected placements'], flowRows, [3, 4]))),
    table('Demand after the plan', ['Green job', 'Openings', 'Expected placements', 'Still open'],
      plan.unmet.map((d) => [d.occupation.label, one(d.openings), one(d.placed), one(d.unmet)]), [1, 2, 3]),
    table('Learners by the job they come from', ['Job', 'Learners', 'Given places', 'Note'],
      plan.origins.map((o) => [o.occupation.label, formatCount(o.learners), formatCount(o.enrolled),
        o.hasRoute ? '' : 'No candidate course leads to a good job from here']), [1, 2]),
    plan.limits.length === 0 ? h('p', { class: 'app-body' }, 'You set no limits on money, tutor hours or rooms.')
      : table('Your limits', ['Limit', 'You have', 'The plan uses', 'Holding the plan back?', 'One more step adds'],
        plan.limits.map((l) => [LIMIT_WORDS[l.limit].name, LIMIT_WORDS[l.limit].unit(l.available), LIMIT_WORDS[l.limit].unit(l.used),
          l.binding ? 'Yes' : 'No', l.binding ? `${one(l.stepGain)} more people placed with ${LIMIT_WORDS[l.limit].step}` : 'Nothing']), []),
    gapsSection(plan, gaps));
  drawFlows(/** @type {HTMLElement} */ (container.querySelector('#portfolio-flow')), portfolioFlows(plan));
}

/**
 * Up to two course titles, and how many more.
 * @param {{ title: string }[]} courses
 */
function taughtBy(courses) {
  const shown = courses.slice(0, 2).map((c) => c.title).join('; ');
  return courses.length > 2 ? `${shown}; and ${courses.length - 2} more` : shown;
}

/**
 * The two ways of finding gaps, one after the other.
 * @param {PortfolioDto | null} plan
 * @param {CollegeGapsDto | null} gaps
 */
function gapsSection(plan, gaps) {
  if (!gaps) return null;
  const demand = plan ? plan.demandGaps : gaps.demandGaps;
  return h('section', { class: 'app-section', 'aria-labelledby': 'gaps-heading' },
    h('h3', { class: 'app-heading-m', id: 'gaps-heading' }, 'Where the gaps are, two ways'),
    h('div', { class: 'app-gaps' },
      h('div', {}, table('Skills gaps: openings needing the skill × workers lacking it ÷ all workers',
        ['Skill', 'Openings needing it', 'Workers lacking it', 'Weight', 'Taught by'],
        gaps.skillGaps.map((g) => [g.skill.label, one(g.openingsNeeding), one(g.workersLacking), one(g.weight),
          g.taughtBy.length === 0 ? h('strong', {}, 'No course') : taughtBy(g.taughtBy)]), [1, 2, 3])),
      h('div', {}, table(plan ? 'Demand gap: openings less the plan’s completions' : 'Demand gap: openings less completions (no plan yet)',
        ['Green job', 'Openings', 'Completions', 'Gap'],
        demand.map((d) => [d.occupation.label, one(d.openings), one(d.completions), one(d.gap)]), [1, 2, 3]))),
    h('p', { class: 'app-body-s' }, 'The demand gap counts openings a course could fill whoever takes it; the skills gaps weigh each skill by how many local workers in carbon-intensive jobs lack it and how many openings need it, so they show what stands between these workers and these jobs.'));
}

/**
 * The plan as CSV (one row per course, origin and destination), for a spreadsheet.
 * @param {PortfolioDto} plan
 * @param {string} area
 */
export function planCsv(plan, area) {
  const lines = [['area', 'course', 'cohorts', 'course places', 'course cost (GBP)', 'from job', 'towards job', 'places', 'expected placements'].join(',')];
  for (const c of plan.courses.filter((x) => x.cohorts > 0)) {
    for (const f of c.flows) {
      lines.push([area, c.course.title, c.cohorts, c.places, c.cost, f.origin.label, f.destination.label, f.places, f.placements].map(q).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
