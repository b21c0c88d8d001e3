/**
 * Each folder in tests/fixtures/broken/ overlays one broken thing on the valid corpus. Its
 * expected.txt pins the exact, located report; a fixture without one fails. UPDATE_FIXTURES=1
 * writes them (review the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblems, validateContent } from '../../src/validate/index.ts';
import { corpusWith, FIXTURES, VALID_CONTENT } from '../helpers/corpus.ts';

const BROKEN = join(FIXTURES, 'broken');
const names = readdirSync(BROKEN).sort();

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
    const corpus = corpusWith(join(BROKEN, name, 'content'));
    try {
      const result = validateContent(corpus.content, corpus.dir);
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
      // the fixture's name is the code it is about
      expect(result.problems.map((p) => p.code)).toContain(name.replace(/-(list|text)$/, ''));
      const json = JSON.parse(formatProblems(result.problems, 'json'));
      expect(json.length).toBe(result.problems.length);
      expect(Object.keys(json[0]).sort()).toEqual(['code', 'column', 'field', 'file', 'line', 'message', 'severity']);
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
