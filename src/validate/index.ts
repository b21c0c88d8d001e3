/**
 * Validates the whole content folder and reports every problem at once, located by file, line
 * and column. Never throws on bad content: a problem the tool did not expect becomes an
 * `internal-error` problem on that file.
 */
import { partId, partKind } from '../domain/handbooks.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { COLLECTIONS, SINGLE_FILES, type CollectionData, type CollectionDef, type CollectionName, type Glossary, type Site } from '../content/schema/index.ts';
import { ID_PATTERN } from '../content/schema/fields.ts';
import { decodeUtf8, EXTENSIONS, judgeEntryFile, lstatOrUndefined, MAX_FILE_BYTES } from '../content/files.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { checkMdxLimits, checkYamlLimits, type LimitProblem } from '../content/limits.ts';
import {
  checkFlowchart,
  checkHandbook,
  checkKpi,
  checkOfficeCycles,
  checkBodyHeadings,
  checkManualStructure,
  checkTableNumbers,
  checkPersonalData,
  checkPlaceholders,
  checkPlan,
  checkPrintable,
  checkRevisions,
  checkTables,
  checkApprovals,
  checkOfficeSignatories,
  checkNameSpellings,
  checkStatedFiscalYear,
  namesOf,
  type NameUse,
} from './rules/index.ts';
import { breaksParsing, findPasted } from './pasted.ts';
import { checkMdxBody, type ComponentReference } from './mdx-body.ts';
import { sortProblems, type Problem } from './problem.ts';
import { checkSchema, walkSchema, type FoundReference } from './schema-check.ts';
import { SourceFile, type Path } from './source-file.ts';
import { intranetFieldProblem } from '../content/edition.ts';
import { closest } from './suggest.ts';

export { formatProblems, summarize, sortProblems, summaryMarkdown } from './problem.ts';
export type { FormatOptions } from './problem.ts';
export type { Problem, ReportFormat, Severity } from './problem.ts';
export { MESSAGES } from './messages.ts';
import type { ParamsOf } from './messages.ts';

/** One valid entry, ready for the site and the printer: its data typed by its collection's schema. */
export type Entry =
  | { [C in CollectionName]: { collection: C; id: string; file: string; data: CollectionData<C>; body: string } }[CollectionName]
  | { collection: 'site'; id: string; file: string; data: Site; body: string }
  | { collection: 'glossary'; id: string; file: string; data: Glossary; body: string };

/** The entries of one collection, typed. */
export function entriesOf<C extends Entry['collection']>(entries: readonly Entry[], collection: C): Array<Extract<Entry, { collection: C }>> {
  return entries.filter((e): e is Extract<Entry, { collection: C }> => e.collection === collection);
}

/**
 * The one place where validated data gets its type: checkSchema ran this collection's own schema
 * over it (loadFile), so what it output is that collection's data.
 */
function toEntry(l: Loaded): Entry | undefined {
  if (l.output === undefined) return undefined;
  return { collection: l.def.name, id: l.id, file: l.source.file, data: l.output, body: l.body } as Entry;
}

/** A loaded file's data when it is an entry of `collection`. */
function dataOf<C extends CollectionName>(l: Loaded | undefined, collection: C): CollectionData<C> | undefined {
  const entry = l?.entry;
  return entry?.collection === collection ? (entry.data as CollectionData<C>) : undefined;
}

export interface ValidationResult {
  problems: Problem[];
  entries: Entry[];
  errorCount: number;
  warningCount: number;
  fileCount: number;
}

interface Loaded {
  source: SourceFile;
  def: CollectionDef;
  id: string;
  output: unknown;
  /** the output as a typed entry (made once, from output: toEntry) */
  entry?: Entry;
  body: string;
  /** the decoded file, once it decoded */
  text: string;
  references: FoundReference[];
  components: ComponentReference[];
  /** checked in another thread (validateContentInThreads): its problems are in its source already */
  checked?: boolean;
  /** its names, found in another thread */
  names?: NameUse[];
}

