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

export function checkPrintable(source: SourceFile, text: string): void {
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
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
