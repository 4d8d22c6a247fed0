// @ts-check
/**
 * @file Page entry point: wires the planner worker, the job and skill comboboxes, the move
 * filters, the moves (green first, then other close jobs), the chart and the URL.
 *
 * The page is usable from first paint: the input accepts typing while the data loads, and any
 * query typed meanwhile is answered as soon as the planner is ready. A chosen job, the filters
 * and the skills added are kept in the URL (`?job=<id>&skills=<id>,<id>&green=…`), so a plan can
 * be bookmarked or shared; nothing is sent anywhere.
 */

import { PlannerClient } from './planner-client.js';
import { Combobox } from '../components/combobox/combobox.js';
import { renderCurrentJob } from '../components/current-job/current-job.js';
import { renderMoves, greenName, greenValue, GREEN_KEYS } from '../components/moves/moves.js';
import { renderChart } from '../components/chart/chart.js';
import { defaultFilters, fromParams, parsePayFloor, toParams, transitionOptions } from '../components/move-controls/filters.js';
import { formatCount, plural } from './format.js';
import { h, replaceChildren, setFieldError } from './dom.js';
import { Retraining } from '../components/plan/retraining.js';
import { setDescriber } from '../components/job-description/job-description.js';

/** How many suggestions the combobox shows. */
const SUGGESTIONS = 10;
/** How many moves each list shows. */
const MOVES = 20;
/**
 * How many of all moves to fetch to find the best non-green ones: under "any definition" most
 * close jobs count as green, so the first 20 non-green moves lie deeper in the ranking.
 */
const OTHER_POOL = 400;

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing element #${id}`);
  return /** @type {T} */ (el);
}

const els = {
  form: /** @type {HTMLFormElement} */ (byId('job-form')),
  group: byId('job-group'),
  input: /** @type {HTMLInputElement} */ (byId('job')),
  listbox: byId('job-listbox'),
  message: byId('job-message'),
  status: byId('job-status'),
  announcer: byId('job-announcer'),
  errorSummary: byId('error-summary'),
  errorList: byId('error-summary-list'),
  plan: byId('plan'),
  current: byId('current-job'),
  attribution: byId('attribution'),
  version: byId('dataset-version'),
  greenMoves: byId('green-moves'),
  otherMoves: byId('other-moves'),
  chartBody: byId('moves-chart-body'),
  chartSection: byId('moves-chart'),
  movesStatus: byId('moves-status'),
  filtersForm: /** @type {HTMLFormElement} */ (byId('filters-form')),
  greenOptions: byId('green-options'),
  onlyGreen: /** @type {HTMLInputElement} */ (byId('only-green')),
  viability: /** @type {HTMLSelectElement} */ (byId('min-viability')),
  payFloor: /** @type {HTMLInputElement} */ (byId('pay-floor')),
  payFloorGroup: byId('pay-floor-group'),
  payFloorError: byId('pay-floor-error'),
  payRatio: /** @type {HTMLSelectElement} */ (byId('pay-ratio')),
  skillsForm: /** @type {HTMLFormElement} */ (byId('skills-form')),
  skillInput: /** @type {HTMLInputElement} */ (byId('skill')),
  skillListbox: byId('skill-listbox'),
  skillMessage: byId('skill-message'),
  skillAnnouncer: byId('skill-announcer'),
  chips: byId('skill-chips'),
  controls: /** @type {HTMLDetailsElement} */ (byId('moves-controls-details')),
  chipsHeading: byId('skill-chips-heading'),
};

/**
 * Show the error summary (GOV.UK pattern: `role="alert"`, each error linking to its field). A
 * field inside the folded "Tailor the moves" controls is unfolded so its link works.
 * @param {{ text: string, href?: string }[]} errors
 */
function showErrors(errors) {
  if (errors.some((e) => e.href && els.controls.querySelector(e.href))) els.controls.open = true;
  replaceChildren(els.errorList, errors.map((e) =>
    h('li', {}, e.href ? h('a', { href: e.href }, e.text) : e.text)));
  els.errorSummary.hidden = false;
}

function clearErrors() {
  els.errorSummary.hidden = true;
  els.errorList.replaceChildren();
}

