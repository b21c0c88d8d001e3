/**
 * Builds the search index of a folder of static HTML pages (see format.ts for the files). Used by
 * `npm run build` for the site and by `npm run search -- --index DIR` for any folder.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  BM25_B,
  BM25_K1,
  INDEX_VERSION,
  PAGES_PER_CHUNK,
  STOP_MIN_UNITS,
  STOP_SHARE,
  W_HEADING,
  W_TITLE,
  WEIGHT_SCALE,
  type Manifest,
  type PageMeta,
  type UnitText,
} from './format.ts';
import { extractPage, type PageDoc } from './html.ts';
import { buildLexicon } from './lexicon.ts';
import { normalize } from './normalize.ts';
import { termsOf, tokenize } from './tokenize.ts';

/** Largest shard before it is split by one more character of the key (bytes of JSON, roughly). */
const SHARD_BYTES = 24 * 1024;
const TEXT_CHUNK_BYTES = 12 * 1024;

export interface IndexStats {
  pages: number;
  units: number;
  terms: number;
  shards: number;
  bytes: number;
}

/** Every HTML file under `siteDir` (skipping the index folder itself), in a stable order. */
export function listHtml(siteDir: string, skip: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(siteDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const full = join(entry.parentPath, entry.name);
    if (full.startsWith(skip + sep)) continue;
    files.push(relative(siteDir, full).split(sep).join('/'));
  }
  return files.sort();
}

/** Reads the pages of a site folder (skipping noindex pages). */
export function readPages(siteDir: string, skip: string): PageDoc[] {
  const pages: PageDoc[] = [];
  for (const path of listHtml(siteDir, skip)) {
    const page = extractPage(readFileSync(join(siteDir, path), 'utf8'), path);
    if (page) pages.push(page);
  }
  return pages;
}