interface ListedFile {
  absolute: string;
  display: string;
  def: CollectionDef;
}

/** Files in the content root that are not entries. */
const ROOT_IGNORED = new Set(['README.md', 'readme.md']);

/** Where a file is shown: relative to `root` when inside it, else relative to the content folder's parent. */
function displayPath(absolute: string, root: string, contentDir: string): string {
  let rel = relative(root, absolute);
  if (rel.startsWith('..')) rel = relative(join(contentDir, '..'), absolute);
  return rel.split(sep).join('/');
}

/** Decodes UTF-8 strictly; on failure returns the line of the first bad byte. */
function decode(bytes: Buffer): { text: string } | { badLine: number; badColumn: number } {
  const text = decodeUtf8(bytes);
  if (text !== undefined) return { text };
  // find the first invalid sequence by decoding the file line by line
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (decodeUtf8(bytes.subarray(lineStart, i)) === undefined) return { badLine: line, badColumn: 1 };
    line++;
    lineStart = i + 1;
  }
  return { badLine: line, badColumn: 1 };
}

const LIMIT_WORDS: Record<LimitProblem['what'], [string, string]> = {
  'depth-tags': ['แท็ก', 'tags'],
  'depth-brackets': ['วงเล็บ', 'brackets'],
  'depth-containers': ['รายการย่อยหรือข้อความอ้างอิง', 'lists or block quotes'],
  indent: ['การย่อหน้า', 'indentation'],
  'line-length': ['บรรทัด', 'line length'],
  'tag-count': ['แท็ก', 'tags'],
};

/** Reports a passed limit (content/limits.ts); true when there was one. */
function reportLimit(source: SourceFile, problem: LimitProblem | undefined): boolean {
  if (!problem) return false;
  const where = { line: problem.line, column: problem.column };
  if (problem.what === 'line-length') source.push('line-too-long', where, '', { limit: problem.limit });
  else if (problem.what === 'tag-count') source.push('too-many-tags', where, '', { limit: problem.limit });
  else {
    const [th, en] = LIMIT_WORDS[problem.what];
    source.push('too-deep', where, '', { what: th, english: en, limit: problem.what === 'indent' ? `${problem.limit} ตัวอักษร (columns)` : problem.limit });
  }
  return true;
}

/** True when data passes a collection's schema with no unknown field. */
function fitsExactly(def: CollectionDef, data: unknown): boolean {
  if (!def.schema.safeParse(data).success) return false;
  let unknown = 0;
  walkSchema(def.schema as unknown as Parameters<typeof walkSchema>[0], data, [], { unknownKey: () => void unknown++, reference: () => undefined });
  return unknown === 0;
}