/** @param {string} text */
function setStatus(text, state = 'loading') {
  els.status.textContent = text;
  els.status.dataset.state = state;
}

/** @param {string} text */
function announce(text) {
  els.announcer.textContent = text && els.announcer.textContent === text ? `${text}\u00a0` : text;
}

const planner = new PlannerClient();
setDescriber((id) => planner.call('description', id));
let ready = false;
/** The planner's calibrated viable threshold, for the chart's line. */
let viableThreshold = /** @type {number | undefined} */ (undefined);
/** @type {Error | null} */
let loadError = null;

setStatus('Loading the occupation data…', 'loading');
els.group.classList.add('app-form-group--loading');

planner.ready.then(
  (info) => {
    ready = true;
    els.group.classList.remove('app-form-group--loading');
    setStatus(`Ready: ${formatCount(info.occupations)} occupations`, 'ready');
    viableThreshold = info.viableThreshold;
    if (info.attribution) els.attribution.textContent = info.attribution;
    if (info.escoVersion) {
      els.version.textContent = `This service uses the ESCO classification of the European Commission (ESCO version ${info.escoVersion}): ${formatCount(info.occupations)} occupations and ${formatCount(info.skills)} skills.`;
    }
    performance.mark('greenpath:ready', { detail: info.timings ?? null }); // read by benches/browser.mjs
    document.documentElement.dataset.plannerState = 'ready';
  },
  (error) => {
    loadError = error;
    els.group.classList.remove('app-form-group--loading');
    setStatus('The occupation data could not be loaded.', 'error');
    els.message.hidden = true;
    showErrors([{ text: `The occupation data could not be loaded, so jobs cannot be searched. Reload the page to try again. (${error.message})` }]);
    document.documentElement.dataset.plannerState = 'failed';
  },
);

const combobox = new Combobox({
  input: els.input,
  listbox: els.listbox,
  message: els.message,
  announcer: els.announcer,
  isReady: () => ready,
  search: (query) => planner.call('searchOccupations', query, SUGGESTIONS),
  onPick: (s) => { showPlan(s.id, false); },
  onError: (error) => {
    if (loadError) return; // already explained in the error summary
    showErrors([{ text: `Jobs could not be searched: ${error.message}`, href: '#job' }]);
  },
});

els.form.addEventListener('submit', (e) => {
  e.preventDefault();
  combobox.submit();
});

/** Increases with every plan request, so that a slow, superseded answer is ignored. */
let planSeq = 0;
/** Increases with every moves request (a new job, a filter or a skill changed). */
let movesSeq = 0;

/** What the page shows: the chosen job, the filters and the skills the worker added. */
const state = {
  /** @type {import('../components/current-job/current-job.js').OccupationDetail | null} */
  job: null,
  filters: defaultFilters(),
  /** @type {import('../components/current-job/current-job.js').SkillRef[]} */
  skills: [],
  /** @type {import('../components/moves/moves.js').Classification[] | null} */
  classifications: null,
};

/** Filters and skills from the link the page was opened with. */
const initial = fromParams(new URLSearchParams(window.location.search));
state.filters = initial.filters;
// A link that changes the filters or adds skills shows the controls, so the change is seen.
{
  const defaults = new URLSearchParams();
  toParams(defaults, initial.filters, initial.skills);
  if ([...defaults.keys()].length > 0) els.controls.open = true;
}
state.skills = initial.skills.map((id) => ({ id, label: id, kind: /** @type {'skill'} */ ('skill'), green: false }));

/** The retraining plan for one move: its limits and its destination are kept in the URL too. */
const retraining = new Retraining({
  planner,
  context: () => ({ origin: state.job, skills: state.skills.map((s) => s.id), green: state.filters.green }),
  onUrl: () => writeUrl(),
});
retraining.restore(new URLSearchParams(window.location.search));

/** @returns {Promise<import('../components/moves/moves.js').Classification[]>} */
async function classifications() {
  state.classifications ??= await planner.call('classifications');
  return /** @type {import('../components/moves/moves.js').Classification[]} */ (state.classifications);
}

/**
 * Show the chosen job, then its moves, and record the choice in the URL.
 * @param {string} id
 * @param {boolean} fromUrl true when restoring `?job=` on load
 */
