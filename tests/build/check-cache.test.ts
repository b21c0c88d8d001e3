/**
 * The print check's findings live in the print cache with their PDF: a build of unchanged content
 * takes them from there instead of reading every PDF again (the rebuild of a large corpus is
 * mostly that). Shown by a finding planted in the cache entry, which the next build reports.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { corpusWith } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = corpusWith();
afterAll(() => corpus.cleanup());
const out = join(corpus.dir, 'dist');
const build = () => spawnSync(process.execPath, ['scripts/build.ts', '--content', corpus.content, '--out', out], { cwd: root, encoding: 'utf8' });

test('an unchanged PDF is not checked again: its findings come from its print-cache entry', () => {
  const first = build();
  expect(first.status, first.stderr).toBe(0);
  // the cache next to the output holds each PDF's facts, the check's findings among them
  const cacheDir = readdirSync(dirname(out)).find((d) => d.startsWith('.dist-cache-') && d.endsWith('-pdf'))!;
  const entries = readdirSync(join(dirname(out), cacheDir)).filter((f) => f.endsWith('.pdf.json'));
  expect(entries.length).toBe(2);
  const file = join(
    dirname(out),
    cacheDir,
    entries.find((f) => readFileSync(join(dirname(out), cacheDir, f), 'utf8').includes('"output":"pdf/test-manual.pdf"'))!,
  );
  const facts = JSON.parse(readFileSync(file, 'utf8')) as { check: { key: string; problems: unknown[] } };
  expect(facts.check.key).toContain('pdf/test-manual.pdf');
  expect(facts.check.problems).toEqual([]);
  // a finding planted there is what the next build reports: it did not read the PDF again
  facts.check.problems = [{ code: 'heading-at-foot', severity: 'error', pdf: 'pdf/test-manual.pdf', page: 2, message: 'planted in the cache', hint: '' }];
  writeFileSync(file, JSON.stringify(facts));
  const second = build();
  expect(second.status).toBe(1);
  expect(second.stdout).toContain('planted in the cache');
  // the same build, with the entry's findings removed, checks the PDF itself again and passes
  writeFileSync(file, JSON.stringify({ ...facts, check: undefined }));
  const third = build();
  expect(third.status, third.stdout + third.stderr).toBe(0);
});