function loadFile(absolute: string, display: string, def: CollectionDef, parse: ParseHook): Loaded | undefined {
  const source = new SourceFile(display, absolute);
  const id = basename(absolute, extname(absolute));
  const loaded: Loaded = { source, def, id, output: undefined, body: '', text: '', references: [], components: [] };
  const decoded = decode(readFileSync(absolute));
  if ('badLine' in decoded) {
    source.push('invalid-utf8', { line: decoded.badLine, column: decoded.badColumn }, '', {});
    return loaded;
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  loaded.text = text;
  if (text.trim() === '') {
    source.push('empty-file', { line: 1, column: 1 }, '', {});
    return loaded;
  }
  // characters pasted from a word processor, named before any parser can stop on them in English
  const pasted = findPasted(text, def.format);
  for (const p of pasted) {
    const where = { line: p.line, column: p.column };
    if (p.kind === 'pasted-tab') source.push('yaml-tab-indent', where, '', {});
    else source.push(p.kind, where, '', { code: p.code, name: p.name });
  }
  if (pasted.some(breaksParsing)) return loaded;
  let yamlText = text;
  let offset = 0;
  let padded = '';
  if (def.format === 'mdx') {
    const parts = splitFrontmatter(text);
    if (!parts.ok) {
      source.push(parts.code, { line: parts.line, column: 1 }, '', {});
      return loaded;
    }
    yamlText = parts.yaml;
    offset = 1;
    loaded.body = parts.body;
    padded = parts.padded;
  }
  if (reportLimit(source, checkYamlLimits(yamlText, offset))) return loaded;
  if (!source.parseYaml(yamlText, offset)) return loaded;
  const data = source.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    source.push('not-a-mapping', { line: 1 + offset, column: 1 }, '', {
      received: data === null ? 'ค่าว่าง (nothing)' : Array.isArray(data) ? 'รายการ (a list)' : `\`${String(data)}\``,
    });
    return loaded;
  }
  source.transcribed = typeof (data as { source?: unknown }).source === 'object';
  if (def.format === 'mdx' && !reportLimit(source, LIMITS_OFF ? undefined : checkMdxLimits(padded))) {
    const crashed = parse.crashed.has(display);
    if (crashed) source.push('parser-crash', { line: 1, column: 1 }, '', {});
    else {
      parse.before(display);
      loaded.components = checkMdxBody(source, padded);
      parse.before('');
    }
  }
  const before = source.problems.length;
  const { output, references } = checkSchema(source, def.schema, data);
  if (output === undefined) {
    // A file in the wrong folder fails here; say so if another collection's schema accepts it.
    const home = COLLECTIONS.find((c) => c !== def && c.format === def.format && fitsExactly(c, data));
    if (home) {
      source.problems.splice(before);
      source.push('wrong-folder', { line: 1, column: 1 }, '', { folder: def.name, expected: home.name });
    }
  }
  loaded.output = output;
  loaded.entry = toEntry(loaded);
  loaded.references = references;
  return loaded;
}

/**
 * How the MDX parser is guarded: `before` is told which file is parsed next, and `''` once the
 * parse is over (a supervising process reads it, so that a native crash can be pinned on its
 * file: validate/isolated.ts); files that crashed the parser before are not parsed again.
 */
export interface ParseHook {
  before(file: string): void;
  crashed: ReadonlySet<string>;
}
/**
 * Test seam for the crash guard (tests/security/crash-guard.test.ts): with the MDX limits off, a
 * file that really crashes the native parser reaches it. Never set outside that test.
 */
const LIMITS_OFF = process.env.KHUMUE_TEST_MDX_LIMITS_OFF === '1';
const NO_HOOK: ParseHook = { before: () => undefined, crashed: new Set() };

type ListProblem = 'unknown-collection' | 'file-outside-collection' | 'wrong-format' | 'bad-file-name' | 'symlink' | 'file-too-large';

