// @ts-check
/**
 * @file Renders ranked moves (`Planner.transitions`) with plain-language reasons: skills held,
 * skills that are close, skills to learn, pay against now, and why a job counts as green under
 * each definition (saying which definitions agree and which do not).
 */

import { h, replaceChildren } from '../../app/dom.js';
import { sourceLink } from '../current-job/current-job.js';
import { describeWhenOpened, DESCRIPTION_PENDING } from '../job-description/job-description.js';
import { formatCount, formatPayChange, formatPercent, formatPounds, plural } from '../../app/format.js';

/**
 * @typedef {import('../current-job/current-job.js').SkillRef} SkillRef
 * @typedef {import('../current-job/current-job.js').OccupationDetail} OccupationDetail
 */

/**
 * A ranked move, as `Planner.transitions` returns it (the declaration generated from the Rust
 * DTO).
 * @typedef {import('../../pkg/greenpath.js').TransitionDto} Transition
 */

/**
 * @typedef {import('../../pkg/greenpath.js').GreenJobDto} GreenJob why a job is on the green jobs list
 */

/**
 * @typedef {import('../../pkg/greenpath.js').RouteDto} Route a move an industry body or programme recognises
 */

/**
 * @typedef {import('../../pkg/greenpath.js').ClassificationDto} Classification
 */

/** The green definitions a destination can be judged by, in the order they are shown. */
export const GREEN_KEYS = ['curatedGreenJobs', 'escoGreenSkills', 'onetGreenEconomy', 'onsGreenTasks'];

/**
 * The filter value that selects a definition (`curated`), from its classification key
 * (`curatedGreenJobs`); the other keys are the same in both.
 * @param {string} key
 */
export function greenValue(key) {
  return key === 'curatedGreenJobs' ? 'curated' : key;
}

/** Fallback names, used if `classifications()` does not describe a key. */
const GREEN_NAMES = /** @type {Record<string, string>} */ ({
  curated: 'Green jobs list',
  curatedGreenJobs: 'Green jobs list',
  consensus: 'At least two definitions',
  any: 'Any definition',
  escoGreenSkills: 'ESCO green skills',
  onetGreenEconomy: 'O*NET green economy',
  onsGreenTasks: 'ONS green tasks',
});

const ONET_CATEGORIES = /** @type {Record<string, string>} */ ({
  increasedDemand: 'Increased Demand',
  enhancedSkills: 'Enhanced Skills',
  newAndEmerging: 'New & Emerging',
});

const RELATIONS = /** @type {Record<string, string>} */ ({
  related: 'a related skill',
  broader: 'a broader or narrower form of it',
  sameGroup: 'same skill group',
  optionalInOrigin: 'an optional skill in your job',
});

/** How many "close to" skills and skills to learn to show before folding. */
const PARTIAL_SHOWN = 3;
const MISSING_SHOWN = 5;

/** The Real Living Wage for 2019, full time, as the planner's default pay floor. */
export const DEFAULT_PAY_FLOOR = 18185;

/**
 * The name of a green definition.
 * @param {string} key
 * @param {Classification[]} classifications
 */
export function greenName(key, classifications) {
  const classKey = key === 'curated' ? 'curatedGreenJobs' : key;
  return classifications.find((c) => c.key === classKey)?.name ?? GREEN_NAMES[key] ?? key;
}

/**
 * Why a move counts as green (or not) under each definition.
 * @param {Transition['green']} g
 * @param {Classification[]} classifications
 * @returns {{ facts: string[], agree: string[], disagree: string[] }}
 */
export function greenReasons(g, classifications) {
  const name = (/** @type {string} */ key) => greenName(key, classifications);
  /** @type {string[]} */
  const facts = [];
  /** @type {string[]} */
  const agree = [];
  /** @type {string[]} */
  const disagree = [];
  facts.push(`${formatPercent(g.escoShare)} of its essential skills are ESCO green skills`);
  (g.esco ? agree : disagree).push(name('escoGreenSkills'));
  if (g.onet) {
    facts.push(`O*NET green economy: ${ONET_CATEGORIES[g.onet] ?? g.onet}${g.onetEstimated ? ' (estimated)' : ''}`);
    agree.push(name('onetGreenEconomy'));
  } else {
    facts.push('not in the O*NET green economy');
    disagree.push(name('onetGreenEconomy'));
  }
  if (typeof g.onsShare === 'number') facts.push(`about ${formatPercent(g.onsShare)} of working time on green tasks (ONS estimate)`);
  else facts.push('no ONS estimate of time on green tasks');
  (g.ons ? agree : disagree).push(name('onsGreenTasks'));
  return { facts, agree, disagree };
}

