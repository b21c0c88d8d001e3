/**
 * `npm run build [-- --content DIR] [--out DIR] [--no-pdf] [--shard I/N]`
 * Validates (in a worker, while Astro renders): on any content error it stops before touching the
 * output folder. The site is built into a temporary folder next to it and swapped in only when
 * everything succeeded, so a failed build always leaves the previous output intact.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PrintJob } from '../src/print/render.ts';
import { identityFromEnv, signPdf, SigningError, type SigningIdentity } from '../src/print/sign.ts';
import type { Handbook, Manual } from '../src/schema/index.ts';
import { withBuildLock } from '../src/site/build-lock.ts';
import { historyOf } from '../src/site/git-history.ts';
import { partId, resolveHandbooks } from '../src/site/handbooks.ts';
import { formatProblems, type ValidationResult } from '../src/validate/index.ts';
import { listHtml } from '../src/search/build-index.ts';
import { INDEX_FOLDER } from '../src/search/node.ts';
import { indexWhileBuilding } from '../src/search/worker.ts';
import { fiscalYearRange } from '../src/thai/index.ts';
import { validateInWorker } from '../src/validate/worker.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist' },
      // the site alone, for `npm run bench:site` (PDF printing has its own benchmark)
      'no-pdf': { type: 'boolean', default: false },
      // print only every N-th document, starting with the I-th: CI machines share the printing
      shard: { type: 'string' },
    },
  });
  const shard = parseShard(values.shard);
  if (shard instanceof Error) {
    console.error(`build: ${shard.message}`);
    return 2;
  }
  const contentDir = resolve(values.content);
  const outDir = resolve(values.out);
  const started = performance.now();

  // Signing (KHUMUE_SIGN_P12 + KHUMUE_SIGN_PASSWORD): the identity is read first, so that a missing
  // file or a wrong password stops the build before anything is made; the approval pages then name
  // the signer from the certificate.
  let identity: SigningIdentity | undefined;
  try {
    identity = values['no-pdf'] ? undefined : identityFromEnv();
  } catch (error) {
    if (!(error instanceof SigningError)) throw error;
    console.error(`build: ${error.message}
ไม่ได้สร้างอะไร ${relative(process.cwd(), outDir) || outDir}/ ไม่ถูกแตะต้อง (nothing was built; the previous output is left as it was)`);
    return 1;
  }
  if (identity) process.env.KHUMUE_SIGNER = [identity.name, identity.organization].filter(Boolean).join(' ');
  else delete process.env.KHUMUE_SIGNER;

  // Work next to the output folder so that the final swap is a rename on the same disk.
  const work = join(dirname(outDir), `.${relative(dirname(outDir), outDir)}-build-${process.pid}`);
  // Astro's cache lives next to the output (and per content folder), so that builds side by side
  // never share one and a temporary output takes its cache with it.
  const key = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
  const cacheDir = join(dirname(outDir), `.${basename(outDir)}-cache-${key}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  process.env.KHUMUE_CONTENT_DIR = contentDir;

  // The content is checked in a worker on one core while Astro renders into the temporary folder on
  // the other. Astro stays silent: when the content has errors, the validator's report is the one
  // the author reads, and the half-made site is thrown away.
  const validation = validateInWorker(contentDir, process.cwd());
  // The search index is made by a third thread, reading each page as soon as Astro has written it.
  const search = indexWhileBuilding(work, join(contentDir, 'glossary.yaml'));
  const siteBuild = import('astro').then(({ build }) =>
    withBuildLock(root, () => build({ root, outDir: work, cacheDir, logLevel: process.env.KHUMUE_VERBOSE ? 'info' : 'silent' })),
  );
  siteBuild.catch(() => {}); // awaited below, after the validation report
  let result: Awaited<typeof validation>;
  try {
    result = await validation;
  } catch (error) {
    await Promise.all([siteBuild.catch(() => {}), search.cancel()]);
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  const validated = performance.now();
  if (result.problems.length) console.log(formatProblems(result.problems, 'text'));
  if (result.errorCount) {
    await Promise.all([siteBuild.catch(() => {}), search.cancel()]);
    rmSync(work, { recursive: true, force: true });
    console.error(`build: หยุดการสร้างเพราะเนื้อหามีข้อผิดพลาด ${relative(process.cwd(), outDir) || outDir}/ ไม่ถูกแตะต้อง (stopped: content has errors; the previous output is left as it was)`);
    return 1;
  }
  console.log(`build: ตรวจเนื้อหา ${result.fileCount} แฟ้มผ่าน (validated ${result.fileCount} files)`);

  try {
    await siteBuild.catch(async (error) => {
      await search.cancel();
      throw error;
    });
    const pages = listHtml(work, join(work, INDEX_FOLDER)).length;
    const indexed = await search.finish();
    console.log(`build: ดัชนีค้นหา ${indexed.pages} หน้า ${indexed.units} ส่วน (search index: ${indexed.pages} pages, ${indexed.units} units, ${(indexed.bytes / 1024).toFixed(0)} KB)`);
    const built = performance.now();
    // The official PDFs, printed from the built print pages before the output is swapped in.
    const { printDocuments } = await import('../src/print/render.ts');
    const all = values['no-pdf'] ? [] : printJobs(result.entries);
    // the print list is in a fixed order (manuals, then volumes, each by id), so shards never overlap
    const jobs = shard ? all.filter((_, k) => k % shard.of === shard.index - 1) : all;
    if (shard) console.log(`build: ชุดที่ ${shard.index}/${shard.of} พิมพ์ ${jobs.length} จาก ${all.length} ฉบับ (shard ${shard.index}/${shard.of}: ${jobs.length} of ${all.length} PDFs)`);
    const site = result.entries.find((e) => e.collection === 'site')?.data as { siteUrl?: string } | undefined;
    const printed = await printDocuments(work, jobs, { siteUrl: site?.siteUrl, progress: (line) => console.log(line), cacheDir: `${cacheDir}-pdf` });
    if (identity) {
      // the last step: every PDF signed by an incremental update (written next to it, then renamed)
      for (const r of printed) {
        const file = join(work, r.output);
        writeFileSync(`${file}.signing`, await signPdf(readFileSync(file), identity));
        renameSync(`${file}.signing`, file);
      }
      console.log(`build: ลงนาม PDF ${printed.length} ฉบับ โดย ${process.env.KHUMUE_SIGNER} (signed ${printed.length} PDFs)`);
    }
    const pdfPages = printed.reduce((a, r) => a + r.pages, 0);
    const fresh = printed.filter((r) => !r.cached).length;
    console.log(`build: PDF ${printed.length} ฉบับ ${pdfPages} หน้า พิมพ์ใหม่ ${fresh} ฉบับ (${printed.length} PDFs, ${pdfPages} pages; ${fresh} printed, ${printed.length - fresh} unchanged)`);
    swapIn(work, outDir);
    const done = performance.now();
    const seconds = ((done - started) / 1000).toFixed(1);
    const s = (a: number, b: number) => ((b - a) / 1000).toFixed(2);
    console.log(`build: สร้างเว็บไซต์ ${pages} หน้า ใน ${seconds} วินาที → ${relative(process.cwd(), outDir) || outDir}/ (built ${pages} pages in ${seconds}s)`);
    console.log(`build: timings validate=${s(started, validated)}s site=${s(started, built)}s pdf=${s(built, done)}s`);
    return 0;
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    console.error(`build: failed — ${(error as Error).stack ?? error}\nThe previous output in ${outDir} is left as it was.`);
    return 1;
  }
}

/** `--shard I/N` (1 ≤ I ≤ N): which share of the PDFs this machine prints. */
function parseShard(value: string | undefined): { index: number; of: number } | Error | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const of = Number(m?.[2]);
  if (!m || of < 1 || index < 1 || index > of) {
    return new Error(`--shard ต้องเป็น I/N โดย 1 ≤ I ≤ N เช่น --shard 2/4 แต่ได้รับ \`${value}\` (--shard takes I/N with 1 ≤ I ≤ N, e.g. --shard 2/4)`);
  }
  return { index, of };
}