/** Lists the content folder; reports files and folders that are not where content belongs. */
function listFiles(contentDir: string, root: string, problems: Problem[]): ListedFile[] {
  const out: ListedFile[] = [];
  const names = COLLECTIONS.map((c) => c.name);
  const push = <C extends ListProblem>(absolute: string, code: C, params: ParamsOf<C>, suggestion?: string) => {
    const s = new SourceFile(displayPath(absolute, root, contentDir), absolute);
    s.push(code, { line: 1, column: 1 }, '', params, suggestion);
    problems.push(...s.problems);
  };
  const list = (folder: string) =>
    readdirSync(folder)
      .filter((n) => !n.startsWith('.'))
      .sort();
  for (const name of list(contentDir)) {
    const absolute = join(contentDir, name);
    const stats = lstatOrUndefined(absolute);
    if (!stats) continue;
    if (stats.isSymbolicLink()) {
      push(absolute, 'symlink', {});
      continue;
    }
    if (!stats.isDirectory()) {
      const single = SINGLE_FILES[name];
      if (single && stats.size > MAX_FILE_BYTES) push(absolute, 'file-too-large', { size: stats.size, max: MAX_FILE_BYTES });
      else if (single)
        out.push({
          absolute,
          display: displayPath(absolute, root, contentDir),
          def: { name: name.replace(/\.yaml$/, ''), format: 'yaml', schema: single, label: name },
        });
      else if (!ROOT_IGNORED.has(name)) push(absolute, 'file-outside-collection', {}, closest(name, Object.keys(SINGLE_FILES)));
      continue;
    }
    const def = COLLECTIONS.find((c) => c.name === name);
    if (!def) {
      for (const file of list(absolute)) push(join(absolute, file), 'unknown-collection', { folder: name, known: names.join(', ') }, closest(name, names));
      continue;
    }
    for (const file of list(absolute)) {
      const path = join(absolute, file);
      const entryStats = lstatOrUndefined(path);
      if (!entryStats) continue;
      const verdict = judgeEntryFile(file, entryStats, def.format);
      if (verdict.ok) {
        out.push({ absolute: path, display: displayPath(path, root, contentDir), def });
        continue;
      }
      switch (verdict.reason) {
        case 'symlink':
          push(path, 'symlink', {});
          break;
        case 'not-a-file':
          if (entryStats.isDirectory()) for (const inner of list(path)) push(join(path, inner), 'file-outside-collection', {});
          else push(path, 'file-outside-collection', {});
          break;
        case 'wrong-format': {
          const ext = extname(file);
          const expected = EXTENSIONS[def.format] as readonly string[];
          push(
            path,
            'wrong-format',
            { folder: `content/${name}`, expected: expected.join(' หรือ '), received: ext || file },
            expected.includes(ext.toLowerCase()) ? `${basename(file, ext)}${ext.toLowerCase()}` : undefined,
          );
          break;
        }
        case 'bad-file-name':
          push(path, 'bad-file-name', { name: file });
          break;
        case 'too-large':
          push(path, 'file-too-large', { size: entryStats.size, max: MAX_FILE_BYTES });
          break;
      }
    }
  }
  return out;
}

/**
 * Validates every file under `contentDir`.
 * @param root the folder paths are shown relative to (the repository; default the working directory)
 */
export function validateContent(contentDir: string, root = process.cwd(), parse: ParseHook = NO_HOOK): ValidationResult {
  const problems: Problem[] = [];
  const files = listFiles(contentDir, root, problems);
  const loaded: Loaded[] = [];
  for (const f of files) {
    const l = loadSafely(f, parse, problems);
    if (l) loaded.push(l);
  }
  const byCollection = collectionIds(loaded);
  for (const l of loaded) checkOne(l, byCollection);
  return finish(files, loaded, byCollection, problems);
}

/** Loads one file; a problem the tool did not expect is an internal-error on that file. */
function loadSafely(f: ListedFile, parse: ParseHook, problems: Problem[]): Loaded | undefined {
  try {
    return loadFile(f.absolute, f.display, f.def, parse);
  } catch (error) {
    const s = new SourceFile(f.display, f.absolute);
    s.push('internal-error', { line: 1, column: 1 }, '', { detail: (error as Error).stack ?? String(error) });
    problems.push(...s.problems);
    return undefined;
  }
}

/** Ids per collection (x.yaml and x.yml are one id: the second is reported). */
function collectionIds(loaded: Loaded[]): Map<string, Map<string, Loaded>> {
  const byCollection = new Map<string, Map<string, Loaded>>();
  for (const l of loaded) {
    const ids = byCollection.get(l.def.name) ?? new Map<string, Loaded>();
    byCollection.set(l.def.name, ids);
    const other = ids.get(l.id);
    if (other) l.source.push('duplicate-id', { line: 1, column: 1 }, '', { id: l.id, other: other.source.file });
    else ids.set(l.id, l);
  }
  return byCollection;
}

