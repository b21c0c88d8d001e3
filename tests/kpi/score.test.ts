import { expect, test } from 'vitest';
import * as kpi from '../../src/kpi/index.ts';
import { scoreKpi, weightedScore } from '../../src/kpi/index.ts';

const seed002 = [0, 150, 300, 450, 826];

test('the public API is exactly scoreKpi and weightedScore', () => {
  expect(Object.keys(kpi).sort()).toEqual(['scoreKpi', 'weightedScore']);
});

test.each([
  // seed 002, สตป. 02, weight 30: the four quarters as reported in the source
  [seed002, 0, 1, 30, 0.3],
  [seed002, 184, 2.2267, 30, 0.668],
  [seed002, 464, 4.0372, 30, 1.2112],
  [seed002, 826, 5, 30, 1.5],
  [seed002, 900, 5, 30, 1.5],
  [seed002, -1, 1, 30, 0.3],
  [seed002, 150, 2, 30, 0.6],
  [seed002, 375, 3.5, 20, 0.7],
  // decreasing thresholds: fewer days is better
  [[15, 12, 9, 6, 3], 16, 1, 10, 0.1],
  [[15, 12, 9, 6, 3], 15, 1, 10, 0.1],
  [[15, 12, 9, 6, 3], 10, 2.6667, 10, 0.2667],
  [[15, 12, 9, 6, 3], 3, 5, 10, 0.5],
  [[15, 12, 9, 6, 3], 1, 5, 10, 0.5],
  // half-up rounding at the fourth decimal
  [[0, 1, 2, 3, 4], 0.00005, 1.0001, 100, 1.0001],
  [[0, 10000, 20000, 30000, 40000], 22266.5, 3.2267, 50, 1.6134],
])('thresholds %j, value %d → score %d, weight %d → %d', (thresholds, value, score, weight, weighted) => {
  const s = scoreKpi({ thresholds, value });
  expect(s).toBe(score);
  expect(weightedScore(s, weight)).toBe(weighted);
});

test.each([
  [[0, 150, 300, 450], 'ต้องมี ๕ ระดับ'],
  [[0, 150, 300, 450, 826, 900], 'ต้องมี ๕ ระดับ'],
  [[0, 150, 150, 450, 826], 'strictly monotonic'],
  [[0, 300, 150, 450, 826], 'strictly monotonic'],
  [[0, 150, NaN, 450, 826], 'finite numbers'],
])('thresholds %j throw (%s)', (thresholds, message) => {
  expect(() => scoreKpi({ thresholds, value: 1 })).toThrow(message);
});

test('a non-finite value throws', () => {
  expect(() => scoreKpi({ thresholds: seed002, value: NaN })).toThrow(RangeError);
});

test.each([
  [NaN, 30],
  [2, -1],
  [2, 101],
])('weightedScore(%d, %d) throws', (s, w) => {
  expect(() => weightedScore(s, w)).toThrow(RangeError);
});
