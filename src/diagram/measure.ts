/**
 * Measures text the way Chromium will draw it: with the real Sarabun files (fontkit reads WOFF2
 * and applies GSUB/GPOS), each run in the face Chromium picks by unicode-range — Fontsource's Thai
 * subset has no space, ASCII or digits; those come from the Latin subset.
 */
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

type Weight = 400 | 700;
interface Face {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

const require = createRequire(import.meta.url);
const faces = new Map<string, Face>();

function face(subset: 'thai' | 'latin', weight: Weight): Face {
  const key = `${subset}-${weight}`;
  let f = faces.get(key);
  if (!f) {
    const file = require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-${weight}-normal.woff2`);
    f = fontkit.openSync(file) as unknown as Face;
    faces.set(key, f);
  }
  return f;
}

/** Fontsource's Thai unicode-range: U+0E01-0E5B, U+200C-200D, U+25CC. */
const isThai = (cp: number) => (cp >= 0x0e01 && cp <= 0x0e5b) || cp === 0x200c || cp === 0x200d || cp === 0x25cc;

const cache = new Map<string, number>();

/** Width in CSS pixels of one line of text at `size` px. */
export function measureText(text: string, size: number, weight: Weight = 400): number {
  const key = `${weight}:${text}`;
  let units = cache.get(key);
  if (units === undefined) {
    units = 0;
    let run = '';
    let runThai: boolean | undefined;
    const flush = () => {
      if (!run) return;
      const f = face(runThai ? 'thai' : 'latin', weight);
      units! += (f.layout(run).advanceWidth / f.unitsPerEm) * 1000;
      run = '';
    };
    for (const ch of text) {
      const thai = isThai(ch.codePointAt(0)!);
      if (runThai !== undefined && thai !== runThai) flush();
      runThai = thai;
      run += ch;
    }
    flush();
    cache.set(key, units);
  }
  return (units / 1000) * size;
}
