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
import { ownString } from '../domain/own-string.ts';
import { normalize } from './normalize.ts';
import { termsOf, tokenize } from './tokenize.ts';

/** Largest shard before it is split by one more character of the key (bytes of JSON, roughly). */
const SHARD_BYTES = 24 * 1024;
/** Completions kept per split key: the engine offers at most 24 for a word being typed, and the word itself is not one. */
const COMPLETIONS = 25;
/** Units' text is fetched in chunks of about this size (a result shows one unit's snippet). */
const TEXT_CHUNK_BYTES = 6 * 1024;
/**
 * A term's postings longer than `split` bytes are split: `head` bytes of its highest weights, the
 * rest in `block`-byte blocks; a shard holds about `shard` bytes before its key is split.
 */
export interface SplitLimits {
  split: number;
  head: number;
  block: number;
  shard?: number;
}
const SPLIT: SplitLimits = { split: 24 * 1024, head: 12 * 1024, block: 16 * 1024, shard: SHARD_BYTES };

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
  meta: [path: string, title: string, crumb: string[]];
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

  private readonly limits: SplitLimits;

  /** `limits`: when a term's postings are split (tests compare an index split and one not) */
  constructor(glossary: string[][], limits: SplitLimits = SPLIT) {
    this.glossary = glossary;
    this.limits = limits;
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

  /**
   * Reads the pages of `paths` (relative to `siteDir`) that are completely written (their
   * `</html>` is there), and takes them out of `paths`; the others stay for a later call.
   */
  readPages(siteDir: string, paths: Set<string>): void {
    for (const path of paths) {
      if (this.read.has(path)) {
        paths.delete(path);
        continue;
      }
      let html: string;
      try {
        html = readFileSync(join(siteDir, path), 'utf8');
      } catch {
        continue; // not written yet
      }
      if (!/<\/html>\s*$/i.test(html)) continue;
      const page = extractPage(html, path);
      if (page) this.addPage(page);
      this.read.add(path);
      paths.delete(path);
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
          // an own copy: the term is cut from its unit's text, which it would keep alive
          const own = ownString(term);
          this.ids.set(own, (id = this.names.length));
          this.names.push(own);
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
    return assemble(pages, this.names, this.glossary, outDir, this.limits);
  }
}

const unique = (ids: Int32Array) => Int32Array.from(new Set(ids));

/** The postings of one term as JSON: [pageDelta, unit, weight, …] from `from` to `to` of its slice. */
function encodeRange(keys: Int32Array, weights: Uint8Array, order: ArrayLike<number>, span: number): string {
  const out: number[] = [];
  let prev = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const page = Math.floor(keys[i]! / span);
    out.push(page - prev, keys[i]! - page * span, weights[i]!);
    prev = page;
  }
  return JSON.stringify(out);
}
const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, k) => from + k);

