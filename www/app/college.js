// @ts-check
/**
 * @file The college page: wires the planner worker to the local picture, the course list
 * loader, the candidate courses, the limits form, the plan (solved in the worker, with progress
 * and cancel), the results, scenarios and export. Everything typed is kept on this device.
 */

import { PlannerClient } from './planner-client.js';
import { h, setFieldError } from './dom.js';
import { formatCount } from './format.js';
import { ErrorSummary } from '../components/error-summary/error-summary.js';
import { CourseListLoader } from '../components/course-list/course-list.js';
import { forgetList } from '../components/course-list/course-list-store.js';
import { EditableTable } from '../components/editable-table/editable-table.js';
import { LocalPicture } from '../components/local-picture/local-picture.js';
import { showPortfolio, planCsv } from '../components/portfolio/portfolio-view.js';
import { saveScenario, deleteScenario, showScenarios, forgetScenarios } from '../components/portfolio/scenarios.js';
import { KeptState } from './kept-state.js';
import { workOffline } from './offline.js';
import { fieldValues, readFields, restoreFields, showProblems, wireOwnFigures, download, learnerPrice, Keeper, PlanSearch } from './page-tools.js';

/**
 * @typedef {import('../pkg-area/greenpath.js').CandidateCourseDto} CandidateCourseDto
 * @typedef {import('../pkg-area/greenpath.js').PortfolioDto} PortfolioDto
 * @typedef {import('../pkg-area/greenpath.js').CollegeInputDto} CollegeInputDto
 * @typedef {object} CollegeState
 * @property {string} area NUTS3 code ('' before one is chosen)
 * @property {any} [tables] the local picture's table snapshot
 * @property {any} [courses] the candidate courses table snapshot
 * @property {Record<string, string>} [limits] the limits form's fields, as typed
 */

/** @type {KeptState<CollegeState>} */
const kept = new KeptState('greenpath.college.v1', (s) => typeof s.area === 'string');

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const status = byId('planner-status');
const errors = new ErrorSummary({ summary: byId('error-summary'), list: byId('error-summary-list') });
// The module with the college planners (the worker page's leaves them out).
const planner = new PlannerClient(new URL('./planner-worker.js?wasm=area', import.meta.url));
const loader = new CourseListLoader({ planner, errors });
const areaSelect = /** @type {HTMLSelectElement} */ (byId('area'));
const planButton = /** @type {HTMLButtonElement} */ (byId('plan-portfolio'));
const cancelButton = /** @type {HTMLButtonElement} */ (byId('plan-cancel'));
const progressGroup = byId('plan-progress-group');
const progressBar = /** @type {HTMLProgressElement} */ (byId('plan-progress'));
const planStatus = byId('plan-status');
const result = byId('portfolio-result');
const actions = byId('portfolio-actions');

/** What was typed, kept on the device. */
const keeper = new Keeper(kept, () => ({ area: areaSelect.value, tables: picture.snapshot(), courses: courseTable.snapshot(), limits: limitValues() }));
const keepSoon = () => keeper.soon();

const picture = new LocalPicture({
  planner, areaSelect,
  origins: byId('area-origins'), destinations: byId('area-destinations'), sources: byId('area-sources'),
  onChange: keepSoon,
});

const courseTable = new EditableTable({
  container: byId('candidates-table'),
  caption: 'Candidate courses and what running each takes (suggested figures: replace with yours)',
  rowHeading: 'Course',
  columns: [
    { key: 'include', label: 'Consider', kind: 'check' },
    { key: 'mustRun', label: 'Must run', kind: 'check' },
    { key: 'fixedCost', label: 'Set-up £', kind: 'number', min: 0, max: 1e7 },
    { key: 'costPerCohort', label: '£ per cohort', kind: 'number', min: 0, max: 1e7 },
    { key: 'costPerPlace', label: '£ per place', kind: 'number', min: 0, max: 1e6 },
    { key: 'tutorHoursPerCohort', label: 'Tutor hours per cohort', kind: 'number', min: 0, max: 1e5 },
    { key: 'sessionsPerCohort', label: 'Room sessions per cohort', kind: 'number', min: 0, max: 1e5 },
    { key: 'cohortMin', label: 'Smallest cohort', kind: 'number', min: 0, max: 1000, whole: true },
    { key: 'cohortMax', label: 'Largest cohort', kind: 'number', min: 1, max: 1000, whole: true },
    { key: 'maxCohorts', label: 'Most cohorts', kind: 'number', min: 0, max: 100, whole: true },
    { key: 'successRate', label: 'Into the job %', kind: 'number', min: 0, max: 1, percent: true },
  ],
  onChange: keepSoon,
});

/** @type {CandidateCourseDto[]} */
let candidates = [];
/** @type {{ plan: PortfolioDto, area: string, limits: { budget: number | null, tutorHours: number | null, sessions: number | null } } | null} */
let lastPlan = null;