/** The checks of one file: its text, and its fields against the others. */
function checkOne(l: Loaded, byCollection: Map<string, Map<string, Loaded>>): void {
  try {
    checkPlaceholders(l.source, l.text);
    checkPersonalData(l.source, l.text);
    checkPrintable(l.source, l.text);
    crossCheck(l, byCollection);
  } catch (error) {
    l.source.push('internal-error', { line: 1, column: 1 }, '', { detail: (error as Error).stack ?? String(error) });
  }
}

/** Across files (offices' parents, one person's name spelt one way), then the result. */
function finish(files: ListedFile[], loaded: Loaded[], byCollection: Map<string, Map<string, Loaded>>, problems: Problem[]): ValidationResult {
  checkOfficeCycles(
    new Map([...(byCollection.get('offices') ?? new Map<string, Loaded>())].map(([id, l]) => [id, { source: l.source, parent: dataOf(l, 'offices')?.parent }])),
  );
  try {
    checkNameSpellings(loaded.flatMap((l) => l.names ?? (l.entry ? namesOf(l.source, l.entry.data) : [])));
  } catch (error) {
    loaded[0]?.source.push('internal-error', { line: 1, column: 1 }, '', { detail: (error as Error).stack ?? String(error) });
  }
  for (const l of loaded) problems.push(...l.source.problems);
  const sorted = sortProblems(problems);
  const errorCount = sorted.filter((p) => p.severity === 'error').length;
  return {
    problems: sorted,
    entries: loaded.map((l) => l.entry).filter((e): e is Entry => e !== undefined),
    errorCount,
    warningCount: sorted.length - errorCount,
    fileCount: files.length,
  };
}

/** Collections whose files are checked on their own (their cross-checks need only the others' ids): the bulk of any corpus. */
const ON_THEIR_OWN = new Set(['mandates', 'missions', 'manuals', 'flowcharts', 'plans', 'kpis']);

/** What a thread sends back for one file it checked. */
export interface CheckedFile {
  index: number;
  problems: Problem[];
  entry?: Entry;
  transcribed: boolean;
  names: Array<{ path: Array<string | number>; words: string[]; person: boolean }>;
}

/**
 * A file another thread checked, as the checks across files see it: its entry, and problems found
 * there. A problem reported here (a name spelt two ways) is located in the file read again then.
 */
class CheckedSource extends SourceFile {
  private read = false;
  private readonly format: CollectionDef['format'];
  constructor(file: string, absolute: string, checked: CheckedFile, format: CollectionDef['format']) {
    super(file, absolute);
    this.transcribed = checked.transcribed;
    this.format = format;
  }
  override locate(path: Path, at: 'key' | 'value'): { line: number; column: number } {
    if (!this.read) {
      this.read = true;
      const text = decodeUtf8(readFileSync(this.absolute))?.replace(/^\uFEFF/, '') ?? '';
      if (this.format !== 'mdx') this.setYamlText(text, 0);
      else {
        const parts = splitFrontmatter(text);
        if (parts.ok) this.setYamlText(parts.yaml, 1);
      }
    }
    return super.locate(path, at);
  }
}

/**
 * The same validation with the files of the collections checked on their own (ON_THEIR_OWN)
 * spread over `threads` threads (validate/threads.ts), the rest and the checks across files here.
 * The result is the one validateContent gives.
 */
