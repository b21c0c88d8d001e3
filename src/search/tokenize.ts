/**
 * Thai-aware tokenizing for search, the same at index time and query time. Input is already
 * normalized (normalize.ts). Thai runs are split into words by ICU's dictionary
 * (Intl.Segmenter('th'), in Node and in Chromium alike); abbreviations are kept whole with their dots
 * removed (พ.ร.บ. → พรบ, สตง. → สตง, ต.ค. → ตค) so that they can be matched and expanded from the
 * glossary; a lexicon of dotless abbreviations (from the glossary) keeps them whole when typed
 * without dots (พรบ).
 */

import { pairTerm } from './format.ts';

export interface Token {
  term: string;
  /** offsets in the normalized text */
  start: number;
  end: number;
  /** written together with the token before it (nothing, or a hyphen, between): a compound or phrase */
  joined?: boolean;
}

const T = '\u0e01-\u0e4e'; // Thai letters, vowels and marks
const C = '\u0e01-\u0e2e'; // Thai consonants
// พ.ร.บ. ก.พ.ร. ม.ค. — several short dotted parts; not preceded by a Thai letter unless the first part is one consonant
const MULTI_DOT = `(?<![${T}])(?:[${C}][${T}]{0,2}\\.)(?:[${C}][${T}]{0,2}\\.)+|(?:[${C}]\\.)(?:[${C}][${T}]{0,2}\\.)+`;
// สตง. อปท. ครม. — one short dotted word standing on its own
const SINGLE_DOT = `(?<![${T}])[${C}][${T}]{1,4}\\.`;

let segmenter: Intl.Segmenter | undefined;
const lexiconPatterns = new WeakMap<ReadonlySet<string>, RegExp | null>();

function lexiconPattern(lexicon: ReadonlySet<string>): RegExp | null {
  if (!lexiconPatterns.has(lexicon)) {
    const words = [...lexicon].filter((w) => w.length > 1).sort((a, b) => b.length - a.length);
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    lexiconPatterns.set(lexicon, escaped.length ? new RegExp(`(?<![${T}a-z0-9])(?:${escaped.join('|')})(?![${T}a-z0-9])`, 'g') : null);
  }
  return lexiconPatterns.get(lexicon)!;
}

/** Tokens of normalized text, with their offsets; `lexicon` holds dotless abbreviations kept whole. */
export function tokenize(text: string, lexicon: ReadonlySet<string> = new Set()): Token[] {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  const spans: Token[] = [];
  // in this order; a later pattern does not take text an earlier one took
  const lex = lexiconPattern(lexicon);
  for (const pattern of [new RegExp(MULTI_DOT, 'g'), new RegExp(SINGLE_DOT, 'g'), ...(lex ? [lex] : [])]) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!spans.some((s) => s.start < end && start < s.end)) spans.push({ term: m[0].replace(/\./g, ''), start, end });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const out: Token[] = [];
  let at = 0;
  const segmentGap = (from: number, to: number) => {
    if (from >= to) return;
    for (const s of segmenter!.segment(text.slice(from, to))) {
      if (s.isWordLike) out.push({ term: s.segment, start: from + s.index, end: from + s.index + s.segment.length });
    }
  };
  for (const s of spans) {
    segmentGap(at, s.start);
    out.push(s);
    at = s.end;
  }
  segmentGap(at, text.length);
  for (let i = 1; i < out.length; i++) {
    const gap = text.slice(out[i - 1]!.end, out[i]!.start);
    if (/^(?:|\s*-\s*)$/.test(gap)) out[i]!.joined = true;
  }
  return out;
}

/** The index terms of tokens: every word, and every two words written together (no space, or a hyphen, between). */
export function termsOf(tokens: Token[]): string[] {
  const out = tokens.map((t) => t.term);
  for (let i = 0; i + 1 < tokens.length; i++) if (tokens[i + 1]!.joined) out.push(pairTerm(tokens[i]!.term, tokens[i + 1]!.term));
  return out;
}
