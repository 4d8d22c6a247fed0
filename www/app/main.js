/**
 * @file Page entry point: wires the planner worker, the job combobox, the results and the URL.
 *
 * The page is usable from first paint: the input accepts typing while the data loads, and any
 * query typed meanwhile is answered as soon as the planner is ready. A chosen job is kept in the
 * URL (`?job=<id>`), so a plan can be bookmarked or shared; nothing is sent anywhere.
 */

import { PlannerClient } from './planner-client.js';
import { Combobox } from './combobox.js';
import { renderCurrentJob, renderResults } from './results.js';
import { formatCount } from './format.js';
import { h, replaceChildren } from './dom.js';

/** How many suggestions the combobox shows. */
const SUGGESTIONS = 10;
/** How many similar jobs to list. */
const SIMILAR = 20;

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
  results: byId('results'),
  attribution: byId('attribution'),
  version: byId('dataset-version'),
};

/**
 * Show the error summary (GOV.UK pattern: `role="alert"`, each error linking to its field).
 * @param {{ text: string, href?: string }[]} errors
 */
function showErrors(errors) {
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
let ready = false;
/** @type {Error | null} */
let loadError = null;

setStatus('Loading the occupation data…', 'loading');
els.group.classList.add('app-form-group--loading');

planner.ready.then(
  (info) => {
    ready = true;
    els.group.classList.remove('app-form-group--loading');
    setStatus(`Ready: ${formatCount(info.occupations)} occupations`, 'ready');
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

/**
 * Show the chosen job and its most similar jobs, and record the choice in the URL.
 * @param {string} id
 * @param {boolean} fromUrl true when restoring `?job=` on load
 */
async function showPlan(id, fromUrl) {
  const seq = ++planSeq;
  if (!loadError) clearErrors();
  els.plan.setAttribute('aria-busy', 'true');
  try {
    const [job, similar] = await Promise.all([
      planner.call('occupation', id),
      planner.call('similarOccupations', id, SIMILAR),
    ]);
    if (seq !== planSeq) return;
    renderCurrentJob(els.current, job, { onPrint: () => window.print() });
    renderResults(els.results, job, similar);
    els.plan.hidden = false;
    if (fromUrl && !els.input.value.trim()) els.input.value = job.label;
    const url = new URL(window.location.href);
    url.searchParams.set('job', id);
    url.hash = '';
    history.replaceState(history.state, '', url);
    document.title = `Jobs similar to ${job.label} – greenpath`;
    announce(`Showing the ${similar.length} jobs most similar to ${job.label}, below the search box.`);
    performance.mark('greenpath:results');
    document.documentElement.dataset.plannerResults = id;
  } catch (error) {
    if (seq !== planSeq) return;
    const message = error instanceof Error ? error.message : String(error);
    if (loadError) return;
    showErrors([{
      text: fromUrl
        ? `The job in this link could not be found, so search for your job instead. (${message})`
        : `Similar jobs could not be shown. (${message})`,
      href: '#job',
    }]);
  } finally {
    if (seq === planSeq) els.plan.removeAttribute('aria-busy');
  }
}

// Anything typed before this module ran is kept and searched.
if (els.input.value.trim()) combobox.scheduleSearch();

// Restore a shared plan.
const sharedJob = new URLSearchParams(window.location.search).get('job');
if (sharedJob) showPlan(sharedJob, true);

// Printing: open folded skill lists so the printed plan is complete, then restore them.
/** @type {HTMLDetailsElement[]} */
let openedForPrint = [];
window.addEventListener('beforeprint', () => {
  openedForPrint = [...document.querySelectorAll('details:not([open])')].map((d) => /** @type {HTMLDetailsElement} */ (d));
  for (const d of openedForPrint) d.open = true;
});
window.addEventListener('afterprint', () => {
  for (const d of openedForPrint) d.open = false;
  openedForPrint = [];
});
