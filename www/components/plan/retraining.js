// @ts-check
/**
 * @file The retraining plan section: opens for one destination (from a move's "Plan the
 * retraining for …" button or `&to=<id>` in the URL), reads and checks the worker's limits,
 * asks the planner for the plan (`Planner.plan`) and the alternative routes
 * (`Planner.pathways`), and offers print and copy-link. Nothing is sent anywhere: the link holds
 * the choices.
 */

import { byId, h, replaceChildren, setFieldError } from '../../app/dom.js';
import { formatCount, plural } from '../../app/format.js';
import {
  defaultLimits, limitsFromParams, limitsToParams, parseBudget, parseWeeks, pathwayOptions, planOptions,
  DELIVERY_VALUES,
} from './plan-options.js';
import { renderPathways, renderPlan } from './plan-view.js';
import { applyStoredList } from '../course-list/course-list-store.js';

/**
 * @typedef {object} RetrainingContext
 * @property {import('../current-job/current-job.js').OccupationDetail | null} origin the current job
 * @property {string[]} skills ESCO ids of skills added beyond the job
 * @property {string} green the green definition the moves use
 */


export class Retraining {
  /**
   * @param {object} o
   * @param {import('../../app/planner-client.js').PlannerClient} o.planner
   * @param {() => RetrainingContext} o.context
   * @param {() => void} o.onUrl called when the plan's part of the URL changes
   */
  constructor({ planner, context, onUrl }) {
    this.planner = planner;
    this.context = context;
    this.onUrl = onUrl;
    this.els = {
      page: byId('plan'),
      section: byId('retraining'),
      heading: byId('retraining-heading'),
      form: /** @type {HTMLFormElement} */ (byId('plan-form')),
      budget: /** @type {HTMLInputElement} */ (byId('plan-budget')),
      budgetGroup: byId('plan-budget-group'),
      budgetError: byId('plan-budget-error'),
      weeks: /** @type {HTMLInputElement} */ (byId('plan-weeks')),
      weeksGroup: byId('plan-weeks-group'),
      weeksError: byId('plan-weeks-error'),
      funded: /** @type {HTMLInputElement} */ (byId('plan-funded')),
      apprenticeships: /** @type {HTMLInputElement} */ (byId('plan-apprenticeships')),
      heldSummary: byId('plan-held-summary'),
      heldFilter: /** @type {HTMLInputElement} */ (byId('plan-held-filter')),
      heldCount: byId('plan-held-count'),
      heldList: byId('plan-held-list'),
      errors: byId('plan-errors'),
      errorList: byId('plan-errors-list'),
      status: byId('plan-status'),
      body: byId('plan-body'),
      routesStatus: byId('pathways-status'),
      routesBody: byId('pathways-body'),
      linkGroup: byId('plan-link-group'),
      link: /** @type {HTMLInputElement} */ (byId('plan-link')),
      copyStatus: byId('plan-copy-status'),
      ownList: byId('plan-own-list'),
    };
    /** The limits of the plan on the page (changed only by valid input). */
    this.limits = defaultLimits();
    /** The destination whose plan is open, or null. */
    /** @type {string | null} */
    this.to = null;
    /** A destination from the URL, opened once the moves are shown. */
    /** @type {string | null} */
    this.pendingTo = null;
    /** @type {import('./plan-view.js').Course[] | null} */
    this.catalogue = null;
    /** A college's list kept on this device (the college page), loaded before the first plan. */
    this.ownList = applyStoredList(planner).then((list) => {
      this.els.ownList.hidden = !list;
      if (list) {
        this.els.ownList.textContent = `Plans on this device include the courses of your own list “${list.name}” (${plural(list.count, 'course')}${list.mode === 'replace' ? ', used on its own' : ''}). `;
        this.els.ownList.append(h('a', { href: './college.html' }, 'Change or forget it on the college page'), '.');
      }
      return list;
    });
    this.planSeq = 0;
    this.routesSeq = 0;
    this.version = 0;

    this.els.form.addEventListener('change', (e) => {
      if (e.target === this.els.heldFilter) return;
      this.update({ focusErrors: false });
    });
    this.els.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.update({ focusErrors: true });
    });
    this.els.heldFilter.addEventListener('input', () => this.filterHeld());
    this.els.heldFilter.addEventListener('keydown', (e) => { if (e.key === 'Enter') e.preventDefault(); });
    byId('plan-print').addEventListener('click', () => window.print());
    byId('plan-copy').addEventListener('click', () => { this.copyLink(); });
    byId('plan-close').addEventListener('click', () => this.close({ restoreFocus: true }));
  }

  /**
   * Take the destination and the limits from the link the page was opened with.
   * @param {URLSearchParams} params
   */
  restore(params) {
    const { to, limits } = limitsFromParams(params);
    this.limits = limits;
    this.pendingTo = to;
    this.writeForm();
  }

  /** Put the plan's state into URL search parameters (main.js writes the URL). */
  /** @param {URLSearchParams} params */
  writeParams(params) {
    limitsToParams(params, this.to ?? this.pendingTo, this.limits);
  }

  /** Open the plan restored from the URL, if any (after the moves are shown). */
  async openPending() {
    const to = this.pendingTo;
    if (!to) return;
    this.pendingTo = null;
    await this.open(to, { focus: false });
  }

  /**
   * Open the plan for a destination.
   * @param {string} id
   * @param {{ focus: boolean, label?: string }} how focus moves focus to the plan heading
   */
  async open(id, { focus, label }) {
    this.to = id;
    this.pendingTo = null;
    this.els.section.hidden = false;
    this.els.page.classList.add('app-plan--retraining');
    const origin = this.context().origin;
    if (label && origin) this.setHeading(origin.label, label);
    this.els.linkGroup.hidden = true;
    this.els.copyStatus.textContent = '';
    if (focus) {
      this.els.heading.focus();
      this.els.heading.scrollIntoView({ block: 'start' });
    }
    await this.update({ focusErrors: false });
    if (!focus && this.to === id) this.els.heading.scrollIntoView({ block: 'start' });
  }

  /**
   * Close the plan (a new job was picked, or the worker closed it).
   * @param {{ restoreFocus: boolean }} how restoreFocus moves focus back to the move's button
   */
  close({ restoreFocus }) {
    const was = this.to;
    this.to = null;
    this.pendingTo = null;
    this.planSeq += 1;
    this.routesSeq += 1;
    this.els.section.hidden = true;
    this.els.page.classList.remove('app-plan--retraining');
    this.els.section.removeAttribute('aria-busy');
    this.clearErrors();
    this.onUrl();
    if (restoreFocus) {
      const button = was && /** @type {HTMLElement | null} */ (document.querySelector(`button[data-action="plan"][data-id="${CSS.escape(was)}"]`));
      /** @type {HTMLElement} */ (button ?? document.getElementById('main-content')).focus();
    }
  }

  /** Re-plan with the current skills and definition (they changed), if a plan is open. */
  refresh() {
    if (this.to) this.update({ focusErrors: false });
  }

  /**
   * @param {string} origin
   * @param {string} destination
   */
  setHeading(origin, destination) {
    this.els.heading.textContent = `Your retraining plan: ${origin} → ${destination}`;
  }

  /** Put `this.limits` into the form. */
  writeForm() {
    const l = this.limits;
    this.els.budget.value = l.budgetText;
    this.els.weeks.value = l.maxWeeksText;
    this.els.funded.checked = l.fundedOnly;
    this.els.apprenticeships.checked = l.apprenticeships;
    for (const box of this.els.form.querySelectorAll('input[name="delivery"]')) {
      const input = /** @type {HTMLInputElement} */ (box);
      input.checked = l.delivery.includes(/** @type {any} */ (input.value));
    }
    for (const radio of this.els.form.querySelectorAll('input[name="mvt"]')) {
      const input = /** @type {HTMLInputElement} */ (radio);
      input.checked = Number(input.value) === l.moneyVsTime;
    }
    for (const box of this.els.heldList.querySelectorAll('input[type="checkbox"]')) {
      const input = /** @type {HTMLInputElement} */ (box);
      input.checked = l.held.includes(input.value);
    }
    this.updateHeldSummary();
  }

  /**
   * Read and check the form; on success update `this.limits`.
   * @returns {{ text: string, href: string }[]} errors (empty when valid)
   */
  readForm() {
    const budget = parseBudget(this.els.budget.value);
    const weeks = parseWeeks(this.els.weeks.value);
    setFieldError(this.els.budgetGroup, this.els.budget, this.els.budgetError, budget.ok ? '' : budget.error);
    setFieldError(this.els.weeksGroup, this.els.weeks, this.els.weeksError, weeks.ok ? '' : weeks.error);
    /** @type {{ text: string, href: string }[]} */
    const errors = [];
    if (!budget.ok) errors.push({ text: budget.error, href: '#plan-budget' });
    if (!weeks.ok) errors.push({ text: weeks.error, href: '#plan-weeks' });
    if (!budget.ok || !weeks.ok) return errors;
    const checked = (/** @type {string} */ name) => [...this.els.form.querySelectorAll(`input[name="${name}"]:checked`)]
      .map((x) => /** @type {HTMLInputElement} */ (x).value);
    const mvt = Number(checked('mvt')[0] ?? 0.5);
    this.limits = {
      budget: budget.value,
      budgetText: this.els.budget.value.trim(),
      maxWeeks: weeks.value,
      maxWeeksText: this.els.weeks.value.trim(),
      fundedOnly: this.els.funded.checked,
      delivery: /** @type {any} */ (DELIVERY_VALUES.filter((d) => checked('delivery').includes(d))),
      apprenticeships: this.els.apprenticeships.checked,
      moneyVsTime: Number.isFinite(mvt) ? mvt : 0.5,
      held: this.catalogue ? checked('held') : this.limits.held,
    };
    return [];
  }

  /**
   * @param {{ text: string, href?: string }[]} errors
   * @param {boolean} focus
   */
  showErrors(errors, focus) {
    replaceChildren(this.els.errorList, errors.map((e) =>
      h('li', {}, e.href ? h('a', { href: e.href }, e.text) : e.text)));
    this.els.errors.hidden = false;
    if (focus) this.els.errors.focus();
  }

  clearErrors() {
    this.els.errors.hidden = true;
    this.els.errorList.replaceChildren();
  }

  /** Load the course catalogue once, and list it for "certificates you already hold". */
  async loadCatalogue() {
    if (this.catalogue) return this.catalogue;
    const courses = /** @type {import('./plan-view.js').Course[]} */ (await this.planner.call('courses'));
    this.catalogue = [...courses].sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || a.id.localeCompare(b.id));
    const known = new Set(courses.map((c) => c.id));
    const dropped = this.limits.held.filter((id) => !known.has(id));
    this.limits.held = this.limits.held.filter((id) => known.has(id));
    if (dropped.length > 0) this.onUrl();
    replaceChildren(this.els.heldList, this.catalogue.length === 0
      ? h('p', { class: 'app-body' }, 'There are no courses in this version of the data.')
      : this.catalogue.map((c, i) => h('div', { class: 'app-checkboxes__item', 'data-text': `${c.title} ${c.provider}`.toLowerCase() },
        h('input', { id: `plan-held-${i}`, name: 'held', type: 'checkbox', value: c.id, class: 'app-checkboxes__input', 'aria-describedby': `plan-held-${i}-hint` }),
        h('label', { for: `plan-held-${i}`, class: 'app-checkboxes__label' }, c.title),
        h('p', { id: `plan-held-${i}-hint`, class: 'app-hint app-checkboxes__hint' },
          [c.provider, typeof c.level === 'number' ? `level ${c.level}` : ''].filter(Boolean).join(', ')))));
    this.els.heldFilter.disabled = this.catalogue.length === 0;
    this.writeForm();
    this.filterHeld();
    return this.catalogue;
  }

  /** Show only the courses whose title or provider contains the filter text (ticked ones stay). */
  filterHeld() {
    const q = this.els.heldFilter.value.trim().toLowerCase();
    const items = /** @type {HTMLElement[]} */ ([...this.els.heldList.querySelectorAll('.app-checkboxes__item')]);
    let shown = 0;
    for (const item of items) {
      const box = /** @type {HTMLInputElement} */ (item.querySelector('input'));
      const show = !q || box.checked || (item.dataset.text ?? '').includes(q);
      item.hidden = !show;
      if (show) shown += 1;
    }
    this.els.heldCount.textContent = items.length === 0 ? ''
      : q ? `Showing ${formatCount(shown)} of ${plural(items.length, 'course')}.` : `${plural(items.length, 'course')}.`;
  }

  updateHeldSummary() {
    const n = this.limits.held.length;
    this.els.heldSummary.textContent = n === 0
      ? 'Certificates you already hold'
      : `Certificates you already hold (${formatCount(n)} ticked)`;
  }

  /**
   * Check the limits, then work out the plan and the routes.
   * @param {{ focusErrors: boolean }} how
   */
  async update({ focusErrors }) {
    const to = this.to;
    const ctx = this.context();
    if (!to || !ctx.origin) return;
    const origin = ctx.origin;
    const errors = this.readForm();
    if (errors.length > 0) {
      this.showErrors(errors, focusErrors);
      return;
    }
    this.clearErrors();
    this.updateHeldSummary();
    this.onUrl();
    const seq = ++this.planSeq;
    const routesSeq = ++this.routesSeq;
    this.els.section.setAttribute('aria-busy', 'true');
    this.els.routesStatus.textContent = 'Working out routes…';
    this.els.routesStatus.dataset.state = 'loading';
    this.els.routesBody.classList.add('app-pathways__body--stale');
    let catalogueSize = 0;
    try {
      await this.ownList;
      catalogueSize = (await this.loadCatalogue()).length;
    } catch (error) {
      if (seq !== this.planSeq) return;
      this.showErrors([{ text: `The course list could not be loaded. (${error instanceof Error ? error.message : String(error)})` }], false);
      return;
    }
    if (seq !== this.planSeq) return;
    const limits = this.limits;
    const options = planOptions(limits, ctx.skills);
    const routes = this.planner.call('pathways', origin.id, pathwayOptions(limits, ctx.skills, ctx.green));
    routes.catch(() => {}); // handled below
    try {
      const plan = /** @type {import('./plan-view.js').Plan} */ (await this.planner.call('plan', origin.id, to, options));
      if (seq !== this.planSeq) return;
      this.setHeading(plan.origin.label, plan.destination.label);
      renderPlan(this.els.body, plan, { limits, catalogueSize });
      this.els.status.textContent = `Plan for ${plan.destination.label}: ${plural(plan.steps.length, 'course')}` +
        (plan.leftToLearn.length > 0 ? `, ${plural(plan.leftToLearn.length, 'skill')} to learn on the job.` : '.');
      document.title = `Retraining plan: ${plan.origin.label} to ${plan.destination.label} – greenpath`;
      document.documentElement.dataset.planResults = `${to} ${++this.version}`;
    } catch (error) {
      if (seq !== this.planSeq) return;
      const message = error instanceof Error ? error.message : String(error);
      this.els.body.replaceChildren();
      this.showErrors([{
        text: /** @type {{ field?: string }} */ (error).field === 'destination'
          ? `The job to plan for could not be found, so choose a move below instead. (${message})`
          : `The plan could not be worked out. (${message})`,
      }], false);
      document.documentElement.dataset.planResults = `${to} ${++this.version} error`;
    } finally {
      if (seq === this.planSeq) this.els.section.removeAttribute('aria-busy');
    }
    try {
      const list = /** @type {import('./plan-view.js').Pathway[]} */ (await routes);
      if (routesSeq !== this.routesSeq) return;
      renderPathways(this.els.routesBody, list, origin.label);
      this.els.routesStatus.textContent = list.length === 0 ? 'No routes found.' : `${plural(list.length, 'route')} found.`;
      this.els.routesStatus.dataset.state = 'ready';
    } catch (error) {
      if (routesSeq !== this.routesSeq) return;
      this.els.routesBody.replaceChildren();
      this.els.routesStatus.textContent = `Routes could not be worked out. (${error instanceof Error ? error.message : String(error)})`;
      this.els.routesStatus.dataset.state = 'error';
    } finally {
      if (routesSeq === this.routesSeq) {
        this.els.routesBody.classList.remove('app-pathways__body--stale');
        document.documentElement.dataset.pathwaysResults = `${to} ${this.version}`;
      }
    }
  }

  /** Copy the page's address (which holds the plan) to the clipboard, or show it to copy. */
  async copyLink() {
    const url = window.location.href;
    const say = (/** @type {string} */ text) => {
      this.els.copyStatus.textContent = this.els.copyStatus.textContent === text ? `${text}\u00a0` : text;
    };
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      this.els.linkGroup.hidden = true;
      say('Link copied');
    } catch {
      this.els.link.value = url;
      this.els.linkGroup.hidden = false;
      this.els.link.focus();
      this.els.link.select();
      say('The link is selected below: copy it with your usual copy command.');
    }
  }
}
