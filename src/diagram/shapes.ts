/**
 * Flowchart symbols (ISO 5807) as small SVGs sized to their measured, wrapped Thai label. The
 * label is real <text>, so it is selectable, searchable and extracts from the PDF.
 */
import { wrapText } from './wrap.ts';

export type Shape = 'terminator' | 'process' | 'decision' | 'document' | 'data' | 'subprocess' | 'connector';

export const FONT_SIZE = 14;
export const LINE_HEIGHT = 21; // 1.5: room for Thai stacked marks
const PAD_X = 12;
const PAD_Y = 8;
/** Widest a symbol may be, so that side lanes for branches fit beside it. */
export const MAX_SHAPE_WIDTH = 200;

export interface SizedShape {
  shape: Shape;
  width: number;
  height: number;
  lines: string[];
  /** The SVG markup (no wrapper attributes for accessibility; the caller adds them). */
  body: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Lines centred on cx (text-anchor and dominant-baseline come from diagrams.css `.fc-shape text`: 50 bytes a line less). */
function textBlock(lines: string[], cx: number, top: number): string {
  return lines.map((line, i) => `<text x="${cx}" y="${(top + LINE_HEIGHT * (i + 0.5)).toFixed(1)}">${esc(line)}</text>`).join('');
}

const widest = (lines: string[], measure: (l: string) => number) => Math.max(0, ...lines.map(measure));

/** Lays out one symbol with its label. */
export function sizeShape(shape: Shape, label: string, measure: (line: string) => number, maxWidth = MAX_SHAPE_WIDTH): SizedShape {
  const wrap = (width: number) => wrapText(label, width, FONT_SIZE);
  const stroke = 'stroke="currentColor" stroke-width="1.5"';
  if (shape === 'decision') {
    // A rhombus W×H contains the text box w×h when w/W + h/H ≤ 1: take W = w + k·h, H = W/k and
    // choose the wrap width and k that give the smallest area within the maximum width.
    let best: { W: number; H: number; lines: string[] } | undefined;
    for (const width of [150, 130, 110, 90, 70, 56].filter((w) => w < maxWidth)) {
      const lines = wrap(width);
      const w = widest(lines, measure) + 8;
      const h = lines.length * LINE_HEIGHT + 4;
      for (const k of [1.4, 1.6, 1.8, 2.0, 2.1]) {
        const W = w + k * h;
        const H = W / k;
        if (W <= maxWidth && (!best || W * H < best.W * best.H)) best = { W, H, lines };
      }
    }
    best ??= (() => {
      const lines = wrap(Math.min(70, maxWidth / 2));
      const W = maxWidth;
      return { W, H: Math.max(W / 1.4, lines.length * LINE_HEIGHT * 2), lines };
    })();
    const W = Math.ceil(best.W);
    const H = Math.ceil(best.H);
    return {
      shape,
      width: W,
      height: H,
      lines: best.lines,
      body: `<path d="M${W / 2} 1 L${W - 1} ${H / 2} L${W / 2} ${H - 1} L1 ${H / 2} Z" fill="#fff6dc" ${stroke}/>${textBlock(best.lines, W / 2, (H - best.lines.length * LINE_HEIGHT) / 2)}`,
    };
  }
  const extra = shape === 'terminator' ? 26 : shape === 'data' ? 24 : shape === 'subprocess' ? 16 : 0;
  const lines = wrap(maxWidth - 2 * PAD_X - extra);
  const tw = widest(lines, measure);
  const th = lines.length * LINE_HEIGHT;
  if (shape === 'connector') {
    const D = Math.ceil(Math.max(tw, th) + 16);
    return {
      shape,
      width: D,
      height: D,
      lines,
      body: `<circle cx="${D / 2}" cy="${D / 2}" r="${D / 2 - 1}" fill="#fff" ${stroke}/>${textBlock(lines, D / 2, (D - th) / 2)}`,
    };
  }
  const H = Math.ceil(th + 2 * PAD_Y + (shape === 'document' ? 8 : 0));
  const W = Math.ceil(tw + 2 * PAD_X + extra);
  const textTop = PAD_Y;
  let outline: string;
  switch (shape) {
    case 'terminator':
      // a stadium: fully rounded ends for one line, a rounded box for a long label
      outline = `<rect x="1" y="1" width="${W - 2}" height="${H - 2}" rx="${Math.min((H - 2) / 2, 20)}" fill="#e3f4e8" ${stroke}/>`;
      break;
    case 'document': {
      const b = H - 9;
      outline = `<path d="M1 1 H${W - 1} V${b} C${W * 0.75} ${b - 9}, ${W * 0.25} ${b + 9}, 1 ${b} Z" fill="#efe9fb" ${stroke}/>`;
      break;
    }
    case 'data':
      outline = `<path d="M13 1 H${W - 1} L${W - 13} ${H - 1} H1 Z" fill="#e8f1fb" ${stroke}/>`;
      break;
    case 'subprocess':
      outline = `<rect x="1" y="1" width="${W - 2}" height="${H - 2}" fill="#fff" ${stroke}/><path d="M9 1 V${H - 1} M${W - 9} 1 V${H - 1}" ${stroke}/>`;
      break;
    default:
      outline = `<rect x="1" y="1" width="${W - 2}" height="${H - 2}" fill="#fff" ${stroke}/>`;
  }
  return { shape, width: W, height: H, lines, body: `${outline}${textBlock(lines, W / 2, textTop)}` };
}
