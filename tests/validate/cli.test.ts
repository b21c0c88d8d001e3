/** `npm run validate` as authors and CI call it: exit codes and the three formats, pinned. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { corpusWith, FIXTURES } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function validate(fixture: string | undefined, ...args: string[]) {
  const corpus = corpusWith(fixture && join(FIXTURES, 'broken', fixture, 'content'));
  cleanup = corpus.cleanup;
  return spawnSync(process.execPath, [join(root, 'scripts/validate.ts'), '--content', 'content', ...args], { cwd: corpus.dir, encoding: 'utf8' });
}

test('a valid corpus: exit 0 and a Thai all-clear', () => {
  const r = validate(undefined);
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe('ไม่พบปัญหา (no problems)');
});

test('warnings only: exit 0', () => {
  const r = validate('placeholder-left');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('คำเตือน warning [placeholder-left]');
});

test('an error: exit 1, text format with file:line:column and a count', () => {
  const r = validate('total-mismatch');
  expect(r.status).toBe(1);
  expect(r.stdout.trim().split('\n')).toEqual([
    'content/manuals/test-manual.mdx:31:22 ข้อผิดพลาด error [total-mismatch] tables[0].totals.units: ยอดรวมคอลัมน์ `หน่วย` ของตาราง `costs` ระบุไว้ `12` แต่ผลรวมของแถวเป็น `11` (declared total does not equal the sum of the rows)',
    'ข้อผิดพลาด 1 รายการ คำเตือน 0 รายการ ใน 1 แฟ้ม (1 error, 0 warnings in 1 file)',
  ]);
});

test('--format github prints workflow annotations', () => {
  const r = validate('unknown-reference', '--format', 'github');
  expect(r.status).toBe(1);
  expect(r.stdout.split('\n')[0]).toBe(
    '::error file=content/manuals/test-manual.mdx,line=4,col=9,title=unknown-reference (office)::ไม่พบหน่วยงาน `test-ofice` ใน content/offices/ (unknown offices id) — หมายถึง `test-office` หรือไม่ (did you mean `test-office`?)',
  );
});

test('--format json is an array of located problems', () => {
  const r = validate('score-mismatch', '--format', 'json');
  expect(r.status).toBe(1);
  expect(JSON.parse(r.stdout)).toEqual([
    {
      file: 'content/kpis/test-kpi.mdx',
      line: 12,
      column: 50,
      severity: 'error',
      code: 'score-mismatch',
      field: 'quarters[1].reported.score',
      message: 'คะแนนตัวชี้วัดไตรมาสที่ ๒ รายงานไว้ `2.2276` แต่คำนวณจากผล `184` ได้ `2.2267` (reported score differs from the computed one)',
    },
  ]);
});

test('a transcribed source (with `source:`) reports its own inconsistencies as warnings', () => {
  const corpus = corpusWith(join(FIXTURES, 'broken', 'total-mismatch', 'content'));
  cleanup = corpus.cleanup;
  const file = join(corpus.content, 'manuals', 'test-manual.mdx');
  const text = readFileSync(file, 'utf8').replace('fiscalYear: 2564\n', 'fiscalYear: 2564\nsource:\n  title: ต้นฉบับ\n');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [join(root, 'scripts/validate.ts'), '--content', 'content'], { cwd: corpus.dir, encoding: 'utf8' });
  expect(r.status).toBe(0);
  // summed up in one line by default, listed with --all
  expect(r.stdout).toContain('คำเตือนจากต้นฉบับที่คัดลอกมา 1 รายการใน 1 แฟ้ม');
  expect(r.stdout).not.toContain('[total-mismatch]');
  const all = spawnSync(process.execPath, [join(root, 'scripts/validate.ts'), '--content', 'content', '--all'], { cwd: corpus.dir, encoding: 'utf8' });
  expect(all.stdout).toContain('คำเตือน warning [total-mismatch]');
});

test('a bad option is a tool error in English with usage, exit 2', () => {
  const r = validate(undefined, '--format', 'xml');
  expect(r.status).toBe(2);
  expect(r.stderr.trim()).toBe('validate: unknown format "xml"; use one of text, json, github.');
});
