/**
 * The runner behind `npm run build` (scripts/build.ts parses the command line): validates first
 * (in a child process a parser crash cannot escape), and on any content error stops before
 * anything reads the content for the site. The site is built into a temporary folder next to the
 * output and swapped in only when everything succeeded, so a failed build always leaves the
 * previous output intact; leftovers of a build that was killed are cleaned up (or, if it was
 * killed mid-swap, the previous output put back) when the next one starts.
 *
 * The build never signs and never holds a signing secret: KHUMUE_SIGN_P12 or KHUMUE_SIGN_PASSWORD
 * in its environment stops it. The PDFs record who their content says signs each role
 * (print/pdf/metadata.ts); `npm run sign` signs them, one role at a time, as its own step.
 */
import { CONTENT_DIR_VARIABLE } from '../content/content-dir.ts';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBuildLock } from './build-lock.ts';
import { entriesOf, formatProblems } from '../validate/index.ts';
import { printJobs } from './print-jobs.ts';
import { publicEntries } from '../content/edition.ts';
import { siteBase } from '../content/schema/site.ts';
import { listHtml } from '../search/build-index.ts';
import { INDEX_FOLDER } from '../search/node.ts';
import { indexWhileBuilding } from '../search/worker.ts';
import { validateIsolated } from '../validate/isolated.ts';
import { cleanLeftovers, swapIn, workFolder } from './workspace.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuildOptions {
  content: string;
  out: string;
  /** the site alone, for `npm run bench:site` (PDF printing has its own benchmark) */
  noPdf: boolean;
  /** print only every N-th document, starting with the I-th: CI machines share the printing */
  shard?: { index: number; of: number };
  /** the public edition (for the office's public web site): <Intranet> blocks are left out of the pages and PDFs */
  public?: boolean;
}

