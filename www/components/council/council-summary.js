// @ts-check
/**
 * @file The committee summary: the plan on at most two A4 pages, dated, with its settings, key
 * figures, the main routes, every large group, the limits and the sources. Hidden on screen;
 * the print stylesheet shows it alone.
 */

import { h, replaceChildren } from '../../app/dom.js';
import { formatCount, formatGbp } from '../../app/format.js';
import { dataTable, solveStatusWords } from '../../app/report.js';
import { LEFT_WORDS, routeName, planTotals } from './council-view.js';
import { SOURCES } from './council-picture.js';

/**
 * @typedef {import('../../pkg-area/greenpath.js').CouncilPlanDto} CouncilPlanDto
 * @typedef {import('../../pkg-area/greenpath.js').LocalPictureDto} LocalPictureDto
 */

/** Routes and groups printed (the CSV has them all). */
const ROUTES_PRINTED = 12;
const GROUPS_PRINTED = 14;

/**
 * Build the summary into `container`.
 * @param {HTMLElement} container
 * @param {object} o
 * @param {CouncilPlanDto} o.plan
 * @param {string} o.area
 * @param {LocalPictureDto | null} o.local the area's published figures behind the demand
 * @param {{ budget: number | null, floor: number, payRatio: number, upliftWeight: number, carbonWeight: number, deprivationWeight: number }} o.settings
 * @param {Date} [o.date]
 */
export function buildSummary(container, { plan, area, local, settings, date = new Date() }) {
  if (plan.outcome !== 'planned') {
    replaceChildren(container);
    return;
  }
  const totals = planTotals(plan);
  const share = totals.workers > 0 ? plan.transitions / totals.workers : 0;
  const flowsLeft = plan.flows.slice(ROUTES_PRINTED);
  const groups = [...plan.groups].sort((a, b) => b.workers - a.workers);
  const groupsLeft = groups.slice(GROUPS_PRINTED);
  const pct = (/** @type {number} */ x) => `${Math.round(x * 100)}%`;
  replaceChildren(container,
    h('h1', { class: 'app-council-summary__title' }, `A fair transition plan for ${area}`),
    h('p', { class: 'app-council-summary__meta' },
      `Prepared on ${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })} with greenpath, from open data. `
      + 'Figures of workers and openings are estimates unless the council entered its own.'),
    h('p', { class: 'app-council-summary__settings' },
      `Settings: training budget ${settings.budget === null ? 'not limited' : formatGbp(settings.budget)}; fairness floor ${pct(settings.floor)} of every group with a route; `
      + `a good job pays at least ${pct(settings.payRatio)} of current pay and the Real Living Wage (2019 rates); `
      + `weights: pay rises ${settings.upliftWeight}, carbon intensity ${settings.carbonWeight}, deprivation ${settings.deprivationWeight}.`),
    dataTable('Key figures', ['Measure', 'Value'], [
      ['Workers in carbon-intensive jobs in the plan', formatCount(totals.workers)],
      ['People with a route into a good green job', `${formatCount(plan.transitions)} (${pct(share)})`],
      ['Training cost to the council', formatGbp(plan.cost)],
      ['Smallest share of a group with a route', pct(totals.lowestShare)],
      ['Groups with no route into a good job', formatCount(totals.groupsWithout)],
      ['How the search ended', solveStatusWords(plan.status, plan.gap)],
    ], [], 'summary-key-figures'),
    dataTable(`The main routes${flowsLeft.length > 0 ? ` (${formatCount(ROUTES_PRINTED)} of ${formatCount(plan.flows.length)})` : ''}`,
      ['From', 'Route', 'To', 'People', 'Cost'],
      plan.flows.slice(0, ROUTES_PRINTED).map((f) => [f.origin.label, routeName(f), f.destination.label, formatCount(f.people), formatGbp(f.cost)]),
      [3, 4], 'summary-routes'),
    flowsLeft.length > 0
      ? h('p', { class: 'app-council-summary__note' }, `${formatCount(flowsLeft.length)} more routes carry ${formatCount(flowsLeft.reduce((n, f) => n + f.people, 0))} people (all in the CSV).`)
      : null,
    dataTable(`The groups${groupsLeft.length > 0 ? ` (the ${formatCount(GROUPS_PRINTED)} largest of ${formatCount(groups.length)})` : ''}`,
      ['Job', 'Workers', 'With a route', 'Without', 'Why'],
      groups.slice(0, GROUPS_PRINTED).map((g) => [g.occupation.label, formatCount(Math.floor(g.workers)), formatCount(g.moved), formatCount(g.left), LEFT_WORDS[g.leftBecause] ?? '']),
      [1, 2, 3], 'summary-groups'),
    groupsLeft.length > 0
      ? h('p', { class: 'app-council-summary__note' }, `${formatCount(groupsLeft.length)} smaller groups: ${formatCount(groupsLeft.reduce((n, g) => n + g.moved, 0))} of ${formatCount(groupsLeft.reduce((n, g) => n + Math.floor(g.workers), 0))} workers with a route (all in the CSV).`)
      : null,
    plan.limits.length > 0
      ? dataTable('What one more step would add', ['Limit', 'Uses', 'One more step', 'More people with a route'],
        plan.limits.map((l) => [l.limit === 'budget' ? 'Training budget' : `Places on ${l.course?.title ?? 'a course'}`,
          l.limit === 'budget' ? `${formatGbp(l.used)} of ${formatGbp(l.available)}` : `${formatCount(l.used)} of ${formatCount(l.available)}`,
          l.limit === 'budget' ? `${formatGbp(l.step)} more` : `${formatCount(l.step)} more places`, formatCount(l.stepGain)]), [3], 'summary-limits')
      : null,
    h('h2', { class: 'app-council-summary__heading' }, 'Sources'),
    h('ul', { class: 'app-council-summary__sources' },
      h('li', {}, `Workers: ${SOURCES.workers}`),
      h('li', {}, `Openings: ${SOURCES.demand}`,
        local && local.families.length > 0 ? ` Published figures: ${local.families.map((f) => `${f.name} (${f.sourceTitle}, ${f.year})`).join('; ')}.` : ''),
      h('li', {}, `Routes: ${SOURCES.routes}`),
      h('li', {}, 'Contains ESCO classification data of the European Commission; contains public sector information licensed under the Open Government Licence v3.0 (ONS, Institute for Apprenticeships and Technical Education).')));
}