export async function validateContentInThreads(
  contentDir: string,
  root: string,
  parse: ParseHook,
  threads: number,
  run: (slice: Array<{ index: number; absolute: string; display: string; collection: string }>, ids: Record<string, string[]>) => Promise<CheckedFile[]>,
): Promise<ValidationResult> {
  const problems: Problem[] = [];
  const files = listFiles(contentDir, root, problems);
  const spread = files.map((f, index) => ({ ...f, index })).filter((f) => ON_THEIR_OWN.has(f.def.name));
  // every collection's ids, as validateContent knows them (a file that fails to load is an internal-error either way)
  const ids: Record<string, string[]> = {};
  for (const f of files) (ids[f.def.name] ??= []).push(basename(f.absolute, extname(f.absolute)));
  const slices = Array.from({ length: threads }, (_, t) => spread.filter((_, k) => k % threads === t));
  const remote = (
    await Promise.all(
      slices
        .filter((slice) => slice.length)
        .map((slice) =>
          run(
            slice.map((f) => ({ index: f.index, absolute: f.absolute, display: f.display, collection: f.def.name })),
            ids,
          ),
        ),
    )
  ).flat();
  const byIndex = new Map(remote.map((r) => [r.index, r]));
  // the others, here, in the order of the listing
  const loaded: Loaded[] = [];
  files.forEach((f, index) => {
    const r = byIndex.get(index);
    if (!r) {
      if (ON_THEIR_OWN.has(f.def.name)) return;
      const l = loadSafely(f, parse, problems);
      if (l) loaded.push(l);
      return;
    }
    const source = new CheckedSource(f.display, f.absolute, r, f.def.format);
    source.problems.push(...r.problems);
    loaded.push({
      source,
      def: f.def,
      id: basename(f.absolute, extname(f.absolute)),
      output: r.entry?.data,
      entry: r.entry,
      body: '',
      text: '',
      references: [],
      components: [],
      checked: true,
      names: r.names.map((n) => ({ source, path: n.path, words: n.words, person: n.person })),
    });
  });
  const byCollection = collectionIds(loaded);
  for (const l of loaded) if (!l.checked) checkOne(l, byCollection);
  return finish(files, loaded, byCollection, problems);
}

/**
 * What the checks across files read of an entry checked in a thread (its office, a manual's
 * tables): all a report needs (`slim`), when the entries themselves are not asked for. Sending
 * whole entries back cost a second of copying at 10,000 manuals.
 */
function slimEntry(entry: Entry): Entry {
  const { office, tables } = entry.data as { office?: unknown; tables?: unknown };
  return { ...entry, data: { office, tables }, body: '' } as Entry;
}

/** In a thread: checks `slice` (files of ON_THEIR_OWN collections) against the ids of every collection. */
export function checkSlice(
  slice: Array<{ index: number; absolute: string; display: string; collection: string }>,
  ids: Record<string, string[]>,
  parse: ParseHook,
  slim = false,
): CheckedFile[] {
  // the checks of these collections ask the others only whether an id exists
  const byCollection = new Map<string, Map<string, Loaded>>(
    Object.entries(ids).map(([c, list]) => [c, new Map(list.map((id) => [id, undefined as unknown as Loaded]))]),
  );
  const out: CheckedFile[] = [];
  for (const f of slice) {
    const def = COLLECTIONS.find((c) => c.name === f.collection)!;
    const problems: Problem[] = [];
    const l = loadSafely({ absolute: f.absolute, display: f.display, def }, parse, problems);
    if (!l) {
      out.push({ index: f.index, problems, transcribed: false, names: [] });
      continue;
    }
    checkOne(l, byCollection);
    const names = l.entry ? namesOf(l.source, l.entry.data) : [];
    out.push({
      index: f.index,
      problems: [...problems, ...l.source.problems],
      entry: slim && l.entry ? slimEntry(l.entry) : l.entry,
      transcribed: l.source.transcribed,
      names: names.map((n) => ({ path: [...n.path], words: n.words, person: n.person })),
    });
  }
  return out;
}

const owners = new WeakMap<Map<string, Map<string, Loaded>>, Set<string>>();
/** The offices that own a document (and so get a default volume), found once per validation. */
function ownsDocuments(byCollection: Map<string, Map<string, Loaded>>): Set<string> {
  let set = owners.get(byCollection);
  if (!set) {
    set = new Set();
    for (const collection of ['manuals', 'plans', 'kpis', 'flowcharts'])
      for (const l of byCollection.get(collection)?.values() ?? []) {
        const office = (l.entry?.data as { office?: string } | undefined)?.office;
        if (office) set.add(office);
      }
    owners.set(byCollection, set);
  }
  return set;
}

