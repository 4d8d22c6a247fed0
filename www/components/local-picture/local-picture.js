// @ts-check
/**
 * @file The local picture of an area (shared by the college and council pages): choose an
 * area, then edit the estimated workers in carbon-intensive jobs and the estimated demand for
 * green jobs, or load your own figures (CSV: occupation, count). Every figure says it is an
 * estimate, with its method and sources.
 */

import { h, replaceChildren } from '../../app/dom.js';
import { formatCount, rowInWords } from '../../app/format.js';
import { EditableTable } from '../editable-table/editable-table.js';

/**
 * @typedef {import('../../app/planner-client.js').PlannerClient} PlannerClient
 * @typedef {import('../../pkg-area/greenpath.js').LocalPictureDto} LocalPictureDto
 * @typedef {import('../../pkg-area/greenpath.js').LocalAreaDto} LocalAreaDto
 * @typedef {{ occupation: string, count: number }} Group
 * @typedef {{ occupation: string, workers: number, deprivation: number | null }} WorkerGroup
 */

/** Share of an origin's workers a college might enrol in a year, before the college edits it. */
export const DEFAULT_LEARNER_SHARE = 0.05;

const CATEGORY_WORDS = /** @type {Record<string, string>} */ ({
  fossil_extraction: 'oil, gas and coal extraction',
  fossil_refining: 'refining',
  fossil_fuel_distribution: 'fuel distribution',
  fossil_power: 'fossil power',
  heavy_industry: 'heavy industry',
  fossil_heating: 'gas and oil heating',
  ice_vehicles: 'petrol and diesel vehicles',
  fossil_transport: 'fossil-fuelled transport',
  livestock: 'livestock',
});

export class LocalPicture {
  /**
   * @param {object} o
   * @param {PlannerClient} o.planner
   * @param {HTMLSelectElement} o.areaSelect
   * @param {HTMLElement} o.origins container for the origins table
   * @param {HTMLElement} o.destinations container for the destinations table
   * @param {HTMLElement} o.sources container for the method and sources
   * @param {() => void} o.onChange after any edit or a new area
   * @param {'college' | 'council'} [o.use] the college enrols learners from each job; the
   *   council plans for its workers, with how deprived their places are where it knows
   */
  constructor({ planner, areaSelect, origins, destinations, sources, onChange, use = 'college' }) {
    this.planner = planner;
    this.use = use;
    this.areaSelect = areaSelect;
    this.sources = sources;
    this.onChange = onChange;
    /** @type {LocalPictureDto | null} */
    this.picture = null;
    this.originTable = new EditableTable({
      container: origins,
      caption: 'Workers in carbon-intensive jobs (estimates; edit any figure)',
      rowHeading: 'Job',
      columns: [
        { key: 'include', label: 'Include', kind: 'check' },
        { key: 'workers', label: 'Workers', kind: 'number', min: 0, max: 1e7 },
        use === 'college'
          ? { key: 'learners', label: 'Learners you could enrol', kind: 'number', min: 0, max: 1e6, whole: true }
          : { key: 'deprivation', label: 'Deprivation, 0 to 1 (blank: not known)', kind: 'number', min: 0, max: 1, optional: true },
      ],
      onChange,
    });
    this.destinationTable = new EditableTable({
      container: destinations,
      caption: 'Demand for green jobs (estimated openings; edit any figure)',
      rowHeading: 'Green job',
      columns: [
        { key: 'include', label: 'Include', kind: 'check' },
        { key: 'openings', label: 'Openings', kind: 'number', min: 0, max: 1e7 },
      ],
      onChange,
    });
  }

  /** Fill the area list (grouped by region). */
  async loadAreas() {
    /** @type {LocalAreaDto[]} */
    const areas = await this.planner.call('localAreas');
    /** @type {Map<string, LocalAreaDto[]>} */
    const byRegion = new Map();
    for (const a of areas) {
      const region = a.region ?? 'Northern Ireland';
      byRegion.set(region, [...(byRegion.get(region) ?? []), a]);
    }
    replaceChildren(this.areaSelect, h('option', { value: '' }, 'Choose an area'),
      [...byRegion.entries()].map(([region, list]) => h('optgroup', { label: region },
        list.map((a) => h('option', { value: a.code }, `${a.name} (${a.code})`)))));
  }