/** Fetch and show the courses that could serve the ticked destinations. */
async function refreshCandidates() {
  const { destinations } = picture.read();
  const statusLine = byId('candidates-status');
  if (destinations.length === 0) {
    statusLine.textContent = 'Tick at least one green job in demand to see courses for it.';
    courseTable.setRows([]);
    return;
  }
  candidates = await planner.call('collegeCandidates', destinations.map((d) => d.occupation), areaSelect.value || null);
  /** @type {Set<string>} */
  const own = new Set(await planner.call('ownCourses'));
  const yours = candidates.filter((c) => own.has(c.course.id)).length;
  statusLine.textContent = (candidates.length === 1 ? '1 course trains for these jobs or teaches their skills'
    : `${formatCount(candidates.length)} courses train for these jobs or teach their skills`)
    + (own.size > 0 ? `, ${formatCount(yours)} of them from your course list.` : '.');
  byId('candidates-assumptions').textContent = candidates[0]?.assumptions ?? '';
  const typed = courseTable.snapshot();
  courseTable.setRows(candidates.map((c, i) => ({
    id: c.course.id,
    header: [c.course.title, h('span', { class: 'app-editable__note' },
      ` ${own.has(c.course.id) ? 'Your course; ' : ''}${c.course.provider}; ${learnerPrice(c.course)}${c.trainsFor.length ? `; trains for ${c.trainsFor.map((o) => o.label).join(', ')}` : ''}`)],
    values: {
      include: i < 60, mustRun: false,
      fixedCost: c.running.fixedCost ?? 0, costPerCohort: c.running.costPerCohort ?? 0,
      costPerPlace: c.running.costPerPlace ?? 0, tutorHoursPerCohort: c.running.tutorHoursPerCohort ?? 0,
      sessionsPerCohort: c.running.sessionsPerCohort ?? 0, cohortMin: c.running.cohortMin ?? 0,
      cohortMax: c.running.cohortMax ?? 1, maxCohorts: c.running.maxCohorts ?? 0, successRate: c.running.successRate ?? 0,
    },
  })));
  courseTable.restore(typed);
}

/** The form's numbers: id, lowest, highest, may be blank. */
const LIMIT_FIELDS = /** @type {const} */ ([
  ['budget', 0, 1e9, true], ['tutorHours', 0, 1e7, true], ['sessions', 0, 1e6, true],
  ['payRatio', 0, 1000, false], ['upliftWeight', 0, 5, false], ['carbonWeight', 0, 5, false],
  ['costWeight', 0, 10, false], ['timeLimit', 1, 60, false],
]);

/** @returns {Record<string, string>} */
function limitValues() {
  return fieldValues(LIMIT_FIELDS);
}

/**
 * The question for the planner, or the problems that stop it (nothing is cleared).
 * @returns {{ input: CollegeInputDto | null, workersInput: CollegeInputDto | null, problems: { inputId: string, text: string }[], limits: Record<string, number | null> }}
 */
function collegeInput() {
  const area = picture.read();
  const courses = courseTable.read();
  const limits = readFields(LIMIT_FIELDS);
  const problems = [...area.problems, ...courses.problems, ...limits.problems];
  if (area.origins.length === 0) problems.push({ inputId: 'area', text: 'Tick at least one job learners come from' });
  if (area.destinations.length === 0) problems.push({ inputId: 'area', text: 'Tick at least one green job in demand' });
  const chosen = courses.values.map((v, i) => ({ v, id: courseTable.rows[i].id })).filter(({ v }) => v.include);
  if (chosen.length === 0) problems.push({ inputId: 'candidates-table', text: 'Tick at least one course to consider' });
  courses.values.forEach((v, i) => {
    if (Number(v.cohortMin) > Number(v.cohortMax)) {
      problems.push({ inputId: courseTable.inputs[i][7].id, text: `Smallest cohort for ${courseTable.rowName(i)} is above its largest cohort` });
    }
  });
  if (problems.length > 0) return { input: null, workersInput: null, problems, limits: limits.values };
  const l = limits.values;
  /** @type {CollegeInputDto} */
  const input = {
    origins: area.origins,
    destinations: area.destinations,
    courses: chosen.map(({ v, id }) => ({
      course: id, mustRun: Boolean(v.mustRun),
      fixedCost: Number(v.fixedCost), costPerCohort: Number(v.costPerCohort), costPerPlace: Number(v.costPerPlace),
      tutorHoursPerCohort: Number(v.tutorHoursPerCohort), sessionsPerCohort: Number(v.sessionsPerCohort),
      cohortMin: Number(v.cohortMin), cohortMax: Number(v.cohortMax), maxCohorts: Number(v.maxCohorts),
      successRate: Number(v.successRate),
    })),
    budget: l.budget, tutorHours: l.tutorHours, sessions: l.sessions,
    payRatio: Number(l.payRatio) / 100, upliftWeight: Number(l.upliftWeight),
    carbonWeight: Number(l.carbonWeight), costWeight: Number(l.costWeight), timeLimit: Number(l.timeLimit),
  };
  return { input, workersInput: { ...input, origins: area.workers }, problems, limits: l };
}

