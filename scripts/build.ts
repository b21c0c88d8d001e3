/**
 * `npm run build [-- --content DIR] [--out DIR]`
 * Validates first: on any content error it stops before touching the output folder. The site is
 * built into a temporary folder next to it and swapped in only when everything succeeded, so a
 * failed build always leaves the previous output intact.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProblems, validateContent } from '../src/validate/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { content: { type: 'string', default: 'content' }, out: { type: 'string', default: 'dist' } },
  });
  const contentDir = resolve(values.content);
  const outDir = resolve(values.out);
  const started = performance.now();

  const result = validateContent(contentDir, process.cwd());
  if (result.problems.length) console.log(formatProblems(result.problems, 'text'));
  if (result.errorCount) {
    console.error(`build: หยุดการสร้างเพราะเนื้อหามีข้อผิดพลาด ${relative(process.cwd(), outDir) || outDir}/ ไม่ถูกแตะต้อง (stopped: content has errors; the previous output is left as it was)`);
    return 1;
  }
  console.log(`build: ตรวจเนื้อหา ${result.fileCount} แฟ้มผ่าน (validated ${result.fileCount} files)`);

  // Work next to the output folder so that the final swap is a rename on the same disk.
  const work = join(dirname(outDir), `.${relative(dirname(outDir), outDir)}-build-${process.pid}`);
  const key = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
  const cacheDir = join(root, '.khumue', `cache-${key}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  process.env.KHUMUE_CONTENT_DIR = contentDir;
  try {
    const { build } = await import('astro');
    await build({ root, outDir: work, cacheDir, logLevel: process.env.KHUMUE_VERBOSE ? 'info' : 'warn' });
    const pages = countPages(work);
    // The official PDFs, printed from the built print pages before the output is swapped in.
    const { printDocuments } = await import('../src/print/render.ts');
    const manuals = result.entries.filter((e) => e.collection === 'manuals').map((e) => e.id).sort();
    const printed = await printDocuments(work, manuals.map((id) => ({ source: `/print/${id}/`, output: `pdf/${id}.pdf` })), (line) => console.log(line));
    const pdfPages = printed.reduce((a, r) => a + r.pages, 0);
    console.log(`build: พิมพ์ PDF ${printed.length} ฉบับ ${pdfPages} หน้า (printed ${printed.length} PDFs, ${pdfPages} pages)`);
    swapIn(work, outDir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`build: สร้างเว็บไซต์ ${pages} หน้า ใน ${seconds} วินาที → ${relative(process.cwd(), outDir) || outDir}/ (built ${pages} pages in ${seconds}s)`);
    return 0;
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    console.error(`build: failed — ${(error as Error).stack ?? error}\nThe previous output in ${outDir} is left as it was.`);
    return 1;
  }
}

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) n++;
  return n;
}

/** Replaces `outDir` with `work` by two renames; the old output is removed only after the swap. */
function swapIn(work: string, outDir: string): void {
  const old = `${work}-old`;
  if (existsSync(outDir)) renameSync(outDir, old);
  try {
    renameSync(work, outDir);
  } catch (error) {
    if (existsSync(old)) renameSync(old, outDir);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

process.exitCode = await main();
