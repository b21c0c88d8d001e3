/**
 * A manual whose last reference at the normal spacing runs alone onto the page before its landscape
 * flowchart (one of the generated benchmark manuals, kept as a fixture) prints that sparse page; the
 * build prints such a document again a little tighter (PrintJob.tighten, print.css), and then the
 * page is gone — in 16 pt Sarabun still, with the same text.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkPdf } from '../../src/print/check.ts';
import { type PrintJob, printDocuments } from '../../src/print/render.ts';
import { buildSite } from '../helpers/build-site.ts';

const root = join(import.meta.dirname, '..', '..');
const site = buildSite(join(root, 'tests', 'fixtures', 'print', 'sparse-tail', 'content'), { pdf: false });
afterAll(() => site.cleanup());

const job = (tighten: number): PrintJob => ({
  source: '/print/manual-0075/',
  output: `pdf/tight-${tighten}.pdf`,
  file: 'manual-0075.mdx',
  tighten,
  metadata: { title: 'คู่มือการปฏิบัติงาน', author: 'สำนักงาน', subject: 'คู่มือการปฏิบัติงาน', keywords: [], date: '2026-04-24', signatories: [] },
});

test('the sparse page at the normal spacing is gone when printed a little tighter, with the same text', async () => {
  const printed = await printDocuments(site.out, [job(0), job(1)]);
  const problems = await Promise.all(printed.map((r) => checkPdf(join(site.out, r.output), { pdf: r.output, severity: 'error', known: r })));
  expect(problems[0]!.map((p) => p.code)).toContain('sparse-page');
  expect(problems[1]!.filter((p) => p.code === 'sparse-page')).toEqual([]);
  expect(printed[1]!.pages).toBeLessThan(printed[0]!.pages);
  const text = (f: string) =>
    execFileSync('pdftotext', [join(site.out, f), '-'], { encoding: 'utf8' })
      .replace(/\s+/g, '')
      .replace(/-[๐-๙]+-/g, '');
  // the words are the same; only where the pages break (and so the page numbers in the สารบัญ) moves
  const words = (t: string) => t.replace(/[๐-๙]/g, '');
  expect(words(text(printed[1]!.output)).length).toBe(words(text(printed[0]!.output)).length);
  expect(execFileSync('pdffonts', [join(site.out, printed[1]!.output)], { encoding: 'utf8' })).toMatch(/Sarabun/);
}, 180_000);
