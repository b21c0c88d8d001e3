/**
 * Text pasted from Word (or a PDF, or a chat) carries characters that look like the right ones and
 * break the file: curly quotes around an MDX attribute (`id=“x”`), a non-breaking or other Unicode
 * space in YAML indentation or before a key's colon, a tab in YAML indentation, and invisible
 * characters (zero-width space, word joiner, soft hyphen, a BOM inside the text) that make `x` and
 * `x` different ids. The validator reports each before any parser sees the file — located, naming
 * the character by its code point and Unicode name, with the fix — so the author never gets the
 * parser's English message about an "Unexpected character". `npm run validate -- --fix` repairs
 * exactly these (fixPasted) and nothing else.
 */

export type PastedKind = 'pasted-quote' | 'pasted-space' | 'pasted-tab' | 'pasted-invisible';

export interface Pasted {
  kind: PastedKind;
  line: number;
  column: number;
  /** U+XXXX */
  code: string;
  /** the character's Unicode name */
  name: string;
  /** what replaces it */
  replacement: string;
  /** in the frontmatter or a YAML file (where it breaks the data), else in the MDX body */
  inData: boolean;
}

const NAMES: Record<string, string> = {
  '\u00a0': 'NO-BREAK SPACE',
  '\u2000': 'EN QUAD',
  '\u2001': 'EM QUAD',
  '\u2002': 'EN SPACE',
  '\u2003': 'EM SPACE',
  '\u2004': 'THREE-PER-EM SPACE',
  '\u2005': 'FOUR-PER-EM SPACE',
  '\u2006': 'SIX-PER-EM SPACE',
  '\u2007': 'FIGURE SPACE',
  '\u2008': 'PUNCTUATION SPACE',
  '\u2009': 'THIN SPACE',
  '\u200a': 'HAIR SPACE',
  '\u202f': 'NARROW NO-BREAK SPACE',
  '\u205f': 'MEDIUM MATHEMATICAL SPACE',
  '\u3000': 'IDEOGRAPHIC SPACE',
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE (BOM)',
  '\u00ad': 'SOFT HYPHEN',
  '\u201c': 'LEFT DOUBLE QUOTATION MARK',
  '\u201d': 'RIGHT DOUBLE QUOTATION MARK',
  '\u201e': 'DOUBLE LOW-9 QUOTATION MARK',
  '\u2033': 'DOUBLE PRIME',
  '\u2018': 'LEFT SINGLE QUOTATION MARK',
  '\u2019': 'RIGHT SINGLE QUOTATION MARK',
  '\t': 'CHARACTER TABULATION',
};
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const CURLY_SINGLE = /[\u2018\u2019]/;

const codeOf = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Where the YAML of a file is: all of it, or an MDX file's frontmatter (lines 2 … the closing `---`). */
function dataLines(lines: string[], format: 'yaml' | 'mdx'): number {
  if (format === 'yaml') return lines.length;
  if (lines[0]?.replace(/\r$/, '') !== '---') return 0;
  const close = lines.findIndex((l, i) => i > 0 && l.replace(/\r$/, '') === '---');
  return close < 0 ? lines.length : close;
}

/** Every character findPasted reports is one of these (a text without any has nothing to report). */
const ANY_PASTED = /[\t\u00a0\u00ad\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u201c\u201d\u201e\u2033\u2018\u2019]/;

/** Every pasted character of a file's text, in order. */
export function findPasted(text: string, format: 'yaml' | 'mdx'): Pasted[] {
  const out: Pasted[] = [];
  if (!ANY_PASTED.test(text)) return out;
  const lines = text.split('\n');
  const dataEnd = dataLines(lines, format);
  lines.forEach((line, i) => {
    const inData = i < dataEnd;
    const add = (kind: PastedKind, column: number, ch: string, replacement: string) =>
      out.push({ kind, line: i + 1, column: column + 1, code: codeOf(ch), name: NAMES[ch] ?? 'SPACE', replacement, inData });
    if (inData) {
      // indentation and the spaces before a key's colon: a tab or a Unicode space there breaks YAML
      const lead = /^[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*/.exec(line)![0];
      for (let k = 0; k < lead.length; k++) {
        const ch = lead[k]!;
        if (ch === '\t') add('pasted-tab', k, ch, '  ');
        else if (SPACES.test(ch)) add('pasted-space', k, ch, ' ');
      }
      const key = /^([ \t]*(?:- )?[^\s:#'"][^:#]*?)([\u00a0\u2000-\u200a\u202f\u205f\u3000]+):(?:\s|$)/.exec(line.slice(lead.length));
      // (removed: a key's colon follows the key directly)
      if (key) for (let k = 0; k < key[2]!.length; k++) add('pasted-space', lead.length + key[1]!.length + k, key[2]![k]!, '');
      // a Unicode space right after a list dash or a colon, where YAML expects a plain one
      for (const m of line.matchAll(/(?<=(?:^|\s)-|:)[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g)) {
        if (m.index! < lead.length) continue;
        add('pasted-space', m.index!, m[0], ' ');
      }
    } else {
      // curly quotes around an attribute of a tag: <Note type=“warning”>
      for (const tag of line.matchAll(/<[A-Za-z][A-Za-z0-9]*\s[^<>]*>?/g)) {
        for (const m of tag[0].matchAll(
          /=\s*([\u201c\u201d\u201e\u2033\u2018\u2019])([^\u201c\u201d\u201e\u2033\u2018\u2019"'<>]*)([\u201c\u201d\u201e\u2033\u2018\u2019])?/g,
        )) {
          const start = tag.index! + m.index! + m[0].indexOf(m[1]!);
          add('pasted-quote', start, m[1]!, CURLY_SINGLE.test(m[1]!) ? "'" : '"');
          if (m[3]) add('pasted-quote', start + 1 + m[2]!.length, m[3], CURLY_SINGLE.test(m[3]) ? "'" : '"');
        }
      }
    }
    // invisible characters, anywhere but a first-line BOM
    for (const m of line.matchAll(INVISIBLE)) {
      if (i === 0 && m.index === 0 && m[0] === '\ufeff') continue;
      add('pasted-invisible', m.index!, m[0], '');
    }
  });
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The text with exactly the pasted characters findPasted reports replaced, nothing else. */
export function fixPasted(text: string, format: 'yaml' | 'mdx'): string {
  const found = findPasted(text, format);
  if (!found.length) return text;
  const lines = text.split('\n');
  const byLine = Map.groupBy(found, (p) => p.line);
  for (const [line, list] of byLine) {
    let s = lines[line - 1]!;
    // right to left, so earlier columns stay where they are
    for (const p of [...list].sort((a, b) => b.column - a.column)) s = s.slice(0, p.column - 1) + p.replacement + s.slice(p.column);
    lines[line - 1] = s;
  }
  return lines.join('\n');
}

/** Whether the file cannot be read as data or MDX until these are fixed (the parsers would stop on them). */
export const breaksParsing = (p: Pasted): boolean => p.kind !== 'pasted-invisible';