async function showPlan(id, fromUrl) {
  const seq = ++planSeq;
  if (!loadError) clearErrors();
  if (!fromUrl) retraining.close({ restoreFocus: false }); // a plan was for the previous job
  els.plan.setAttribute('aria-busy', 'true');
  try {
    const [job, defs] = await Promise.all([planner.call('occupation', id), classifications()]);
    if (seq !== planSeq) return;
    state.job = job;
    document.documentElement.classList.add('app-has-job');
    renderCurrentJob(els.current, job, { onPrint: printSummary });
    renderGreenOptions(defs);
    writeFiltersToForm();
    if (fromUrl && !els.input.value.trim()) els.input.value = job.label;
    document.title = `Green moves from ${job.label} – greenpath`;
    const shown = await updateMoves({ focusErrors: false });
    if (seq !== planSeq) return;
    els.plan.hidden = false;
    if (shown) announce(`Showing moves from ${job.label}, below the search box.`);
    // A job just chosen: bring its card and the first moves into view (focus stays in the box).
    if (shown && !fromUrl) els.current.scrollIntoView({ block: 'start' });
    if (fromUrl && shown) await retraining.openPending();
  } catch (error) {
    if (seq !== planSeq) return;
    const message = error instanceof Error ? error.message : String(error);
    if (loadError) return;
    showErrors([{
      text: fromUrl
        ? `The job in this link could not be found, so search for your job instead. (${message})`
        : `Moves could not be shown. (${message})`,
      href: '#job',
    }]);
  } finally {
    if (seq === planSeq) els.plan.removeAttribute('aria-busy');
  }
}

/**
 * The green-definition radios, with each definition's description and provenance.
 * @param {import('../components/moves/moves.js').Classification[]} defs
 */
function renderGreenOptions(defs) {
  if (els.greenOptions.childElementCount > 0) return;
  // The green jobs list first: the default, what people in the UK call green jobs.
  const perJob = GREEN_KEYS.map((key) => {
    const d = defs.find((c) => c.key === key);
    const note = key === 'curatedGreenJobs'
      ? ' This is the default: each job on the list names why it counts and the source.'
      : '';
    return {
      value: greenValue(key),
      name: greenName(key, defs),
      hint: d ? `${d.description} Known for ${formatCount(d.coverage)} jobs.${note}` : note.trim(),
    };
  });
  const options = [
    ...perJob,
    { value: 'consensus', name: 'At least two of the three definitions after the list', hint: 'A job counts as green when at least two of the ESCO, O*NET and ONS definitions agree.' },
    { value: 'any', name: 'Any of these definitions', hint: 'A job counts as green if the green jobs list or at least one definition says so.' },
  ];
  const sources = GREEN_KEYS.map((key) => defs.find((c) => c.key === key)).filter((d) => d !== undefined);
  replaceChildren(els.greenOptions,
    options.map((o) => h('div', { class: 'app-radios__item' },
      h('input', {
        id: `green-${o.value}`, name: 'green', type: 'radio', value: o.value, class: 'app-radios__input',
        'aria-describedby': o.hint ? `green-${o.value}-hint` : null,
      }),
      h('label', { for: `green-${o.value}`, class: 'app-radios__label' }, o.name),
      o.hint && h('p', { id: `green-${o.value}-hint`, class: 'app-hint app-radios__hint' }, o.hint))),
    sources.length > 0 && h('details', { class: 'app-details' },
      h('summary', { class: 'app-details__summary' }, 'Where these definitions come from'),
      h('dl', { class: 'app-details__text app-provenance' }, sources.map((d) => [
        h('dt', {}, /** @type {import('../components/moves/moves.js').Classification} */ (d).name),
        h('dd', {}, `Source: ${/** @type {any} */ (d).source}. Licence: ${/** @type {any} */ (d).licence}.`,
          /** @type {any} */ (d).estimated ? ' Estimated: it reaches ESCO jobs through a crosswalk between occupation codes.' : ''),
      ]))));
}

/** Put `state.filters` into the form controls. */
function writeFiltersToForm() {
  const f = state.filters;
  const radio = /** @type {HTMLInputElement | null} */ (els.greenOptions.querySelector(`input[value="${f.green}"]`));
  if (radio) radio.checked = true;
  els.onlyGreen.checked = f.onlyGreen;
  els.viability.value = f.minViability;
  els.payFloor.value = f.payFloorText;
  els.payRatio.value = String(f.desirablePayRatio);
  renderChips();
}