/** Runs a build; the exit code (0 built, 1 refused or failed: the previous output is intact). */
export async function runBuild(options: BuildOptions): Promise<number> {
  const shard = options.shard;
  const contentDir = resolve(options.content);
  const outDir = resolve(options.out);
  const started = performance.now();
  const shown = `${relative(process.cwd(), outDir) || outDir}/`;

  // No process that reads content may hold a signing secret (issue 13): not this one, not Astro,
  // not Chromium. Signing is `npm run sign`, run after the build, where content is never rendered.
  const secrets = ['KHUMUE_SIGN_P12', 'KHUMUE_SIGN_PASSWORD'].filter((k) => process.env[k] !== undefined);
  if (secrets.length) {
    console.error(`build: ห้ามมี ${secrets.join(' และ ')} ในสภาพแวดล้อมของการสร้าง การสร้างอ่านเนื้อหาจากผู้เขียนจึงต้องไม่เห็นกุญแจลงนาม ให้สร้างโดยไม่มีตัวแปรนี้ แล้วลงนามด้วย npm run sign (signing secrets must not be in the build's environment: build without ${secrets.join(' and ')}, then run \`npm run sign\`)
ไม่ได้สร้างอะไร ${shown} ไม่ถูกแตะต้อง (nothing was built; the previous output is left as it was)`);
    return 1;
  }
  // the public edition renders without the <Intranet> blocks (components/Intranet.astro)
  if (options.public) process.env.KHUMUE_PUBLIC = '1';
  else delete process.env.KHUMUE_PUBLIC;

  // A build killed before may have left its temporary folder, a half-done swap or a browser.
  for (const line of cleanLeftovers(outDir)) console.log(`build: ${line}`);

  // Work next to the output folder so that the final swap is a rename on the same disk.
  const work = workFolder(outDir);
  // Astro's cache lives next to the output (and per content folder), so that builds side by side
  // never share one and a temporary output takes its cache with it.
  const key = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
  const cacheDir = join(dirname(outDir), `.${basename(outDir)}-cache-${key}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  process.env[CONTENT_DIR_VARIABLE] = contentDir;

  // The content is checked first, completely, in a child process; nothing else reads it before.
  const result = await validateIsolated(contentDir, process.cwd());
  const validated = performance.now();
  if (result.problems.length) console.log(formatProblems(result.problems, 'text'));
  if (result.errorCount) {
    rmSync(work, { recursive: true, force: true });
    console.error(`build: หยุดการสร้างเพราะเนื้อหามีข้อผิดพลาด ${shown} ไม่ถูกแตะต้อง (stopped: content has errors; the previous output is left as it was)`);
    return 1;
  }
  console.log(`build: ตรวจเนื้อหา ${result.fileCount} แฟ้มผ่าน (validated ${result.fileCount} files)`);

  // Astro renders into the temporary folder (bodies as data: src/content/loader.ts) while a second
  // thread makes the search index, reading each page as soon as Astro has written it.
  const site = entriesOf(result.entries, 'site')[0]?.data;
  // under a sub-path (site.yaml base, or the path of siteUrl) every link, script and stylesheet has it
  const base = siteBase(site);
  const search = indexWhileBuilding(work, join(contentDir, 'glossary.yaml'), base);
  // Astro reads import.meta.env.BASE_URL from the environment first: one left by a parent (vitest
  // sets it to '/') would give pages another base than their scripts and stylesheets
  delete process.env.BASE_URL;
  const siteBuild = import('astro').then(({ build }) =>
    withBuildLock(root, () => build({ root, outDir: work, cacheDir, base, logLevel: process.env.KHUMUE_VERBOSE ? 'info' : 'silent' })),
  );

  try {
    await siteBuild.catch(async (error) => {
      await search.cancel();
      throw error;
    });
    const pages = listHtml(work, join(work, INDEX_FOLDER)).length;
    // pages whose data and code are unchanged were copied from the last build (src/site/page-key.ts)
    const rendered = search.rendered;
    console.log(
      `build: แสดงผลใหม่ ${rendered} หน้า ใช้ของเดิม ${Math.max(0, pages - rendered)} หน้า (rendered ${rendered} pages, ${Math.max(0, pages - rendered)} unchanged from the last build)`,
    );
    const indexed = await search.finish();
    console.log(
      `build: ดัชนีค้นหา ${indexed.pages} หน้า ${indexed.units} ส่วน (search index: ${indexed.pages} pages, ${indexed.units} units, ${(indexed.bytes / 1024).toFixed(0)} KB)`,
    );
    const built = performance.now();
    // The official PDFs, printed from the built print pages before the output is swapped in.
    const { printDocuments, PrintError } = await import('../print/render.ts');
    // the public edition prints no intranet-only document, and none of the intranet-only fields
    const all = options.noPdf ? [] : printJobs(options.public ? publicEntries(result.entries) : result.entries);
    // the print list is in a fixed order (manuals, then volumes, each by id), so shards never overlap
    const jobs = shard ? all.filter((_, k) => k % shard.of === shard.index - 1) : all;
    if (shard)
      console.log(
        `build: ชุดที่ ${shard.index}/${shard.of} พิมพ์ ${jobs.length} จาก ${all.length} ฉบับ (shard ${shard.index}/${shard.of}: ${jobs.length} of ${all.length} PDFs)`,
      );
    const printed = await printDocuments(work, jobs, { siteUrl: site?.siteUrl, base, progress: (line) => console.log(line), cacheDir: `${cacheDir}-pdf` });
    // the print check reads every PDF as a reader would; an error keeps the previous output
    const { checkPrinted, reportPrinted } = await import('./print-check.ts');
    const checkStarted = performance.now();
    // the time the print check takes, apart from printing (the benchmark reports both)
    let checkSeconds = 0;
    const timed = async <T>(work: () => Promise<T>) => {
      const t0 = performance.now();
      try {
        return await work();
      } finally {
        checkSeconds += (performance.now() - t0) / 1000;
      }
    };
    let checked = await timed(() => checkPrinted(work, jobs, printed, root, { quiet: true }));
    // lines left alone on a page (only that): the document is printed again a little tighter,
    // twice at most; the check then reports what is left
    for (const level of [1, 2]) {
      const byPdf = Map.groupBy(
        checked.problems.filter((p) => p.severity === 'error'),
        (p) => p.pdf,
      );
      const again = jobs.filter((j) => byPdf.get(j.output)?.every((p) => p.code === 'sparse-page')).map((j) => ({ ...j, tighten: level }));
      if (!again.length) break;
      console.log(
        `build: พิมพ์ใหม่ให้ชิดขึ้น ${again.length} ฉบับ เพราะมีหน้าที่เหลือเพียงบรรทัดเดียวหรือสองบรรทัด (${again.length} printed again a little tighter: a page held only one or two lines)`,
      );
      const reprinted = await printDocuments(work, again, { siteUrl: site?.siteUrl, base, progress: (line) => console.log(line), cacheDir: `${cacheDir}-pdf` });
      for (const r of reprinted) printed[printed.findIndex((p) => p.output === r.output)] = r;
      const rechecked = await timed(() => checkPrinted(work, again, reprinted, root, { quiet: true }));
      const redone = new Set(again.map((j) => j.output));
      const problems = [...checked.problems.filter((p) => !redone.has(p.pdf)), ...rechecked.problems].sort((a, b) =>
        a.pdf < b.pdf ? -1 : a.pdf > b.pdf ? 1 : a.page - b.page,
      );
      checked = { errors: problems.filter((p) => p.severity === 'error').length, problems };
    }
    // A page still left with a line or two after printing tighter twice is the layout of that
    // document's content (a table or flowchart that must start a page): it is reported for its
    // author as a warning, and does not stop the site (at N = 1,000, 25 of 1,050 documents kept one)
    if (!options.noPdf) {
      const kept = checked.problems.filter((p) => p.code === 'sparse-page' && p.severity === 'error');
      for (const p of kept) {
        p.severity = 'warning';
        p.message = `${p.message} — เหลืออยู่หลังพิมพ์ให้ชิดขึ้นสองครั้ง ควรปรับเนื้อหาหรือการแบ่งหน้า (left after printing tighter twice: adjust the content or its page breaks)`;
      }
      checked = { errors: checked.problems.filter((p) => p.severity === 'error').length, problems: checked.problems };
    }
    reportPrinted(checked.problems, jobs.length, checkStarted);
    // printing and its check alone: what each machine of a sharded build spends on its share
    const printSeconds = (performance.now() - built) / 1000;
    if (checked.errors) throw new PrintError(`ตรวจ PDF พบข้อผิดพลาด ${checked.errors} รายการ (the print check found ${checked.errors} errors)`);
    // the pages' PDF links say how many pages and how large (nothing printed, nothing to say: the
    // scan of every page was 23 s of a --no-pdf build at N = 10,000)
    if (printed.length) {
      const { annotatePdfLinks } = await import('./pdf-links.ts');
      annotatePdfLinks(work, printed, site?.numerals !== 'arabic', join(work, INDEX_FOLDER));
    }
    const pdfPages = printed.reduce((a, r) => a + r.pages, 0);
    const fresh = printed.filter((r) => !r.cached).length;
    console.log(
      `build: PDF ${printed.length} ฉบับ ${pdfPages} หน้า พิมพ์ใหม่ ${fresh} ฉบับ (${printed.length} PDFs, ${pdfPages} pages; ${fresh} printed, ${printed.length - fresh} unchanged)`,
    );
    // a build of the site alone keeps the PDFs the pages link to (the previous build's, unchanged)
    if (options.noPdf && existsSync(join(outDir, 'pdf')) && !existsSync(join(work, 'pdf'))) cpSync(join(outDir, 'pdf'), join(work, 'pdf'), { recursive: true });
    swapIn(work, outDir);
    const done = performance.now();
    const seconds = ((done - started) / 1000).toFixed(1);
    const s = (a: number, b: number) => ((b - a) / 1000).toFixed(2);
    console.log(`build: สร้างเว็บไซต์ ${pages} หน้า ใน ${seconds} วินาที → ${relative(process.cwd(), outDir) || outDir}/ (built ${pages} pages in ${seconds}s)`);
    console.log(
      `build: timings validate=${s(started, validated)}s site=${s(started, built)}s pdf=${s(built, done)}s print=${printSeconds.toFixed(2)}s check=${checkSeconds.toFixed(2)}s`,
    );
    return 0;
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    const message = error instanceof Error && error.name === 'PrintError' ? error.message : ((error as Error).stack ?? String(error));
    console.error(`build: failed — ${message}\nThe previous output in ${outDir} is left as it was.`);
    return 1;
  }
}
