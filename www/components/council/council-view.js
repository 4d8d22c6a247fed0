// @ts-check
/**
 * @file What a council officer reads after a plan: the headline, how the search ended, a flow
 * from jobs through routes to green jobs, every route with people, every group with who is
 * left without a route and why, the limits with what one more step would add; or, when the
 * fairness floor cannot hold, the highest floor that can. And the plan as CSV.
 */

import { h, replaceChildren } from '../../app/dom.js';
import { formatCount, formatGbp } from '../../app/format.js';
import { dataTable, solveStatusWords, csvCell } from '../../app/report.js';
import { drawFlows } from '../flow-chart/flow-chart.js';

/**
 * @typedef {import('../../pkg-area/greenpath.js').CouncilPlanDto} CouncilPlanDto
 * @typedef {import('../../pkg-area/greenpath.js').CouncilFlowDto} CouncilFlowDto
 */

/** Why some of a group are left without a route, in words. */
export const LEFT_WORDS = /** @type {Record<string, string>} */ ({
  nobody: '',
  noViableMove: 'No move into a good green job among the jobs you ticked',
  noCoursePlace: 'The courses its routes need are full',
  budget: 'The budget is spent',
  demand: 'The green jobs its routes lead to are filled',
});

/**
 * What a route is, in words: the courses it takes, or a direct move.
 * @param {CouncilFlowDto} f
 */
export function routeName(f) {
  if (f.route === 'direct') return 'Direct move (no course needed)';
  const courses = f.courses.map((c) => c.title).join(' + ');
  return f.route === 'recognised' ? `Recognised route: ${courses || 'no bridging course'}` : courses;
}

/** @param {number} share 0 to 1 */
function percent(share) {
  return `${Math.round(share * 100)}%`;
}

/**
 * The plan's totals, for the headline, scenarios and the summary.
 * @param {CouncilPlanDto} plan
 */
export function planTotals(plan) {
  const workers = plan.groups.reduce((n, g) => n + Math.floor(g.workers), 0);
  const withRoutes = plan.groups.filter((g) => g.routes > 0);
  const lowest = withRoutes.reduce((low, g) => Math.min(low, g.workers >= 1 ? g.moved / Math.floor(g.workers) : 1), 1);
  return {
    workers,
    groupsWithout: plan.groups.filter((g) => g.routes === 0 && g.workers >= 1).length,
    lowestShare: withRoutes.length > 0 ? lowest : 0,
  };
}

/**
 * Show a plan.
 * @param {HTMLElement} container
 * @param {CouncilPlanDto} plan
 * @param {{ budget: number | null, floor: number }} settings floor 0 to 1
 * @param {(floor: number) => void} onUseFloor plan again at the highest floor that holds
 */
