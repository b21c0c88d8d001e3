/**
 * Draws one row of a flowchart table as SVG: the symbol centred in the row and the connectors to
 * the rows above and below and along the side lanes. The drawing is a nested <svg> placed at
 * y = 50% of the row, so every coordinate is relative to the row's centre and lines run past the
 * row's edges (clipped there): the chart survives any row height, without inline CSS (strict CSP).
 */
import { CHART_WIDTH, LABEL_LINE, type FlowRow } from './flow-table.ts';

const FAR = 4000;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const line = (x1: number, y1: number, x2: number, y2: number) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`;
/** An arrowhead with its tip at (x, y), pointing down (d) or left (l). */
const head = (x: number, y: number, dir: 'd' | 'l') =>
  dir === 'd' ? `<path class="fc-head" d="M${x} ${y} l-4.5 -8 h9 z"/>` : `<path class="fc-head" d="M${x} ${y} l8 -4.5 v9 z"/>`;
/** A branch label, anchored at its start (SVG's default: no attribute needed). */
const label = (x: number, y: number, text: string) => `<text class="fc-label" x="${x}" y="${y}">${esc(text)}</text>`;

/** The SVG markup of a row's chart cell. */
export function drawRow(row: FlowRow): { sizer: string; drawing: string } {
  const { width: W, height: H } = row.shape;
  const cx = CHART_WIDTH / 2;
  const parts: string[] = [];
  const labelLines = Math.max(0, ...row.lanes.map((l) => l.labelLines?.length ?? 0));
  if (row.fromAbove) parts.push(line(cx, -FAR, cx, -H / 2 - 1), head(cx, -H / 2, 'd'));
  if (row.toBelow) {
    parts.push(line(cx, H / 2, cx, FAR));
    if (row.toBelow.label) parts.push(label(cx + 6, H / 2 + 14, row.toBelow.label));
  }
  for (const lane of row.lanes) {
    if (lane.kind === 'pass') parts.push(line(lane.x, -FAR, lane.x, FAR));
    else if (lane.kind === 'start') {
      parts.push(line(lane.edge!, 0, lane.x, 0), line(lane.x, 0, lane.x, lane.down ? FAR : -FAR));
      // the label's lines stack upwards from just above the branch line, left of every lane
      const lines = lane.labelLines ?? (lane.label ? [lane.label] : []);
      lines.forEach((text, i) => parts.push(label(lane.edge! + 3, -5 - (lines.length - 1 - i) * LABEL_LINE, text)));
    } else {
      parts.push(line(lane.x, lane.down ? -FAR : FAR, lane.x, 0), line(lane.x, 0, lane.edge! + 1, 0), head(lane.edge!, 0, 'l'));
    }
  }
  const shape = `<svg x="${cx - W / 2}" y="${-H / 2}" width="${W}" height="${H}" overflow="visible" class="fc-shape fc-${row.shape.shape}">${row.shape.body}</svg>`;
  return {
    sizer: `<svg class="fc-size" width="${CHART_WIDTH}" height="${Math.max(H + 30, 2 * (labelLines * LABEL_LINE + 10))}" aria-hidden="true"></svg>`,
    drawing: `<svg x="0" y="50%" overflow="visible"><g class="fc-lines">${parts.join('')}</g>${shape}</svg>`,
  };
}
