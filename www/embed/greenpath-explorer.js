// @ts-check
/**
 * @file `<greenpath-explorer>`: the worker's question ("what green jobs could my job lead to,
 * and how do I get there?") for a council's or college's own web page, loaded by one module
 * script from the built site. Everything is inside Shadow DOM, so the host page's CSS does not
 * reach it and its CSS does not reach the host; the host sets colours and fonts through CSS
 * custom properties (`--greenpath-font`, `--greenpath-text`, `--greenpath-background`,
 * `--greenpath-accent`, `--greenpath-focus`, `--greenpath-border`). It sizes to its container
 * (down to 320 px) and announces results in a live region.
 *
 * Attributes (all optional):
 * - `job`: the job to start from (an ESCO id, or a name to search for);
 * - `pay-floor`: pay a move must at least reach, GBP a year;
 * - `green`: which definition of green (`curated`, `consensus`, `any`, `escoGreenSkills`,
 *   `onetGreenEconomy`, `onsGreenTasks`);
 * - `area`: a NUTS3 code: estimated openings there for each green job, and only courses people
 *   there can take;
 * - `course-list`: the URL of a course list (CSV, the college page's columns) on the host's own
 *   site, added to the catalogue for plans.
 *
 * The planner runs in a Web Worker from the same site, so the built site must be served from
 * the host page's own origin (for example under /greenpath/); see embed.html. Events:
 * `greenpath-ready` once the data are loaded, `greenpath-answer` each time moves are shown.
 */

import { PlannerClient } from '../app/planner-client.js';
import { h, replaceChildren } from '../app/dom.js';
import { formatCount, formatGbp, formatPounds, formatPayChange } from '../app/format.js';

const SITE = new URL('../', import.meta.url);
const GREEN_BASES = ['curated', 'consensus', 'any', 'escoGreenSkills', 'onetGreenEconomy', 'onsGreenTasks'];
const MOVES = 6;

let instances = 0;

/**
 * @typedef {import('../pkg/greenpath.js').TransitionDto} TransitionDto
 * @typedef {import('../pkg/greenpath.js').OccupationMatch} OccupationMatch
 */

export class GreenpathExplorer extends HTMLElement {
  static observedAttributes = ['job', 'pay-floor', 'green', 'area', 'course-list'];

  constructor() {
    super();
    this.idPrefix = `gp${++instances}`;
    /** @type {PlannerClient | null} */
    this.planner = null;
    /** @type {Map<string, number>} estimated openings in the area, by occupation id */
    this.openings = new Map();
    this.areaName = '';
    this.seq = 0;
    this.started = false;
  }

  connectedCallback() {
    if (!this.shadowRoot) this.build();
    if (!this.started) {
      this.started = true;
      this.start();
    }
  }

  disconnectedCallback() {
    this.planner?.terminate();
    this.planner = null;
    this.started = false;
  }

  /** @param {string} name @param {string | null} old @param {string | null} value */
  attributeChangedCallback(name, old, value) {
    if (!this.started || old === value) return;
    // A new area or course list needs a new planner; the rest only new answers.
    if (name === 'area' || name === 'course-list') {
      this.planner?.terminate();
      this.planner = null;
      this.start();
    } else if (name === 'job') {
      if (value?.trim()) this.search(value, true);
    } else if (this.job) {
      this.showMoves(this.job);
    }
  }