/** One PDF per manual and one per handbook, with document information taken from the content. */
function printJobs(entries: ValidationResult['entries']): PrintJob[] {
  const byCollection = Map.groupBy(entries, (e) => e.collection);
  const all = (collection: string) => byCollection.get(collection) ?? [];
  const dataById = (collection: string) => new Map(all(collection).map((e) => [e.id, e.data as Record<string, unknown>]));
  const offices = dataById('offices');
  const missions = dataById('missions');
  const docs = (collection: string) => all(collection).map((e) => ({ id: e.id, data: e.data as { office: string }, body: e.body }));
  const handbookFiles = new Map(all('handbooks').map((e) => [e.id, e.file]));
  const handbooks = resolveHandbooks({
    manuals: docs('manuals'),
    plans: docs('plans'),
    kpis: docs('kpis'),
    flowcharts: docs('flowcharts'),
    offices: all('offices').map((e) => ({ id: e.id, data: e.data as { name: string } })),
    handbooks: all('handbooks').map((e) => ({ id: e.id, data: e.data as Handbook })),
  });
  // a volume's parts by id (a part names its document by id; handbooks are not parts)
  const partsById = Map.groupBy(
    entries.filter((e) => e.collection !== 'handbooks'),
    (e) => e.id,
  );
  const handbookJobs: PrintJob[] = handbooks.map((h) => {
    const file = handbookFiles.get(h.id);
    const history = file ? historyOf(file) : [];
    return {
      source: `/print/handbooks/${h.id}/`,
      output: `pdf/handbooks/${h.id}.pdf`,
      metadata: {
        title: [h.data.title, h.data.subtitle].filter(Boolean).join(' '),
        author: String(offices.get(h.data.office)?.name ?? h.data.office),
        subject: 'เล่มคู่มือ',
        keywords: h.data.contents.map((p) => partId(p)),
        // dated by the content: effective date, else its last revision, else the newest date of its parts
        date: h.data.effective ?? history[0]?.date ?? (h.data.fiscalYear ? fiscalYearRange(h.data.fiscalYear).start : newestDate(h.data.contents.flatMap((p) => partsById.get(partId(p)) ?? []))),
      },
    };
  });
  return [...manualJobs(all('manuals'), offices, missions), ...handbookJobs];
}