/**
 * Why a job counts as green (or not): the green jobs list's reason and source first, then how
 * the other definitions judge it.
 * @param {Transition} t
 * @param {Classification[]} classifications
 */
export function greenItem(t, classifications) {
  const { facts, agree, disagree } = greenReasons(t.green, classifications);
  const curated = t.green.curated;
  const others = `${facts.join('; ')}. ` +
    (agree.length > 0 ? `Green under: ${agree.join(', ')}. ` : '') +
    (disagree.length > 0 ? `Not green under: ${disagree.join(', ')}.` : '');
  if (t.carbonIntensive) {
    return ['Not counted as green: it is on the carbon-intensive list, a job people are moving out of. ', others];
  }
  return [
    curated
      ? ['Green job (', curated.name, '): ', sentence(curated.evidence), ' Source: ', sourceLink(curated.source), '. ']
      : 'Not on the green jobs list. ',
    h('details', { class: 'app-details app-details--inline' },
      h('summary', { class: 'app-details__summary' }, 'What the other definitions say',
        h('span', { class: 'app-visually-hidden' }, ` about ${t.label}`)),
      h('p', { class: 'app-details__text' }, others)),
  ];
}

/**
 * `text` ending with a full stop (curated evidence may or may not have one).
 * @param {string} text
 */
