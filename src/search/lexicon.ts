/** The glossary as the tokenizer and the query expansion use it (shared by index and query). */
import { normalize } from './normalize.ts';
import { termsOf, tokenize } from './tokenize.ts';

/** One form of a glossary term: its words (to find it in a query) and its terms (to find it in a page, as a phrase). */
export interface Form {
  words: string[];
  terms: string[];
}

export interface Lexicon {
  /** dotless abbreviations the tokenizer keeps whole (พรบ, สตง, อปท) */
  words: ReadonlySet<string>;
  /** groups of equivalent forms */
  groups: Form[][];
}

/** Builds the lexicon from glossary groups (each a list of equivalent forms as written). */
export function buildLexicon(glossary: string[][]): Lexicon {
  const words = new Set<string>();
  for (const group of glossary) {
    for (const form of group) {
      const n = normalize(form).trim();
      const bare = n.replace(/\./g, '');
      // abbreviations: short, no spaces, written with dots or all capitals/consonants
      if (!/\s/.test(bare) && bare.length <= 8 && (n.includes('.') || bare.length <= 5)) words.add(bare);
    }
  }
  const groups = glossary.map((group) => {
    const seen = new Set<string>();
    const forms: Form[] = [];
    for (const form of group) {
      const tokens = tokenize(normalize(form), words);
      const key = tokens.map((t) => t.term).join(' ');
      if (tokens.length && !seen.has(key)) {
        seen.add(key);
        forms.push({ words: tokens.map((t) => t.term), terms: termsOf(tokens) });
      }
    }
    return forms;
  });
  return { words, groups: groups.filter((g) => g.length > 1) };
}
