/**
 * Each folder in tests/fixtures/broken/ overlays one broken thing on the valid corpus. Its
 * expected.txt pins the exact, located report; a fixture without one fails. UPDATE_FIXTURES=1
 * writes them (review the diff).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { overlayError } from '../../src/build/dev-validate.ts';
import { formatProblems, MESSAGES, validateContent, type Problem } from '../../src/validate/index.ts';
import { corpusWith, FIXTURES, VALID_CONTENT } from '../helpers/corpus.ts';

const BROKEN = join(FIXTURES, 'broken');
const names = readdirSync(BROKEN).sort();
const root = join(import.meta.dirname, '..', '..');

/**
 * What a fixture cannot hold as files (make.json): symbolic links, files too big to commit, and a
 * run in a child process with an environment (the parser-crash fixture crashes the real parser).
 */
interface Make {
  symlinks?: Array<[string, string]>;
  files?: Array<{ path: string; head?: string; repeat: string; times: number; tail?: string }>;
  isolated?: boolean;
  env?: Record<string, string>;
}

function applyMake(content: string, make: Make | undefined): void {
  for (const [path, target] of make?.symlinks ?? []) symlinkSync(target, join(content, path));
  for (const f of make?.files ?? []) {
    mkdirSync(join(content, f.path, '..'), { recursive: true });
    writeFileSync(join(content, f.path), (f.head ?? '') + f.repeat.repeat(f.times) + (f.tail ?? ''));
  }
}

/** The code a fixture is about: its name, or its name less a variant suffix (`wrong-type-list`). */
const codeOf = (name: string) => (name in MESSAGES ? name : name.replace(/-(list|text)$/, ''));

/** Codes no fixture can show, and why. */
const NO_FIXTURE: Record<string, string> = {
  'internal-error': 'a bug in the validator itself; tests/validate/fuzz.test.ts checks that no input causes it',
};

test('every message code has a fixture with a pinned report (or a reason it cannot have one)', () => {
  const covered = new Set(names.map(codeOf));
  const missing = Object.keys(MESSAGES).filter((code) => !covered.has(code) && !(code in NO_FIXTURE));
  expect(missing).toEqual([]);
  for (const name of names) expect(existsSync(join(BROKEN, name, 'expected.txt')), `${name}/expected.txt`).toBe(true);
  for (const code of Object.keys(NO_FIXTURE)) expect(Object.keys(MESSAGES)).toContain(code);
});

test('the valid corpus has no problems at all', () => {
  const result = validateContent(VALID_CONTENT, join(VALID_CONTENT, '..'));
  expect(result.problems).toEqual([]);
  expect(result.entries.length).toBe(8);
});

test('there are at least 30 broken fixtures', () => {
  expect(names.length).toBeGreaterThanOrEqual(30);
});

describe.each(names)('broken fixture %s', (name) => {
  test('gets its own pinned, located report; json parses; nothing crashes', () => {
    const overlay = join(BROKEN, name, 'content');
    const makeFile = join(BROKEN, name, 'make.json');
    const make = existsSync(makeFile) ? (JSON.parse(readFileSync(makeFile, 'utf8')) as Make) : undefined;
    const corpus = corpusWith(existsSync(overlay) ? overlay : undefined);
    applyMake(corpus.content, make);
    try {
      let result: { problems: Problem[] };
      if (make?.isolated) {
        const r = spawnSync(process.execPath, [join(root, 'scripts/validate.ts'), '--content', 'content', '--format', 'json'], {
          cwd: corpus.dir,
          encoding: 'utf8',
          env: { ...process.env, ...make.env },
        });
        expect(r.signal, r.stderr).toBeNull();
        result = { problems: JSON.parse(r.stdout) as Problem[] };
      } else {
        result = validateContent(corpus.content, corpus.dir);
      }
      const text = formatProblems(result.problems, 'text');
      const expectedFile = join(BROKEN, name, 'expected.txt');
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, `${text}\n`);
      // a fixture without its pinned report fails: UPDATE_FIXTURES=1 writes it, for review
      expect(existsSync(expectedFile), `${name}/expected.txt is missing`).toBe(true);
      expect(text).toBe(readFileSync(expectedFile, 'utf8').trimEnd());
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.problems.some((p) => p.code === 'internal-error')).toBe(false);
      // every problem is located in a file and a line
      for (const p of result.problems) {
        expect(p.file).toMatch(/^content\//);
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.column).toBeGreaterThanOrEqual(1);
      }
      // every message speaks Thai first (English after it, or code and values quoted), and no
      // stack trace: in the CLI and in the dev overlay, which shows the errors as text
      for (const p of result.problems) {
        const words = p.message.replace(/`[^`]*`|"[^"]*"|«[^»]*»|\([^()]*\)/g, ' ');
        expect(/[\u0E00-\u0E7F]/.test(words), `English only: ${p.message}`).toBe(true);
        const firstThai = words.search(/[\u0E00-\u0E7F]/);
        expect(/[A-Za-z]{4,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(words.slice(0, firstThai)), `English before the Thai: ${p.message}`).toBe(false);
        expect(p.message).not.toMatch(/\n\s+at |node_modules|\.js:\d+:\d+/);
      }
      const errors = result.problems.filter((p) => p.severity === 'error');
      if (errors.length) {
        const overlay = overlayError(errors, corpus.dir);
        expect(overlay.stack).toBe('');
        expect(overlay.message).toMatch(/^เนื้อหามีข้อผิดพลาด/);
        expect(overlay.message).not.toMatch(/<[A-Za-z/!]/);
        expect(overlay.message).not.toMatch(/node_modules|\n\s+at /);
      }
      // the fixture's name is the code it is about
      expect(result.problems.map((p) => p.code)).toContain(codeOf(name));
      const json = JSON.parse(formatProblems(result.problems, 'json'));
      expect(json.length).toBe(result.problems.length);
      for (const p of json as Problem[]) {
        expect(
          Object.keys(p)
            .filter((k) => k !== 'hint')
            .sort(),
        ).toEqual(['code', 'column', 'field', 'file', 'line', 'message', 'severity']);
        // the hint, when there is one, is also the end of the message (the text report shows it there)
        if (p.hint !== undefined) expect(p.message.endsWith(` — ${p.hint}`)).toBe(true);
      }
    } finally {
      corpus.cleanup();
    }
  });
});

test('a UTF-8 byte-order mark is simply accepted, in YAML and in MDX', () => {
  const corpus = corpusWith();
  try {
    for (const file of ['offices/test-office.yaml', 'manuals/test-manual.mdx']) {
      const path = join(corpus.content, file);
      writeFileSync(path, `\uFEFF${readFileSync(path, 'utf8')}`);
    }
    expect(validateContent(corpus.content, corpus.dir).problems).toEqual([]);
  } finally {
    corpus.cleanup();
  }
});