export function showCouncilPlan(container, plan, settings, onUseFloor) {
  if (plan.outcome === 'floorInfeasible') {
    const highest = plan.highestFloor ?? 0;
    const button = h('button', { type: 'button', class: 'app-button app-button--secondary', id: 'use-highest-floor' }, `Plan with a floor of ${percent(highest)}`);
    button.addEventListener('click', () => onUseFloor(highest));
    replaceChildren(container,
      h('h2', { class: 'app-heading-l', id: 'council-result-heading', tabindex: '-1' }, `No plan gives ${percent(settings.floor)} of every group a route`),
      h('p', { class: 'app-body', id: 'council-floor-explained' },
        `The budget, the course places and the openings cannot carry a floor of ${percent(settings.floor)}. `
        + `The highest floor they allow is ${percent(highest)}: at that floor every group with a route gets at least ${percent(highest)} of its workers onto one.`),
      h('p', { class: 'app-body' }, 'Nothing you entered has changed. Lower the floor, raise the budget, add places on the courses, or add openings; then plan again.'),
      h('p', { class: 'app-actions' }, button));
    return;
  }
  const totals = planTotals(plan);
  const budget = settings.budget === null ? '' : ` of the ${formatGbp(settings.budget)} budget`;
  const flows = plan.flows.map((f) => ({
    from: { key: f.origin.id, name: f.origin.label },
    via: { key: f.route === 'direct' ? 'direct' : f.courses.map((c) => c.id).join('+'), name: routeName(f) },
    to: { key: f.destination.id, name: f.destination.label },
    value: f.people,
  }));
  replaceChildren(container,
    h('h2', { class: 'app-heading-l', id: 'council-result-heading', tabindex: '-1' }, 'Your plan'),
    h('p', { class: 'app-lead', id: 'council-headline' },
      `${formatCount(plan.transitions)} of ${formatCount(totals.workers)} workers get a route into a good green job, costing ${formatGbp(plan.cost)}${budget}.`),
    h('p', { class: 'app-body', id: 'council-fairness' },
      `Every group with a route gets at least ${percent(totals.lowestShare)} of its workers onto one (your floor: ${percent(settings.floor)}).`,
      totals.groupsWithout > 0 ? ` ${formatCount(totals.groupsWithout)} ${totals.groupsWithout === 1 ? 'group has' : 'groups have'} no route into a good job among the jobs ticked: see the table of groups.` : ''),
    h('p', { class: 'app-body-s', id: 'council-status' }, solveStatusWords(plan.status, plan.gap),
      ` The plan weighed ${formatCount(plan.routes)} routes. Workers and openings are estimates (their sources are under the picture) unless you entered your own; course costs are yours or what the worker would otherwise pay.`),
    h('h3', { class: 'app-heading-m' }, 'From jobs, through routes, to green jobs'),
    h('div', { id: 'council-flow' }),
    dataTable('People on each route', ['From', 'Route', 'To', 'People', 'Cost'],
      plan.flows.map((f) => [f.origin.label, routeName(f), f.destination.label, formatCount(f.people), formatGbp(f.cost)]), [3, 4], 'council-flows'),
    dataTable('Every group: who has a route, and why the rest do not', ['Job', 'Workers', 'With a route', 'Without', 'Why', 'Routes open'],
      plan.groups.map((g) => [g.occupation.label, formatCount(Math.floor(g.workers)), formatCount(g.moved), formatCount(g.left),
        LEFT_WORDS[g.leftBecause] ?? g.leftBecause, formatCount(g.routes)]), [1, 2, 3, 5], 'council-groups'),
    plan.limits.length === 0
      ? h('p', { class: 'app-body', id: 'council-limits' }, 'You set no budget, and no course on the plan’s routes has a limit on its places that it reaches.')
      : dataTable('Limits, and what one more step would add', ['Limit', 'Available', 'The plan uses', 'One more step', 'More people with a route'],
        plan.limits.map((l) => [l.limit === 'budget' ? 'Training budget' : `Places on ${l.course?.title ?? 'a course'}`,
          l.limit === 'budget' ? formatGbp(l.available) : formatCount(l.available),
          l.limit === 'budget' ? formatGbp(l.used) : formatCount(l.used),
          l.limit === 'budget' ? `${formatGbp(l.step)} more` : `${formatCount(l.step)} more places`,
          formatCount(l.stepGain)]), [1, 2, 4], 'council-limits'));
  drawFlows(/** @type {HTMLElement} */ (container.querySelector('#council-flow')), flows, {
    unit: 'people',
    columns: ['jobs', 'routes', 'green jobs'],
    caption: 'Left: the jobs people leave. Middle: the routes (courses, recognised routes, or a direct move). Right: the green jobs they go to. Band widths are people.',
  });
}

/**
 * The plan as CSV (one row per route with people, then one per group), for a spreadsheet.
 * @param {CouncilPlanDto} plan
 * @param {string} area
 */
export function councilCsv(plan, area) {
  const line = (/** @type {(string | number)[]} */ cells) => cells.map(csvCell).join(',');
  const lines = [line(['area', 'row', 'from job', 'route', 'to job', 'people', 'cost (GBP)', 'workers', 'without a route', 'why'])];
  for (const f of plan.flows) lines.push(line([area, 'route', f.origin.label, routeName(f), f.destination.label, f.people, Math.round(f.cost), '', '', '']));
  for (const g of plan.groups) {
    lines.push(line([area, 'group', g.occupation.label, '', '', g.moved, '', Math.floor(g.workers), g.left, LEFT_WORDS[g.leftBecause] ?? g.leftBecause]));
  }
  return `${lines.join('\r\n')}\r\n`;
}
