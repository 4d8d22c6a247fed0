// @ts-check
/**
 * @file Renders a retraining plan (`Planner.plan`): the totals, the courses in order with what
 * each costs, how it is funded and which skills it closes, what is left to learn on the job,
 * which of the worker's limits stop more cover; and the alternative routes (`Planner.pathways`)
 * through stepping-stone jobs. Text only goes in as text nodes (see dom.js).
 */

import { h, replaceChildren } from '../../app/dom.js';
import { formatCount, formatGbp, formatPounds, formatWeeks, plural } from '../../app/format.js';
import { sourceLink } from '../current-job/current-job.js';

/**
 * @typedef {import('../current-job/current-job.js').SkillRef} SkillRef
 * @typedef {import('./plan-options.js').PlanLimits} PlanLimits
 */

/**
 * @typedef {import('../../pkg/greenpath.js').OccupationRef} OccupationRef
 */

/**
 * @typedef {import('../../pkg/greenpath.js').CourseDto} Course
 */

/**
 * @typedef {import('../../pkg/greenpath.js').BindingLimitDto} Binding a limit that keeps skills uncovered
 */

/**
 * @typedef {import('../../pkg/greenpath.js').PlanDto} Plan `Planner.plan`
 */

/**
 * @typedef {import('../../pkg/greenpath.js').PathwayDto} Pathway `Planner.pathways`
 */

const KINDS = /** @type {Record<string, string>} */ ({
  shortCourse: 'Short course',
  qualification: 'Qualification',
  apprenticeship: 'Apprenticeship',
  bootcamp: 'Skills Bootcamp',
  degree: 'Degree',
});

/** How each kind of funding works, in plain words. */
export const FUNDING = /** @type {Record<Course['funding'], string>} */ ({
  free: 'Free to you',
  skillsBootcamp: 'Skills Bootcamp: free to you, paid for by the government (an employer may pay part)',
  apprenticeshipLevy: 'Apprenticeship: free to you in England; you are employed and paid a wage, and the training is paid by your employer’s apprenticeship levy or the government up to the standard’s funding band',
  grantPartFunded: 'A grant may pay part of the price (how much depends on the grant); you pay the rest',
  employerFunded: 'Usually paid by the employer',
  selfFunded: 'You pay for it yourself',
  unknown: 'How it is paid for is not known',
});

/** How a course is taught, in plain words. */
export const DELIVERY = /** @type {Record<import('./plan-options.js').DeliveryMode, string>} */ ({
  classroom: 'In a classroom',
  online: 'Online',
  blended: 'Online and in a classroom',
  workplace: 'At work',
  unknown: 'Not stated',
});

/** Short names of the delivery modes, for sentences ("only online or classroom courses"). */
const DELIVERY_SHORT = /** @type {Record<import('./plan-options.js').DeliveryMode, string>} */ ({
  classroom: 'classroom',
  online: 'online',
  blended: 'blended',
  workplace: 'workplace',
  unknown: 'not-stated',
});

/** The caveat on pay figures, shown (and printed) with the plan. */
export const PAY_CAVEAT = 'Pay figures are estimates: average UK earnings in 2019 for each job’s whole occupation group (ONS), not what an employer would pay you.';

/**
 * "a, b or c".
 * @param {string[]} xs
 * @param {string} [last]
 */
