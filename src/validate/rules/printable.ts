/** Characters a printed PDF could only draw with a fallback font (an emoji, a symbol Sarabun lacks). */
import { isPrintable } from '../../print/glyphs.ts';
import type { SourceFile } from '../source-file.ts';

/** Look-alikes khumue does print, for the characters authors paste most. */
const LOOK_ALIKE: Record<string, string> = {
  '✅': '✓',
  '☑️': '☑',
  '✔️': '✔',
  '❌': '✗',
  '✖': '✗',
  '➔': '→',
  '➜': '→',
  '➡': '→',
  '⮕': '→',
  '⬅': '←',
  '◉': '●',
  '⬤': '●',
  '⚫': '●',
  '▫': '□',
  '◻': '□',
  '◼': '■',
  '⭐': '★',
  '✦': '◆',
  '⦿': '●',
};

/**
 * Characters that are surely printable (ASCII and the Thai block, when the shipped fonts have all
 * of them): a text of nothing else, most content, needs no look at each character.
 */
const SURE = (() => {
  const ranges: Array<[number, number]> = [
    [0x09, 0x0d],
    [0x20, 0x7e],
    [0x0e01, 0x0e3a],
    [0x0e3f, 0x0e5b],
  ];
  const ok = ranges.filter(([a, b]) => {
    for (let cp = a; cp <= b; cp++) if (!isPrintable(String.fromCodePoint(cp))) return false;
    return true;
  });
  const hex = (cp: number) => `\\u${cp.toString(16).padStart(4, '0')}`;
  return new RegExp(`^[${ok.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]*$`);
})();
/** One character outside SURE: the only ones a line needs looked at. */
const UNSURE = new RegExp(`[^${SURE.source.slice(2, -3)}]`, 'gu');

export function checkPrintable(source: SourceFile, text: string): void {
  if (SURE.test(text)) return;
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (SURE.test(line)) return;
    for (const m of line.matchAll(UNSURE)) {
      const char = m[0];
      if (!seen.has(char) && !isPrintable(char)) {
        seen.add(char);
        const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        // the column counts UTF-16 units, as every other position does
        source.push('unprintable-character', { line: i + 1, column: m.index + 1 }, '', { char, code }, LOOK_ALIKE[char]);
      }
    }
  });
}