/**
 * Read and check the form; on success update `state.filters`.
 * @returns {{ text: string, href: string }[]} errors (empty when valid)
 */
function readFiltersFromForm() {
  const checked = /** @type {HTMLInputElement | null} */ (els.greenOptions.querySelector('input:checked'));
  const floor = parsePayFloor(els.payFloor.value);
  setFieldError(els.payFloorGroup, els.payFloor, els.payFloorError, floor.ok ? '' : floor.error);
  if (!floor.ok) return [{ text: floor.error, href: '#pay-floor' }];
  state.filters = {
    green: /** @type {any} */ (checked?.value ?? 'curated'),
    onlyGreen: els.onlyGreen.checked,
    minViability: /** @type {any} */ (els.viability.value),
    payFloor: floor.value,
    payFloorText: els.payFloor.value.trim(),
    desirablePayRatio: Number(els.payRatio.value),
  };
  return [];
}

/** Write the job, the filters and the skills into the address bar. */
function writeUrl() {
  const url = new URL(window.location.href);
  if (state.job) url.searchParams.set('job', state.job.id);
  toParams(url.searchParams, state.filters, state.skills.map((s) => s.id));
  retraining.writeParams(url.searchParams);
  url.hash = '';
  history.replaceState(history.state, '', url);
}

/**
 * Fetch and show the moves for the chosen job with the current filters and skills.
 * @param {{ focusErrors: boolean }} how focusErrors moves focus to the error summary when the form is invalid
 * @returns {Promise<boolean>} whether moves were shown
 */
async function updateMoves({ focusErrors }) {
  const job = state.job;
  if (!job) return false;
  const errors = readFiltersFromForm();
  if (errors.length > 0) {
    showErrors(errors);
    if (focusErrors) els.errorSummary.focus();
    // Moves shown for another job would mislead: hide them until the form is corrected.
    if (shownFor !== job.id) setMovesHidden(true);
    return false;
  }
  clearErrors();
  const seq = ++movesSeq;
  const f = state.filters;
  const skills = state.skills.map((s) => s.id);
  els.plan.setAttribute('aria-busy', 'true');
  try {
    const [first, others, defs] = await Promise.all([
      planner.call('transitions', job.id, transitionOptions(f, skills, { onlyGreen: f.onlyGreen, count: MOVES })),
      f.onlyGreen
        ? planner.call('transitions', job.id, transitionOptions(f, skills, { onlyGreen: false, count: OTHER_POOL }))
        : Promise.resolve([]),
      classifications(),
    ]);
    if (seq !== movesSeq) return false;
    /** @type {import('../components/moves/moves.js').Transition[]} */
    const other = others.filter((/** @type {import('../components/moves/moves.js').Transition} */ t) => !t.flags.green).slice(0, MOVES);
    await resolveSkillLabels();
    renderAllMoves(job, first, other, defs);
    shownFor = job.id;
    setMovesHidden(false);
    writeUrl();
    const what = f.onlyGreen
      ? `${plural(first.length, 'move')} into green jobs and ${plural(other.length, 'other close job')}`
      : plural(first.length, 'close job');
    els.movesStatus.textContent = `Showing ${what}.`;
    retraining.refresh();
    performance.mark('greenpath:results');
    document.documentElement.dataset.plannerResults = `${job.id} ${++resultsVersion}`;
    return true;
  } catch (error) {
    if (seq !== movesSeq) return false;
    const message = error instanceof Error ? error.message : String(error);
    const e = /** @type {{ kind?: string, value?: string }} */ (error);
    const before = state.skills.length;
    if (e.kind === 'unknownSkill' && before > 0) {
      // A skill in a shared link is not in this version of the data: drop it, say so. (If no
      // skill has that id, stop here rather than ask again.)
      state.skills = state.skills.filter((s) => s.id !== e.value);
      if (state.skills.length === before) {
        showErrors([{ text: `Moves could not be shown. (${message})`, href: '#job' }]);
        return false;
      }
      renderChips();
      const shown = await updateMoves({ focusErrors: false });
      showErrors([{ text: `A skill in this link could not be found, so it was removed. (${message})`, href: '#skill' }]);
      return shown;
    }
    showErrors([{ text: `Moves could not be shown. (${message})`, href: '#job' }]);
    return false;
  } finally {
    if (seq === movesSeq) els.plan.removeAttribute('aria-busy');
  }
}
let resultsVersion = 0;
/** The job whose moves are on the page. */
let shownFor = '';