const search = new PlanSearch({
  planner, errors, button: planButton, cancel: cancelButton, progressGroup,
  progress: progressBar, status: planStatus, afterCancel: () => start(),
});

async function plan() {
  if (search.solving) return;
  const { input, workersInput, problems, limits } = collegeInput();
  if (!input || !workersInput) {
    showProblems(errors, problems);
    return;
  }
  errors.clear();
  keeper.now(); // a cancel restarts the planner and restores from what is kept
  // Up to four searches (the plan and one more step of each limit), each within the time limit.
  const allowed = (Number(input.timeLimit) * (1 + 0.5 * [input.budget, input.tutorHours, input.sessions].filter((x) => x !== null).length)) * 1000;
  await search.run(allowed, async () => {
    /** @type {PortfolioDto} */
    const answer = await planner.call('planPortfolio', input);
    return { answer, gaps: await planner.call('collegeGaps', workersInput) };
  }, ({ answer, gaps }, seconds) => {
    lastPlan = { plan: answer, area: areaSelect.selectedOptions[0]?.textContent ?? areaSelect.value, limits: { budget: limits.budget, tutorHours: limits.tutorHours, sessions: limits.sessions } };
    result.hidden = false;
    showPortfolio(result, answer, gaps, { budget: limits.budget });
    actions.hidden = answer.outcome !== 'planned';
    /** @type {HTMLElement | null} */ (result.querySelector('#portfolio-result-heading'))?.focus();
    return answer.outcome === 'planned' ? `Planned in ${seconds.toFixed(1)} s.` : 'No plan: see why below.';
  });
}

byId('limits-form').addEventListener('submit', (event) => { event.preventDefault(); plan(); });
byId('limits-form').addEventListener('input', keepSoon);

areaSelect.addEventListener('change', async () => {
  if (!areaSelect.value) return;
  await picture.show(areaSelect.value);
  byId('area-tables').hidden = false;
  await refreshCandidates();
  keepSoon();
});
byId('area-destinations').addEventListener('change', () => { refreshCandidates(); });

wireOwnFigures(picture, planner, (kind) => { if (kind === 'destinations') refreshCandidates(); });

byId('scenario-save').addEventListener('click', () => {
  const input = /** @type {HTMLInputElement} */ (byId('scenario-name'));
  const name = input.value.trim();
  setFieldError(byId('scenario-name-group'), input, byId('scenario-name-error'), name ? '' : 'Give the plan a name, for example “Budget £150k”');
  if (!name || !lastPlan) return;
  const p = lastPlan.plan;
  const ok = saveScenario({
    name, savedAt: new Date().toISOString(), area: lastPlan.area, limits: lastPlan.limits,
    placements: p.placements, places: p.places, cost: p.cost, tutorHours: p.tutorHours, sessions: p.sessions, status: p.status,
    courses: p.courses.filter((c) => c.cohorts > 0).map((c) => ({ id: c.course.id, title: c.course.title, cohorts: c.cohorts, places: c.places })),
  });
  byId('scenario-status').textContent = ok ? `Saved “${name}” on this device.` : 'This browser is not keeping data (private browsing or full storage): the plan was not saved.';
  renderScenarios();
});

byId('plan-export').addEventListener('click', () => {
  if (!lastPlan) return;
  download(planCsv(lastPlan.plan, lastPlan.area), 'greenpath-college-plan.csv', 'text/csv');
});
byId('plan-print').addEventListener('click', () => window.print());

function renderScenarios() {
  showScenarios(byId('scenarios'), (name) => { deleteScenario(name); renderScenarios(); });
}

byId('college-forget').addEventListener('click', () => {
  kept.forget();
  forgetScenarios();
  forgetList();
  window.location.reload();
});

/** Load the areas and put back what was kept. */
async function start() {
  status.textContent = 'Loading the occupation data…';
  status.dataset.state = 'loading';
  try {
    const info = await planner.ready;
    await loader.restore();
    await picture.loadAreas();
    areaSelect.disabled = false;
    const state = kept.get();
    if (state?.area) {
      await keeper.restore(async () => {
        await picture.show(state.area, state.tables ?? {});
        byId('area-tables').hidden = false;
        await refreshCandidates();
        if (state.courses) courseTable.restore(state.courses);
        restoreFields(state.limits ?? {});
      });
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
