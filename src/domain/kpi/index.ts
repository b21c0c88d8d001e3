/** KPI scoring. Pure: used by the validator and the KPI card alike. */
export { computedScore, SCORE_TOLERANCE, scoreKpi, scoresDiffer, weightedScore } from './score.ts';