/** @param {boolean} hidden */
function setMovesHidden(hidden) {
  els.greenMoves.hidden = hidden;
  els.chartSection.hidden = hidden;
  if (hidden) els.otherMoves.hidden = true;
}

/**
 * Skills restored from a link only have ids: ask the planner for their names.
 */
async function resolveSkillLabels() {
  const unnamed = state.skills.filter((s) => s.label === s.id);
  if (unnamed.length === 0) return;
  /** @type {import('../components/current-job/current-job.js').SkillRef[]} */
  const found = await planner.call('skills', unnamed.map((s) => s.id));
  const known = new Map(found.map((s) => [s.id, s]));
  state.skills = state.skills.map((s) => (s.label === s.id && known.has(s.id) ? /** @type {any} */ (known.get(s.id)) : s));
  renderChips();
}

/**
 * @param {import('../components/current-job/current-job.js').OccupationDetail} job
 * @param {import('../components/moves/moves.js').Transition[]} first
 * @param {import('../components/moves/moves.js').Transition[]} other
 * @param {import('../components/moves/moves.js').Classification[]} defs
 */
function renderAllMoves(job, first, other, defs) {
  const f = state.filters;
  const definition = f.green === 'any' ? 'any of the definitions above'
    : f.green === 'consensus' ? 'at least two of the definitions above'
    : `the definition “${greenName(f.green, defs)}”`;
  const pay = f.payFloor === null
    ? `“Good pay” means at least ${Math.round(f.desirablePayRatio * 100)}% of your pay now (no pay floor).`
    : `“Good pay” means at least ${Math.round(f.desirablePayRatio * 100)}% of your pay now and at least £${formatCount(f.payFloor)} a year.`;
  const common = {
    origin: job, classifications: defs, filters: { desirablePayRatio: f.desirablePayRatio, payFloor: f.payFloor },
  };
  const ranked = `Moves that industry bodies recognise for your job come first, then moves your skills already make viable, then the rest, each by how much of the new job’s skills you have (including skills you added). Pay does not change the order: it decides “good pay”. ${pay} Carbon-intensive jobs are never counted as green.`;
  renderMoves(els.greenMoves, {
    ...common,
    headingId: 'green-moves-heading',
    heading: f.onlyGreen ? 'Moves into green jobs' : 'Close jobs, green or not',
    intro: [
      h('span', { class: 'app-moves__definition' }, f.onlyGreen
        ? `Green jobs under ${definition}.`
        : `Every close job; those that are green under ${definition} say so.`),
    ],
    how: ranked,
    listId: 'green-moves-list',
    empty: f.onlyGreen
      ? `No green jobs under ${definition} match these filters. Try another definition, “Any move”, or a lower pay floor.`
      : 'No jobs match these filters. Try “Any move” or a lower pay floor.',
    moves: first,
  });
  els.otherMoves.hidden = !f.onlyGreen;
  if (f.onlyGreen) {
    renderMoves(els.otherMoves, {
      ...common,
      headingId: 'other-moves-heading',
      heading: 'Other close jobs',
      intro: [`Jobs close to yours that are not green under ${definition}.`],
      how: ranked,
      listId: 'other-moves-list',
      empty: 'No other jobs match these filters.',
      moves: other,
    });
  } else {
    els.otherMoves.replaceChildren();
  }
  renderChart(els.chartBody, [...first, ...other].map((t) => ({
    label: t.label, score: t.score, payChange: t.payChange, green: t.flags.green,
  })), { idPrefix: 'moves-chart', viable: viableThreshold });
}

