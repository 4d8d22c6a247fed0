// @ts-check
/**
 * @file The council page: wires the planner worker to the local picture (workers at risk,
 * demand), the council's picture (charts with tables), the courses on the routes, the budget
 * and priorities form, the plan (solved in the worker, with progress and cancel), the results,
 * scenarios compared side by side, CSV export and the printed committee summary. Everything
 * typed is kept on this device until "forget".
 */

import { PlannerClient } from './planner-client.js';
import { h, setFieldError } from './dom.js';
import { formatCount } from './format.js';
import { KeptState } from './kept-state.js';
import { workOffline } from './offline.js';
import { fieldValues, readFields, restoreFields, showProblems, wireOwnFigures, download, learnerPrice, Keeper, PlanSearch } from './page-tools.js';
import { ErrorSummary } from '../components/error-summary/error-summary.js';
import { EditableTable, readNumber } from '../components/editable-table/editable-table.js';
import { LocalPicture } from '../components/local-picture/local-picture.js';
import { showPicture } from '../components/council/council-picture.js';
import { showCouncilPlan, councilCsv, planTotals } from '../components/council/council-view.js';
import { buildSummary } from '../components/council/council-summary.js';
import { councilScenarios, showCouncilScenarios } from '../components/council/council-scenarios.js';
import { collegeScenarios } from '../components/portfolio/scenarios.js';

/**
 * @typedef {import('../pkg-area/greenpath.js').CouncilInputDto} CouncilInputDto
 * @typedef {import('../pkg-area/greenpath.js').CouncilPlanDto} CouncilPlanDto
 * @typedef {import('../pkg-area/greenpath.js').CouncilPictureDto} CouncilPictureDto
 * @typedef {object} CouncilState
 * @property {string} area NUTS3 code ('' before one is chosen)
 * @property {any} [tables] the local picture's table snapshot
 * @property {any} [courses] the courses table snapshot
 * @property {Record<string, string>} [limits] the form's fields, as typed
 */

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @type {KeptState<CouncilState>} */
const kept = new KeptState('greenpath.council.v1', (s) => typeof s.area === 'string');
const status = byId('planner-status');
const errors = new ErrorSummary({ summary: byId('error-summary'), list: byId('error-summary-list') });
// The module with the area planners (the worker page's leaves them out).
const planner = new PlannerClient(new URL('./planner-worker.js?wasm=area', import.meta.url));
const areaSelect = /** @type {HTMLSelectElement} */ (byId('area'));
const planButton = /** @type {HTMLButtonElement} */ (byId('plan-council'));
const cancelButton = /** @type {HTMLButtonElement} */ (byId('plan-cancel'));
const progressGroup = byId('plan-progress-group');
const progressBar = /** @type {HTMLProgressElement} */ (byId('plan-progress'));
const planStatus = byId('plan-status');
const pictureStatus = byId('picture-status');
const result = byId('council-result');
const actions = byId('council-actions');
const collegePlan = /** @type {HTMLSelectElement} */ (byId('college-plan'));

let pictureTimer = 0;

/** What was typed, kept on the device. */
const keeper = new Keeper(kept, () => ({ area: areaSelect.value, tables: local.snapshot(), courses: courseTable.snapshot(), limits: limitValues() }));
const keepSoon = () => keeper.soon();

const local = new LocalPicture({
  planner, areaSelect, use: 'council',
  origins: byId('area-origins'), destinations: byId('area-destinations'), sources: byId('area-sources'),
  onChange: () => { keepSoon(); refreshPictureSoon(); },
});

const courseTable = new EditableTable({
  container: byId('council-courses'),
  caption: 'Courses on the routes: places on offer and what the council pays (replace with your own figures)',
  rowHeading: 'Course',
  columns: [
    { key: 'capacity', label: 'Places (blank: no limit)', kind: 'number', min: 0, max: 1e6, whole: true, optional: true },
    { key: 'costPerPerson', label: '£ per person the council pays', kind: 'number', min: 0, max: 1e6 },
  ],
  onChange: keepSoon,
});

/** @type {{ plan: CouncilPlanDto, area: string, settings: any } | null} */
let lastPlan = null;

/** The form's numbers: id, lowest, highest, may be blank, typed as a percentage. */
const LIMIT_FIELDS = /** @type {const} */ ([
  ['budget', 0, 1e10, true, false], ['floor', 0, 100, false, true], ['payRatio', 0, 1000, false, true],
  ['upliftWeight', 0, 5, false, false], ['carbonWeight', 0, 5, false, false], ['deprivationWeight', 0, 5, false, false],
  ['timeLimit', 1, 60, false, false],
]);

/** @returns {Record<string, string>} */
function limitValues() {
  return fieldValues(LIMIT_FIELDS);
}

/**
 * The question for the planner, or the problems that stop it (nothing is cleared).
 * @returns {{ input: CouncilInputDto | null, problems: { inputId: string, text: string }[], settings: Record<string, number | null> }}
 */
