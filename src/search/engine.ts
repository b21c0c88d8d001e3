/**
 * The search itself: query parsing, glossary expansion, partial words, ranking and snippets. The
 * browser and `npm run search` run exactly this code over the same index files; only the way
 * files are loaded differs (fetch or the file system).
 *
 * A query becomes concepts: a glossary term (any of its forms), a word, or a partial word (the end
 * of what is being typed, or a fragment the dictionary does not know, matched as the start — else a
 * part — of indexed words). A page scores by its best unit per concept (titles and headings weigh
 * more than body text), plus its single best unit; pages that match every concept come before pages
 * that match some; weak matches are cut.
 */
import {
  INDEX_VERSION,
  PAGES_PER_CHUNK,
  PAIR_WEIGHT,
  WEIGHT_SCALE,
  pairTerm,
  urlOfPath,
  type Manifest,
  type PageMeta,
  type Postings,
  type SplitPostings,
  type UnitText,
} from './format.ts';
import { buildLexicon, type Lexicon } from './lexicon.ts';
import { normalize, normalizeWithMap } from './normalize.ts';
import { tokenize, type Token } from './tokenize.ts';

export type Loader = (file: string) => Promise<string>;

interface Alt {
  terms: string[];
  weight: number;
}
interface Concept {
  alts: Alt[];
}
interface Parsed {
  concepts: Concept[];
  /** pair terms of query words written together: a page with all of them has the phrase */
  pairs: string[];
}

export interface Hit {
  page: number;
  unit: number;
  score: number;
  /** share of the query's concepts the page matches */
  coverage: number;
}

export interface SearchOutcome {
  hits: Hit[];
  /** indexed terms that matched, for highlighting */
  terms: string[];
  /** phrases that matched (a glossary expansion such as สตง. → สำนักงานการตรวจเงินแผ่นดิน): highlighted only whole */
  phrases: string[][];
  /**
   * ผลที่ใกล้เคียง: when the strict results are few, pages with related forms of the query's words —
   * longer or shorter compounds, every word but not written together — never mixed into `hits`
   */
  near: Hit[];
}

export interface Snippet {
  parts: Array<{ text: string; hit: boolean }>;
}

export interface ResultView {
  path: string;
  /** URL of the page with the fragment of the unit */
  href: string;
  title: string;
  /** the title with the query's terms marked */
  titleParts: Snippet['parts'];
  /** office › … › page › section */
  crumb: string[];
  heading: string;
  snippet: Snippet;
  score: number;
}

/** A term's postings as read so far: every one, or (a split term) its highest weights and the blocks read. */
interface Posting {
  /** units the term is in */
  n: number;
  units: number[];
  weights: number[];
  blocks?: Array<[number, number, number]>;
}

/** How many units a term's postings (a shard's value) are in. */
const unitsOf = (list: number[] | SplitPostings): number => (Array.isArray(list) ? list.length / 3 : list.n);

/** A query reads at most this many blocks of a split term (see complete()). */
const MAX_BLOCKS = 8;
/** … and only for rarer terms on at most this many pages */
const MAX_COMPLETED_PAGES = 2000;
const PREFIX_WEIGHT = 0.7;
const SUBSTRING_WEIGHT = 0.45;
const MAX_EXPANSIONS = 24;
/** completions offered after a whole known word being typed */
const AFTER_WORD = 4;
const BEST_UNIT_BONUS = 0.5;
const NOISE_CUT = 0.05;
const LOWER_TIER_CUT = 0.35;
const PHRASE_SCALE = 1.5;
/** strict results below this many: look for related forms too */
const NEAR_BELOW = 3;
const NEAR_LIMIT = 5;
const NEAR_WEIGHT = 0.6;

export class SearchIndex {
  private shardCache = new Map<string, Promise<Postings>>();
  private textCache = new Map<number, Promise<UnitText[]>>();
  private metaCache = new Map<number, Promise<PageMeta[]>>();
  private blockCache = new Map<number, Promise<number[]>>();
  private completionCache = new Map<string, Promise<Array<[string, number]>>>();
  private keyCache = new Map<number, Promise<{ keys: string[]; set: Set<string>; empty: Set<number>; longest: number }>>();
  private decoded = new Map<string, Posting | null>();
  private termsList: Promise<string[]> | undefined;
  private readonly stop: Set<string>;
  private readonly load: Loader;
  readonly manifest: Manifest;
  readonly lexicon: Lexicon;

