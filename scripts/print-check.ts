/**
 * `npm run print-check [-- DIR] [--format text|json|github]`: the print check (src/print/check.ts)
 * over every PDF under DIR/pdf (default dist/pdf), as the build runs it after printing. Exit code 1
 * when a problem is found.
 */
import { globSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPdf, formatPrintProblems } from '../src/print/check.ts';

const { values, positionals } = parseArgs({ options: { format: { type: 'string', default: 'text' } }, allowPositionals: true });
const format = values.format;
if (format !== 'text' && format !== 'json' && format !== 'github') {
  console.error(`print-check: --format ต้องเป็น text, json หรือ github แต่ได้รับ \`${format}\` (--format takes text, json or github)`);
  process.exit(2);
}
const dir = positionals[0] ?? 'dist';
const problems = [];
for (const file of globSync(`${dir}/pdf/**/*.pdf`).sort()) problems.push(...(await checkPdf(file, { pdf: relative(dir, file) })));
if (problems.length || format === 'json') console.log(formatPrintProblems(problems, format));
if (format === 'text') console.log(`print-check: ${problems.length} ปัญหา (${problems.length} problems)`);
process.exitCode = problems.length ? 1 : 0;
