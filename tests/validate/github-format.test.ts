/**
 * `npm run validate -- --format github` in a pull request: an author's own warning is an
 * annotation GitHub shows, however many warnings the transcribed sources have (GitHub shows ten of
 * each kind per step); their warnings are one notice; every problem is in the job summary.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { FIXTURES } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'khumue-pr-'));
const content = join(dir, 'content');
// the seed sources (44 warnings of their own) and, beside them, an author's new manual with one warning
cpSync(join(root, 'content'), content, { recursive: true });
cpSync(join(FIXTURES, 'broken', 'placeholder-left', 'content'), content, { recursive: true });
for (const sub of ['offices', 'flowcharts', 'kpis', 'plans', 'missions', 'mandates'])
  cpSync(join(FIXTURES, 'valid', 'content', sub), join(content, sub), { recursive: true, force: false, errorOnExist: false });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts', 'validate.ts'), '--content', content, '--format', 'github', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

test("the author's warning is among the first annotations; the transcribed sources' warnings are one notice; all are in the job summary", () => {
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '');
  const r = run({ GITHUB_STEP_SUMMARY: summary }, '--changed', 'content/manuals/test-manual.mdx');
  expect(r.status, r.stderr).toBe(0);
  const lines = r.stdout.split('\n');
  const warnings = lines.filter((l) => l.startsWith('::warning '));
  expect(warnings[0]).toContain('file=content/manuals/test-manual.mdx');
  expect(warnings[0]).toContain('placeholder-left');
  expect(warnings.length).toBeLessThanOrEqual(10);
  const notice = lines.find((l) => l.startsWith('::notice '));
  expect(notice).toMatch(/คำเตือนจากต้นฉบับที่คัดลอกมา \d+ รายการ/);
  const md = readFileSync(summary, 'utf8');
  expect(md).toContain('placeholder-left');
  expect(md.match(/^\| คำเตือน \|/gm)!.length).toBeGreaterThan(40);
  // without knowing the change, the author's warning is still listed, the sources' still summed up
  const plain = run({});
  expect(
    plain.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning '))
      .some((l) => l.includes('placeholder-left')),
  ).toBe(true);
  expect(plain.stdout).toContain('::notice ');
  // --all lists every warning
  const all = run({}, '--all');
  expect(all.stdout.split('\n').filter((l) => l.startsWith('::warning ')).length).toBeGreaterThan(40);
});
