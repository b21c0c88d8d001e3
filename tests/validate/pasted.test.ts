/**
 * Text pasted from a word processor: curly quotes in MDX attributes, special spaces and tabs in
 * YAML indentation, invisible characters. Each fixture (tests/fixtures/broken/pasted-*) is the valid
 * corpus with such characters put in; the validator names each character (its pinned report is in
 * the fixture), and `npm run validate -- --fix` gives back the valid file byte for byte and
 * touches nothing else.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { findPasted, fixPasted } from '../../src/validate/pasted.ts';
import { corpusWith, FIXTURES, VALID_CONTENT } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const validate = (...args: string[]) => spawnSync(process.execPath, ['scripts/validate.ts', ...args], { cwd: root, encoding: 'utf8' });
const files = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(mdx|ya?ml)$/.test(f))
    .sort();

test.each(['pasted-quote', 'pasted-space', 'pasted-invisible'])(
  '%s: validate names the character in Thai; --fix restores the valid file exactly, nothing else changes',
  (name) => {
    const corpus = corpusWith(join(FIXTURES, 'broken', name, 'content'));
    try {
      const before = validate('--content', corpus.content);
      expect(before.status).toBe(1);
      expect(before.stdout).toMatch(/U\+[0-9A-F]{4} [A-Z -]+/);
      expect(before.stdout).not.toMatch(/Unexpected character|Nested mappings|Implicit keys/);
      const fixed = validate('--content', corpus.content, '--fix');
      expect(fixed.stdout).toContain('validate --fix: แก้');
      expect(fixed.status, fixed.stdout).toBe(0);
      for (const f of files(VALID_CONTENT)) expect(readFileSync(join(corpus.content, f)).equals(readFileSync(join(VALID_CONTENT, f))), f).toBe(true);
    } finally {
      corpus.cleanup();
    }
  },
);

test('a tab in YAML indentation: named, and --fix puts two spaces in its place', () => {
  const corpus = corpusWith();
  try {
    const file = join(corpus.content, 'manuals', 'test-manual.mdx');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('\n  - role: ผู้ตรวจสอบ', '\n\t- role: ผู้ตรวจสอบ'));
    const before = validate('--content', corpus.content);
    expect(before.stdout).toContain('[yaml-tab-indent] ห้ามใช้แท็บ (U+0009 CHARACTER TABULATION)');
    expect(before.stdout).not.toMatch(/Tabs are not allowed|YAMLParseError|at line/);
    expect(validate('--content', corpus.content, '--fix').status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
  } finally {
    corpus.cleanup();
  }
});

test('what is not pasted stays as it is: quotes in prose, spaces in values, a first-line BOM', () => {
  const text = '\ufeff---\ntitle: "คู่มือ\u00a0งาน"\n---\nเขาพูดว่า “ดี” <Note type="info">ข้อความ</Note>\n';
  expect(findPasted(text, 'mdx')).toEqual([]);
  expect(fixPasted(text, 'mdx')).toBe(text);
});