  private constructor(manifest: Manifest, load: Loader) {
    this.manifest = manifest;
    this.load = load;
    this.stop = new Set(manifest.stop);
    this.lexicon = buildLexicon(manifest.glossary);
  }

  static async open(load: Loader): Promise<SearchIndex> {
    const manifest = JSON.parse(await load('manifest.json')) as Manifest;
    if (manifest.v !== INDEX_VERSION) throw new Error(`search index version ${manifest.v}, expected ${INDEX_VERSION}`);
    return new SearchIndex(manifest, load);
  }

  /** The page a unit key is on. */
  pageOf(unit: number): number {
    return Math.floor(unit / this.manifest.span);
  }

  /** The shard keys that start with the first character of `text`, those that hold no word, and the group's number. */
  private async keysFor(text: string): Promise<{ group: number; keys: string[]; set: Set<string>; empty: Set<number>; longest: number } | undefined> {
    const first = String.fromCodePoint(text.codePointAt(0)!);
    const group = binarySearch(this.manifest.groups, first);
    if (group < 0) return undefined;
    let p = this.keyCache.get(group);
    if (!p)
      this.keyCache.set(
        group,
        (p = this.load(`k/${group}.json`).then((t) => {
          const { keys, empty } = JSON.parse(t) as { keys: string[]; empty: number[] };
          return { keys, set: new Set(keys), empty: new Set(empty), longest: Math.max(1, ...keys.map((k) => k.length)) };
        })),
      );
    return { group, ...(await p) };
  }

  /** The file of the shard a term would be in. */
  private async shardOf(term: string): Promise<string | undefined> {
    const g = await this.keysFor(term);
    if (!g) return undefined;
    for (let l = Math.min(term.length, g.longest); l > 0; l--) {
      const k = term.slice(0, l);
      if (!g.set.has(k)) continue;
      // a key split into longer keys may hold no word itself: the word is in a shorter key's shard
      const j = binarySearch(g.keys, k);
      if (!g.empty.has(j)) return `${g.group}-${j}`;
    }
    return undefined;
  }

  private shard(id: string): Promise<Postings> {
    let p = this.shardCache.get(id);
    if (!p) this.shardCache.set(id, (p = this.load(`t/${id}.json`).then((t) => JSON.parse(t) as Postings)));
    return p;
  }

  private block(i: number): Promise<number[]> {
    let p = this.blockCache.get(i);
    if (!p) this.blockCache.set(i, (p = this.load(`b/${i}.json`).then((t) => JSON.parse(t) as number[])));
    return p;
  }

  /** [pageDelta, unit, weight, …] as unit keys and weights. */
  private decode(list: number[], into: Posting): void {
    const span = this.manifest.span;
    let page = 0;
    for (let k = 0; k < list.length; k += 3) {
      page += list[k]!;
      into.units.push(page * span + list[k + 1]!);
      into.weights.push(list[k + 2]!);
    }
  }

  private async postings(term: string): Promise<Posting | undefined> {
    const known = this.decoded.get(term);
    if (known !== undefined) return known ?? undefined;
    const id = await this.shardOf(term);
    const shard = id === undefined ? undefined : await this.shard(id);
    // own keys only: `constructor`, `__proto__`, `toString` are words a reader may type
    const raw = shard && Object.hasOwn(shard, term) ? shard[term]! : undefined;
    let posting: Posting | null = null;
    if (Array.isArray(raw)) {
      posting = { n: raw.length / 3, units: [], weights: [] };
      this.decode(raw, posting);
    } else if (raw) {
      posting = { n: raw.n, units: [], weights: [], blocks: raw.b };
      this.decode(raw.h, posting);
    }
    this.decoded.set(term, posting);
    return posting ?? undefined;
  }

