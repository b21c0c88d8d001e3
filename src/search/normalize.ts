/**
 * Text normalization for search, the same at index time (Node) and query time (browser): NFC, the
 * decomposed sara am (U+0E4D U+0E32 → U+0E33), Thai digits → Arabic, dash variants → '-', zero-width
 * characters and soft hyphens removed, no-break spaces and ฯ → spaces, Latin lower-cased.
 * `normalizeWithMap` also returns, for every character of the result, the index of the original
 * character it came from in the NFC form of the input (the index stores texts in NFC, which looks
 * the same), so a match can be highlighted in the text as the page shows it.
 */

import { arabicDigitOf } from '../domain/thai/digits.ts';

const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;

export interface Normalized {
  text: string;
  /** map[i] = index in the original string of the character at i in `text`; map[text.length] = original length */
  map: number[];
}

export function normalizeWithMap(input: string): Normalized {
  const source = input.normalize('NFC');
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    const code = ch.charCodeAt(0);
    if (code === 0x0e4d && source[i + 1] === '\u0e32') {
      // ํ + า written instead of ำ (and the PDF-damaged "ํ า" with a space between)
      text += '\u0e33';
      map.push(i);
      i++;
      continue;
    }
    if (code === 0x0e4d && source[i + 1] === ' ' && source[i + 2] === '\u0e32') {
      text += '\u0e33';
      map.push(i);
      i += 2;
      continue;
    }
    if (INVISIBLE.test(ch)) continue;
    let out = ch;
    const digit = arabicDigitOf(code);
    if (digit !== undefined) out = digit;
    else if (DASHES.test(ch)) out = '-';
    else if (SPACES.test(ch) || code === 0x0e2f)
      out = ' '; // ฯ (ไปยาลน้อย) ends a shortened word: ธรรมาภิบาลฯ = ธรรมาภิบาล
    else if (code >= 65 && code <= 90) out = String.fromCharCode(code + 32);
    else if (code > 127 && code < 0x0e00) out = ch.toLowerCase();
    text += out;
    map.push(i);
  }
  map.push(source.length);
  return { text, map };
}

export function normalize(input: string): string {
  return normalizeWithMap(input).text;
}
