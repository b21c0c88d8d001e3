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

export function checkPrintable(source: SourceFile, text: string): void {
  if (SURE.test(text)) return;
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (SURE.test(line)) return;
    let column = 1;
    for (const char of line) {
      if (!seen.has(char) && !isPrintable(char)) {
        seen.add(char);
        const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        source.push('unprintable-character', { line: i + 1, column }, '', { char, code }, LOOK_ALIKE[char]);
      }
      column += char.length;
    }
  });
}