  /** A split term's postings with those on `pages` too (the blocks that hold them, at most MAX_BLOCKS). */
  private async completed(posting: Posting, pages: Set<number>): Promise<Posting> {
    const sorted = [...pages].sort((a, b) => a - b);
    const wanted = (posting.blocks ?? []).filter(([first, last]) => {
      const at = lowerBoundNumber(sorted, first);
      return at < sorted.length && sorted[at]! <= last;
    });
    if (!wanted.length || wanted.length > MAX_BLOCKS) return posting;
    const merged = new Map<number, number>();
    posting.units.forEach((u, k) => merged.set(u, posting.weights[k]!));
    for (const [, , i] of wanted) {
      const part: Posting = { n: 0, units: [], weights: [] };
      this.decode(await this.block(i), part);
      part.units.forEach((u, k) => merged.set(u, part.weights[k]!));
    }
    const units = [...merged.keys()].sort((a, b) => a - b);
    return { n: posting.n, units, weights: units.map((u) => merged.get(u)!) };
  }

  private async has(term: string): Promise<boolean> {
    return this.stop.has(term) || (await this.postings(term)) !== undefined;
  }

  /** Indexed terms that start with `prefix` (longer than it), most frequent first. */
  private async expandPrefix(prefix: string): Promise<string[]> {
    if (prefix.length < 2) return [];
    const g = await this.keysFor(prefix);
    if (!g) return [];
    const found = new Map<string, number>();
    const add = (term: string, units: number) => {
      if (term.length > prefix.length && term.startsWith(prefix) && !term.includes(' ')) found.set(term, units);
    };
    // the shard the prefix itself falls in (a shorter key's), then each subtree of keys that start
    // with it: a key split into longer keys by its list of most frequent words, any other by its shard
    const own = await this.shardOf(prefix);
    if (own !== undefined) for (const [term, list] of Object.entries(await this.shard(own))) add(term, unitsOf(list));
    for (let i = lowerBound(g.keys, prefix); i < g.keys.length && g.keys[i]!.startsWith(prefix); ) {
      const root = g.keys[i]!;
      let end = i + 1;
      while (end < g.keys.length && g.keys[end]!.startsWith(root)) end++;
      if (end > i + 1) for (const [term, units] of await this.completions(`${g.group}-${i}`)) add(term, units);
      else for (const [term, list] of Object.entries(await this.shard(`${g.group}-${i}`))) add(term, unitsOf(list));
      i = end;
    }
    return [...found]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, MAX_EXPANSIONS)
      .map(([t]) => t);
  }

  private completions(id: string): Promise<Array<[string, number]>> {
    let p = this.completionCache.get(id);
    if (!p) this.completionCache.set(id, (p = this.load(`x/${id}.json`).then((t) => JSON.parse(t) as Array<[string, number]>)));
    return p;
  }

  /** Indexed terms that contain `part` (not at the start), most frequent first. */
  private async expandSubstring(part: string): Promise<string[]> {
    if (part.length < 3) return [];
    this.termsList ??= this.load('terms.txt').then((t) => t.split('\n'));
    const matches = (await this.termsList).filter((t) => t.length > part.length && t.indexOf(part) > 0);
    const sized = await Promise.all(matches.map(async (t) => [t, (await this.postings(t))?.n ?? 0] as const));
    return sized
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_EXPANSIONS)
      .map(([t]) => t);
  }

  /** Turns a query into concepts (see the file comment). */
  private async concepts(query: string): Promise<Parsed> {
    const typing = !/\s$/.test(query);
    const norm = normalize(query);
    const tokens = tokenize(norm, this.lexicon.words);
    const out: Concept[] = [];
    const covered = new Array<boolean>(tokens.length).fill(false);
    // tokens that stand as words of their own (for the phrase pairs)
    const words = new Set<number>();

    // glossary terms, longest form first
    const forms = this.lexicon.groups.flatMap((group) => group.map((form) => ({ form: form.words, group }))).sort((a, b) => b.form.length - a.form.length);
    for (const { form, group } of forms) {
      for (let i = 0; i + form.length <= tokens.length; i++) {
        if (covered.slice(i, i + form.length).some(Boolean)) continue;
        if (!form.every((t, k) => tokens[i + k]!.term === t)) continue;
        for (let k = i; k < i + form.length; k++) covered[k] = true;
        out.push({ alts: group.map((f) => ({ terms: f.terms, weight: 1 })) });
      }
    }

    const adjacent = (a: Token, b: Token) => a.end === b.start;
    let i = 0;
    // where the last run of touching tokens starts: the word being typed may span it
    let tailStart = tokens.length - 1;
    while (tailStart > 0 && adjacent(tokens[tailStart - 1]!, tokens[tailStart]!) && !covered[tailStart - 1]) tailStart--;
    let tail: Concept | undefined;
    if (typing && tokens.length && !covered[tokens.length - 1]) {
      // the word being typed: the longest end of the last run of touching tokens that starts
      // longer indexed words, with what comes before it made of known words (ICU splits a partial
      // word badly: ผลการดำเนิ → ผล|กา|รดำเนิ, read here as ผล การ + ดำเนิ…)
      const last = tokens.length - 1;
      const run = norm.slice(tokens[tailStart]!.start, tokens[last]!.end);
      const offset = tokens[tailStart]!.start;
      const cuts = new Set<number>();
      for (let k = tailStart; k <= last; k++) cuts.add(tokens[k]!.start - offset);
      // inside the last token only when the dictionary cut it out of a word it does not know
      if (!(await this.has(tokens[last]!.term))) for (let c = tokens[last]!.start - offset + 1; c < run.length - 1; c++) cuts.add(c);
      for (const cut of [...cuts].sort((x, y) => x - y)) {
        const s = run.slice(cut);
        if (s.length < 2) break;
        const longer = await this.expandPrefix(s);
        if (!longer.length) continue;
        const head = tokenize(run.slice(0, cut), this.lexicon.words);
        let known = true;
        for (const t of head) if (!(await this.has(t.term))) known = false;
        if (!known) continue;
        const exact = await this.has(s);
        // a known word keeps its full weight; its completions weigh less, the closer the more
        const lift = exact ? 0 : 0.2;
        tail = {
          alts: [
            ...(exact ? [{ terms: [s], weight: 1 }] : []),
            // after a whole word, only its most frequent completions: each is read from its own
            // shard, and 24 of them were most of what typing a common word fetched at N = 1,000
            ...(exact ? longer.slice(0, AFTER_WORD) : longer).map((t) => ({ terms: [t], weight: PREFIX_WEIGHT * Math.sqrt(s.length / t.length) + lift })),
          ],
        };
        for (const t of head) out.push({ alts: [{ terms: [t.term], weight: 1 }] });
        for (let k = tailStart; k <= last; k++) covered[k] = true;
        // head words that are the query's own tokens, and a whole known last word, pair as usual
        for (let k = tailStart; k <= last; k++) {
          const inHead = tokens[k]!.end - offset <= cut && head.some((h) => h.term === tokens[k]!.term);
          if (inHead || (k === last && cut === tokens[last]!.start - offset && exact)) words.add(k);
        }
        break;
      }
    }
    while (i < tokens.length) {
      if (covered[i]) {
        i++;
        continue;
      }
      const term = tokens[i]!.term;
      if (await this.has(term)) {
        out.push({ alts: [{ terms: [term], weight: 1 }] });
        words.add(i);
        i++;
        continue;
      }
      // a fragment the index does not know: join it with the unknown fragments touching it
      let j = i + 1;
      while (j < tokens.length && !covered[j] && adjacent(tokens[j - 1]!, tokens[j]!) && !(await this.has(tokens[j]!.term))) j++;
      const s = tokens
        .slice(i, j)
        .map((t) => t.term)
        .join('');
      const prefixed = await this.expandPrefix(s);
      const alts = prefixed.length
        ? prefixed.map((t) => ({ terms: [t], weight: PREFIX_WEIGHT + 0.2 }))
        : (await this.expandSubstring(s)).map((t) => ({ terms: [t], weight: SUBSTRING_WEIGHT }));
      out.push({ alts });
      i = j;
    }
    if (tail) out.push(tail);
    const pairs: string[] = [];
    for (let k = 0; k + 1 < tokens.length; k++) {
      if (words.has(k) && words.has(k + 1) && tokens[k + 1]!.joined) pairs.push(pairTerm(tokens[k]!.term, tokens[k + 1]!.term));
    }
    return { concepts: out, pairs };
  }

  /** Ranked pages for a query, each with its best unit, and related results when these are few. */
  async search(query: string, limit = 10): Promise<SearchOutcome> {
    const parsed = await this.concepts(query);
    const concepts = parsed.concepts.filter((c) => c.alts.some((a) => a.terms.some((t) => !this.stop.has(t))));
    if (!concepts.length) return { hits: [], terms: [], phrases: [], near: [] };
    const strict = await this.rank(concepts, parsed.pairs);
    let near: Hit[] = [];
    const terms = new Set(strict.matched);
    const phrases = [...strict.phrases];
    if (strict.kept.length < NEAR_BELOW) {
      // related forms: each word also as the longer compounds that start with it and the shorter
      // known words it starts with; and every word without their being written together
      const relaxed: Concept[] = [];
      for (const c of concepts) {
        const alts = [...c.alts];
        for (const alt of c.alts) {
          if (alt.terms.length !== 1 || alt.weight < 1) continue;
          const t = alt.terms[0]!;
          if (this.stop.has(t)) continue;
          for (const longer of (await this.expandPrefix(t)).slice(0, MAX_EXPANSIONS)) alts.push({ terms: [longer], weight: NEAR_WEIGHT });
          for (let n = t.length - 1; n >= 3; n--) {
            const shorter = t.slice(0, n);
            if (!this.stop.has(shorter) && (await this.postings(shorter))) {
              alts.push({ terms: [shorter], weight: NEAR_WEIGHT });
              break;
            }
          }
        }
        relaxed.push({ alts });
      }
      const loose = await this.rank(relaxed, []);
      const seen = new Set(strict.kept.map((h) => h.page));
      near = loose.all.filter((h) => h.coverage === 1 && !seen.has(h.page)).slice(0, NEAR_LIMIT);
      for (const t of loose.matched) terms.add(t);
      for (const ph of loose.phrases) phrases.push(ph);
    }
    return { hits: strict.kept.slice(0, limit), terms: [...terms], phrases, near };
  }

  /**
   * The postings a ranking reads. A term in very many units is read as its highest weights; when
   * the query also has rarer terms, the rest of its postings on the pages those point to is read
   * too (a few blocks), so that a page with a rare word and a common one counts both. A query of
   * common words only ranks by their highest weights. Read for this query only: the same query
   * ranks the same whatever was searched before.
   */
  private async listsFor(concepts: Concept[], pairs: string[]): Promise<Map<string, Posting>> {
    const terms = new Set([...concepts.flatMap((c) => c.alts.flatMap((a) => a.terms)), ...pairs].filter((t) => !this.stop.has(t)));
    const whole: Posting[] = [];
    const split: Array<[string, Posting]> = [];
    for (const t of terms) {
      const p = await this.postings(t);
      if (p?.blocks) split.push([t, p]);
      else if (p) whole.push(p);
    }
    const out = new Map<string, Posting>();
    if (!split.length || !whole.length) return out;
    const pages = new Set<number>();
    for (const p of whole) for (const u of p.units) pages.add(this.pageOf(u));
    if (pages.size > MAX_COMPLETED_PAGES) return out;
    for (const [t, p] of split) out.set(t, await this.completed(p, pages));
    return out;
  }

  /** Scores pages for concepts: all of them in rank order, the ones kept as results, and the terms that matched. */
  private async rank(concepts: Concept[], pairsOfQuery: string[]): Promise<{ all: Hit[]; kept: Hit[]; matched: Set<string>; phrases: string[][] }> {
    const parsed = { pairs: pairsOfQuery };
    const N = this.manifest.units;
    const C = concepts.length;
    // per unit: one column per concept, then the phrase pairs' bonus
    const unitScores = new Map<number, Float64Array>();
    const row = (u: number) => {
      let r = unitScores.get(u);
      if (!r) unitScores.set(u, (r = new Float64Array(C + 1)));
      return r;
    };
    const matched = new Set<string>();
    const phrases: string[][] = [];
    const lists = await this.listsFor(concepts, pairsOfQuery);
    const scored = async (terms: string[]): Promise<Map<number, number> | undefined> => {
      // units with every one of the terms, with the sum of their scores
      let perUnit: Map<number, number> | undefined;
      for (const term of terms) {
        const list = lists.get(term) ?? (await this.postings(term));
        if (!list) return undefined;
        const df = list.n;
        const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
        const next = new Map<number, number>();
        for (let k = 0; k < list.units.length; k++) {
          const u = list.units[k]!;
          const s = (idf * list.weights[k]!) / WEIGHT_SCALE;
          if (!perUnit) next.set(u, s);
          else if (perUnit.has(u)) next.set(u, perUnit.get(u)! + s);
        }
        perUnit = next;
        if (!perUnit.size) return undefined;
      }
      return perUnit;
    };
    for (const [ci, concept] of concepts.entries()) {
      for (const alt of concept.alts) {
        const terms = alt.terms.filter((t) => !this.stop.has(t));
        if (!terms.length) continue;
        const perUnit = await scored(terms);
        if (!perUnit) continue;
        // a single word is highlighted wherever it is; a phrase's words only where the whole phrase is
        if (terms.length === 1) {
          if (!terms[0]!.includes(' ')) matched.add(terms[0]!);
        } else phrases.push(terms.filter((t) => !t.includes(' ')));
        // a phrase counts like one rare word, not like the sum of all its words
        const scale = terms.length > 1 ? PHRASE_SCALE / terms.length : 1;
        for (const [u, s] of perUnit) {
          const r = row(u);
          r[ci] = Math.max(r[ci]!, s * scale * alt.weight);
        }
      }
    }
    const pairUnits: Array<Map<number, number>> = [];
    for (const pair of parsed.pairs) {
      const perUnit = (await scored([pair])) ?? new Map<number, number>();
      pairUnits.push(perUnit);
      for (const [u, s] of perUnit) if (unitScores.has(u)) row(u)[C] += PAIR_WEIGHT * s;
    }
    // pages: best unit per concept, plus the best single unit
    const pages = new Map<number, { concept: Float64Array; best: number; bestUnit: number; pairs: Set<number> }>();
    for (const [u, r] of unitScores) {
      const p = this.pageOf(u);
      let page = pages.get(p);
      if (!page) pages.set(p, (page = { concept: new Float64Array(C), best: -1, bestUnit: u, pairs: new Set() }));
      let sum = r[C]!;
      for (let ci = 0; ci < C; ci++) {
        sum += r[ci]!;
        if (r[ci]! > page.concept[ci]!) page.concept[ci] = r[ci]!;
      }
      pairUnits.forEach((m, k) => {
        if (m.has(u)) page!.pairs.add(k);
      });
      if (sum > page.best || (sum === page.best && u < page.bestUnit)) {
        page.best = sum;
        page.bestUnit = u;
      }
    }
    const hits: Array<Hit & { tier: number }> = [];
    for (const [p, page] of pages) {
      let sum = 0;
      let n = 0;
      page.concept.forEach((s) => {
        sum += s;
        if (s > 0) n++;
      });
      const coverage = n / C;
      // 2: every word, written together as in the query; 1: every word; 0: some words
      const tier = coverage < 1 ? 0 : page.pairs.size === parsed.pairs.length ? 2 : 1;
      hits.push({ page: p, unit: page.bestUnit, score: (sum + BEST_UNIT_BONUS * page.best) * coverage * coverage, coverage, tier });
    }
    hits.sort((a, b) => b.tier - a.tier || b.score - a.score || a.page - b.page);
    const top = hits[0];
    const kept = hits.filter((h) => {
      if (!top || h === top) return true;
      if (h.score < NOISE_CUT * top.score) return false;
      // below the best tier only what scores close to the top
      // when pages have the words as written together, pages with them scattered are noise
      if (h.tier < top.tier) return top.tier < 2 && parsed.pairs.length === 0 && h.score >= LOWER_TIER_CUT * top.score && h.coverage >= 0.5;
      return true;
    });
    const strip = (list: Array<Hit & { tier: number }>) => list.map(({ tier: _, ...h }) => h);
    return { all: strip(hits), kept: strip(kept), matched, phrases };
  }

  async pageMeta(page: number): Promise<PageMeta> {
    const k = Math.floor(page / PAGES_PER_CHUNK);
    let p = this.metaCache.get(k);
    if (!p) this.metaCache.set(k, (p = this.load(`p/${k}.json`).then((t) => JSON.parse(t) as PageMeta[])));
    return (await p)[page % PAGES_PER_CHUNK]!;
  }

  private textChunk(k: number): Promise<UnitText[]> {
    let p = this.textCache.get(k);
    if (!p) this.textCache.set(k, (p = this.load(`u/${k}.json`).then((t) => JSON.parse(t) as UnitText[])));
    return p;
  }

  async unitText(unit: number): Promise<UnitText> {
    const page = this.pageOf(unit);
    const [, , , first, offset, breaks] = await this.pageMeta(page);
    const local = unit - page * this.manifest.span;
    // the page's units start at (first, offset); a new chunk starts at each break
    let k = first;
    let at = offset + local;
    for (const b of breaks) {
      if (local < b) break;
      k++;
      at = local - b;
    }
    return (await this.textChunk(k))[at]!;
  }

  /** What a result shows: title, breadcrumb, link to the unit, and its title and snippet highlighted. */
  async view(hit: Hit, terms: string[], phrases: string[][] = []): Promise<ResultView> {
    const [[path, title, crumb], [anchor, heading, text]] = await Promise.all([this.pageMeta(hit.page), this.unitText(hit.unit)]);
    const url = urlOfPath(path);
    const isTop = hit.unit === hit.page * this.manifest.span;
    return {
      path,
      href: anchor ? `${url}#${encodeURIComponent(anchor)}` : url,
      title,
      titleParts: snippet(title, new Set(terms), this.lexicon.words, title.length, phrases).parts,
      crumb: isTop ? crumb : [...crumb, title],
      heading: isTop ? '' : heading,
      snippet: snippet(text || heading, new Set(terms), this.lexicon.words, 160, phrases),
      score: hit.score,
    };
  }
}

