/**
 * Thai line breaking for labels drawn in SVG: break only at word boundaries (Intl.Segmenter,
 * the ICU dictionary Chromium also uses), with UAX #14-style glue — no break before closing
 * punctuation, ฯ, ๆ or a hyphen, none after an opening bracket or a hyphen — and never inside a compound or a name
 * (domain/thai/line-break.ts, the rule the site and the PDFs use too). `\n` in a label forces a break.
 */
import { unbreakableRuns } from '../domain/thai/line-break.ts';
import { measureText } from './measure.ts';

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const NO_BREAK_BEFORE = /^[)\]}.,:;!?ฯๆ%\-/”’]/;
const NO_BREAK_AFTER = /[([{\-/“‘]$/;
/** Splits text into unbreakable pieces; a piece may end with spaces (a break opportunity). */
export function breakPieces(text: string): string[] {
  const forbidden = new Set<number>();
  for (const [start, end] of unbreakableRuns(text)) for (let i = start + 1; i < end; i++) forbidden.add(i);
  const pieces: string[] = [];
  let offset = 0;
  for (const { segment } of segmenter.segment(text)) {
    const last = pieces[pieces.length - 1];
    const glued =
      last !== undefined && !/\s$/.test(last) && (forbidden.has(offset) || NO_BREAK_BEFORE.test(segment) || NO_BREAK_AFTER.test(last) || /^\s+$/.test(segment));
    if (glued) pieces[pieces.length - 1] = last + segment;
    else pieces.push(segment);
    offset += segment.length;
  }
  return pieces;
}

const wrapped = new Map<string, string[]>();

/** Wraps text greedily into lines no wider than `width` px at `size` px (remembered: labels repeat across pages). */
export function wrapText(text: string, width: number, size: number, weight: 400 | 700 = 400): string[] {
  const key = `${width}|${size}|${weight}|${text}`;
  let lines = wrapped.get(key);
  if (!lines) wrapped.set(key, (lines = wrapUncached(text, width, size, weight)));
  return [...lines];
}

function wrapUncached(text: string, width: number, size: number, weight: 400 | 700): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const piece of breakPieces(paragraph.trim())) {
      const candidate = line + piece;
      if (line && measureText(candidate.trimEnd(), size, weight) > width) {
        lines.push(line.trimEnd());
        line = piece.trimStart();
      } else {
        line = candidate;
      }
    }
    if (line.trim()) lines.push(line.trimEnd());
  }
  return lines.length ? lines : [''];
}
