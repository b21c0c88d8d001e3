/**
 * Builds the search index of a folder of static HTML pages (see format.ts for the files). Used by
 * `npm run build` for the site and by `npm run search -- --index DIR` for any folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** One unit counted: its body terms as (term id, frequency) pairs and its title or heading terms. */
interface CountedUnit {
  body: Int32Array;
  fields: Int32Array;
  fieldWeight: number;
  length: number;
}

/** A page read and counted. Terms are numbered once per index, which keeps thousands of pages small in memory. */
interface CountedPage {
  path: string;
  meta: PageMeta;
  units: UnitText[];
  counts: CountedUnit[];
}

/**
 * Builds an index page by page, in any order (`npm run build` feeds it pages while Astro is still
 * writing others): the costly part — reading the HTML, word-breaking, counting — happens as pages
 * arrive; `write` orders the pages by path, so the index is the same whatever the arrival order.
 */
export class IndexBuilder {
  private readonly glossary: string[][];
  private readonly lexicon: ReturnType<typeof buildLexicon>;
  private readonly pages = new Map<string, CountedPage>();
  /** HTML files already read by readFolder (noindex pages included) */
  private readonly read = new Set<string>();
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  /** the same text shows on several pages (a flowchart on its own page, its mission's and its manual's) */
  private readonly texts = new Map<string, { ids: Int32Array; length: number }>();

  constructor(glossary: string[][]) {
    this.glossary = glossary;
    this.lexicon = buildLexicon(glossary);
  }

  /**
   * Reads the pages of `siteDir` not read by an earlier call (skipping `skip`, the index's own
   * folder, and noindex pages). With `complete`, a page whose `</html>` is not written yet is left
   * for a later call: the build calls this while Astro is still writing the site.
   */
  readFolder(siteDir: string, skip: string, { complete = false } = {}): void {
    if (!existsSync(siteDir)) return;
    for (const path of listHtml(siteDir, skip)) {
      if (this.read.has(path)) continue;
      const html = readFileSync(join(siteDir, path), 'utf8');
      if (complete && !/<\/html>\s*$/i.test(html)) continue;
      const page = extractPage(html, path);
      if (page) this.addPage(page);
      this.read.add(path);
    }
  }

  private addPage(page: PageDoc): void {
    const title = unique(this.termsOf(page.title).ids);
    const counted: CountedPage = { path: page.path, meta: [page.path, page.title, page.crumb], units: [], counts: [] };
    page.units.forEach((unit, i) => {
      counted.units.push([unit.anchor, unit.heading, unit.text]);
      const body = this.termsOf(unit.text);
      const tf = new Map<number, number>();
      for (const id of body.ids) tf.set(id, (tf.get(id) ?? 0) + 1);
      // the page title counts for the top of the page; headings for their own unit
      counted.counts.push({
        body: Int32Array.from([...tf].flat()),
        fields: i === 0 ? title : unique(this.termsOf(unit.heading).ids),
        fieldWeight: i === 0 ? W_TITLE : W_HEADING,
        length: body.length,
      });
    });
    this.pages.set(page.path, counted);
  }

  private termsOf(text: string): { ids: Int32Array; length: number } {
    let found = this.texts.get(text);
    if (!found) {
      const tokens = tokenize(normalize(text), this.lexicon.words);
      const ids = termsOf(tokens).map((term) => {
        let id = this.ids.get(term);
        if (id === undefined) {
          this.ids.set(term, (id = this.names.length));
          this.names.push(term);
        }
        return id;
      });
      this.texts.set(text, (found = { ids: Int32Array.from(ids), length: tokens.length }));
    }
    return found;
  }

  /** Writes the index into `outDir` (replacing it) and returns what it holds. */
  write(outDir: string): IndexStats {
    const pages = [...this.pages.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return assemble(pages, this.names, this.glossary, outDir);
  }
}

const unique = (ids: Int32Array) => Int32Array.from(new Set(ids));

function assemble(pages: CountedPage[], names: string[], glossary: string[][], outDir: string): IndexStats {
  const pageStarts: number[] = [];
  const units: UnitText[] = [];
  const counts: CountedUnit[] = [];
  for (const page of pages) {
    pageStarts.push(units.length);
    units.push(...page.units);
    counts.push(...page.counts);
  }
  pageStarts.push(units.length);
  const N = units.length;
  const avgLen = counts.reduce((a, c) => a + c.length, 0) / Math.max(1, N);

  // term → [unit, weight] in unit order
  const byId: number[][] = names.map(() => []);
  counts.forEach((c, u) => {
    const fields = new Set(c.fields);
    const weigh = (field: number, f: number) => {
      const bm25 = f ? (f * (BM25_K1 + 1)) / (f + BM25_K1 * (1 - BM25_B + (BM25_B * c.length) / avgLen)) : 0;
      return Math.max(1, Math.min(255, Math.round(WEIGHT_SCALE * (field + bm25))));
    };
    for (let i = 0; i < c.body.length; i += 2) {
      const id = c.body[i]!;
      byId[id]!.push(u, weigh(fields.delete(id) ? c.fieldWeight : 0, c.body[i + 1]!));
    }
    for (const id of fields) byId[id]!.push(u, weigh(c.fieldWeight, 0));
  });
  const postings = new Map<string, number[]>();
  byId.forEach((list, id) => {
    if (list.length) postings.set(names[id]!, list);
  });

  const stop =
    N >= STOP_MIN_UNITS
      ? [...postings]
          .filter(([, l]) => l.length / 2 > STOP_SHARE * N)
          .map(([t]) => t)
          .sort()
      : [];
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
  shards.forEach((k, i) =>
    write(
      `t/${i}.json`,
      `{${shardTerms
        .get(k)!
        .map((t) => encoded.get(t)!.json)
        .join(',')}}`,
    ),
  );
  for (let k = 0; k * PAGES_PER_CHUNK < pages.length; k++) {
    const meta: PageMeta[] = pages.slice(k * PAGES_PER_CHUNK, (k + 1) * PAGES_PER_CHUNK).map((p) => p.meta);
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
  write(
    'terms.txt',
    [...encoded.keys()]
      .filter((t) => !t.includes(' '))
      .sort()
      .join('\n'),
  );
  const manifest: Manifest = { v: INDEX_VERSION, units: N, pages: pages.length, pageStarts, unitChunks, shards, stop, glossary };
  write('manifest.json', JSON.stringify(manifest));
  return { pages: pages.length, units: N, terms: encoded.size, shards: shards.length, bytes };
}