function listText(xs, last = 'or') {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${last} ${xs[xs.length - 1]}`;
}

/**
 * One plain sentence for a limit that stops more skills being covered:
 * "Your £500 budget stops 3 more skills being covered; £600 more would cover them."
 * @param {Binding} b
 * @param {PlanLimits} limits
 */
export function bindingSentence(b, limits) {
  const lead = {
    budget: `Your ${formatGbp(limits.budget ?? 0)} budget`,
    maxWeeks: `Your limit of ${formatWeeks(limits.maxWeeks ?? 0)} of training`,
    fundedOnly: 'Choosing funded courses only',
    delivery: `Choosing only ${listText(limits.delivery.map((d) => DELIVERY_SHORT[d]))} courses`,
    apprenticeships: 'Leaving out apprenticeships',
  }[b.limit] ?? `The limit “${b.limit}”`;
  const them = b.moreSkills === 1 ? 'it' : 'them';
  const weeksMore = (/** @type {number} */ w) => `${formatWeeks(w).replace(/^([\d.,]+) (weeks?)/, '$1 more $2')} of training`;
  const cost = b.moreCost > 0 ? `${formatGbp(b.moreCost)} more` : '';
  const time = b.moreWeeks > 0 ? weeksMore(b.moreWeeks) : '';
  let lift;
  if (b.limit === 'budget') {
    lift = cost ? `${cost}${time ? ` (and ${time})` : ''} would cover ${them}` : `a bigger budget would cover ${them}`;
  } else if (b.limit === 'maxWeeks') {
    lift = time ? `${time.replace(/ of training$/, '')}${cost ? ` (and ${cost})` : ''} would cover ${them}` : `more weeks would cover ${them}`;
  } else {
    const allow = {
      fundedOnly: 'allowing courses you pay for',
      delivery: 'allowing courses taught other ways',
      apprenticeships: 'including apprenticeships',
    }[b.limit] ?? 'lifting it';
    const extra = [cost && `${cost} to pay`, time].filter(Boolean);
    const free = b.unknowns ? ' (some of those courses do not publish a price or length)' : ' at no extra cost or time';
    lift = `${allow} would cover ${them}${extra.length > 0 ? `, with ${listText(extra, 'and')}` : free}`;
  }
  const unknown = b.unknowns && (cost || time) ? ' Some of those courses do not publish a price or length, so it may be more.' : '';
  return `${lead} stops ${plural(b.moreSkills, 'more skill')} being covered; ${lift}.${unknown}`;
}

/**
 * A summary-list row.
 * @param {string} key
 * @param {...any} value
 */
function row(key, ...value) {
  return h('div', { class: 'app-summary-list__row' },
    h('dt', { class: 'app-summary-list__key' }, key),
    h('dd', { class: 'app-summary-list__value' }, ...value));
}

/** @param {SkillRef} skill */
function skillItem(skill) {
  return h('li', { class: 'app-skill-list__item' },
    skill.label, skill.green && [' ', h('strong', { class: 'app-tag app-tag--green' }, 'green skill')]);
}

/**
 * "£30,800 a year (indicative estimate)".
 * @param {number | undefined} pay
 */
function payText(pay) {
  return typeof pay === 'number' ? `${formatPounds(pay)} a year (indicative estimate)` : 'Pay not known';
}

/**
 * One course of the plan, as a list item holding an article.
 * @param {Plan['steps'][number]} step
 * @param {number} n 1-based position
 */
function courseItem(step, n) {
  const c = step.course;
  const titleId = `plan-course-${n}-title`;
  const type = `${KINDS[c.kind] ?? c.kind}${typeof c.level === 'number' ? `, level ${c.level}` : ''}`;
  const length = step.weeksUnknown || typeof c.weeks !== 'number' ? 'Length not known' : formatWeeks(c.weeks);
  const cost = c.funding === 'apprenticeshipLevy'
    ? (typeof c.maxFunding === 'number'
      ? `Free to you: apprenticeships in England are funded up to the standard’s band of ${formatGbp(c.maxFunding)}, paid to the provider`
      : 'Free to you: apprenticeships in England are funded by the levy or the government')
    : step.costUnknown ? 'Price not published: ask the provider'
    : typeof c.cost === 'number' ? (c.cost === 0 ? 'Free to you' : formatGbp(c.cost))
    : 'No fee to you';
  return h('li', { class: 'app-course', 'data-id': c.id },
    h('article', { class: 'app-course__article', 'aria-labelledby': titleId },
      h('h4', { class: 'app-course__title', id: titleId },
        h('span', { class: 'app-result__rank' }, `${n}. `), c.title),
      step.bridging && h('p', { class: 'app-course__bridging' },
        h('strong', { class: 'app-tag app-tag--route' }, 'Recognised route'),
        ' Bridging training the recognised route asks for.'),
      h('dl', { class: 'app-summary-list app-course__facts' },
        row('Provider', c.provider || 'Not stated'),
        row('Type', type),
        row('Length', length),
        row('Price', cost),
        row('You pay', step.costUnknown ? 'Not known: the price is not published (not counted in the total)' : formatGbp(step.outOfPocket)),
        step.funded > 0 && row('Funding covers', formatGbp(step.funded)),
        row('Funding', FUNDING[c.funding] ?? c.funding),
        row('How it is taught', DELIVERY[c.delivery] ?? c.delivery),
        c.availableIn && row('Where', `Only for people in ${c.availableIn}`),
        row('Entry requirements', c.prerequisites || 'None published'),
        row('Closes', step.closes.length === 0
          ? 'No further skills of the gap (it comes before a course that needs it)'
          : h('ul', { class: 'app-skill-list app-course__closes' }, step.closes.map(skillItem)))),
      c.notes && h('p', { class: 'app-body app-course__notes' }, h('strong', {}, 'Note: '), c.notes),
      c.source && h('p', { class: 'app-body app-course__source-line' }, 'Source: ', sourceLink(c.source, 'app-course__source'))));
}

/**
 * The courses as one compact table, shown only when printing, so that a plan fits one page.
 * (Screens show the full course cards instead; the table is hidden from them and from
 * assistive technology there by `display: none`.)
 * @param {Plan} plan
 */
function printTable(plan) {
  return h('table', { class: 'app-print-courses', id: 'plan-print-courses' },
    h('thead', {}, h('tr', {},
      ['', 'Course', 'Length', 'You pay', 'Funding', 'Skills it closes'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, plan.steps.map((s, i) => {
      const c = s.course;
      return h('tr', {},
        h('td', {}, `${i + 1}.`),
        h('td', {}, h('strong', {}, c.title), c.provider ? ` (${c.provider})` : ''),
        h('td', {}, s.weeksUnknown || typeof c.weeks !== 'number' ? 'not known' : formatWeeks(c.weeks)),
        h('td', {}, s.costUnknown ? 'not known' : formatGbp(s.outOfPocket)),
        h('td', {}, FUNDING[c.funding] ?? c.funding),
        h('td', {}, s.closes.map((x) => x.label).join('; ')));
    })));
}

/**
 * Render a plan into the plan body.
 * @param {HTMLElement} body
 * @param {Plan} plan
 * @param {{ limits: PlanLimits, catalogueSize: number }} ctx
 */
export function renderPlan(body, plan, ctx) {
  const closed = new Set(plan.steps.flatMap((s) => s.closes.map((x) => x.id))).size;
  const gap = plan.gap.length;
  const unknownWeeks = plan.steps.filter((s) => s.weeksUnknown).length;
  const unknownCost = plan.steps.filter((s) => s.costUnknown).length;
  const dest = plan.destination.label;
  /** @type {string} */
  let empty = '';
  if (plan.steps.length === 0) {
    if (gap === 0) empty = `You already have, or are close to, every essential skill for ${dest}: no course is needed.`;
    else if (ctx.catalogueSize === 0) empty = 'There are no courses in this version of the data, so no course can be suggested. The skills you need are listed below to learn on the job.';
    else if (plan.binding.length > 0) empty = `No course fits your limits. ${plural(gap, 'skill')} to learn for ${dest} are listed below, after the limits that stop courses covering them.`;
    else empty = `No course in the list teaches the skills you need for ${dest}. They are listed below to learn on the job.`;
  }
  const grants = plan.steps.filter((s) => s.course.funding === 'grantPartFunded').length;
  const funding = plan.funded > 0
    ? `${formatGbp(plan.funded)} paid by Skills Bootcamps or apprenticeship funding, not by you${grants > 0 ? `; a grant may also pay part of ${plural(grants, 'course')}` : ''}`
    : grants > 0 ? `A grant may pay part of ${plural(grants, 'course')} (the amount is not known, so it is not counted)`
    : 'No public or levy funding applies to these courses';
  const weeksText = plan.steps.length === 0 ? 'no training'
    : unknownWeeks === plan.steps.length ? 'training of unknown length'
    : `${formatWeeks(plan.weeks)} of training${unknownWeeks > 0 ? ' (some courses do not say how long)' : ''}`;
  const costText = plan.steps.length === 0 ? 'nothing to pay'
    : unknownCost === plan.steps.length ? 'price to you not published'
    : `${formatGbp(plan.outOfPocket)} to you${unknownCost > 0 ? ' (some courses publish no price)' : ''}`;
  replaceChildren(body,
    // The plan in one line, then the courses: a worker sees what to do before the figures.
    h('p', { class: 'app-body app-plan__headline', id: 'plan-headline' },
      h('strong', {}, `${plan.origin.label} to ${dest}`), `: ${plural(plan.steps.length, 'course')}, ${weeksText}, ${costText}.`),
    plan.route && routeBox(plan.route),
    h('h3', { class: 'app-heading-m', id: 'plan-courses-heading' }, 'Courses, in the order to take them'),
    plan.steps.length === 0
      ? h('p', { class: 'app-body app-plan__empty', id: 'plan-empty' }, empty)
      : [h('ol', { class: 'app-courses', id: 'plan-courses', 'aria-labelledby': 'plan-courses-heading' },
        plan.steps.map((s, i) => courseItem(s, i + 1))),
      printTable(plan)],
    plan.binding.length > 0 && h('div', { class: 'app-inset app-inset--limits', id: 'plan-binding' },
      h('h3', { class: 'app-heading-s' }, 'What your limits stop'),
      h('ul', { class: 'app-plan-binding' }, plan.binding.map((b) =>
        h('li', { 'data-limit': b.limit }, bindingSentence(b, ctx.limits))))),
    plan.status !== 'optimal' && h('div', { class: 'app-inset', id: 'plan-time-note' },
      h('p', { class: 'app-inset__text' }, plan.status === 'timeLimit'
        ? 'This is the best plan found in the time allowed. A slightly better one may exist.'
        : 'This plan was found by a quick method and may not be the best possible.')),
    h('h3', { class: 'app-heading-m', id: 'plan-left-heading' }, 'Still to learn on the job'),
    plan.leftToLearn.length === 0
      ? h('p', { class: 'app-body', id: 'plan-left-none' }, gap === 0 ? 'Nothing.' : 'Nothing: the courses above cover every skill to learn.')
      : [h('p', { class: 'app-body' }, `No course covers ${plan.leftToLearn.length === 1 ? 'this skill' : `these ${formatCount(plan.leftToLearn.length)} skills`} within your limits, so plan to learn ${plan.leftToLearn.length === 1 ? 'it' : 'them'} at work:`),
        h('ul', { class: 'app-skill-list app-plan-left', id: 'plan-left', 'aria-labelledby': 'plan-left-heading' },
          plan.leftToLearn.map(skillItem))],
    h('h3', { class: 'app-heading-m', id: 'plan-figures-heading' }, 'The plan in figures'),
    h('dl', { class: 'app-summary-list app-plan-summary', id: 'plan-summary', 'aria-labelledby': 'plan-figures-heading' },
      row('Your job now', `${plan.origin.label}: ${payText(plan.origin.annualEarnings)}`),
      row('Moving to', `${dest}: ${payText(plan.destination.annualEarnings)}`),
      row('Training time', plan.steps.length === 0 ? 'None'
        : unknownWeeks === plan.steps.length ? `Not known (${plural(unknownWeeks, 'course does', 'courses do')} not say how long)`
        : `${formatWeeks(plan.weeks)}${unknownWeeks > 0 ? ` (and ${plural(unknownWeeks, 'course does', 'courses do')} not say how long)` : ''}`),
      row('You pay', unknownCost === plan.steps.length && plan.steps.length > 0
        ? `Not known: ${plural(unknownCost, 'course does', 'courses do')} not publish a price`
        : formatGbp(plan.outOfPocket),
      unknownCost > 0 && unknownCost < plan.steps.length ? ` (and ${plural(unknownCost, 'course has', 'courses have')} no published price)` : ''),
      row('Funding', plan.steps.length === 0 ? 'No courses' : funding),
      row('Skills covered', gap === 0
        ? 'There are no essential skills to learn'
        : `Courses close ${formatCount(closed)} of the ${plural(gap, 'skill')} you need to learn`)),
    h('p', { class: 'app-body app-plan-caveat' }, PAY_CAVEAT));
}

/**
 * The recognised route a plan follows: who recognises it, why, and the source.
 * @param {import('../moves/moves.js').Route} route
 */
function routeBox(route) {
  return h('div', { class: 'app-inset app-inset--route', id: 'plan-route' },
    h('p', { class: 'app-inset__text' },
      h('strong', { class: 'app-tag app-tag--route' }, route.open ? 'Open to career changers' : 'Recognised route'), ' ',
      route.open ? `${route.recognisedBy}: training designed for people new to the work.` : `${route.recognisedBy} recognise this move.`,
      route.bridging.length > 0 ? ' Its bridging training comes first.' : ''),
    h('details', { class: 'app-details app-inset__details' },
      h('summary', { class: 'app-details__summary' }, 'Why, and the source'),
      h('p', { class: 'app-inset__text app-details__text' }, `${route.evidence} Source: `, sourceLink(route.source), '.')));
}

/**
 * "£300 to you", or "price not known" when some course publishes no price.
 * @param {number} pay
 * @param {boolean} unknowns
 */
function toYou(pay, unknowns) {
  if (!unknowns) return `${formatGbp(pay)} to you`;
  return pay > 0 ? `at least ${formatGbp(pay)} to you (some prices not published)` : 'price to you not published';
}

/**
 * Render the alternative routes.
 * @param {HTMLElement} body
 * @param {Pathway[]} routes
 * @param {string} origin the current job's label
 */
export function renderPathways(body, routes, origin) {
  if (routes.length === 0) {
    replaceChildren(body, h('p', { class: 'app-body', id: 'pathways-empty' },
      'No route to a green job fits these limits. Try a bigger budget, more weeks, or allowing more kinds of course.'));
    return;
  }
  replaceChildren(body, h('ol', { class: 'app-routes', id: 'pathways-list' }, routes.map((r, i) => {
    const last = r.steps[r.steps.length - 1];
    const titleId = `route-${i + 1}-title`;
    return h('li', { class: 'app-route' },
      h('article', { class: 'app-route__article', 'aria-labelledby': titleId },
        h('h4', { class: 'app-route__title', id: titleId },
          `Route ${i + 1}: ${last ? last.to.label : origin}`,
          h('span', { class: 'app-visually-hidden' }, `, ${plural(r.steps.length, 'move')}`)),
        h('p', { class: 'app-route__totals' },
          `${r.weeks > 0 ? `${formatWeeks(r.weeks)} of training` : (r.unknowns ? 'Training of unknown length' : 'No training')}, ${toYou(r.outOfPocket, r.unknowns)}, `,
          `final pay ${typeof r.finalPay === 'number' ? `${formatPounds(r.finalPay)} a year` : 'not known'}, `,
          `${plural(r.leftToLearn, 'skill')} left to learn on the job.`,
          r.unknowns ? ' Some courses on this route do not publish their price or length: check with the provider.' : ''),
        h('ol', { class: 'app-route__moves' }, r.steps.map((s, j) => {
          const isLast = j === r.steps.length - 1;
          return h('li', { class: `app-route__move${isLast ? ' app-route__move--final' : ''}` },
            h('p', { class: 'app-route__jobs' },
              s.from.label, h('span', { 'aria-hidden': 'true' }, ' → '),
              h('span', { class: 'app-visually-hidden' }, ' to '), h('strong', {}, s.to.label), ' ',
              isLast
                ? h('strong', { class: `app-tag ${s.green ? 'app-tag--green' : 'app-tag--carbon'}` }, s.green ? 'Green job' : 'Destination')
                : h('strong', { class: 'app-tag app-tag--step' }, s.green ? 'Stepping-stone job (also green)' : 'Stepping-stone job')),
            s.recognised && h('p', { class: 'app-route__recognised' },
              h('strong', { class: 'app-tag app-tag--route' }, 'Recognised route')),
            h('p', { class: 'app-route__detail' },
              s.courses.length > 0 ? `Courses: ${s.courses.map((c) => c.title).join('; ')}. `
                : s.leftToLearn === 0 ? 'No course needed: you have or are close to every essential skill. '
                : 'No course in the list teaches the skills to learn for this move. ',
              `${s.weeks > 0 ? formatWeeks(s.weeks) : (s.unknowns ? 'Length not known' : 'No training')}, ${toYou(s.outOfPocket, s.unknowns)}, ${plural(s.leftToLearn, 'skill')} to learn on the job.`,
              s.status === 'timeLimit' ? ' (Best found in the time allowed.)' : ''));
        }))));
  })));
}
