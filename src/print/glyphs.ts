/**
 * The characters the printed PDFs can draw without a fallback font: those the shipped Sarabun
 * subsets have a glyph for (the Thai, Latin and Latin Extended files print.css loads, read with
 * fontkit), the symbols site/typeset.ts draws as SVG, and the invisible format characters no font
 * is needed for.
 */
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { SYMBOLS } from '../site/typeset.ts';

const require = createRequire(import.meta.url);
let covered: Set<number> | undefined;

/** Code points drawn by the shipped fonts (both weights have the same character set). */
function shipped(): Set<number> {
  if (!covered) {
    covered = new Set();
    for (const subset of ['thai', 'latin', 'latin-ext']) {
      const font = fontkit.openSync(require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-400-normal.woff2`)) as unknown as { characterSet: number[] };
      for (const cp of font.characterSet) covered.add(cp);
    }
  }
  return covered;
}

/** Default-ignorable characters: drawn as nothing, whatever the font (ZWSP, joiners, BOM, soft hyphen, variation selectors). */
const isInvisible = (cp: number) =>
  cp === 0xad || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f);

/** True when a PDF prints `char` with the shipped fonts or as one of khumue's SVG symbols. */
export function isPrintable(char: string): boolean {
  const cp = char.codePointAt(0)!;
  return cp < 0x20 || (cp >= 0x20 && cp < 0x7f) || shipped().has(cp) || char in SYMBOLS || isInvisible(cp);
}