function councilInput() {
  const area = local.read();
  const courses = courseTable.read();
  const limits = readFields(LIMIT_FIELDS);
  const problems = [...area.problems, ...courses.problems, ...limits.problems];
  if (area.groups.length === 0) problems.push({ inputId: 'area', text: 'Tick at least one job workers come from' });
  if (area.destinations.length === 0) problems.push({ inputId: 'area', text: 'Tick at least one green job in demand' });
  if (problems.length > 0) return { input: null, problems, settings: limits.values };
  const l = limits.values;
  /** @type {CouncilInputDto} */
  const input = {
    area: areaSelect.value || null,
    groups: area.groups.map((g) => ({ occupation: g.occupation, workers: g.workers, deprivation: g.deprivation })),
    destinations: area.destinations,
    courses: courses.values.map((v, i) => ({
      course: courseTable.rows[i].id,
      capacity: typeof v.capacity === 'number' ? v.capacity : null,
      costPerPerson: Number(v.costPerPerson),
    })),
    budget: l.budget, floor: Number(l.floor), payRatio: Number(l.payRatio),
    upliftWeight: Number(l.upliftWeight), carbonWeight: Number(l.carbonWeight),
    deprivationWeight: Number(l.deprivationWeight), timeLimit: Number(l.timeLimit),
  };
  return { input, problems, settings: l };
}

function refreshPictureSoon() {
  if (keeper.restoring) return;
  window.clearTimeout(pictureTimer);
  pictureTimer = window.setTimeout(() => { refreshPicture(); }, 500);
}

let pictureRun = 0;
/** Ask the planner for the routes between the ticked groups and jobs; draw the charts and the courses. */
async function refreshPicture() {
  const run = ++pictureRun;
  const area = local.read();
  if (area.groups.length === 0 || area.destinations.length === 0) {
    pictureStatus.textContent = 'Tick at least one job workers come from and one green job to see the routes between them.';
    return;
  }
  const payRatio = readNumber(/** @type {HTMLInputElement} */ (byId('payRatio')).value);
  pictureStatus.textContent = 'Finding the routes…';
  try {
    /** @type {CouncilPictureDto} */
    const seen = await planner.call('councilPicture', {
      area: areaSelect.value || null,
      groups: area.groups.filter((g) => g.workers >= 0).map((g) => ({ occupation: g.occupation, workers: g.workers })),
      destinations: area.destinations.filter((d) => d.count >= 0),
      payRatio: Number.isFinite(payRatio) && payRatio >= 0 && payRatio <= 1000 ? payRatio / 100 : 0.75,
    });
    if (run !== pictureRun) return;
    showPicture(byId('picture-charts'), seen);
    const typed = courseTable.snapshot();
    courseTable.setRows(seen.courses.map((c) => ({
      id: c.course.id,
      header: [c.course.title, h('span', { class: 'app-editable__note' },
        ` ${c.course.provider}; ${learnerPrice(c.course)}${c.course.availableIn ? `; only in ${c.course.availableIn}` : ''}; opens ${formatCount(c.routes)} ${c.routes === 1 ? 'route' : 'routes'} for ${formatCount(c.groups)} ${c.groups === 1 ? 'group' : 'groups'}`)],
      values: { capacity: null, costPerPerson: c.costPerPerson },
    })));
    courseTable.restore(typed);
    const groupsWithout = seen.groups.filter((g) => g.direct + g.recognised + g.courses === 0).length;
    pictureStatus.textContent = `${formatCount(seen.routes)} routes into good green jobs for ${formatCount(seen.groups.length - groupsWithout)} of ${formatCount(seen.groups.length)} groups, through ${formatCount(seen.courses.length)} courses.`;
    fillCollegePlans();
  } catch (error) {
    if (run !== pictureRun) return;
    const e = /** @type {any} */ (error);
    if (e?.kind === 'cancelled') return;
    pictureStatus.textContent = `The routes could not be found: ${e?.message ?? error}. Nothing you entered has changed.`;
  }
}

/** College plans saved on this device, to take course places from. */
function fillCollegePlans() {
  const plans = collegeScenarios.list().filter((s) => s.courses.some((c) => typeof c.id === 'string'));
  byId('college-plan-group').hidden = plans.length === 0;
  collegePlan.replaceChildren(...plans.map((s) => h('option', { value: s.name }, `${s.name} (${s.area})`)));
}

byId('college-plan-use').addEventListener('click', () => {
  const plan = collegeScenarios.list().find((s) => s.name === collegePlan.value);
  if (!plan) return;
  let used = 0;
  for (const c of plan.courses) {
    const r = courseTable.rows.findIndex((row) => row.id === c.id);
    if (r < 0) continue;
    courseTable.inputs[r][0].value = String(c.places);
    used += 1;
  }
  const missing = plan.courses.length - used;
  byId('college-plan-status').textContent = `Places set for ${formatCount(used)} ${used === 1 ? 'course' : 'courses'} from “${plan.name}”.`
    + (missing === 1 ? ' One of its courses is on none of these routes.'
      : missing > 1 ? ` ${formatCount(missing)} of its courses are on none of these routes.` : '');
  keepSoon();
});

const search = new PlanSearch({
  planner, errors, button: planButton, cancel: cancelButton, progressGroup,
  progress: progressBar, status: planStatus, afterCancel: () => start(),
});

