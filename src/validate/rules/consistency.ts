/**
 * Checks of what a text states against what the document declares, and across documents:
 * - a fiscal year stated in the title, preface or other frontmatter text (`ในปีงบประมาณ พ.ศ. ๒๕๖๐`)
 *   that is not the document's `fiscalYear`;
 * - one person's name spelt differently in different places (`ณิชนันท์` in a manual's approvals,
 *   `ณชนันท์` as a flowchart step's owner).
 */
import { normalizeName } from '../../domain/signatories.ts';
import { fromThaiDigits, toThaiDigits } from '../../domain/thai/index.ts';
import type { Path, SourceFile } from '../source-file.ts';

/** `ปีงบประมาณ พ.ศ. ๒๕๖๐`, `ประจำปีงบประมาณ 2564`, `งบประมาณรายจ่ายประจำปี พ.ศ. 2565` */
const STATED = /(?:ปีงบประมาณ|งบประมาณรายจ่ายประจำปี)\s*(?:พ\.\s*ศ\.\s*)?((?:25|๒๕)[0-9๐-๙]{2})(?![0-9๐-๙])/g;

/** Frontmatter keys whose text is not the document's own statement: sources, history, data tables, baselines. */
const NOT_STATEMENTS = new Set(['source', 'revisions', 'references', 'tables', 'baselines', 'otherReports', 'notes']);

/** Every string of frontmatter data, with its path (a document's own statements only). */
function* statements(data: unknown, path: Path = []): Generator<[string, Path]> {
  if (typeof data === 'string') yield [data, path];
  else if (Array.isArray(data)) for (const [i, v] of data.entries()) yield* statements(v, [...path, i]);
  else if (data && typeof data === 'object')
    for (const [k, v] of Object.entries(data)) if (!NOT_STATEMENTS.has(k) && k !== 'fiscalYear') yield* statements(v, [...path, k]);
}

export function checkStatedFiscalYear(file: SourceFile, data: { fiscalYear?: number }): void {
  if (!data.fiscalYear) return;
  for (const [text, path] of statements(data))
    for (const m of text.matchAll(STATED)) {
      const stated = Number(fromThaiDigits(m[1]!));
      if (stated !== data.fiscalYear)
        file.report('fiscal-year-stated', path, { text: m[0], stated: toThaiDigits(String(stated)), year: toThaiDigits(String(data.fiscalYear)) });
    }
}

const TITLE = /^(?:นางสาว|นาง|นาย|น\.ส\.|ดร\.|ว่าที่)/;

/** Levenshtein distance over code points (Thai vowels and tone marks count as letters). */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length]!;
}

/** Two spellings of one name: same first letter, a few letters apart (at most 2 in 7, 3 in 8 or more), not the same. */
export function looksLikeSameName(a: string, b: string): boolean {
  if (a === b || [...a][0] !== [...b][0]) return false;
  const length = Math.min([...a].length, [...b].length);
  if (length < 5) return false;
  return distance(a, b) <= (length >= 8 ? 3 : length >= 6 ? 2 : 1);
}

export interface NameUse {
  source: SourceFile;
  path: Path;
  /** the words of the name, titles and spaces normalised */
  words: string[];
  person: boolean;
}

const wordsOf = (text: string) =>
  text
    .replace(/[,;/()]/g, ' ')
    .split(/\s+/)
    .map((w) => normalizeName(w))
    .filter((w) => /^[\u0E00-\u0E7F]{5,}$/.test(w));

/** The names in one document: people (approvals, contacts, an owner with a title) and owners (flowchart steps, plan items). */
export function namesOf(source: SourceFile, data: unknown): NameUse[] {
  const uses: NameUse[] = [];
  const walk = (node: unknown, path: Path) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        const here = [...path, k];
        if (typeof v === 'string') {
          const inPerson = path.some((p) => p === 'approvals' || p === 'owner' || p === 'head' || p === 'deputy' || p === 'preparer');
          if (k === 'name' && inPerson) uses.push({ source, path: here, words: wordsOf(v), person: true });
          else if (k === 'owner') uses.push({ source, path: here, words: wordsOf(v), person: TITLE.test(v.trim()) });
        } else walk(v, here);
      }
  };
  walk(data, []);
  return uses.filter((u) => u.words.length);
}

/** Names that look like a person's name spelt another way, each reported where it is written. */
export function checkNameSpellings(uses: NameUse[]): void {
  const known = new Map<string, NameUse>();
  for (const u of uses) if (u.person) for (const w of u.words) if (!known.has(w)) known.set(w, u);
  const reported = new Set<string>();
  for (const u of uses)
    for (const w of u.words) {
      if (known.has(w)) continue;
      for (const [name, where] of known) {
        if (!looksLikeSameName(w, name)) continue;
        const key = `${u.source.file}:${u.path.join('.')}:${w}`;
        if (reported.has(key)) continue;
        reported.add(key);
        u.source.report('name-spelling', u.path, { name: w, known: name, where: where.source.file });
      }
    }
}
