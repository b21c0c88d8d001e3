/** Flowchart helpers shared by the table and the diagram: numbering and outgoing arrows. */
import type { Flowchart, Step } from '../schema/index.ts';
import { toThaiDigits } from '../thai/index.ts';

export const SHAPE_TH: Record<Step['shape'], string> = {
  terminator: 'จุดเริ่มต้น/สิ้นสุด',
  process: 'กิจกรรม',
  decision: 'การตัดสินใจ',
  document: 'เอกสาร',
  data: 'ข้อมูลนำเข้า/ส่งออก',
  subprocess: 'กระบวนการย่อย',
  connector: 'จุดเชื่อมต่อ',
};

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

/** Outgoing arrows of a step, with labels: the following step by default. */
export function arrowsOf(chart: Flowchart, index: number): Array<{ to: string; label?: string }> {
  const step = chart.steps[index];
  const out: Array<{ to: string; label?: string }> = [];
  const branch = (b: Step['yes'], fallback: string) => {
    if (b === undefined) return;
    if (typeof b === 'string') out.push({ to: b, label: fallback });
    else out.push({ to: b.to, label: b.label });
  };
  if (step.shape === 'decision') {
    branch(step.yes, 'ใช่');
    branch(step.no, 'ไม่ใช่');
  } else if (step.next !== undefined) {
    if (step.next !== null) out.push({ to: step.next });
  } else if (index + 1 < chart.steps.length) {
    out.push({ to: chart.steps[index + 1].id });
  }
  return out;
}

/** Columns shown, with their headers, after the author's overrides. */
export function visibleColumns(chart: Flowchart): Array<{ key: keyof typeof DEFAULT_COLUMNS; label: string }> {
  return (Object.keys(DEFAULT_COLUMNS) as Array<keyof typeof DEFAULT_COLUMNS>)
    .filter((key) => chart.columns?.[key] !== false)
    .map((key) => ({ key, label: (chart.columns?.[key] as string | undefined) ?? DEFAULT_COLUMNS[key] }));
}
