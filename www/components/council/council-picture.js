// @ts-check
/**
 * @file The council's picture of its area, as a committee paper shows it: workers at risk by
 * job, openings against the workers who could fill them, the skills gaps that matter most and
 * the routes open to each group. Each chart names its source, says whether its figures are
 * estimates, and has a table with the same figures.
 */

import { h, replaceChildren } from '../../app/dom.js';
import { renderBars } from '../bar-chart/bar-chart.js';

/**
 * @typedef {import('../../pkg-area/greenpath.js').CouncilPictureDto} CouncilPictureDto
 * @typedef {import('../../pkg-area/greenpath.js').LocalPictureDto} LocalPictureDto
 */

/** Sources, in words, for the charts and the printed summary. */
export const SOURCES = {
  workers: 'Estimates: ONS Annual Population Survey 2019 (occupation by area and by industry), split into ESCO jobs by greenpath; your own figures where you changed them.',
  demand: 'Estimates: published figures for green jobs (listed under “How these estimates were made”), shared out by the area’s jobs in their industries (ONS BRES 2021); your own figures where you changed them.',
  routes: 'greenpath’s routes: ESCO v1.1.1 skills, the worker page’s viability test, recognised routes and courses from their publishers (IfATE, awarding bodies, colleges). Only moves into good jobs by your pay rule count.',
  gaps: 'ESCO v1.1.1 essential skills of the green jobs, weighed by openings (estimates) and by the workers (estimates) whose jobs do not cover them.',
};

/**
 * Draw the four charts into `container`.
 * @param {HTMLElement} container
 * @param {CouncilPictureDto} picture
 */
export function showPicture(container, picture) {
  const slots = ['chart-workers', 'chart-demand', 'chart-gaps', 'chart-routes'].map((id) => h('div', { class: 'app-chart-slot', id: `${id}-slot` }));
  replaceChildren(container, slots);
  const byWorkers = [...picture.groups].sort((a, b) => b.workers - a.workers);
  renderBars(slots[0], {
    id: 'chart-workers',
    title: 'Workers in carbon-intensive jobs, by job',
    series: [{ name: 'Workers', look: 'solid' }],
    rows: byWorkers.map((g) => ({ label: g.occupation.label, values: [g.workers] })),
    source: SOURCES.workers,
  });
  const byOpenings = [...picture.destinations].sort((a, b) => b.openings - a.openings);
  renderBars(slots[1], {
    id: 'chart-demand',
    title: 'Openings in green jobs against the workers who could move into them',
    series: [{ name: 'Openings', look: 'solid' }, { name: 'Workers with a route into it', look: 'hatched' }],
    rows: byOpenings.map((d) => ({ label: d.occupation.label, values: [d.openings, d.reachableWorkers] })),
    source: `${SOURCES.demand} Workers with a route: the groups above with a route into the job (${SOURCES.routes.split(':')[0]}).`,
  });
  renderBars(slots[2], {
    id: 'chart-gaps',
    title: 'The skills gaps that matter most',
    series: [{ name: 'Weight: openings needing it × workers lacking it ÷ all workers', look: 'solid' }],
    rows: picture.skillGaps.map((g) => ({ label: g.skill.label, values: [g.weight] })),
    source: SOURCES.gaps,
    format: (n) => (Math.round(n * 10) / 10).toLocaleString('en-GB'),
  });
  renderBars(slots[3], {
    id: 'chart-routes',
    title: 'Routes into good green jobs open to each group',
    series: [{ name: 'Direct moves', look: 'solid' }, { name: 'Recognised routes', look: 'hatched' }, { name: 'Course routes', look: 'dotted' }],
    rows: byWorkers.map((g) => ({ label: g.occupation.label, values: [g.direct, g.recognised, g.courses] })),
    stacked: true,
    source: SOURCES.routes,
  });
}
