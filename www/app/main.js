// @ts-check
/**
 * @file The worker page: wires the planner worker to the components (job search, current job,
 * move controls, moves, plan, print) and keeps the page's state in the URL. The components own
 * their markup and behaviour (`www/components/<name>/`); this file only connects them.
 *
 * The page is usable from first paint: the input accepts typing while the data loads, and any
 * query typed meanwhile is answered as soon as the planner is ready. A chosen job, the filters
 * and the skills added are kept in the URL (`?job=<id>&skills=<id>,<id>&green=…`), so a plan can
 * be bookmarked or shared; nothing is sent anywhere.
 */

import { byId } from './dom.js';
import { PlannerClient } from './planner-client.js';
import { formatCount, plural } from './format.js';
import { Combobox } from '../components/combobox/combobox.js';
import { ErrorSummary } from '../components/error-summary/error-summary.js';
import { renderCurrentJob } from '../components/current-job/current-job.js';
import { setDescriber } from '../components/job-description/job-description.js';
import { MoveControls } from '../components/move-controls/move-controls.js';
import { fromParams, toParams, transitionOptions } from '../components/move-controls/filters.js';
import { onPlanButtons, renderMoveSections, setMovesHidden } from '../components/moves/moves-section.js';
import { Retraining } from '../components/plan/retraining.js';
import { printSummary, unfoldWhilePrinting } from '../components/print/print.js';
import { workOffline } from './offline.js';

/** How many job suggestions the combobox shows. */
const SUGGESTIONS = 10;
/** How many moves each list shows. */
const MOVES = 20;
/**
 * How many of all moves to fetch to find the best non-green ones: under "any definition" most
 * close jobs count as green, so the first 20 non-green moves lie deeper in the ranking.
 */
const OTHER_POOL = 400;


const els = {
  form: /** @type {HTMLFormElement} */ (byId('job-form')),
  group: byId('job-group'),
  input: /** @type {HTMLInputElement} */ (byId('job')),
  listbox: byId('job-listbox'),
  message: byId('job-message'),
  status: byId('job-status'),
  announcer: byId('job-announcer'),
  plan: byId('plan'),
  current: byId('current-job'),
  attribution: byId('attribution'),
  version: byId('dataset-version'),
  movesStatus: byId('moves-status'),
};
/** @type {import('../components/moves/moves-section.js').MoveSections} */
const moveSections = {
  green: byId('green-moves'), other: byId('other-moves'), chart: byId('moves-chart'), chartBody: byId('moves-chart-body'),
};
const errors = new ErrorSummary({
  summary: byId('error-summary'),
  list: byId('error-summary-list'),
  unfold: [/** @type {HTMLDetailsElement} */ (byId('moves-controls-details'))],
});

/** @param {{ text: string, href?: string }[]} list */
function showErrors(list) { errors.show(list); }
function clearErrors() { errors.clear(); }

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

/** What the page shows: the chosen job (the filters and skills are the controls'). */
const state = {
  /** @type {import('../components/current-job/current-job.js').OccupationDetail | null} */
  job: null,
  /** @type {import('../components/moves/moves.js').Classification[] | null} */
  classifications: null,
};

/** Filters and skills from the link the page was opened with. */
const initial = fromParams(new URLSearchParams(window.location.search));
const controls = new MoveControls({
  planner,
  isReady: () => ready,
  onChange: (how) => { updateMoves(how); },
  onError: showErrors,
  filters: initial.filters,
  skills: initial.skills,
});

/** The retraining plan for one move: its limits and its destination are kept in the URL too. */
const retraining = new Retraining({
  planner,
  context: () => ({ origin: state.job, skills: controls.skillIds(), green: controls.filters.green }),
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
    controls.renderGreenOptions(defs);
    controls.writeToForm();
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

/** Write the job, the filters and the skills into the address bar. */
function writeUrl() {
  const url = new URL(window.location.href);
  if (state.job) url.searchParams.set('job', state.job.id);
  toParams(url.searchParams, controls.filters, controls.skillIds());
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
  const invalid = controls.readForm();
  if (invalid.length > 0) {
    showErrors(invalid);
    if (focusErrors) errors.focus();
    // Moves shown for another job would mislead: hide them until the form is corrected.
    if (shownFor !== job.id) setMovesHidden(moveSections, true);
    return false;
  }
  clearErrors();
  const seq = ++movesSeq;
  const f = controls.filters;
  const skills = controls.skillIds();
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
    await controls.nameSkills();
    renderMoveSections(moveSections, { job, first, other, defs, filters: f, viableThreshold });
    shownFor = job.id;
    setMovesHidden(moveSections, false);
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
    if (e.kind === 'unknownSkill') {
      // A skill in a shared link is not in this version of the data: drop it, say so. (If no
      // skill has that id, stop here rather than ask again.)
      if (!controls.dropSkill(e.value ?? '')) {
        showErrors([{ text: `Moves could not be shown. (${message})`, href: '#job' }]);
        return false;
      }
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

// "Plan the retraining for <job>" on every move opens the plan and moves focus to its heading.
onPlanButtons(moveSections, (id, label) => { retraining.open(id, { focus: true, label }); });

// Anything typed before this module ran is kept and searched.
if (els.input.value.trim()) combobox.scheduleSearch();

// Restore a shared plan.
const sharedJob = new URLSearchParams(window.location.search).get('job');
if (sharedJob) showPlan(sharedJob, true);

unfoldWhilePrinting();

// Every listener is wired: the search box takes typing (answered once the planner is ready).
performance.mark('greenpath:usable'); // read by benches/browser.mjs

// Keep the files offline once the first moves are on screen (at most 20 s from now), so that
// keeping them never slows the first answer on a phone.
workOffline(new Promise((resolve) => {
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('greenpath:results').length > 0) {
      observer.disconnect();
      resolve(undefined);
    }
  });
  observer.observe({ type: 'mark', buffered: true });
}));
