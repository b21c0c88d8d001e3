/**
 * The Thai flowchart table: one row per step, each step's symbol in its own row, connectors drawn
 * per row with CSS so they stretch to whatever height the details give the row, and side lanes for
 * branches to steps that are not the next one. Everything is relative to its own row, so the chart
 * survives any row height and any page break.
 */
import { flowGraph } from '../domain/flow-graph.ts';
import { measureText } from './measure.ts';
import { FONT_SIZE, MAX_SHAPE_WIDTH, sizeShape, type Shape, type SizedShape } from './shapes.ts';
import { wrapText } from './wrap.ts';

/** Width of the chart column in px; lanes run inside it, right of the symbols. */
export const CHART_WIDTH = 264;
/** The outermost lane's distance from the chart's right edge (inside the cell, never clipped). */
const LANE_MARGIN = 5;
const LANE_GAP = 9;
/** Branch labels (12 px) wrap to at most this width, between the symbol and the innermost lane. */
export const LABEL_WIDTH = 64;
export const LABEL_SIZE = 12;
export const LABEL_LINE = 13;

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
  /** the label wrapped to the room between the symbol and the innermost lane of its row */
  labelLines?: string[];
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
  const edges = edgesOf(steps);
  const below = new Map<number, Edge>();
  const lanes: Edge[] = [];
  for (const e of edges) {
    if (e.to === e.from + 1 && !below.has(e.from)) below.set(e.from, e);
    else lanes.push(e);
  }
  // Each lane gets the first free column over the rows it spans; columns pack against the chart's
  // right edge, the first innermost, so every vertical segment is drawn inside the cell.
  const used: Array<Array<[number, number]>> = [];
  const laneOf = lanes.map((e) => {
    const lo = Math.min(e.from, e.to);
    const hi = Math.max(e.from, e.to);
    let lane = 0;
    while (used[lane]?.some(([a, b]) => !(hi < a || lo > b))) lane++;
    (used[lane] ??= []).push([lo, hi]);
    return lane;
  });
  const gap = used.length > 6 ? Math.max(5, Math.floor(54 / used.length)) : LANE_GAP;
  const laneX = (lane: number) => CHART_WIDTH - LANE_MARGIN - (used.length - 1 - lane) * gap;
  const cx = CHART_WIDTH / 2;
  // the innermost lane x in each row, and each row's branch labels
  const inner = steps.map(() => CHART_WIDTH);
  const labels = steps.map((): string[] => []);
  lanes.forEach((e, i) => {
    for (let r = Math.min(e.from, e.to); r <= Math.max(e.from, e.to); r++) inner[r] = Math.min(inner[r]!, laneX(laneOf[i]!));
    if (e.label) labels[e.from]!.push(e.label);
  });
  // a symbol leaves room for its branch labels and its lanes: it never runs under either
  const labelRoom = labels.map((ls) => (ls.length ? Math.min(LABEL_WIDTH, Math.max(...ls.map((l) => measureText(l, LABEL_SIZE)))) + 4 : 0));
  const shapes = steps.map((s, i) => {
    const right = inner[i]! - 4 - labelRoom[i]!;
    return sizeShape(s.shape, s.label, measure, Math.max(56, Math.min(MAX_SHAPE_WIDTH, Math.floor(2 * (right - cx)))));
  });
  const rows: FlowRow[] = shapes.map((shape, index) => ({ index, shape, fromAbove: false, toBelow: null, lanes: [], description: '' }));
  for (const e of below.values()) {
    rows[e.from]!.toBelow = { label: e.label };
    rows[e.to]!.fromAbove = true;
  }
  lanes.forEach((e, i) => {
    const lo = Math.min(e.from, e.to);
    const hi = Math.max(e.from, e.to);
    const x = laneX(laneOf[i]!);
    const down = e.to > e.from;
    const right = (r: number) => cx + shapes[r]!.width / 2;
    const room = inner[e.from]! - right(e.from) - 6;
    const labelLines = e.label ? wrapText(e.label, Math.max(room, 24), LABEL_SIZE) : undefined;
    rows[e.from]!.lanes.push({ kind: 'start', x, down, edge: right(e.from), label: e.label, labelLines });
    for (let r = lo + 1; r < hi; r++) rows[r]!.lanes.push({ kind: 'pass', x, down });
    rows[e.to]!.lanes.push({ kind: 'end', x, down, edge: right(e.to) });
  });
  for (const row of rows) {
    const out = edges.filter((e) => e.from === row.index).map((e) => `${e.label ? `${e.label} ` : ''}ไปขั้นตอนที่ ${numbers[e.to]}`);
    row.description = `${SHAPE_NAMES[steps[row.index].shape]}: ${steps[row.index].label.replace(/\n/g, ' ')}${out.length ? ` — ${out.join(', ')}` : ''}`;
  }
  return rows;
}
