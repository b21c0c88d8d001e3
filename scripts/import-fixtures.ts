/**
 * `node scripts/import-fixtures.ts DIR`: writes the Word documents the import tests use
 * (tests/helpers/docx-fixtures.ts) and the five seed documents re-created as text PDFs
 * (tests/helpers/seed-pdf.ts) into DIR, to open in Word or a PDF reader and to try `npm run import` on.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOCX_FIXTURES, makeDocx } from '../tests/helpers/docx-fixtures.ts';
import { printPdf, seedHtml } from '../tests/helpers/seed-pdf.ts';

const root = resolve(import.meta.dirname, '..');
const out = resolve(process.argv[2] ?? 'import-fixtures');
mkdirSync(out, { recursive: true });
for (const f of DOCX_FIXTURES) writeFileSync(join(out, `${f.name}.docx`), await makeDocx(f));
const seeds = join(root, 'tests', 'fixtures', 'seeds');
for (const s of readdirSync(seeds).filter((f) => f.endsWith('.txt')))
  await printPdf(seedHtml(readFileSync(join(seeds, s), 'utf8')), join(out, s.replace(/\.txt$/, '.pdf')));
console.log(`import-fixtures: ${DOCX_FIXTURES.length} แฟ้ม Word และ PDF ต้นฉบับ ๕ แฟ้มใน ${out} (Word files and seed PDFs written)`);