async function plan() {
  if (search.solving) return;
  const { input, problems, settings } = councilInput();
  if (!input) {
    showProblems(errors, problems);
    return;
  }
  errors.clear();
  keeper.now(); // a cancel restarts the planner and restores from what is kept
  // The plan, then one more step of the budget and of up to five full courses, each within
  // half the time limit.
  const limited = (input.courses ?? []).filter((c) => c.capacity !== null).length;
  const allowed = Number(input.timeLimit) * (1 + 0.5 * ((input.budget === null ? 0 : 1) + Math.min(5, limited))) * 1000;
  await search.run(allowed, () => planner.call('planCouncil', input), (/** @type {CouncilPlanDto} */ answer, seconds) => {
    const area = areaSelect.selectedOptions[0]?.textContent ?? areaSelect.value;
    lastPlan = { plan: answer, area, settings };
    result.hidden = false;
    showCouncilPlan(result, answer, { budget: settings.budget, floor: Number(settings.floor) }, useFloor);
    buildSummary(byId('council-summary'), {
      plan: answer, area, local: local.picture,
      settings: /** @type {any} */ (settings),
    });
    actions.hidden = answer.outcome !== 'planned';
    /** @type {HTMLElement | null} */ (result.querySelector('#council-result-heading'))?.focus();
    return answer.outcome === 'planned' ? `Planned in ${seconds.toFixed(1)} s.` : 'No plan at this floor: see why below.';
  });
}

/** @param {number} floor the highest floor that holds, 0 to 1 */
function useFloor(floor) {
  /** @type {HTMLInputElement} */ (byId('floor')).value = String(Math.round(floor * 100));
  keeper.now();
  plan();
}

byId('limits-form').addEventListener('submit', (event) => { event.preventDefault(); plan(); });
byId('limits-form').addEventListener('input', keepSoon);
byId('payRatio').addEventListener('change', refreshPictureSoon);

areaSelect.addEventListener('change', async () => {
  if (!areaSelect.value) return;
  await local.show(areaSelect.value);
  byId('area-tables').hidden = false;
  keepSoon();
});

wireOwnFigures(local, planner);

byId('scenario-save').addEventListener('click', () => {
  const input = /** @type {HTMLInputElement} */ (byId('scenario-name'));
  const name = input.value.trim();
  setFieldError(byId('scenario-name-group'), input, byId('scenario-name-error'), name ? '' : 'Give the plan a name, for example “Budget £1m, floor 50%”');
  if (!name || !lastPlan || lastPlan.plan.outcome !== 'planned') return;
  const p = lastPlan.plan;
  const totals = planTotals(p);
  const ok = councilScenarios.save({
    name, savedAt: new Date().toISOString(), area: lastPlan.area,
    settings: { budget: lastPlan.settings.budget, floor: lastPlan.settings.floor, payRatio: lastPlan.settings.payRatio },
    workers: totals.workers, transitions: p.transitions, cost: p.cost, lowestShare: totals.lowestShare,
    groupsWithout: totals.groupsWithout, status: p.status, gap: p.gap,
    groups: p.groups.map((g) => ({ label: g.occupation.label, moved: g.moved, workers: Math.floor(g.workers) })),
  });
  byId('scenario-status').textContent = ok ? `Saved “${name}” on this device.` : 'This browser is not keeping data (private browsing or full storage): the plan was not saved.';
  renderScenarios();
});

byId('plan-export').addEventListener('click', () => {
  if (!lastPlan) return;
  download(councilCsv(lastPlan.plan, lastPlan.area), 'greenpath-council-plan.csv', 'text/csv');
});
byId('plan-print').addEventListener('click', () => window.print());

function renderScenarios() {
  showCouncilScenarios(byId('scenarios'), (name) => { councilScenarios.remove(name); renderScenarios(); });
}

byId('council-forget').addEventListener('click', () => {
  kept.forget();
  councilScenarios.forget();
  window.location.reload();
});

/** Load the areas and put back what was kept. */
async function start() {
  status.textContent = 'Loading the occupation data…';
  status.dataset.state = 'loading';
  try {
    const info = await planner.ready;
    await local.loadAreas();
    areaSelect.disabled = false;
    const state = kept.get();
    if (state?.area) {
      await keeper.restore(async () => {
        restoreFields(state.limits ?? {});
        await local.show(state.area, state.tables ?? {});
        byId('area-tables').hidden = false;
      });
      await refreshPicture();
      if (state.courses) courseTable.restore(state.courses);
    }
    planButton.disabled = false;
    status.textContent = `Ready: ${formatCount(info.occupations)} occupations, ${formatCount(areaSelect.options.length - 1)} areas.`;
    status.dataset.state = 'ready';
    document.documentElement.dataset.plannerState = 'ready';
  } catch (error) {
    status.textContent = 'The occupation data could not be loaded.';
    status.dataset.state = 'error';
    errors.show([{ text: `The occupation data could not be loaded. Reload the page to try again. (${/** @type {Error} */ (error).message})` }]);
    document.documentElement.dataset.plannerState = 'failed';
  }
}

renderScenarios();
start();

workOffline(planner.ready);
