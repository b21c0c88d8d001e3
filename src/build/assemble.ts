/**
 * `npm run assemble -- --out dist SHARD…`: one output from the builds of `npm run build -- --shard
 * I/N` on several machines. Every shard built the whole site and printed its share of the PDFs
 * (print-jobs.ts deals them out by a fixed order, so no two shards print the same one). The site is
 * taken from the first shard, the PDFs from all of them, and the PDF links of the pages are filled
 * in for every PDF — what one unsharded build writes, byte for byte (tests/build/assemble.test.ts).
 * The output is swapped in only when complete; a missing or doubled PDF, or shards built from
 * different content, stop it with the previous output left as it was.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { INDEX_FOLDER } from '../search/node.ts';
import { annotatePdfLinks } from './pdf-links.ts';
import { cleanLeftovers, swapIn, workFolder } from './workspace.ts';

const pdfsIn = (dir: string): string[] =>
  existsSync(join(dir, 'pdf'))
    ? readdirSync(join(dir, 'pdf'), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => `pdf/${f.split('\\').join('/')}`)
        .sort()
    : [];

/** Every file of a site except its PDFs and its pages (whose PDF links differ by shard). */
const siteFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((f) => !f.startsWith('pdf/') && !f.endsWith('.html'))
    .sort();

/** The PDFs the print list names: one per `print/<id>/` page and per `print/handbooks/<id>/` page. */
function expectedPdfs(site: string): string[] {
  const print = join(site, 'print');
  if (!existsSync(print)) return [];
  return [
    ...readdirSync(print)
      .filter((d) => d !== 'handbooks' && existsSync(join(print, d, 'index.html')))
      .map((d) => `pdf/${d}.pdf`),
    ...(existsSync(join(print, 'handbooks')) ? readdirSync(join(print, 'handbooks')).map((d) => `pdf/handbooks/${d}.pdf`) : []),
  ].sort();
}

export function assemble(shards: string[], outDir: string, contentDir: string): { code: number; lines: string[] } {
  const lines: string[] = [];
  const out = resolve(outDir);
  const dirs = shards.map((s) => resolve(s));
  const fail = (why: string) => ({
    code: 1,
    lines: [...lines, `assemble: ${why}`, `${relative(process.cwd(), out) || out}/ ไม่ถูกแตะต้อง (the previous output is left as it was)`],
  });
  if (!dirs.length) return fail('ระบุโฟลเดอร์ผลของแต่ละชุดอย่างน้อยหนึ่งโฟลเดอร์ (name the shards’ output folders)');
  for (const d of dirs) if (!existsSync(join(d, 'index.html'))) return fail(`${d} ไม่ใช่ผลการสร้างเว็บไซต์ (no index.html: not a build)`);

  // every shard built the same site: its files other than pages and PDFs are the same bytes
  const first = dirs[0]!;
  const files = siteFiles(first);
  for (const d of dirs.slice(1)) {
    const other = siteFiles(d);
    const differs = other.length !== files.length || files.some((f, k) => f !== other[k] || !readFileSync(join(first, f)).equals(readFileSync(join(d, f))));
    if (differs) return fail(`${d} สร้างจากเนื้อหาหรือรุ่นอื่น ไม่ตรงกับ ${first} (the shards were built from different content or code)`);
  }

  // each PDF from the one shard that printed it; every PDF of the print list, none twice
  const from = new Map<string, string>();
  for (const d of dirs)
    for (const pdf of pdfsIn(d)) {
      const seen = from.get(pdf);
      if (seen && !readFileSync(join(seen, pdf)).equals(readFileSync(join(d, pdf))))
        return fail(`${pdf} พิมพ์ไว้สองชุดและไม่ตรงกัน (${seen}, ${d}) (printed twice, differently)`);
      from.set(pdf, d);
    }
  const missing = expectedPdfs(first).filter((p) => !from.has(p));
  if (missing.length) return fail(`ขาด PDF ${missing.length} ฉบับ เช่น ${missing.slice(0, 3).join(', ')} ชุดใดยังไม่ได้พิมพ์ (missing PDFs: a shard did not print)`);

  for (const line of cleanLeftovers(out)) lines.push(`assemble: ${line}`);
  const work = workFolder(out);
  rmSync(work, { recursive: true, force: true });
  try {
    cpSync(first, work, { recursive: true });
    rmSync(join(work, 'pdf'), { recursive: true, force: true });
    const printed: Array<{ output: string; pages: number }> = [];
    for (const [pdf, d] of [...from].sort(([a], [b]) => (a < b ? -1 : 1))) {
      mkdirSync(join(work, pdf, '..'), { recursive: true });
      cpSync(join(d, pdf), join(work, pdf));
      const info = execFileSync('pdfinfo', [join(work, pdf)], { encoding: 'utf8' });
      printed.push({ output: pdf, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0) });
    }
    // the numerals the site shows (content/site.yaml numerals), as the build writes them
    const siteFile = join(resolve(contentDir), 'site.yaml');
    const thai = !existsSync(siteFile) || (parse(readFileSync(siteFile, 'utf8')) as { numerals?: string } | null)?.numerals !== 'arabic';
    const annotated = annotatePdfLinks(work, printed, thai, join(work, INDEX_FOLDER));
    swapIn(work, out);
    lines.push(
      `assemble: รวม ${dirs.length} ชุด PDF ${printed.length} ฉบับ ลิงก์ในหน้า ${annotated} หน้า → ${relative(process.cwd(), out) || out}/ (${dirs.length} shards, ${printed.length} PDFs, ${annotated} pages linked)`,
    );
    return { code: 0, lines };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    return fail(`ไม่สำเร็จ (failed): ${(error as Error).message}`);
  }
}