/** The chips for added skills, each with a "Remove <skill>" button. */
function renderChips() {
  const has = state.skills.length > 0;
  els.chips.hidden = !has;
  els.chipsHeading.hidden = !has;
  replaceChildren(els.chips, state.skills.map((s) => h('li', { class: 'app-chip', 'data-id': s.id },
    h('span', { class: 'app-chip__label' }, s.label === s.id ? 'A skill from the link' : s.label),
    h('button', { type: 'button', class: 'app-chip__remove', 'data-id': s.id },
      'Remove', h('span', { class: 'app-visually-hidden' }, ` ${s.label === s.id ? 'skill from the link' : s.label}`)))));
}

els.chips.addEventListener('click', (e) => {
  const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest('button[data-id]'));
  if (!button) return;
  const index = state.skills.findIndex((s) => s.id === button.dataset.id);
  if (index < 0) return;
  const [removed] = state.skills.splice(index, 1);
  renderChips();
  // Focus the next chip's button, or the skill input when none is left.
  const buttons = els.chips.querySelectorAll('button');
  /** @type {HTMLElement} */ (buttons[Math.min(index, buttons.length - 1)] ?? els.skillInput).focus();
  els.skillAnnouncer.textContent = `Removed ${removed.label}. The moves are updated.`;
  updateMoves({ focusErrors: false });
});

const skillCombobox = new Combobox({
  input: els.skillInput,
  listbox: els.skillListbox,
  message: els.skillMessage,
  announcer: els.skillAnnouncer,
  isReady: () => ready,
  nouns: { one: 'skill', many: 'skills', hint: 'Try a shorter or different word, e.g. “wiring” or “welding”.' },
  search: (query) => planner.call('searchSkills', query, SUGGESTIONS),
  onPick: (s) => {
    els.skillInput.value = '';
    const skill = /** @type {import('../components/current-job/current-job.js').SkillRef} */ (/** @type {unknown} */ (s));
    if (state.skills.some((x) => x.id === skill.id)) {
      els.skillAnnouncer.textContent = `${skill.label} is already added.`;
      return;
    }
    state.skills.push({ id: skill.id, label: skill.label, kind: skill.kind, green: skill.green });
    renderChips();
    els.skillAnnouncer.textContent = `Added ${skill.label}. The moves are updated.`;
    updateMoves({ focusErrors: false });
  },
  onError: (error) => showErrors([{ text: `Skills could not be searched: ${error.message}`, href: '#skill' }]),
});

// "Plan the retraining for <job>" on every move opens the plan and moves focus to its heading.
for (const list of [els.greenMoves, els.otherMoves]) {
  list.addEventListener('click', (e) => {
    const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest('button[data-action="plan"]'));
    if (!button?.dataset.id) return;
    retraining.open(button.dataset.id, { focus: true, label: button.dataset.label });
  });
}

els.skillsForm.addEventListener('submit', (e) => {
  e.preventDefault();
  skillCombobox.submit();
});
els.filtersForm.addEventListener('change', () => { updateMoves({ focusErrors: false }); });
els.filtersForm.addEventListener('submit', (e) => {
  e.preventDefault();
  updateMoves({ focusErrors: true });
});

// Anything typed before this module ran is kept and searched.
if (els.input.value.trim()) combobox.scheduleSearch();

// Restore a shared plan.
const sharedJob = new URLSearchParams(window.location.search).get('job');
if (sharedJob) showPlan(sharedJob, true);

/**
 * The job card's "Print": the job and its first few green moves (print.css), not the whole page
 * with every list unfolded.
 */
function printSummary() {
  document.documentElement.classList.add('app-print-summary');
  window.print();
}

// Printing a plan: open folded skill lists so the printed plan is complete, then restore them.
/** @type {HTMLDetailsElement[]} */
let openedForPrint = [];
window.addEventListener('beforeprint', () => {
  if (document.documentElement.classList.contains('app-print-summary')) return;
  openedForPrint = [...document.querySelectorAll('details:not([open])')].map((d) => /** @type {HTMLDetailsElement} */ (d));
  for (const d of openedForPrint) d.open = true;
});
window.addEventListener('afterprint', () => {
  for (const d of openedForPrint) d.open = false;
  openedForPrint = [];
  document.documentElement.classList.remove('app-print-summary');
});

// Every listener is wired: the search box takes typing (answered once the planner is ready).
performance.mark('greenpath:usable'); // read by benches/browser.mjs
