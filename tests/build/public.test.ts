/**
 * The PDPA guard's public edition: content inside <Intranet> is on the intranet site and in its
 * PDFs, and in neither of `npm run build -- --public` (pages, search index, PDFs); the validator does
 * not warn about personal data inside such a block, and does outside it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fromThaiDigits } from '../../src/domain/thai/index.ts';
import { corpusWith } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = corpusWith();
const manual = join(corpus.content, 'manuals', 'test-manual.mdx');
const PHONE = '๐๘๑-๒๓๔-๕๖๗๘';
const EMAIL = 'somchai.jaidee@gmail.com';
const ID = '1-1017-00123-45-6';
const block = `<Intranet>\nผู้ประสานงาน นายสมชาย ใจดี โทร ${PHONE} อีเมล ${EMAIL} เลขประจำตัว ${ID}\n</Intranet>`;
writeFileSync(manual, readFileSync(manual, 'utf8').replace('<Note type="warning">ตรวจสอบทุกครั้ง</Note>', `<Note type="warning">ตรวจสอบทุกครั้ง</Note>\n\n${block}`));
afterAll(() => corpus.cleanup());

const build = (out: string, ...args: string[]) =>
  spawnSync(process.execPath, ['scripts/build.ts', '--content', corpus.content, '--out', join(corpus.dir, out), ...args], { cwd: root, encoding: 'utf8' });
const everything = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    // the author's guide shows the validator's messages with their fixture examples, not content
    .filter((f) => /\.(html|json|txt)$/.test(f) && !f.startsWith('guide/'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
const pdfText = (dir: string) => execFileSync('pdftotext', [join(dir, 'pdf', 'test-manual.pdf'), '-'], { encoding: 'utf8' });
const digits = (s: string) => fromThaiDigits(s).replace(/\D/g, '');

test('personal data inside <Intranet> raises no warning; the same outside it does', () => {
  const r = spawnSync(process.execPath, ['scripts/validate.ts', '--content', corpus.content], { cwd: root, encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout).not.toMatch(/personal-/);
});

test('the intranet edition has the block; the public edition has it nowhere — pages, search index, PDF', () => {
  const intranet = build('dist');
  expect(intranet.status, intranet.stderr).toBe(0);
  const publicEd = build('dist-public', '--public');
  expect(publicEd.status, publicEd.stderr).toBe(0);
  const inside = everything(join(corpus.dir, 'dist'));
  expect(inside).toContain(PHONE);
  expect(inside).toContain(EMAIL);
  expect(digits(pdfText(join(corpus.dir, 'dist')))).toContain(digits(PHONE));
  const outside = everything(join(corpus.dir, 'dist-public'));
  for (const s of [PHONE, EMAIL, ID, 'นายสมชาย']) expect(outside, s).not.toContain(s);
  const text = pdfText(join(corpus.dir, 'dist-public'));
  expect(digits(text)).not.toContain(digits(PHONE));
  expect(digits(text)).not.toContain(digits(ID));
  expect(text).not.toContain(EMAIL);
  // the rest of the manual is there
  expect(outside).toContain('ตรวจสอบทุกครั้ง');
});