/** The newest content date among some entries (effective dates, else their last revision). */
function newestDate(entries: ValidationResult['entries']): string {
  const dates = entries
    .map((e) => (e.data as { effective?: string }).effective ?? historyOf(e.file)[0]?.date)
    .filter((d): d is string => Boolean(d))
    .sort();
  return dates[dates.length - 1] ?? '2000-01-01';
}

function manualJobs(manuals: ValidationResult['entries'], offices: Map<string, Record<string, unknown>>, missions: Map<string, Record<string, unknown>>): PrintJob[] {
  return [...manuals]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((e) => {
      const m = e.data as Manual;
      const history = historyOf(e.file);
      return {
        source: `/print/${e.id}/`,
        output: `pdf/${e.id}.pdf`,
        metadata: {
          title: [m.title, m.subtitle].filter(Boolean).join(' '),
          author: String(offices.get(m.office)?.name ?? m.office),
          subject: m.docType,
          keywords: [m.code, ...m.missions.map((id) => String(missions.get(id)?.title ?? id))].filter((k): k is string => Boolean(k)),
          // dated by its content, never by the clock: effective date, else last revision, else the fiscal year
          date: m.effective ?? history[0]?.date ?? (m.fiscalYear ? fiscalYearRange(m.fiscalYear).start : '2000-01-01'),
        },
      };
    });
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
