/**
 * The Thai flowchart table: one row per step, each step's symbol in its own row, connectors drawn
 * per row with CSS so they stretch to whatever height the details give the row, and side lanes for
 * branches to steps that are not the next one. Everything is relative to its own row, so the chart
 * survives any row height and any page break.
 */
import { flowGraph } from '../domain/flow-graph.ts';
import { measureText } from './measure.ts';
import { FONT_SIZE, MAX_SHAPE_WIDTH, sizeShape, type Shape, type SizedShape } from './shapes.ts';

/** Width of the chart column in px; lanes run to the right of the widest symbol. */
export const CHART_WIDTH = 264;
const LANE_START = MAX_SHAPE_WIDTH / 2 + CHART_WIDTH / 2 + 14;
const LANE_GAP = 9;

export interface FlowStep {
  id: string;
  shape: Shape;
  label: string;
  next?: string | null;
  yes?: string | { to: string; label: string };
  no?: string | { to: string; label: string };
}

interface Edge {
  from: number;
  to: number;
  label?: string;
}

export interface LaneSegment {
  /** start: leaves this row's symbol; pass: runs through; end: enters this row's symbol */
  kind: 'start' | 'pass' | 'end';
  /** lane x in px from the left of the chart cell */
  x: number;
  /** the lane runs down (target below) or up (target above) */
  down: boolean;
  /** x of the symbol's right edge in this row (start and end) */
  edge?: number;
  label?: string;
}

export interface FlowRow {
  index: number;
  shape: SizedShape;
  /** an arrow comes down from the row above */
  fromAbove: boolean;
  /** an arrow goes down to the row below, with its label (ใช่) if any */
  toBelow: { label?: string } | null;
  lanes: LaneSegment[];
  /** text for screen readers: the symbol, its label and where its arrows go */
  description: string;
}

export const SHAPE_NAMES: Record<Shape, string> = {
  terminator: 'จุดเริ่มต้น/สิ้นสุด',
  process: 'กิจกรรม',
  decision: 'การตัดสินใจ',
  document: 'เอกสาร',
  data: 'ข้อมูลนำเข้า/ส่งออก',
  subprocess: 'กระบวนการย่อย',
  connector: 'จุดเชื่อมต่อ',
};

/**
 * Outgoing edges of every step as drawn: the graph of domain/flow-graph.ts (the validator's own),
 * with the branch labels ใช่/ไม่ใช่ by default; a step pointing at itself has no arrow to draw.
 */
export function edgesOf(steps: FlowStep[]): Edge[] {
  return flowGraph(steps)
    .edges.filter((e) => e.to !== e.from)
    .map((e) => ({ from: e.from, to: e.to, label: e.key === 'yes' ? (e.label ?? 'ใช่') : e.key === 'no' ? (e.label ?? 'ไม่ใช่') : undefined }));
}

/** Lays out the chart column of a flowchart table. */
/** Layouts by flowchart: a flowchart shows on its own page, its mission's page and every manual embedding it. */
const layouts = new Map<string, FlowRow[]>();

export function layoutFlowTable(steps: FlowStep[], numbers: string[]): FlowRow[] {
  const key = JSON.stringify([steps, numbers]);
  let rows = layouts.get(key);
  if (!rows) layouts.set(key, (rows = layoutUncached(steps, numbers)));
  return rows;
}

function layoutUncached(steps: FlowStep[], numbers: string[]): FlowRow[] {
  const measure = (line: string) => measureText(line, FONT_SIZE);
  const shapes = steps.map((s) => sizeShape(s.shape, s.label, measure));
  const edges = edgesOf(steps);
  const rows: FlowRow[] = shapes.map((shape, index) => ({ index, shape, fromAbove: false, toBelow: null, lanes: [], description: '' }));
  const lanes: Edge[] = [];
  for (const e of edges) {
    if (e.to === e.from + 1 && !rows[e.from].toBelow) {
      rows[e.from].toBelow = { label: e.label };
      rows[e.to].fromAbove = true;
    } else {
      lanes.push(e);
    }
  }
  // Each lane gets the first free x over the rows it spans.
  const used: Array<Array<[number, number]>> = [];
  for (const e of lanes) {
    const lo = Math.min(e.from, e.to);
    const hi = Math.max(e.from, e.to);
    let lane = 0;
    while (used[lane]?.some(([a, b]) => !(hi < a || lo > b))) lane++;
    (used[lane] ??= []).push([lo, hi]);
    const x = LANE_START + lane * LANE_GAP;
    const down = e.to > e.from;
    const right = (i: number) => CHART_WIDTH / 2 + shapes[i].width / 2;
    rows[e.from].lanes.push({ kind: 'start', x, down, edge: right(e.from), label: e.label });
    for (let r = lo + 1; r < hi; r++) rows[r].lanes.push({ kind: 'pass', x, down });
    rows[e.to].lanes.push({ kind: 'end', x, down, edge: right(e.to) });
  }
  for (const row of rows) {
    const out = edges.filter((e) => e.from === row.index).map((e) => `${e.label ? `${e.label} ` : ''}ไปขั้นตอนที่ ${numbers[e.to]}`);
    row.description = `${SHAPE_NAMES[steps[row.index].shape]}: ${steps[row.index].label.replace(/\n/g, ' ')}${out.length ? ` — ${out.join(', ')}` : ''}`;
  }
  return rows;
}
