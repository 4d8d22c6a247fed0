// @ts-check
/**
 * @file The college page: wires the planner worker, the error summary and the course list
 * loader. A list kept on this device is loaded as soon as the planner is ready.
 */

import { PlannerClient } from './planner-client.js';
import { formatCount } from './format.js';
import { ErrorSummary } from '../components/error-summary/error-summary.js';
import { CourseListLoader } from '../components/course-list/course-list.js';

const status = /** @type {HTMLElement} */ (document.getElementById('planner-status'));
const errors = new ErrorSummary({
  summary: /** @type {HTMLElement} */ (document.getElementById('error-summary')),
  list: /** @type {HTMLElement} */ (document.getElementById('error-summary-list')),
});
const planner = new PlannerClient();
const loader = new CourseListLoader({ planner, errors });

planner.ready.then(
  async (info) => {
    status.textContent = `Ready: ${formatCount(info.occupations)} occupations.`;
    status.dataset.state = 'ready';
    await loader.restore();
    document.documentElement.dataset.plannerState = 'ready';
  },
  (error) => {
    status.textContent = 'The occupation data could not be loaded.';
    status.dataset.state = 'error';
    errors.show([{ text: `The occupation data could not be loaded, so course lists cannot be checked. Reload the page to try again. (${error.message})` }]);
    document.documentElement.dataset.plannerState = 'failed';
  },
);
