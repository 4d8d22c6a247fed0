// @ts-check
/**
 * @file The move filters and the skills a worker adds: their state, validation, and how they
 * are kept in the URL (`&green=…&only=0&viability=…&floor=…&ratio=…&skills=id1,id2`). Pure
 * functions, no DOM.
 */

import { DEFAULT_PAY_FLOOR } from '../moves/moves.js';

/**
 * The option vocabularies come from the declarations generated from Rust, so a value the planner
 * does not know fails the type check (`make typecheck`).
 * @typedef {import('../../pkg/greenpath.js').GreenBasis} GreenBasisKey the green definitions, generated from the Rust enum
 * @typedef {import('../../pkg/greenpath.js').Viability} Viability generated from the Rust enum
 */

/**
 * @typedef {object} Filters
 * @property {GreenBasisKey} green
 * @property {boolean} onlyGreen
 * @property {Viability} minViability
 * @property {number | null} payFloor annual £, null for none
 * @property {string} payFloorText what the person typed (kept when invalid)
 * @property {number} desirablePayRatio
 */

/** @type {GreenBasisKey[]} */
export const GREEN_VALUES = ['curated', 'escoGreenSkills', 'onetGreenEconomy', 'onsGreenTasks', 'consensus', 'any'];
/** @type {Viability[]} */
export const VIABILITY_VALUES = ['any', 'viable', 'highlyViable'];
export const RATIO_VALUES = [0.5, 0.75, 0.9, 1];
/** A pay floor above this is surely a typo. */
export const MAX_PAY_FLOOR = 1_000_000;

/** @returns {Filters} */
export function defaultFilters() {
  return {
    green: 'curated', onlyGreen: true, minViability: 'any',
    payFloor: DEFAULT_PAY_FLOOR, payFloorText: String(DEFAULT_PAY_FLOOR), desirablePayRatio: 0.75,
  };
}

/**
 * Parse a pay floor typed by a person: blank is "no floor"; "£18,185" is 18185.
 * @param {string} text
 * @returns {{ ok: true, value: number | null } | { ok: false, error: string }}
 */
export function parsePayFloor(text) {
  const cleaned = text.trim().replace(/^£/, '').replace(/,/g, '').trim();
  if (cleaned === '') return { ok: true, value: null };
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) {
    return { ok: false, error: /^[-\u2212]/.test(cleaned)
      ? 'Pay floor must be £0 or more, or leave it blank for no floor'
      : 'Enter the pay floor as an amount in pounds a year, like 18185, or leave it blank for no floor' };
  }
  const value = Number(cleaned);
  if (value > MAX_PAY_FLOOR) return { ok: false, error: 'Pay floor must be £1,000,000 a year or less' };
  return { ok: true, value: Math.round(value) };
}

/**
 * Read filters and extra skills from URL search parameters; anything unknown falls back to the default.
 * @param {URLSearchParams} params
 * @returns {{ filters: Filters, skills: string[] }}
 */
export function fromParams(params) {
  const f = defaultFilters();
  const green = params.get('green');
  const knownGreen = GREEN_VALUES.find((v) => v === green);
  if (knownGreen) f.green = knownGreen;
  if (params.get('only') === '0') f.onlyGreen = false;
  const viability = params.get('viability');
  const knownViability = VIABILITY_VALUES.find((v) => v === viability);
  if (knownViability) f.minViability = knownViability;
  if (params.has('floor')) {
    const parsed = parsePayFloor(params.get('floor') ?? '');
    if (parsed.ok) {
      f.payFloor = parsed.value;
      f.payFloorText = parsed.value === null ? '' : String(parsed.value);
    }
  }
  const ratio = Number(params.get('ratio'));
  if (RATIO_VALUES.includes(ratio)) f.desirablePayRatio = ratio;
  const skills = [...new Set((params.get('skills') ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
  return { filters: f, skills };
}

/**
 * Write filters (only those that differ from the defaults) and skills into URL search parameters.
 * @param {URLSearchParams} params
 * @param {Filters} f
 * @param {string[]} skills
 */
export function toParams(params, f, skills) {
  const d = defaultFilters();
  const set = (/** @type {string} */ k, /** @type {string} */ v, /** @type {boolean} */ isDefault) => {
    if (isDefault) params.delete(k); else params.set(k, v);
  };
  set('green', f.green, f.green === d.green);
  set('only', f.onlyGreen ? '1' : '0', f.onlyGreen === d.onlyGreen);
  set('viability', f.minViability, f.minViability === d.minViability);
  set('floor', f.payFloor === null ? '' : String(f.payFloor), f.payFloor === d.payFloor);
  set('ratio', String(f.desirablePayRatio), f.desirablePayRatio === d.desirablePayRatio);
  set('skills', skills.join(','), skills.length === 0);
}

/**
 * The options for `Planner.transitions`.
 * @param {Filters} f
 * @param {string[]} skills
 * @param {{ onlyGreen: boolean, count: number }} list
 */
export function transitionOptions(f, skills, list) {
  return {
    extraSkills: skills,
    payFloor: f.payFloor,
    desirablePayRatio: f.desirablePayRatio,
    green: f.green,
    onlyGreen: list.onlyGreen,
    minViability: f.minViability,
    count: list.count,
  };
}
