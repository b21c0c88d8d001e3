/** Flowchart helpers for components: numbering, outgoing arrows and visible columns. */
import { edgesOf } from '../diagram/flow-table.ts';
import type { Flowchart } from '../content/schema/index.ts';
import { toThaiDigits } from '../domain/thai/index.ts';

export const DEFAULT_COLUMNS = {
  number: 'ลำดับที่',
  chart: 'ผังขั้นตอนการดำเนินงาน',
  detail: 'รายละเอียดงาน',
  time: 'เวลาดำเนินการ',
  standard: 'มาตรฐานคุณภาพงาน',
  owner: 'ผู้รับผิดชอบ',
} as const;

/** The displayed number of each step (Thai digits unless the author set one). */
export function stepNumbers(chart: Flowchart): Map<string, string> {
  return new Map(chart.steps.map((s, i) => [s.id, s.number ?? toThaiDigits(String(i + 1))]));
}

/** Outgoing arrows of a step, with labels (the same edges the drawing uses). */
export function arrowsOf(chart: Flowchart, index: number): Array<{ to: string; label?: string }> {
  return edgesOf(chart.steps)
    .filter((e) => e.from === index)
    .map((e) => ({ to: chart.steps[e.to].id, label: e.label }));
}

/** Columns shown, with their headers, after the author's overrides. */
export function visibleColumns(chart: Flowchart): Array<{ key: keyof typeof DEFAULT_COLUMNS; label: string }> {
  return (Object.keys(DEFAULT_COLUMNS) as Array<keyof typeof DEFAULT_COLUMNS>)
    .filter((key) => chart.columns?.[key] !== false)
    .map((key) => ({ key, label: (chart.columns?.[key] as string | undefined) ?? DEFAULT_COLUMNS[key] }));
}

/**
 * The id suffix for a flowchart drawn on a page: '' the first time, `-2`, `-3` … when the same chart
 * is drawn again (a diagram and a table of one chart), so that no HTML id repeats. Counted per
 * page in Astro.locals.
 */
export function idSuffix(locals: object, chartId: string): string {
  const l = locals as { flowchartsShown?: Map<string, number> };
  l.flowchartsShown ??= new Map();
  const n = (l.flowchartsShown.get(chartId) ?? 0) + 1;
  l.flowchartsShown.set(chartId, n);
  return n === 1 ? '' : `-${n}`;
}
