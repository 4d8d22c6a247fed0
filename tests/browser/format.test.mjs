// The page's people-facing number formats (pure functions: run in node, no browser needed).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCount, formatPayChange, formatPercent, formatPounds, plural } from '../../www/app/format.js';

test('counts use thousands separators', () => {
  assert.equal(formatCount(3007), '3,007');
  assert.equal(formatCount(0), '0');
});

test('pay is rounded to the nearest £100', () => {
  assert.equal(formatPounds(27049.5), '£27,000');
  assert.equal(formatPounds(22031.96), '£22,000');
  assert.equal(formatPounds(22050), '£22,100');
});

test('pay change is signed in pounds and percent, with a real minus sign', () => {
  assert.equal(formatPayChange(3210, 0.1189), '+£3,200 (+12%)');
  assert.equal(formatPayChange(-1480, -0.052), '\u2212£1,500 (\u22125%)');
  assert.equal(formatPayChange(20, 0.001), 'about the same (0%)');
  assert.equal(formatPayChange(60, 0.002), '+£100 (0%)');
});

test('similarity is a whole percentage, clamped to 0–100', () => {
  assert.equal(formatPercent(0.724), '72%');
  assert.equal(formatPercent(1), '100%');
  assert.equal(formatPercent(1.2), '100%');
  assert.equal(formatPercent(-0.1), '0%');
  assert.equal(formatPercent(Number.NaN), '0%');
});

test('plurals', () => {
  assert.equal(plural(1, 'skill'), '1 skill');
  assert.equal(plural(2, 'skill'), '2 skills');
  assert.equal(plural(1, 'is a green skill', 'are green skills'), '1 is a green skill');
  assert.equal(plural(1200, 'skill'), '1,200 skills');
});
