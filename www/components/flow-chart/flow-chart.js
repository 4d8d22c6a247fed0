// @ts-check
/**
 * @file A plan as a flow in three columns: the college's learners from jobs through courses to
 * green jobs, or the council's worker groups through routes to green jobs. Laid out by
 * d3-sankey (vendored by the build); drawn as plain SVG with attributes only (CSP: no inline
 * styles). `role="img"` with a summary; the tables beside it hold the same figures.
 */

import { sankey, sankeyLinkHorizontal, sankeyLeft } from '../../vendor/d3-sankey.js';
import { h, replaceChildren, svg } from '../../app/dom.js';
import { formatCount, clip } from '../../app/format.js';

const WIDTH = 960;

/**
 * @typedef {{ key: string, name: string }} FlowNode
 * @typedef {{ from: FlowNode, via: FlowNode, to: FlowNode, value: number }} FlowLink
 * @typedef {object} FlowOptions
 * @property {string} unit what the band widths count ("places", "people")
 * @property {[string, string, string]} columns what each column holds, plural ("jobs", "courses", "green jobs")
 * @property {string} caption the figure's caption
 */

/**
 * The flows of a portfolio's running courses: origin job → course → destination job, by places.
 * @param {{ courses: { course: { title: string }, flows: { origin: { id: string, label: string }, destination: { id: string, label: string }, places: number }[] }[] }} plan
 * @returns {FlowLink[]}
 */
export function portfolioFlows(plan) {
  return plan.courses.flatMap((course) => course.flows.map((f) => ({
    from: { key: f.origin.id, name: f.origin.label },
    via: { key: course.course.title, name: course.course.title },
    to: { key: f.destination.id, name: f.destination.label },
    value: f.places,
  })));
}

/** How the college page describes its flows. */
export const PORTFOLIO_FLOW = /** @type {FlowOptions} */ ({
  unit: 'places',
  columns: ['jobs', 'courses', 'green jobs'],
  caption: 'Left: the jobs learners come from. Middle: the courses. Right: the green jobs they go to. Band widths are places.',
});

/**
 * Draw three-column flows into `container` (empty when there are none).
 * @param {HTMLElement} container
 * @param {FlowLink[]} flows
 * @param {FlowOptions} [options]
 */
export function drawFlows(container, flows, options = PORTFOLIO_FLOW) {
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {{ name: string, column: number }[]} */
  const nodes = [];
  /** @param {string} key @param {string} name @param {number} column */
  const node = (key, name, column) => {
    const k = `${column}:${key}`;
    if (!index.has(k)) { index.set(k, nodes.length); nodes.push({ name, column }); }
    return /** @type {number} */ (index.get(k));
  };
  /** @type {Map<string, { source: number, target: number, value: number }>} */
  const links = new Map();
  /** @param {number} source @param {number} target @param {number} value */
  const link = (source, target, value) => {
    const key = `${source}>${target}`;
    const known = links.get(key);
    if (known) known.value += value;
    else links.set(key, { source, target, value });
  };
  for (const f of flows) {
    if (f.value <= 0) continue;
    const via = node(f.via.key, f.via.name, 1);
    link(node(f.from.key, f.from.name, 0), via, f.value);
    link(via, node(f.to.key, f.to.name, 2), f.value);
  }
  if (nodes.length === 0) {
    replaceChildren(container);
    return;
  }
  const height = Math.max(240, Math.min(1400, nodes.length * 26));
  const layout = /** @type {any} */ (sankey())
    .nodeAlign(sankeyLeft)
    .nodeWidth(12)
    .nodePadding(10)
    .extent([[1, 1], [WIDTH - 1, height - 1]]);
  /** @type {{ nodes: any[], links: any[] }} */
  const graph = layout({ nodes: nodes.map((n) => ({ ...n })), links: [...links.values()].map((l) => ({ ...l })) });
  const path = sankeyLinkHorizontal();
  const total = flows.reduce((sum, f) => sum + Math.max(0, f.value), 0);
  const count = (/** @type {number} */ column) => formatCount(nodes.filter((n) => n.column === column).length);
  const [left, middle, right] = options.columns;
  const label = `Flow of ${formatCount(total)} ${options.unit} from ${count(0)} ${left} through ${count(1)} ${middle} to ${count(2)} ${right}. The tables list the same figures.`;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'app-flow__svg', role: 'img', 'aria-label': label, focusable: 'false' },
    svg('g', { class: 'app-flow__links' }, ...graph.links.map((l) => svg('path', {
      d: path(l) ?? '', 'stroke-width': Math.max(1, l.width ?? 1),
      class: `app-flow__link app-flow__link--${/** @type {any} */ (l.source).column === 0 ? 'in' : 'out'}`,
    }, svg('title', {}, `${/** @type {any} */ (l.source).name} → ${/** @type {any} */ (l.target).name}: ${formatCount(l.value)} ${options.unit}`)))),
    svg('g', { class: 'app-flow__nodes' }, ...graph.nodes.map((n) => {
      const x0 = n.x0 ?? 0; const x1 = n.x1 ?? 0; const y0 = n.y0 ?? 0; const y1 = n.y1 ?? 0;
      const column = /** @type {any} */ (n).column;
      const right = column === 2;
      return svg('g', {},
        svg('rect', { x: x0, y: y0, width: x1 - x0, height: Math.max(1, y1 - y0), class: `app-flow__node app-flow__node--${column}` }),
        svg('text', { x: right ? x0 - 6 : x1 + 6, y: (y0 + y1) / 2, dy: '0.35em', 'text-anchor': right ? 'end' : 'start', class: 'app-flow__label' },
          `${clip(/** @type {any} */ (n).name, column === 1 ? 34 : 44)} (${formatCount(n.value ?? 0)})`),
        svg('title', {}, `${/** @type {any} */ (n).name}: ${formatCount(n.value ?? 0)} ${options.unit}`));
    })));
  replaceChildren(container, h('figure', { class: 'app-flow' },
    h('div', { class: 'app-flow__scroll', tabindex: 0, role: 'region', 'aria-label': 'Flow chart of the plan' }, chart),
    h('figcaption', { class: 'app-body-s' }, options.caption)));
}