function sentence(text) {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * "Skills you have: 12 of 17 essential skills".
 * @param {Transition} t
 */
export function skillsHeldSentence(t) {
  const total = t.matched.length + t.partial.length + t.missing.length;
  const close = t.partial.length > 0 ? `, and ${plural(t.partial.length, 'more is', 'more are')} close to skills you have` : '';
  const route = t.recognised && t.matched.length * 2 < total
    ? `. ESCO’s skill lists miss much of what this move shares; ${t.recognised.open ? 'the training open to career changers' : 'the recognised route’s training'} bridges the gap`
    : '';
  return `Skills you have: ${formatCount(t.matched.length)} of the ${plural(total, 'essential skill')} ESCO lists${close}${route}`;
}

/**
 * @param {SkillRef} skill
 */
function skillText(skill) {
  return skill.green ? [skill.label, ' ', h('strong', { class: 'app-tag app-tag--green' }, 'green skill')] : [skill.label];
}

/**
 * "install heat pump ← install heating systems (same skill group)"; the arrow is read as words.
 * @param {Transition['partial'][number]} p
 */
function partialItem(p) {
  const relation = RELATIONS[p.relation] ?? p.relation;
  return h('li', { class: 'app-skill-list__item' },
    p.needed.label,
    p.relation === 'optionalInOrigin' && p.needed.id === p.held.id
      ? ` (${relation})`
      : [h('span', { 'aria-hidden': 'true' }, ' ← '),
        h('span', { class: 'app-visually-hidden' }, ', close to your skill: '),
        p.held.label, ` (${relation})`]);
}

/**
 * Text badges (never colour alone).
 * @param {Transition} t
 * @param {{ desirablePayRatio: number, payFloor: number | null }} filters
 */
function badges(t, filters) {
  const list = [];
  if (t.recognised && !t.recognised.open) list.push(['Recognised route', 'app-tag--route']);
  if (t.flags.highlyViable) list.push(['Highly viable move', 'app-tag--viable']);
  else if (t.flags.viableBySkills) list.push(['Viable move', 'app-tag--viable']);
  else if (t.recognised?.open) list.push(['Open to career changers with training', 'app-tag--route']);
  if (t.flags.desirable) {
    const floor = filters.payFloor === null ? '' : ' and above the Real Living Wage (2019)';
    list.push([`Pay at least ${Math.round(filters.desirablePayRatio * 100)}% of now${floor}`, 'app-tag--pay']);
  }
  if (t.flags.green) list.push(['Green job', 'app-tag--green']);
  if (t.carbonIntensive) list.push(['Carbon-intensive job', 'app-tag--carbon']);
  if (list.length === 0) return null;
  return h('ul', { class: 'app-badges', 'aria-label': 'About this move' },
    list.map(([text, cls]) => h('li', {}, h('strong', { class: `app-tag ${cls}` }, text))));
}

/**
 * Pay against now: "£30,000 a year, +£3,200 (+12%) vs now (indicative estimate)".
 * @param {Transition} t
 * @param {OccupationDetail} origin
 */
export function payText(t, origin) {
  if (typeof t.annualEarnings !== 'number') return 'Pay not known';
  const pay = `${formatPounds(t.annualEarnings)} a year`;
  const estimate = t.estimatedFrom
    ? `estimated from ${t.estimatedFrom.basis === 'broaderOccupation' ? `the broader job “${t.estimatedFrom.from}”` : `the median of ${t.estimatedFrom.from}`}`
    : 'indicative estimate';
  if (typeof origin.annualEarnings !== 'number' || typeof t.payChange !== 'number') return `${pay} (${estimate})`;
  return `${pay}, ${formatPayChange(t.annualEarnings - origin.annualEarnings, t.payChange)} vs now (${estimate})`;
}

/**
 * The recognised route of a move: who recognises it, what bridges it, and the source.
 * @param {Route} r
 */
function routeItem(r) {
  const training = r.bridging.length > 0 ? ` Training: ${r.bridging.map((c) => c.title).join('; ')}.` : '';
  return h('li', { class: 'app-why__route' },
    h('strong', {}, r.open ? 'Open to career changers: ' : 'Recognised route: '),
    sentence(r.evidence), ` (${r.recognisedBy}.)`, training, ' Source: ', sourceLink(r.source), '.');
}

/**
 * One move, as a list item holding an article.
 * @param {Transition} t
 * @param {number} rank
 * @param {{ origin: OccupationDetail, classifications: Classification[], prefix: string, filters: { desirablePayRatio: number, payFloor: number | null } }} ctx
 */
function moveItem(t, rank, ctx) {
  const titleId = `${ctx.prefix}-${rank}-title`;
  const partialShown = t.partial.slice(0, PARTIAL_SHOWN);
  const missingShown = t.missing.slice(0, MISSING_SHOWN);
  const missingRest = t.missing.slice(MISSING_SHOWN);
  return h('li', { class: `app-result${t.flags.green ? ' app-result--green' : ''}`, 'data-id': t.id },
    h('article', { class: 'app-result__article', 'aria-labelledby': titleId },
      h('h3', { class: 'app-result__title', id: titleId },
        h('span', { class: 'app-result__rank' }, `${rank}. `), t.label),
      badges(t, ctx.filters),
      // Plain words first; the score and the occupation codes are in "About this job".
      h('p', { class: 'app-result__similarity' },
        h('meter', { class: 'app-meter', min: 0, max: 1, value: Math.min(1, Math.max(0, t.facets.skills)), 'aria-hidden': 'true' }),
        h('span', { class: 'app-result__similarity-text' }, heldShort(t))),
      h('h4', { class: 'app-skills__title', id: `${ctx.prefix}-${rank}-why` }, 'Why this move'),
      h('ul', { class: 'app-why', 'aria-labelledby': `${ctx.prefix}-${rank}-why` },
        t.recognised && routeItem(t.recognised),
        h('li', { class: 'app-why__held' }, `${skillsHeldSentence(t)}.`),
        partialShown.length > 0 && h('li', { class: 'app-why__close' }, 'Close to:',
          h('ul', { class: 'app-skill-list' }, partialShown.map(partialItem)),
          t.partial.length > PARTIAL_SHOWN && h('p', { class: 'app-skills__extra' },
            `and ${plural(t.partial.length - PARTIAL_SHOWN, 'more close skill')}.`)),
        h('li', { class: 'app-why__learn' },
          t.missing.length === 0
            ? 'To learn: nothing — you have or are close to every essential skill listed.'
            : [`To learn (${formatCount(t.missing.length)}):`,
              h('ul', { class: 'app-skill-list' }, missingShown.map((s) => h('li', { class: 'app-skill-list__item' }, skillText(s)))),
              missingRest.length > 0 && h('details', { class: 'app-details' },
                h('summary', { class: 'app-details__summary' }, `and ${formatCount(missingRest.length)} more to learn`,
                  h('span', { class: 'app-visually-hidden' }, ` for ${t.label}`)),
                h('ul', { class: 'app-skill-list app-details__text' },
                  missingRest.map((s) => h('li', { class: 'app-skill-list__item' }, skillText(s)))))]),
        h('li', { class: 'app-why__pay' }, `Pay: ${payText(t, ctx.origin)}.`),
        typeof t.jobZone === 'number' && h('li', { class: 'app-why__prep' },
          `Preparation needed: level ${t.jobZone} of 5`,
          typeof ctx.origin.jobZone === 'number' ? ` (your job: ${ctx.origin.jobZone}).` : '.'),
        h('li', { class: 'app-why__green' }, greenItem(t, ctx.classifications))),
      aboutJob(t),
      h('p', { class: 'app-actions app-result__actions' },
        h('button', {
          type: 'button', class: 'app-button app-result__plan', 'data-action': 'plan', 'data-id': t.id,
          'data-label': t.label, 'aria-controls': 'retraining',
        }, `Plan the retraining for ${t.label}`))));
}

/**
 * "Skills you have: 12 of 17, 3 more close".
 * @param {Transition} t
 */
function heldShort(t) {
  const total = t.matched.length + t.partial.length + t.missing.length;
  const close = t.partial.length > 0 ? `, ${formatCount(t.partial.length)} more close` : '';
  return `Skills you have: ${formatCount(t.matched.length)} of ${formatCount(total)}${close}`;
}

/**
 * "About this job", folded: the occupation group and code, the skills match score, and the
 * description, which loads when the details are first opened.
 * @param {Transition} t
 */
function aboutJob(t) {
  const text = h('p', { class: 'app-details__text' }, DESCRIPTION_PENDING);
  const details = h('details', { class: 'app-details' },
    h('summary', { class: 'app-details__summary' }, h('span', {}, 'About this job'),
      h('span', { class: 'app-visually-hidden' }, `: ${t.label}`)),
    text,
    h('p', { class: 'app-details__text app-result__group' },
      `Occupation group: ${t.iscoLabel ? `${t.iscoLabel} (ISCO ${t.isco})` : `ISCO ${t.isco}`}.`),
    h('p', { class: 'app-details__text app-result__score' },
      `Skills match: ${formatPercent(t.facets.skills)} (the essential skills you have, with part credit for close ones; ranks the moves).`));
  describeWhenOpened(details, t.id, text);
  return details;
}

/**
 * Render one list of moves into a section.
 * @param {HTMLElement} section has `aria-labelledby` pointing at the heading rendered here
 * @param {object} o
 * @param {string} o.headingId
 * @param {string} o.heading
 * @param {(string | Node)[]} o.intro paragraphs' content
 * @param {string} [o.how] how the list is ordered and judged, folded under "How these moves are ordered"
 * @param {string} o.listId
 * @param {string} o.empty text when there are no moves
 * @param {Transition[]} o.moves
 * @param {OccupationDetail} o.origin
 * @param {Classification[]} o.classifications
 * @param {{ desirablePayRatio: number, payFloor: number | null }} o.filters
 */
export function renderMoves(section, o) {
  replaceChildren(section,
    h('h2', { id: o.headingId, class: 'app-heading-l' }, o.heading),
    o.intro.map((p) => h('p', { class: `app-body${o.how ? ' app-moves__intro' : ''}` }, p)),
    o.how && h('details', { class: 'app-details app-moves__how' },
      h('summary', { class: 'app-details__summary' }, 'How these moves are ordered',
        h('span', { class: 'app-visually-hidden' }, ` (${o.heading})`)),
      h('p', { class: 'app-body app-details__text' }, o.how)),
    o.moves.length === 0
      ? h('p', { class: 'app-body app-moves__empty' }, o.empty)
      : h('ol', { class: 'app-results', id: o.listId },
        o.moves.map((t, i) => moveItem(t, i + 1, {
          origin: o.origin, classifications: o.classifications, prefix: o.listId, filters: o.filters,
        }))));
}
