import { expect, test } from 'vitest';
import * as kpi from '../../src/domain/kpi/index.ts';
import { scoreKpi, weightedScore } from '../../src/domain/kpi/index.ts';

const seed002 = [0, 150, 300, 450, 826];

test('the public API: scoring, the computed score of a result, the tolerance of a reported one', () => {
  expect(Object.keys(kpi).sort()).toEqual(['SCORE_TOLERANCE', 'computedScore', 'scoreKpi', 'scoresDiffer', 'weightedScore']);
});

test.each([
  [{ scoring: 'milestone' }, 0, 1],
  [{ scoring: 'milestone' }, 3.5, 3.5],
  [{ scoring: 'milestone' }, 7, 5],
  [{ scoring: 'milestone' }, null, undefined],
  [{ scoring: 'thresholds', thresholds: [0, 150, 300, 450, 826] }, 826, 5],
  [{ scoring: 'thresholds' }, 10, undefined],
  [{ scoring: 'thresholds', thresholds: [5, 4, 3, 2, 2] }, 3, undefined],
])('computedScore(%j, %j) = %j: milestones clamped to 1–5, unusable thresholds score nothing', (k, value, expected) => {
  expect(kpi.computedScore(k, value)).toBe(expected);
});

test('a reported score agrees within 0.0001 (four decimals), and not beyond', () => {
  expect(kpi.scoresDiffer(2.2267, 2.226666)).toBe(false);
  expect(kpi.scoresDiffer(2.2267, 2.2265)).toBe(true);
  expect(kpi.scoresDiffer(undefined, 2)).toBe(false);
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
