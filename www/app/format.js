// @ts-check
/**
 * @file Formatting helpers for people-facing text. Pure functions, no DOM.
 */

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** U+2212 MINUS SIGN: read as "minus" by screen readers and aligned with "+". */
const MINUS = '\u2212';

/**
 * Format a count with thousands separators: `3007` → `"3,007"`.
 * @param {number} n
 */
export function formatCount(n) {
  return integer.format(n);
}

/**
 * Round an indicative annual pay figure to the nearest £100 and format it: `27049.5` → `"£27,000"`.
 * @param {number} pounds
 */
export function formatPounds(pounds) {
  return `£${integer.format(Math.round(pounds / 100) * 100)}`;
}

/**
 * A similarity score in 0..1 as a whole percentage: `0.724` → `"72%"`.
 * @param {number} score
 */
export function formatPercent(score) {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0));
  return `${Math.round(clamped * 100)}%`;
}

/**
 * Signed pay difference, e.g. `"+£3,200 (+12%)"`, `"−£1,500 (−5%)"` or `"about the same (0%)"`.
 * @param {number} diffPounds destination pay minus current pay, per year
 * @param {number} fraction the same change as a fraction of current pay: 0.12 means 12% more
 */
export function formatPayChange(diffPounds, fraction) {
  const diff = Math.round(diffPounds / 100) * 100;
  const pct = Math.round(fraction * 100);
  if (diff === 0 && pct === 0) return 'about the same (0%)';
  const sign = (/** @type {number} */ v) => (v > 0 ? '+' : v < 0 ? MINUS : '');
  return `${sign(diff)}£${integer.format(Math.abs(diff))} (${sign(pct)}${Math.abs(pct)}%)`;
}

/**
 * "1 skill", "3 skills".
 * @param {number} n
 * @param {string} singular
 * @param {string} [plural]
 */
export function plural(n, singular, plural = `${singular}s`) {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/**
 * An exact amount in whole pounds: `1500` → `"£1,500"` (costs are not rounded like pay).
 * @param {number} pounds
 */
export function formatGbp(pounds) {
  return `£${integer.format(Math.round(pounds))}`;
}

const weeksFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/**
 * A length of training: `1` → `"1 week"`, `4.3` → `"4.3 weeks"`, `208` → `"208 weeks (about 4 years)"`.
 * @param {number} weeks
 */
export function formatWeeks(weeks) {
  const text = `${weeksFormat.format(weeks)} ${weeksFormat.format(weeks) === '1' ? 'week' : 'weeks'}`;
  if (weeks < 52) return text;
  const years = Math.round((weeks / 52) * 2) / 2;
  return `${text} (about ${weeksFormat.format(years)} ${years === 1 ? 'year' : 'years'})`;
}

/**
 * Text cut to `max` characters with an ellipsis (for chart labels; the full text is beside them).
 * @param {string} text
 * @param {number} max
 */
export function clip(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Where a row of a loaded file is: "Row 2 (line 3)", or "Row 2" where the file has no lines
 * (JSON).
 * @param {{ row: number | null, line?: number | null }} r
 */
export function rowInWords(r) {
  return `Row ${r.row}${r.line === null || r.line === undefined ? '' : ` (line ${r.line})`}`;
}
