/**
 * The incremental site build (Astro's experimental.incrementalBuild with the keys of
 * src/site/page-key.ts): after a manual's text changes, only the pages that show that text are
 * rendered again, and the output is, file for file and byte for byte, what a build from nothing
 * writes; a changed field renders the whole site again.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'khumue-incremental-'));
const content = join(dir, 'content');
cpSync(join(root, 'content'), content, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const build = (out: string) => {
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--content', content, '--out', out, '--no-pdf'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  const m = /rendered (\d+) pages, (\d+) unchanged/.exec(r.stdout);
  if (!m) throw new Error(`no render count in:\n${r.stdout}`);
  return { rendered: Number(m[1]), unchanged: Number(m[2]) };
};
const files = (d: string) =>
  readdirSync(d, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(d, join(e.parentPath, e.name)))
    .sort();

const manual = join(content, 'manuals', 'esa-cm5-admin.mdx');
const out = join(dir, 'a', 'dist');

test('a changed text renders only its pages again, and the output is what a build from nothing writes', () => {
  const first = build(out);
  expect(first.unchanged).toBe(0);
  const pages = first.rendered;

  appendFileSync(manual, '\nข้อความที่เพิ่มเพื่อทดสอบการสร้างเฉพาะส่วนที่เปลี่ยน\n');
  const again = build(out);
  // the manual's page, its print page, the volume it is in, and the pages that have no key (home, search, guide…)
  expect(again.rendered).toBeLessThan(pages / 2);
  expect(again.unchanged).toBeGreaterThan(pages / 2);
  expect(readFileSync(join(out, 'manuals', 'esa-cm5-admin', 'index.html'), 'utf8')).toContain('ข้อความที่เพิ่มเพื่อทดสอบการสร้างเฉพาะส่วนที่เปลี่ยน');

  const fresh = join(dir, 'b', 'dist');
  expect(build(fresh).unchanged).toBe(0);
  const names = files(out);
  expect(names).toEqual(files(fresh));
  const differ = names.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(fresh, f))));
  expect(differ).toEqual([]);
}, 600_000);

test('a changed field renders every page again', () => {
  const text = readFileSync(manual, 'utf8');
  writeFileSync(manual, text.replace(/^title: (.*)$/m, 'title: $1 (ปรับปรุง)'));
  const changed = build(out);
  expect(changed.unchanged).toBe(0);
  // the office's page lists the manual under its new title
  const office = /^office: (\S+)/m.exec(text)![1]!;
  expect(readFileSync(join(out, 'offices', office, 'index.html'), 'utf8')).toContain('(ปรับปรุง)');
}, 600_000);
