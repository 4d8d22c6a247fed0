// @ts-check
/**
 * @file The limits a worker sets on a retraining plan (budget, weeks, funding, delivery,
 * apprenticeships, money against time, certificates held): their state, validation, and how they
 * are kept in the URL (`&to=<id>&budget=500&weeks=12&funded=1&delivery=online,classroom&appr=0&mvt=0.25&held=id1,id2`).
 * Pure functions, no DOM.
 */

/**
 * @typedef {'classroom'|'online'|'blended'|'workplace'|'unknown'} DeliveryMode
 */

/**
 * @typedef {object} PlanLimits
 * @property {number | null} budget £ out of pocket, null for no limit
 * @property {string} budgetText what the person typed (kept when invalid)
 * @property {number | null} maxWeeks null for no limit
 * @property {string} maxWeeksText what the person typed (kept when invalid)
 * @property {boolean} fundedOnly
 * @property {DeliveryMode[]} delivery empty: any
 * @property {boolean} apprenticeships
 * @property {number} moneyVsTime 0 only time matters … 1 only money matters
 * @property {string[]} held course ids of certificates held
 */

export const DELIVERY_VALUES = /** @type {DeliveryMode[]} */ (['classroom', 'online', 'blended', 'workplace', 'unknown']);
export const MONEY_VS_TIME_VALUES = [0, 0.25, 0.5, 0.75, 1];
/** The planner's own limits (`Planner.plan` rejects more). */
export const MAX_BUDGET = 1_000_000;
export const MAX_WEEKS = 520;

/** @returns {PlanLimits} */
export function defaultLimits() {
  return {
    budget: null, budgetText: '', maxWeeks: null, maxWeeksText: '', fundedOnly: false,
    delivery: [], apprenticeships: true, moneyVsTime: 0.5, held: [],
  };
}

/**
 * Parse a budget typed by a person: blank is "no limit"; "£1,500" is 1500. Pence are rounded
 * to whole pounds (the planner counts whole pounds).
 * @param {string} text
 * @returns {{ ok: true, value: number | null } | { ok: false, error: string }}
 */
export function parseBudget(text) {
  const cleaned = text.trim().replace(/^£/, '').replace(/,/g, '').trim();
  if (cleaned === '') return { ok: true, value: null };
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) {
    return { ok: false, error: /^[-\u2212]/.test(cleaned)
      ? 'Budget must be £0 or more, or leave it blank for no limit'
      : 'Enter your budget as an amount in pounds, like 500, or leave it blank for no limit' };
  }
  const value = Math.round(Number(cleaned));
  if (value > MAX_BUDGET) return { ok: false, error: 'Budget must be £1,000,000 or less' };
  return { ok: true, value };
}

/**
 * Parse the most weeks of training: blank is "no limit"; whole or decimal weeks.
 * @param {string} text
 * @returns {{ ok: true, value: number | null } | { ok: false, error: string }}
 */
export function parseWeeks(text) {
  const cleaned = text.trim().replace(/\s*weeks?$/i, '').trim();
  if (cleaned === '') return { ok: true, value: null };
  if (!/^\d+(\.\d+)?$/.test(cleaned)) {
    return { ok: false, error: /^[-\u2212]/.test(cleaned)
      ? 'Weeks of training must be 0 or more, or leave it blank for no limit'
      : 'Enter the most weeks of training as a number, like 12, or leave it blank for no limit' };
  }
  const value = Number(cleaned);
  if (value > MAX_WEEKS) return { ok: false, error: 'Weeks of training must be 520 (10 years) or fewer' };
  return { ok: true, value };
}

/**
 * Read the destination and the limits from URL search parameters; anything unknown or invalid
 * falls back to the default.
 * @param {URLSearchParams} params
 * @returns {{ to: string | null, limits: PlanLimits }}
 */
export function limitsFromParams(params) {
  const l = defaultLimits();
  const budget = parseBudget(params.get('budget') ?? '');
  if (budget.ok && budget.value !== null) { l.budget = budget.value; l.budgetText = String(budget.value); }
  const weeks = parseWeeks(params.get('weeks') ?? '');
  if (weeks.ok && weeks.value !== null) { l.maxWeeks = weeks.value; l.maxWeeksText = String(weeks.value); }
  l.fundedOnly = params.get('funded') === '1';
  l.delivery = DELIVERY_VALUES.filter((d) => (params.get('delivery') ?? '').split(',').includes(d));
  l.apprenticeships = params.get('appr') !== '0';
  const mvt = Number(params.get('mvt'));
  if (params.has('mvt') && MONEY_VS_TIME_VALUES.includes(mvt)) l.moneyVsTime = mvt;
  l.held = [...new Set((params.get('held') ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
  const to = params.get('to')?.trim() || null;
  return { to, limits: l };
}

/**
 * Write the destination (or remove it, with every limit, when no plan is open) and the limits
 * that differ from the defaults into URL search parameters.
 * @param {URLSearchParams} params
 * @param {string | null} to
 * @param {PlanLimits} l
 */
export function limitsToParams(params, to, l) {
  const d = defaultLimits();
  const set = (/** @type {string} */ k, /** @type {string} */ v, /** @type {boolean} */ isDefault) => {
    if (isDefault || to === null) params.delete(k); else params.set(k, v);
  };
  set('to', to ?? '', to === null);
  set('budget', String(l.budget), l.budget === d.budget);
  set('weeks', String(l.maxWeeks), l.maxWeeks === d.maxWeeks);
  set('funded', '1', l.fundedOnly === d.fundedOnly);
  set('delivery', l.delivery.join(','), l.delivery.length === 0);
  set('appr', '0', l.apprenticeships === d.apprenticeships);
  set('mvt', String(l.moneyVsTime), l.moneyVsTime === d.moneyVsTime);
  set('held', l.held.join(','), l.held.length === 0);
}

/**
 * The options for `Planner.plan`.
 * @param {PlanLimits} l
 * @param {string[]} skills ESCO ids of skills held beyond the job
 */
export function planOptions(l, skills) {
  return {
    extraSkills: skills,
    heldCourses: l.held,
    budget: l.budget,
    maxWeeks: l.maxWeeks,
    fundedOnly: l.fundedOnly,
    delivery: l.delivery,
    apprenticeships: l.apprenticeships,
    moneyVsTime: l.moneyVsTime,
  };
}

/**
 * The options for `Planner.pathways`: the same limits and skills, and the green definition.
 * @param {PlanLimits} l
 * @param {string[]} skills
 * @param {string} green
 */
export function pathwayOptions(l, skills, green) {
  return { ...planOptions(l, skills), green };
}
