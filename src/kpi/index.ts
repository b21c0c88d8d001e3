/** KPI scoring. Pure. */
export { scoreKpi, weightedScore } from './score.ts';
