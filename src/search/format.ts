/**
 * The search index as files (written at build time, read lazily by the browser and by the CLI):
 *
 *   manifest.json   counts, page → unit ranges, shard keys, stop terms, glossary
 *   t/<i>.json      postings of the terms whose longest shard key is shards[i]:
 *                   { term: [unitDelta, weight, unitDelta, weight, …] }
 *   p/<k>.json      pages k·PAGES_PER_CHUNK …: [path, title, crumb[]]
 *   u/<k>.json      units from unitChunks[k]: [anchor, heading, text]
 *   terms.txt       every indexed term, one per line (only for the substring fallback)
 *
 * Terms are words, and pairs of words written together ("ผล การ"), which rank phrases above
 * scattered words. A weight is 10 × (title + heading + BM25 body term frequency) for the term in that unit; the
 * inverse document frequency is applied at query time from the length of the postings.
 */

export const INDEX_VERSION = 1;
export const PAGES_PER_CHUNK = 64;
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
  /** unit index where each page starts; length pages + 1 */
  pageStarts: number[];
  /** unit index where each text chunk starts */
  unitChunks: number[];
  /** sorted shard keys; term t lives in the shard of the longest key that is a prefix of t */
  shards: string[];
  stop: string[];
  /** groups of equivalent forms (abbreviation, full name, synonyms), as written in the glossary */
  glossary: string[][];
}

export type Postings = Record<string, number[]>;
export type PageMeta = [path: string, title: string, crumb: string[]];
export type UnitText = [anchor: string, heading: string, text: string];

/** URL path of a page file: `/manuals/x/` for manuals/x/index.html. */
export function urlOfPath(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}