  /**
   * Show the area's picture; `kept` restores the figures typed earlier for it.
   * @param {string} code
   * @param {{ origins?: any, destinations?: any }} [kept]
   */
  async show(code, kept = {}) {
    this.areaSelect.value = code;
    /** @type {LocalPictureDto} */
    const p = await this.planner.call('localPicture', code);
    this.picture = p;
    const workers = p.workers.filter((w) => w.workers > 0 || w.suppressed > 0);
    this.originTable.setRows(workers.map((w, i) => ({
      id: w.occupation.id,
      header: [w.occupation.label, h('span', { class: 'app-editable__note' },
        ` ${CATEGORY_WORDS[w.category] ?? w.category}${w.suppressed > 0 ? `; ${formatCount(w.suppressed)} survey ${w.suppressed === 1 ? 'cell' : 'cells'} too small to publish, so more` : ''}`)],
      values: {
        include: (this.use === 'council' || i < 12) && w.workers > 0,
        workers: w.workers,
        ...(this.use === 'college' ? { learners: Math.ceil(w.workers * DEFAULT_LEARNER_SHARE) } : { deprivation: null }),
      },
    })));
    this.destinationTable.setRows(p.demand.map((d) => ({
      id: d.occupation.id,
      header: [d.occupation.label, h('span', { class: 'app-editable__note' }, ` ${d.families.join('; ')}`)],
      values: { include: d.openings >= 1, openings: d.openings },
    })));
    if (kept.origins) this.originTable.restore(kept.origins);
    if (kept.destinations) this.destinationTable.restore(kept.destinations);
    replaceChildren(this.sources,
      h('p', { class: 'app-body-s' }, `${p.area.name}${p.area.region ? `, ${p.area.region}` : ''}: about ${formatCount(p.employment)} people in work in the survey.`),
      h('details', { class: 'app-details' },
        h('summary', { class: 'app-details__summary' }, 'How these estimates were made, and their sources'),
        h('div', { class: 'app-details__text' },
          h('h3', { class: 'app-heading-s' }, 'Workers'), h('p', { class: 'app-body-s' }, p.workersMethod),
          h('h3', { class: 'app-heading-s' }, 'Demand'), h('p', { class: 'app-body-s' }, p.demandMethod),
          h('div', { class: 'app-table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Published figures behind the demand' }, h('table', { class: 'app-table' },
            h('caption', { class: 'app-table__caption' }, 'Published figures behind the demand, and this area’s share'),
            h('thead', {}, h('tr', {}, ['Jobs', 'Figure', 'Year', 'Where', 'Area’s share', 'Source'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, p.families.map((f) => h('tr', {},
              h('th', { scope: 'row' }, f.name),
              h('td', {}, `${formatCount(f.jobs)}: ${f.measure}`),
              h('td', {}, String(f.year)),
              h('td', {}, f.geography),
              h('td', {}, `${(f.areaShare * 100).toFixed(f.areaShare < 0.01 ? 2 : 1)}%`),
              h('td', {}, h('a', { href: f.sourceUrl, rel: 'noopener noreferrer' }, f.sourceTitle))))))))));
    this.onChange();
  }

  /**
   * The included rows, checked. Problems name the row and column; each links to its input.
   * `origins`: learners (the college's); `groups`: workers with deprivation (the council's).
   * @returns {{ origins: Group[], workers: Group[], groups: WorkerGroup[], destinations: Group[], problems: { inputId: string, text: string }[] }}
   */
  read() {
    const o = this.originTable.read();
    const d = this.destinationTable.read();
    /** @type {Group[]} */
    const origins = [];
    /** @type {Group[]} */
    const workers = [];
    /** @type {WorkerGroup[]} */
    const groups = [];
    o.values.forEach((v, i) => {
      if (!v.include) return;
      const id = this.originTable.rows[i].id;
      if (this.use === 'college') origins.push({ occupation: id, count: Number(v.learners) });
      workers.push({ occupation: id, count: Number(v.workers) });
      groups.push({ occupation: id, workers: Number(v.workers), deprivation: typeof v.deprivation === 'number' ? v.deprivation : null });
    });
    /** @type {Group[]} */
    const destinations = [];
    d.values.forEach((v, i) => {
      if (v.include) destinations.push({ occupation: this.destinationTable.rows[i].id, count: Number(v.openings) });
    });
    return { origins, workers, groups, destinations, problems: [...o.problems, ...d.problems] };
  }

  /** What the person typed, to keep on the device. */
  snapshot() {
    return { origins: this.originTable.snapshot(), destinations: this.destinationTable.snapshot() };
  }

  /**
   * Apply rows of figures the planner read from the college's or council's own file
   * (`readFigures`: a job, as an ESCO id, URI or the job's name as the tables show it, and a
   * count) to the origins (`which` = 'origins': the college's learners, the council's workers)
   * or the destinations (openings). Returns one problem, in words, per row whose job is not in
   * the table.
   * @param {'origins' | 'destinations'} which
   * @param {import('../../pkg-area/greenpath.js').FigureRow[]} rows
   * @returns {string[]}
   */
  applyOwnFigures(which, rows) {
    const table = which === 'origins' ? this.originTable : this.destinationTable;
    const column = which === 'origins' && this.use === 'college' ? 2 : 1;
    /** @type {string[]} */
    const problems = [];
    for (const row of rows) {
      const name = row.occupation;
      const id = name.replace(/^https?:\/\/data\.europa\.eu\/esco\/occupation\//, '');
      const r = table.rows.findIndex((x, k) => x.id === id || table.rowName(k).toLowerCase().startsWith(name.toLowerCase() + ' ')
        || table.rowName(k).toLowerCase() === name.toLowerCase());
      if (r < 0) {
        problems.push(`${rowInWords(row)}: “${name.slice(0, 60)}” is not a job in this table.`);
        continue;
      }
      table.inputs[r][0].checked = true;
      table.inputs[r][column].value = String(row.count);
    }
    this.onChange();
    return problems;
  }
}