  /** The shadow tree: search, status, matches, moves, and the links out. */
  build() {
    const root = this.attachShadow({ mode: 'open' });
    const id = (/** @type {string} */ s) => `${this.idPrefix}-${s}`;
    this.input = /** @type {HTMLInputElement} */ (h('input', { id: id('q'), class: 'gp-input', type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': id('hint') }));
    this.statusLine = h('p', { class: 'gp-status', role: 'status', 'aria-live': 'polite' }, 'Loading the occupation data…');
    this.matchList = h('ul', { class: 'gp-matches', 'aria-label': 'Jobs matching your search' });
    this.moves = h('div', { class: 'gp-moves' });
    this.full = /** @type {HTMLAnchorElement} */ (h('a', { class: 'gp-link', href: new URL('index.html', SITE).href, target: '_top' }, 'Open the full planner'));
    const form = h('form', { class: 'gp-search', role: 'search' },
      h('label', { class: 'gp-label', for: id('q') }, 'Your job now'),
      h('p', { class: 'gp-hint', id: id('hint') }, 'Any name you use for it, for example “gas engineer” or “steelworker”.'),
      h('div', { class: 'gp-row' }, this.input, h('button', { class: 'gp-button', type: 'submit' }, 'Find')));
    form.addEventListener('submit', (event) => { event.preventDefault(); this.search(this.input?.value ?? ''); });
    replaceChildren(root,
      h('link', { rel: 'stylesheet', href: new URL('greenpath-explorer.css', import.meta.url).href }),
      h('section', { class: 'gp', 'aria-label': 'Green jobs explorer' },
        h('h2', { class: 'gp-title' }, 'Green jobs your skills can lead to'),
        form, this.statusLine, this.matchList, this.moves,
        h('p', { class: 'gp-foot' }, this.full, ' · ',
          h('a', { class: 'gp-link', href: new URL('privacy.html', SITE).href, target: '_top' }, 'Privacy'),
          ' · Runs in your browser: nothing you type is sent anywhere.')));
  }

  /** @param {string} text */
  say(text) {
    if (this.statusLine) this.statusLine.textContent = text;
  }

  /** Start (or restart) the planner, then load the course list and area, then the start job. */
  async start() {
    const area = this.getAttribute('area')?.trim() ?? '';
    const worker = new URL(`../app/planner-worker.js${area ? '?wasm=area' : ''}`, import.meta.url);
    const planner = new PlannerClient(worker);
    this.planner = planner;
    this.say('Loading the occupation data…');
    try {
      await planner.ready;
      const list = this.getAttribute('course-list')?.trim();
      if (list) {
        const response = await fetch(new URL(list, document.baseURI));
        if (!response.ok) throw new Error(`course-list: ${response.status} ${response.statusText} for ${list}`);
        await planner.call('loadCourses', await response.text(), 'csv', 'add');
      }
      this.openings = new Map();
      this.areaName = '';
      if (area) {
        const picture = await planner.call('localPicture', area);
        this.areaName = picture.area.name;
        for (const d of picture.demand) this.openings.set(d.occupation.id, d.openings);
      }
      this.say('Ready. Type the job you do now.');
      this.dispatchEvent(new CustomEvent('greenpath-ready'));
      const job = this.getAttribute('job')?.trim();
      if (job) await this.search(job, true);
    } catch (error) {
      if (/** @type {any} */ (error)?.kind === 'cancelled') return;
      this.say(`greenpath could not start: ${/** @type {Error} */ (error).message}`);
    }
  }

  /**
   * Search for a job; the best match is chosen when `pick` (the `job` attribute) or when it is
   * the only one.
   * @param {string} query
   * @param {boolean} [pick]
   */
  async search(query, pick = false) {
    const planner = this.planner;
    if (!planner || !this.matchList) return;
    const text = query.trim();
    if (!text) { this.say('Type the job you do now.'); return; }
    const seq = ++this.seq;
    // The box works from the start: a search typed before the data arrive runs when they do.
    this.say(`Looking for “${text.slice(0, 60)}”…`);
    /** @type {OccupationMatch[]} */
    let found;
    try {
      await planner.ready;
      if (seq !== this.seq) return;
      found = /^[0-9a-f-]{36}$/.test(text)
        ? [await planner.call('occupation', text)].map((o) => ({ ...o, id: text, matchedLabel: o.label }))
        : await planner.call('searchOccupations', text, 6);
    } catch (error) {
      if (seq === this.seq) this.say(`The search did not work: ${/** @type {Error} */ (error).message}`);
      return;
    }
    if (seq !== this.seq) return;
    if (found.length === 0) {
      replaceChildren(this.matchList);
      this.say(`No job matches “${text.slice(0, 60)}”. Try another name for it.`);
      return;
    }
    if (pick || found.length === 1) {
      replaceChildren(this.matchList);
      await this.showMoves({ id: found[0].id, label: found[0].label });
      return;
    }
    replaceChildren(this.matchList, found.map((m) => {
      const button = h('button', { type: 'button', class: 'gp-choice' }, m.label,
        m.matchedLabel !== m.label ? h('span', { class: 'gp-note' }, ` (${m.matchedLabel})`) : '');
      button.addEventListener('click', () => { replaceChildren(this.matchList ?? h('ul')); this.showMoves({ id: m.id, label: m.label }); });
      return h('li', {}, button);
    }));
    this.say(`${formatCount(found.length)} jobs match “${text.slice(0, 60)}”: choose yours.`);
    /** @type {HTMLElement | null} */ (this.matchList.querySelector('button'))?.focus();
  }

  /** The transition options the attributes set. */
  options() {
    const green = this.getAttribute('green');
    const floor = Number(this.getAttribute('pay-floor'));
    return {
      onlyGreen: true,
      count: MOVES,
      // Counts of skills, not their names: the list answers before the skills' names arrive.
      brief: true,
      ...(green && GREEN_BASES.includes(green) ? { green } : {}),
      ...(this.hasAttribute('pay-floor') && Number.isFinite(floor) && floor >= 0 ? { payFloor: floor } : {}),
    };
  }

  /** @param {{ id: string, label: string }} job */
  async showMoves(job) {
    const planner = this.planner;
    if (!planner || !this.moves) return;
    this.job = job;
    const seq = ++this.seq;
    this.say(`Finding green moves for ${job.label}…`);
    this.moves.setAttribute('aria-busy', 'true');
    try {
      /** @type {TransitionDto[]} */
      const moves = await planner.call('transitions', job.id, this.options());
      if (seq !== this.seq) return;
      const params = new URLSearchParams({ job: job.id });
      const green = this.getAttribute('green');
      if (green && GREEN_BASES.includes(green)) params.set('green', green);
      if (this.full) this.full.href = new URL(`index.html?${params}`, SITE).href;
      replaceChildren(this.moves,
        h('h3', { class: 'gp-subtitle' }, `Green moves from ${job.label}`),
        moves.length === 0
          ? h('p', { class: 'gp-body' }, 'No green move passes these settings. The full planner shows closer jobs and routes through stepping-stone jobs.')
          : h('ol', { class: 'gp-list' }, moves.map((m) => this.move(job, m))));
      this.say(`${formatCount(moves.length)} green ${moves.length === 1 ? 'move' : 'moves'} for ${job.label}.`);
      this.dispatchEvent(new CustomEvent('greenpath-answer'));
    } catch (error) {
      this.say(`The moves could not be found: ${/** @type {Error} */ (error).message}`);
    } finally {
      this.moves.removeAttribute('aria-busy');
    }
  }

  /**
   * One move: the job, why it counts as green, how close it is, pay, local openings and a
   * button for the retraining plan.
   * @param {{ id: string, label: string }} job
   * @param {TransitionDto} m
   */
  move(job, m) {
    const plan = h('div', { class: 'gp-plan' });
    const button = h('button', { type: 'button', class: 'gp-button gp-button--secondary', 'aria-expanded': 'false' }, `Plan the retraining to ${m.label}`);
    button.addEventListener('click', () => this.showPlan(job, m, plan, button));
    const openings = this.openings.get(m.id);
    return h('li', { class: 'gp-move' },
      h('h4', { class: 'gp-move__title' }, m.label),
      h('ul', { class: 'gp-facts' },
        m.recognised
          ? h('li', {}, `A recognised route (${m.recognised.recognisedBy})`)
          : h('li', {}, `${formatCount(m.skillCounts.missing)} essential ${m.skillCounts.missing === 1 ? 'skill' : 'skills'} to learn; ${formatCount(m.skillCounts.matched)} you have`),
        m.payChange !== undefined && m.annualEarnings !== undefined
          ? h('li', {}, `Pay about ${formatPounds(m.annualEarnings)} a year (${formatPayChange(m.annualEarnings * m.payChange / (1 + m.payChange), m.payChange)} against now)${m.estimatedFrom ? ', an estimate' : ''}`)
          : null,
        m.green.curated ? h('li', {}, `Green: ${m.green.curated.name}`) : null,
        openings !== undefined && openings >= 1
          ? h('li', {}, `About ${formatCount(Math.round(openings))} openings in ${this.areaName} (an estimate)`)
          : null),
      button, plan);
  }

  /**
   * @param {{ id: string, label: string }} job
   * @param {TransitionDto} m
   * @param {HTMLElement} into
   * @param {HTMLElement} button
   */
  async showPlan(job, m, into, button) {
    const planner = this.planner;
    if (!planner) return;
    if (button.getAttribute('aria-expanded') === 'true') {
      replaceChildren(into);
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    replaceChildren(into, h('p', { class: 'gp-body' }, 'Planning…'));
    try {
      const p = await planner.call('plan', job.id, m.id, {});
      const area = this.getAttribute('area')?.trim();
      const steps = p.steps;
      replaceChildren(into,
        steps.length === 0
          ? h('p', { class: 'gp-body' }, 'No course is needed: your skills already cover the move, or no course in the catalogue teaches what is missing.')
          : h('ol', { class: 'gp-steps' }, steps.map((/** @type {any} */ s) => h('li', {},
            h('a', { class: 'gp-link', href: s.course.source, rel: 'noopener noreferrer', target: '_blank' }, s.course.title),
            h('span', { class: 'gp-note' }, ` ${s.course.provider}${s.course.weeks ? `; about ${Math.round(s.course.weeks)} weeks` : ''}; ${s.costUnknown ? 'price not published' : `you pay ${formatGbp(s.outOfPocket)}`}`
              + `${s.course.availableIn ? `; only for people in ${s.course.availableIn}` : ''}`)))),
        h('p', { class: 'gp-body' }, `In all about ${Math.round(p.weeks)} weeks and ${formatGbp(p.outOfPocket)} to you.`,
          area ? '' : ' Some courses are only for people in some areas: each says so.'));
      this.say(`Plan for ${m.label}: ${formatCount(steps.length)} ${steps.length === 1 ? 'course' : 'courses'}.`);
    } catch (error) {
      replaceChildren(into, h('p', { class: 'gp-body' }, `The plan could not be made: ${/** @type {Error} */ (error).message}`));
    }
  }
}

if (!customElements.get('greenpath-explorer')) customElements.define('greenpath-explorer', GreenpathExplorer);