/** About `length` characters of `text` around the densest run of matched terms, as the page shows them. */
export function snippet(
  text: string,
  terms: ReadonlySet<string>,
  words: ReadonlySet<string> = new Set(),
  length = 160,
  phrases: readonly string[][] = [],
): Snippet {
  const { text: norm, map } = normalizeWithMap(text);
  const source = text.normalize('NFC');
  const tokens = tokenize(norm, words);
  // a phrase's words count only where the whole phrase stands, one word after another
  const inPhrase = new Set<number>();
  for (const ph of phrases) {
    for (let i = 0; i + ph.length <= tokens.length; i++) {
      if (ph.every((t, k) => tokens[i + k]!.term === t)) for (let k = 0; k < ph.length; k++) inPhrase.add(i + k);
    }
  }
  const hits = tokens.filter((t, i) => terms.has(t.term) || inPhrase.has(i));
  let from = 0;
  if (hits.length) {
    let best = 0;
    let bestCount = -1;
    for (let a = 0; a < hits.length; a++) {
      let b = a;
      while (b + 1 < hits.length && hits[b + 1]!.end - hits[a]!.start <= length) b++;
      if (b - a > bestCount) {
        bestCount = b - a;
        best = a;
      }
    }
    from = Math.max(0, map[hits[best]!.start]! - 30);
    // start at a word boundary
    const space = source.lastIndexOf(' ', from);
    if (space >= 0 && from - space < 20) from = space + 1;
  }
  const to = Math.min(source.length, from + length);
  const parts: Snippet['parts'] = [];
  if (from > 0) parts.push({ text: '… ', hit: false });
  let at = from;
  for (const h of hits) {
    const s = map[h.start]!;
    const e = map[h.end]!;
    if (s < from || e > to) continue;
    if (s > at) parts.push({ text: source.slice(at, s), hit: false });
    // words marked one after another are one mark (a phrase, a compound)
    const last = parts[parts.length - 1];
    if (last?.hit && s === at) last.text += source.slice(s, e);
    else parts.push({ text: source.slice(s, e), hit: true });
    at = e;
  }
  if (to > at) parts.push({ text: source.slice(at, to), hit: false });
  if (to < source.length) parts.push({ text: ' …', hit: false });
  return { parts };
}

function binarySearch(sorted: string[], key: string): number {
  const i = lowerBound(sorted, key);
  return sorted[i] === key ? i : -1;
}
function lowerBoundNumber(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
