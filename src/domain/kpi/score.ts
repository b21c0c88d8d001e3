/**
 * KPI scoring on the five-level scale used by Thai government scorecards (คะแนนตัวชี้วัด ๑–๕).
 */

/** Rounds half-up (away from zero) to `places` decimals, robust to binary noise (2.22665 → 2.2267). */
export function roundHalfUp(value: number, places = 4): number {
  const factor = 10 ** places;
  const scaled = Math.abs(value) * factor;
  // Nudge by a relative epsilon so that x.xxxx5 stored as x.xxxx4999… still rounds up.
  const rounded = Math.floor(scaled + 0.5 + scaled * Number.EPSILON * 8) / factor;
  return Math.sign(value) * rounded || 0;
}

/** Checks five strictly monotonic thresholds; returns 1 for increasing, -1 for decreasing. */
export function thresholdDirection(thresholds: readonly number[]): 1 | -1 {
  if (!Array.isArray(thresholds) || thresholds.length !== 5) {
    throw new RangeError(`เกณฑ์ต้องมี ๕ ระดับ: received ${Array.isArray(thresholds) ? thresholds.length : typeof thresholds} (expected five thresholds)`);
  }
  if (thresholds.some((t) => typeof t !== 'number' || !Number.isFinite(t))) {
    throw new RangeError(`เกณฑ์ต้องเป็นตัวเลข: \`${thresholds.join(', ')}\` (thresholds must be finite numbers)`);
  }
  const up = thresholds.every((t, i) => i === 0 || t > thresholds[i - 1]);
  const down = thresholds.every((t, i) => i === 0 || t < thresholds[i - 1]);
  if (!up && !down) {
    throw new RangeError(`เกณฑ์ต้องเพิ่มขึ้นหรือลดลงทุกระดับ: \`${thresholds.join(', ')}\` (thresholds must be strictly monotonic)`);
  }
  return up ? 1 : -1;
}

/**
 * Scores a result against five thresholds listed from level 1 to level 5: linear between levels,
 * 1 below the first, 5 at or past the last, rounded half-up to 4 decimals. Decreasing thresholds
 * mean less is better (days to answer: 15/12/9/6/3).
 * @throws RangeError when there are not five strictly monotonic thresholds or the value is not finite.
 */
export function scoreKpi({ thresholds, value }: { thresholds: readonly number[]; value: number }): number {
  const dir = thresholdDirection(thresholds);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`ผลการดำเนินงานต้องเป็นตัวเลข: \`${String(value)}\` (value must be a finite number)`);
  }
  const t = thresholds.map((x) => x * dir);
  const v = value * dir;
  if (v < t[0]) return 1;
  if (v >= t[4]) return 5;
  let level = 0;
  while (v >= t[level + 1]) level++;
  return roundHalfUp(level + 1 + (v - t[level]) / (t[level + 1] - t[level]), 4);
}

/** Weighted score: the score rounded to 4 decimals × weight / 100, rounded half-up to 4 decimals. */
export function weightedScore(score: number, weightPercent: number): number {
  if (!Number.isFinite(score) || !Number.isFinite(weightPercent) || weightPercent < 0 || weightPercent > 100) {
    throw new RangeError(`คะแนนหรือน้ำหนักไม่ถูกต้อง: score \`${score}\`, weight \`${weightPercent}\` (weight is 0–100)`);
  }
  return roundHalfUp((roundHalfUp(score, 4) * weightPercent) / 100, 4);
}

/** Reported and computed scores agree when they differ by no more than this (four decimals, as reported). */
export const SCORE_TOLERANCE = 0.0001;

/** Whether a reported score differs from the computed one (both known). */
export function scoresDiffer(reported: number | undefined, computed: number | undefined): boolean {
  return reported !== undefined && computed !== undefined && Math.abs(reported - computed) > SCORE_TOLERANCE + 1e-12;
}

/**
 * The score of a result as the KPI defines it: a milestone KPI's result is its level, clamped to
 * 1–5; a thresholds KPI is scored by scoreKpi. Undefined without a result or with thresholds
 * that cannot score (the validator reports those).
 */
export function computedScore(kpi: { scoring: string; thresholds?: readonly number[] }, value: number | null): number | undefined {
  if (value === null) return undefined;
  if (kpi.scoring === 'milestone') return Math.min(5, Math.max(1, value));
  if (!kpi.thresholds) return undefined;
  try {
    return scoreKpi({ thresholds: [...kpi.thresholds], value });
  } catch {
    return undefined;
  }
}
