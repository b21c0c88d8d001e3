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
// a whole document marked intranet-only, shown in the manual; and a field of another marked so
const SECRET = 'ตัวชี้วัดภายในเฉพาะเจ้าหน้าที่';
const OWNER_PHONE = '0 2126 5800 ต่อ 2411';
const kpi = readFileSync(join(corpus.content, 'kpis', 'test-kpi.mdx'), 'utf8');
writeFileSync(
  join(corpus.content, 'kpis', 'secret-kpi.mdx'),
  kpi
    .replace(/^name: .*$/m, `name: ${SECRET}`)
    .replace(/^code: .*$/m, 'code: ภายใน 01')
    .replace(/^unit: /m, 'intranet: true\nunit: '),
);
writeFileSync(
  join(corpus.content, 'kpis', 'test-kpi.mdx'),
  kpi.replace(/^unit: /m, `owner: { name: ฝ่ายแผนงาน, phone: "${OWNER_PHONE}" }\nintranet: [owner.phone]\nunit: `),
);
writeFileSync(manual, readFileSync(manual, 'utf8').replace('<KpiCard id="test-kpi" />', '<KpiCard id="test-kpi" />\n\n<KpiCard id="secret-kpi" />'));
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

  // a document marked `intranet: true`: on the intranet, a page and a card in the manual; in the
  // public edition no page, no card, no search entry, no word of it in any PDF — a note in its place
  expect(readdirSync(join(corpus.dir, 'dist', 'kpis'))).toContain('secret-kpi');
  expect(inside).toContain(SECRET);
  expect(pdfText(join(corpus.dir, 'dist'))).toContain(SECRET);
  expect(readdirSync(join(corpus.dir, 'dist-public', 'kpis'))).not.toContain('secret-kpi');
  expect(outside).not.toContain(SECRET);
  expect(outside).not.toContain('secret-kpi');
  expect(text).not.toContain(SECRET);
  expect(readFileSync(join(corpus.dir, 'dist-public', 'manuals', 'test-manual', 'index.html'), 'utf8').replace(/<[^>]+>/g, '')).toContain(
    'ส่วนนี้เผยแพร่เฉพาะในอินทราเน็ตของหน่วยงาน',
  );
  const volumes = readdirSync(join(corpus.dir, 'dist-public', 'pdf', 'handbooks')).map((f) =>
    execFileSync('pdftotext', [join(corpus.dir, 'dist-public', 'pdf', 'handbooks', f), '-'], { encoding: 'utf8' }),
  );
  expect(volumes.length).toBeGreaterThan(0);
  for (const v of volumes) expect(v).not.toContain(SECRET);
  // a field marked intranet-only: the owner's phone is in the intranet edition, not the public one
  expect(inside).toContain(OWNER_PHONE);
  expect(outside).not.toContain(OWNER_PHONE);
  expect(outside).toContain('ฝ่ายแผนงาน');
});

test('the public edition of the seed corpus has none of the staff phone numbers marked intranet-only — pages, search index, PDFs', () => {
  const seeds = join(corpus.dir, 'seeds-public');
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--content', join(root, 'content'), '--out', seeds, '--public'], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const marked = readFileSync(join(root, 'content', 'kpis', 'stp-02.mdx'), 'utf8');
  expect(marked).toMatch(/^intranet: \[owner\.phone, supporters\.phone\]$/m);
  const phones = ['0 2126 5800 ต่อ 2411', '0 2126 5800 ต่อ 2789'];
  for (const p of phones) expect(marked).toContain(p);
  const site = everything(seeds);
  const pdfs = readdirSync(join(seeds, 'pdf'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => execFileSync('pdftotext', [join(seeds, 'pdf', f), '-'], { encoding: 'utf8' }))
    .join('\n');
  expect(pdfs.length).toBeGreaterThan(1000);
  for (const text of [site, pdfs]) {
    expect(digits(text)).not.toContain('212658002411');
    expect(digits(text)).not.toContain('212658002789');
    expect(digits(text)).not.toContain('21265800');
    // the names stay: officials' names are published; their direct lines are not
    expect(text.replace(/\s+/g, '')).toContain('นายไฉคงทวี');
  }
}, 600_000);
