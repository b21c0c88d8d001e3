/** `npm run new`: every type makes an entry that validates and renders; it never overwrites. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { TYPES } from '../../src/authoring/templates.ts';
import { corpusWith } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = corpusWith();
afterAll(() => corpus.cleanup());
const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
const newEntry = (...args: string[]) => run('scripts/new.ts', ...args, '--content', corpus.content);

test('with several offices the owner must be named (never a silent pick); --title writes the title; a manual has the ten sections of the ก.พ.ร. outline', () => {
  const two = corpusWith();
  try {
    writeFileSync(join(two.content, 'offices', 'second-office.yaml'), 'name: สำนักงานที่สอง\n');
    const r = spawnSync(process.execPath, ['scripts/new.ts', 'manual', 'x-manual', '--content', two.content], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ระบุหน่วยงานเจ้าของด้วย --office');
    expect(r.stderr).toContain('second-office, test-office');
    const wrong = spawnSync(process.execPath, ['scripts/new.ts', 'manual', 'x-manual', '--office', 'nope', '--content', two.content], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('ไม่มีหน่วยงาน `nope`');
    const ok = spawnSync(
      process.execPath,
      ['scripts/new.ts', 'manual', 'x-manual', '--office', 'second-office', '--title', 'คู่มือการปฏิบัติงาน งานทดลอง', '--content', two.content],
      { cwd: root, encoding: 'utf8' },
    );
    expect(ok.status, ok.stderr).toBe(0);
    const text = readFileSync(join(two.content, 'manuals', 'x-manual.mdx'), 'utf8');
    expect(text).toContain('title: คู่มือการปฏิบัติงาน งานทดลอง\n');
    expect(text).toContain('office: second-office');
    const sections = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual([
      'วัตถุประสงค์',
      'ขอบเขต',
      'คำจำกัดความ',
      'หน้าที่ความรับผิดชอบ',
      'ผังกระบวนการปฏิบัติงาน',
      'ขั้นตอนการปฏิบัติงาน',
      'มาตรฐานงาน',
      'ระบบติดตามประเมินผล',
      'เอกสารอ้างอิง',
      'แบบฟอร์มที่ใช้',
    ]);
  } finally {
    two.cleanup();
  }
});

test('each type: created with Thai placeholders, valid, and rendered by the build', () => {
  for (const type of TYPES) {
    // once new-office exists there are two offices: the owner is named
    const r = newEntry(type, `new-${type}`, ...(type === 'handbook' ? ['--office', 'test-office'] : []));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('สร้าง');
    expect(r.stdout).toMatch(/npm run dev แล้วเปิด http:\/\/localhost:4321\//);
  }
  const validated = run('scripts/validate.ts', '--content', corpus.content, '--format', 'json');
  expect(validated.status, validated.stdout).toBe(0);
  const problems = JSON.parse(validated.stdout) as Array<{ code: string; severity: string; file: string }>;
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  // the placeholders left to replace are pointed out
  for (const type of TYPES)
    expect(
      problems.some((p) => p.code === 'placeholder-left' && p.file.includes(`new-${type}.`)),
      type,
    ).toBe(true);

  const out = join(corpus.dir, 'dist');
  const built = run('scripts/build.ts', '--content', corpus.content, '--out', out, '--no-pdf');
  expect(built.status, built.stdout + built.stderr).toBe(0);
  for (const page of [
    'manuals/new-manual',
    'flowcharts/new-flowchart',
    'plans/new-plan',
    'kpis/new-kpi',
    'missions/new-mission',
    'offices/new-office',
    'print/handbooks/new-handbook',
  ]) {
    const file = join(out, page, 'index.html');
    expect(existsSync(file), page).toBe(true);
  }
  expect(readFileSync(join(out, 'flowcharts', 'new-flowchart', 'index.html'), 'utf8')).toContain('เสนอผู้มีอำนาจพิจารณา');
  expect(readFileSync(join(out, 'kpis', 'new-kpi', 'index.html'), 'utf8')).toContain('ชื่อตัวชี้วัด');
});

test('never overwrites, and refuses a bad id or an unknown type with a hint', () => {
  const file = join(corpus.content, 'manuals', 'test-manual.mdx');
  const before = readFileSync(file, 'utf8');
  const again = newEntry('manual', 'test-manual');
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('จะไม่เขียนทับ');
  expect(readFileSync(file, 'utf8')).toBe(before);
  writeFileSync(join(corpus.content, 'kpis', 'taken.mdx'), before);
  expect(newEntry('kpi', 'taken').status).toBe(1);
  const bad = newEntry('manual', 'คู่มือใหม่');
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('ตัวอักษรอังกฤษตัวเล็ก');
  const unknown = newEntry('manaul', 'x');
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain('manual, flowchart, plan, kpi, mission, office, handbook');
});