function crossCheck(l: Loaded, byCollection: Map<string, Map<string, Loaded>>): void {
  const { source } = l;
  for (const ref of l.references) {
    // A malformed id is reported as bad-id already; looking it up would only repeat that.
    if (!ID_PATTERN.test(ref.id)) continue;
    const ids = byCollection.get(ref.collection);
    if (ids?.has(ref.id)) continue;
    const label = COLLECTIONS.find((c) => c.name === ref.collection)?.label ?? ref.collection;
    source.report('unknown-reference', ref.path, { label, id: ref.id, collection: ref.collection }, { suggestion: closest(ref.id, ids?.keys() ?? []) });
  }
  const tables = dataOf(l, 'manuals')?.tables ?? [];
  for (const ref of l.components) {
    const position = { line: ref.line, column: ref.column };
    if (ref.collection === 'tables') {
      // Tables are only known when the frontmatter itself is valid; its errors are reported already.
      if (l.output !== undefined && !tables.some((t) => t.id === ref.id)) {
        source.push(
          'unknown-table',
          position,
          '',
          { id: ref.id },
          closest(
            ref.id,
            tables.map((t) => t.id),
          ),
        );
      }
      continue;
    }
    const ids = byCollection.get(ref.collection);
    if (!ids?.has(ref.id)) {
      const label = COLLECTIONS.find((c) => c.name === ref.collection)?.label ?? ref.collection;
      source.push('unknown-reference', position, '', { label, id: ref.id, collection: ref.collection }, closest(ref.id, ids?.keys() ?? []));
    }
  }
  const { entry } = l;
  if (entry && 'revisions' in entry.data) checkRevisions(source, entry.data);
  if (entry && 'fiscalYear' in entry.data) checkStatedFiscalYear(source, entry.data as { fiscalYear?: number });
  // fields left out of the public edition must be fields the document may go without
  const intranet = entry ? (entry.data as { intranet?: unknown }).intranet : undefined;
  if (Array.isArray(intranet)) {
    const schema = COLLECTIONS.find((c) => c.name === entry!.collection)!.schema;
    intranet.forEach((field: string, i) => {
      const problem = intranetFieldProblem(schema, field);
      if (problem) source.report(problem === 'unknown' ? 'intranet-field-unknown' : 'intranet-field-required', ['intranet', i], { field });
    });
  }
  switch (entry?.collection) {
    case 'flowcharts':
      checkFlowchart(source, entry.data);
      break;
    case 'plans':
      checkPlan(source, entry.data);
      break;
    case 'kpis':
      checkKpi(source, entry.data);
      break;
    case 'manuals':
      checkTables(source, entry.data.tables, entry.data.fiscalYear, ['tables']);
      checkApprovals(source, entry.data.approvals);
      checkManualStructure(source, entry.data);
      checkBodyHeadings(source, l.text);
      checkTableNumbers(source, l.text, entry.data.tables);
      break;
    case 'handbooks': {
      checkHandbook(source, entry.data, (id) => dataOf(byCollection.get('manuals')?.get(id), 'manuals')?.tables ?? []);
      // a volume of transcribed documents only: its missing signatories are the sources' own
      const parts = [...entry.data.contents, ...entry.data.appendix].map((p) => byCollection.get(`${partKind(p)}s`)?.get(partId(p)));
      checkApprovals(source, entry.data.approvals, parts.length > 0 && parts.every((p) => p?.source.transcribed));
      break;
    }
    case 'offices':
      if (ownsDocuments(byCollection).has(entry.id)) checkOfficeSignatories(source, entry.data);
      break;
  }
}
