/**
 * The search index as files (written at build time, read lazily by the browser and by the CLI).
 * Nothing a query reads grows with the size of the site but the postings of its own words:
 *
 *   manifest.json   counts, the unit span, the first characters of the shard keys, stop terms, glossary
 *   k/<g>.json      { keys: the shard keys that start with groups[g], sorted; empty: those that hold
 *                   no word themselves (split into longer keys), by their place in keys }
 *   t/<g>-<j>.json  postings of the terms whose longest shard key is keys[g][j]:
 *                   { term: [pageDelta, unit, weight, pageDelta, unit, weight, …] }, or for a term
 *                   in very many units { n, h: […its highest weights…], b: [[firstPage, lastPage, block], …] }
 *   b/<i>.json      the rest of such a term's postings, in page order, one block of pages per file
 *   x/<g>-<j>.json  for a key split into longer keys: the most frequent words under it, [[word, units], …]
 *   p/<k>.json      pages k·PAGES_PER_CHUNK …: [path, title, crumb[], textChunk, textOffset, chunkBreaks[]]
 *   u/<k>.json      units, in page order: [anchor, heading, text]; a page's units start at its
 *                   (textChunk, textOffset), and a new chunk starts at each of its chunkBreaks
 *   terms.txt       every indexed term, one per line (only for the substring fallback)
 *
 * A unit is known by `page × span + its number in the page`. Terms are words, and pairs of words
 * written together ("ผล การ"), which rank phrases above scattered words. A weight is 10 × (title +
 * heading + BM25 body term frequency) for the term in that unit; the inverse document frequency is
 * applied at query time from the number of units the term is in.
 */

export const INDEX_VERSION = 2;
export const PAGES_PER_CHUNK = 16;
export const WEIGHT_SCALE = 10;
export const W_TITLE = 4;
export const W_HEADING = 2.5;
export const BM25_K1 = 1.2;
export const BM25_B = 0.5;
/** a term in more than this share of the units (of a corpus of at least STOP_MIN_UNITS) carries no information */
export const STOP_SHARE = 0.75;
export const STOP_MIN_UNITS = 200;
/** weight of two query words found next to each other as in the query (phrase evidence) */
export const PAIR_WEIGHT = 0.6;

/** The index term for two words written together (Thai compounds: ผล+การ, จัดซื้อ+จัดจ้าง). */
export const pairTerm = (a: string, b: string): string => `${a} ${b}`;

export interface Manifest {
  v: number;
  units: number;
  pages: number;
  /** unit keys are page × span + the unit's number in its page */
  span: number;
  /** first characters of the shard keys, sorted; k/<g>.json lists the keys of groups[g] */
  groups: string[];
  stop: string[];
  /** groups of equivalent forms (abbreviation, full name, synonyms), as written in the glossary */
  glossary: string[][];
}

/** A term in very many units: its highest weights, and where the rest is, by pages. */
export interface SplitPostings {
  /** units the term is in */
  n: number;
  /** the highest-weighted postings, in page order, as [pageDelta, unit, weight, …] */
  h: number[];
  /** blocks of the other postings: [first page, last page, block file number] */
  b: Array<[number, number, number]>;
}

export type Postings = Record<string, number[] | SplitPostings>;
export type PageMeta = [path: string, title: string, crumb: string[], textChunk: number, textOffset: number, chunkBreaks: number[]];
export type UnitText = [anchor: string, heading: string, text: string];

/** URL path of a page file: `/manuals/x/` for manuals/x/index.html. */
export function urlOfPath(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}