/** Writes the index of `pages` into `outDir` (replacing it) and returns what it holds. */
export function writeIndex(pages: PageDoc[], glossary: string[][], outDir: string): IndexStats {
  const lexicon = buildLexicon(glossary);
  // the same text shows on several pages (a flowchart on its own page, its mission's and its manual's)
  const seen = new Map<string, ReturnType<typeof tokenize>>();
  const tokensOf = (text: string) => {
    let tokens = seen.get(text);
    if (!tokens) seen.set(text, (tokens = tokenize(normalize(text), lexicon.words)));
    return tokens;
  };
  const pageStarts: number[] = [];
  const units: UnitText[] = [];
  const unitTerms: Array<{ fields: Map<string, number>; tf: Map<string, number> }> = [];
  const lengths: number[] = [];
  for (const page of pages) {
    pageStarts.push(units.length);
    const titleTerms = new Set(termsOf(tokensOf(page.title)));
    page.units.forEach((unit, i) => {
      units.push([unit.anchor, unit.heading, unit.text]);
      const headingTerms = new Set(termsOf(tokensOf(unit.heading)));
      const tokens = tokensOf(unit.text);
      const body = termsOf(tokens);
      const tf = new Map<string, number>();
      for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
      const fields = new Map<string, number>();
      // the page title counts for the top of the page; headings for their own unit
      if (i === 0) for (const t of titleTerms) fields.set(t, W_TITLE);
      else for (const t of headingTerms) fields.set(t, (fields.get(t) ?? 0) + W_HEADING);
      unitTerms.push({ fields, tf });
      lengths.push(tokens.length);
    });
  }
  pageStarts.push(units.length);
  const N = units.length;
  const avgLen = lengths.reduce((a, b) => a + b, 0) / Math.max(1, N);

  // term → [unit, weight] in unit order
  const postings = new Map<string, number[]>();
  unitTerms.forEach(({ fields, tf }, u) => {
    const terms = new Set([...fields.keys(), ...tf.keys()]);
    for (const term of terms) {
      const f = tf.get(term) ?? 0;
      const bm25 = f ? (f * (BM25_K1 + 1)) / (f + BM25_K1 * (1 - BM25_B + (BM25_B * lengths[u]!) / avgLen)) : 0;
      const weight = Math.max(1, Math.min(255, Math.round(WEIGHT_SCALE * ((fields.get(term) ?? 0) + bm25))));
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(u, weight);
    }
  });

  const stop = N >= STOP_MIN_UNITS ? [...postings].filter(([, l]) => l.length / 2 > STOP_SHARE * N).map(([t]) => t).sort() : [];
  for (const t of stop) postings.delete(t);

  // delta-encode and size every term's postings
  const encoded = new Map<string, { json: string; bytes: number }>();
  for (const [term, list] of postings) {
    let prev = 0;
    const out: number[] = [];
    for (let i = 0; i < list.length; i += 2) {
      out.push(list[i]! - prev, list[i + 1]!);
      prev = list[i]!;
    }
    const json = `${JSON.stringify(term)}:${JSON.stringify(out)}`;
    encoded.set(term, { json, bytes: Buffer.byteLength(json) });
  }

  // shard keys: split a prefix group by one more character while it is too large
  const keys: string[] = [];
  const group = (terms: string[], depth: number): void => {
    // terms no longer than the parent key stay in the parent's shard
    const byKey = new Map<string, string[]>();
    for (const t of terms) {
      if (t.length <= depth) continue;
      const k = t.slice(0, depth + 1);
      let g = byKey.get(k);
      if (!g) byKey.set(k, (g = []));
      g.push(t);
    }
    for (const [k, g] of byKey) {
      const size = g.reduce((a, t) => a + encoded.get(t)!.bytes, 0);
      keys.push(k);
      if (size > SHARD_BYTES && g.some((t) => t.length > k.length)) group(g, depth + 1);
    }
  };
  group([...encoded.keys()], 0);
  keys.sort();
  const keySet = new Set(keys);
  const shardOf = (term: string): string => {
    for (let l = term.length; l > 0; l--) if (keySet.has(term.slice(0, l))) return term.slice(0, l);
    throw new Error(`no shard for ${term}`);
  };
  const shardTerms = new Map<string, string[]>();
  for (const term of [...encoded.keys()].sort()) {
    const k = shardOf(term);
    let l = shardTerms.get(k);
    if (!l) shardTerms.set(k, (l = []));
    l.push(term);
  }
  const shards = keys.filter((k) => shardTerms.has(k));

  rmSync(outDir, { recursive: true, force: true });
  for (const d of ['t', 'p', 'u']) mkdirSync(join(outDir, d), { recursive: true });
  let bytes = 0;
  const write = (name: string, text: string) => {
    writeFileSync(join(outDir, name), text);
    bytes += Buffer.byteLength(text);
  };
  shards.forEach((k, i) => write(`t/${i}.json`, `{${shardTerms.get(k)!.map((t) => encoded.get(t)!.json).join(',')}}`));
  for (let k = 0; k * PAGES_PER_CHUNK < pages.length; k++) {
    const meta: PageMeta[] = pages.slice(k * PAGES_PER_CHUNK, (k + 1) * PAGES_PER_CHUNK).map((p) => [p.path, p.title, p.crumb]);
    write(`p/${k}.json`, JSON.stringify(meta));
  }
  const unitChunks: number[] = [];
  let chunk: UnitText[] = [];
  let size = 0;
  const flush = () => {
    if (!chunk.length) return;
    write(`u/${unitChunks.length - 1}.json`, JSON.stringify(chunk));
    chunk = [];
    size = 0;
  };
  units.forEach((u, i) => {
    if (!chunk.length) unitChunks.push(i);
    chunk.push(u);
    size += Buffer.byteLength(u[2]) + Buffer.byteLength(u[1]) + 16;
    if (size > TEXT_CHUNK_BYTES) flush();
  });
  flush();
  write('terms.txt', [...encoded.keys()].filter((t) => !t.includes(' ')).sort().join('\n'));
  const manifest: Manifest = { v: INDEX_VERSION, units: N, pages: pages.length, pageStarts, unitChunks, shards, stop, glossary };
  write('manifest.json', JSON.stringify(manifest));
  return { pages: pages.length, units: N, terms: encoded.size, shards: shards.length, bytes };
}