function assemble(pages: CountedPage[], names: string[], glossary: string[][], outDir: string, limits: SplitLimits): IndexStats {
  // unit keys: page × span + the unit's number in its page
  let N = 0;
  let most = 1;
  let totalLength = 0;
  for (const page of pages) {
    N += page.counts.length;
    most = Math.max(most, page.counts.length);
    for (const c of page.counts) totalLength += c.length;
  }
  const span = 2 ** Math.max(1, Math.ceil(Math.log2(most + 1)));
  if (pages.length * span >= 2 ** 31) throw new Error(`search index: ${pages.length} pages of up to ${most} units do not fit`);
  const avgLen = totalLength / Math.max(1, N);

  // every term's postings in two flat arrays, each term's run in unit order (counted first, then filled)
  const eachPosting = (visit: (id: number, key: number, weight: number) => void) => {
    pages.forEach((page, p) => {
      page.counts.forEach((c, local) => {
        const key = p * span + local;
        const fields = new Set(c.fields);
        const weigh = (field: number, f: number) => {
          const bm25 = f ? (f * (BM25_K1 + 1)) / (f + BM25_K1 * (1 - BM25_B + (BM25_B * c.length) / avgLen)) : 0;
          return Math.max(1, Math.min(255, Math.round(WEIGHT_SCALE * (field + bm25))));
        };
        for (let i = 0; i < c.body.length; i += 2) {
          const id = c.body[i]!;
          visit(id, key, weigh(fields.delete(id) ? c.fieldWeight : 0, c.body[i + 1]!));
        }
        for (const id of fields) visit(id, key, weigh(c.fieldWeight, 0));
      });
    });
  };
  const starts = new Int32Array(names.length + 1);
  eachPosting((id) => void starts[id + 1]!++);
  for (let t = 0; t < names.length; t++) starts[t + 1]! += starts[t]!;
  const keys = new Int32Array(starts[names.length]!);
  const weights = new Uint8Array(keys.length);
  const fill = starts.slice(0, names.length);
  eachPosting((id, key, weight) => {
    const at = fill[id]!++;
    keys[at] = key;
    weights[at] = weight;
  });
  const count = (t: number) => starts[t + 1]! - starts[t]!;

  const stop = N >= STOP_MIN_UNITS ? names.filter((_, t) => count(t) > STOP_SHARE * N).sort() : [];
  const stopSet = new Set(stop);

  rmSync(outDir, { recursive: true, force: true });
  for (const d of ['t', 'p', 'u', 'k', 'b', 'x']) mkdirSync(join(outDir, d), { recursive: true });
  let bytes = 0;
  const write = (name: string, text: string) => {
    writeFileSync(join(outDir, name), text);
    bytes += Buffer.byteLength(text);
  };

  // every term's postings as JSON; a term in very many units keeps its highest weights in its shard
  // and the rest in blocks of pages (b/), which a query reads only for the pages it needs
  let blocks = 0;
  const encoded = new Map<string, { json: string; bytes: number }>();
  names.forEach((term, t) => {
    if (!count(t) || stopSet.has(term)) return;
    const from = starts[t]!;
    const to = starts[t + 1]!;
    let body = encodeRange(keys, weights, range(from, to), span);
    if (body.length > limits.split) {
      const all = range(from, to);
      const byWeight = [...all].sort((a, b) => weights[b]! - weights[a]! || a - b);
      const head = Math.max(1, Math.floor(all.length * (limits.head / body.length)));
      const top = new Set(byWeight.slice(0, head));
      const rest = all.filter((i) => !top.has(i));
      const perBlock = Math.max(1, Math.floor(rest.length * (limits.block / body.length)));
      const list: Array<[number, number, number]> = [];
      for (let k = 0; k < rest.length; k += perBlock) {
        const part = rest.subarray(k, k + perBlock);
        write(`b/${blocks}.json`, encodeRange(keys, weights, part, span));
        list.push([Math.floor(keys[part[0]!]! / span), Math.floor(keys[part[part.length - 1]!]! / span), blocks++]);
      }
      const h = encodeRange(
        keys,
        weights,
        all.filter((i) => top.has(i)),
        span,
      );
      body = `{"n":${to - from},"h":${h},"b":${JSON.stringify(list)}}`;
    }
    const json = `${JSON.stringify(term)}:${body}`;
    encoded.set(term, { json, bytes: Buffer.byteLength(json) });
  });

  // shard keys: split a prefix group by one more character while it is too large
  const shardKeys: string[] = [];
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
      shardKeys.push(k);
      if (size > (limits.shard ?? SHARD_BYTES) && g.some((t) => t.length > k.length)) group(g, depth + 1);
    }
  };
  group([...encoded.keys()], 0);
  const keySet = new Set(shardKeys);
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
  // the keys that hold terms, grouped by their first character
  // every key, grouped by its first character; a key split into longer keys may hold no term itself
  const allKeys = [...new Set(shardKeys)].sort();
  const used = allKeys.filter((k) => shardTerms.has(k));
  const groups = [...new Set(allKeys.map((k) => firstChar(k)))].sort();
  const dfOf = new Map<string, number>();
  names.forEach((term, t) => {
    if (encoded.has(term)) dfOf.set(term, count(t));
  });
  groups.forEach((g, gi) => {
    const inGroup = allKeys.filter((k) => firstChar(k) === g);
    // the keys, and which of them hold no term (no shard file)
    const empty = inGroup.flatMap((k, j) => (shardTerms.has(k) ? [] : [j]));
    write(`k/${gi}.json`, JSON.stringify({ keys: inGroup, empty }));
    // a key split into longer keys: the words under it most often found, for completing a word
    // being typed without reading every shard under it (x/)
    inGroup.forEach((k, j) => {
      let end = j + 1;
      while (end < inGroup.length && inGroup[end]!.startsWith(k)) end++;
      if (end === j + 1) return;
      const under = inGroup
        .slice(j, end)
        .flatMap((key) => shardTerms.get(key) ?? [])
        .filter((t) => !t.includes(' '))
        .map((t): [string, number] => [t, dfOf.get(t)!])
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, COMPLETIONS);
      write(`x/${gi}-${j}.json`, JSON.stringify(under));
    });
    inGroup.forEach((k, j) => {
      const terms = shardTerms.get(k);
      if (terms) write(`t/${gi}-${j}.json`, `{${terms.map((t) => encoded.get(t)!.json).join(',')}}`);
    });
  });

  // unit texts in page order, in chunks of about TEXT_CHUNK_BYTES; each page says where its first
  // unit is and at which of its units a new chunk starts
  const where: Array<[number, number, number[]]> = [];
  let chunk: UnitText[] = [];
  let chunks = 0;
  let size = 0;
  const flush = () => {
    if (!chunk.length) return;
    write(`u/${chunks++}.json`, JSON.stringify(chunk));
    chunk = [];
    size = 0;
  };
  for (const page of pages) {
    if (size > TEXT_CHUNK_BYTES) flush();
    const at: [number, number, number[]] = [chunks, chunk.length, []];
    page.units.forEach((u, local) => {
      if (local > 0 && size > TEXT_CHUNK_BYTES) {
        flush();
        at[2].push(local);
      }
      chunk.push(u);
      size += Buffer.byteLength(u[2]) + Buffer.byteLength(u[1]) + 16;
    });
    where.push(at);
  }
  flush();
  for (let k = 0; k * PAGES_PER_CHUNK < pages.length; k++) {
    const meta: PageMeta[] = pages
      .slice(k * PAGES_PER_CHUNK, (k + 1) * PAGES_PER_CHUNK)
      .map((p, i): PageMeta => [...p.meta, ...where[k * PAGES_PER_CHUNK + i]!]);
    write(`p/${k}.json`, JSON.stringify(meta));
  }
  write(
    'terms.txt',
    [...encoded.keys()]
      .filter((t) => !t.includes(' '))
      .sort()
      .join('\n'),
  );
  const manifest: Manifest = { v: INDEX_VERSION, units: N, pages: pages.length, span, groups, stop, glossary };
  write('manifest.json', JSON.stringify(manifest));
  return { pages: pages.length, units: N, terms: encoded.size, shards: used.length, bytes };
}

/** The first character of a key, a whole code point. */
export const firstChar = (key: string): string => String.fromCodePoint(key.codePointAt(0)!);
