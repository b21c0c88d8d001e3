/**
 * `npm run bench [-- --sizes 1000,10000]`: the whole pipeline on generated corpora (npm run
 * bench:corpus) of N = 100 and N = 1,000 manuals (or the sizes given), each figure beside a
 * baseline measured in the same run on this machine, as a ratio; peak memory of each step. Writes
 * bench/results.md. Not part of `npm test`.
 *
 * Above LARGE manuals the baselines that would take most of the run (plain Astro, Pagefind) are
 * left out, and the PDFs are printed for one shard of PDF_SHARDS (`build --shard 1/50`, as a CI
 * machine of the content workflow prints them); the time of all of them is extrapolated from it
 * and says so.
 *
 * - validation: `npm run validate` over the corpus
 * - site: `npm run build -- --no-pdf` against `astro build` of a plain Astro MDX project with the same
 *   pages (every entry's page and the print pages the PDFs are made from), and of one with the
 *   entries' pages only
 * - search index: `npm run search -- --index` against Pagefind with its defaults over the same HTML
 * - PDF: the build's printing (manuals and handbooks, two-pass TOC, in parallel) against one plain
 *   `page.pdf()` per document, one after another, on a sample of the same print pages
 * - rebuild: the full build again after one manual changed (site and PDFs; unchanged PDFs from the cache)
 * - search in Chromium: what the first query transfers, query time p95, and the same result pages
 *   at every size for queries whose pages exist at every size (each manual's code)
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { listHtml } from '../src/search/build-index.ts';
import { INDEX_FOLDER } from '../src/search/node.ts';
import { plainProject } from '../tools/bench/corpus.ts';
import { generateCorpus } from '../tools/bench/generate.ts';
import { measureSearch, type SearchMeasure } from '../tools/bench/search-browser.ts';
import { parse as parseYaml } from 'yaml';
import { BROWSER_ARGS, requireBrowser } from '../src/print/find-browser.mjs';
import { serve } from '../src/print/serve.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '100,1000' }, sample: { type: 'string', default: '60' }, ci: { type: 'boolean', default: false } },
});

/** The ratios CI holds the build to: several times what bench/results.md records, so that only a real regression trips them. */
export const CI_BOUNDS = { site: 4, search: 1, pdf: 3, rebuild: 0.6 } as const;
const sizes = values.sizes.split(',').map(Number);
/** Above this many manuals: no plain-Astro or Pagefind baseline, PDFs for one shard of PDF_SHARDS. */
const LARGE = 3000;
const PDF_SHARDS = 50;
/** Search queries: a reader's first (the most common words of all), the judged ones, and each sampled manual's code. */
const judged = (parseYaml(readFileSync(join(root, 'tests', 'search', 'queries.yaml'), 'utf8')) as Array<{ query: string }>).map((q) => q.query);
const smallest = Math.min(...sizes);
const codeQueries = Array.from({ length: 20 }, (_, k) => Math.floor((k * smallest) / 20) + 1).map((i) => `คม-${String(i).padStart(4, '0')}`);
const queries = ['คู่มือการปฏิบัติงาน', ...judged, ...codeQueries];
const work = join(root, '.khumue', 'bench-all');
mkdirSync(work, { recursive: true });
const astroBin = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const started = performance.now();

interface Run {
  seconds: number;
  /** peak resident memory of the step's largest process, MiB */
  peakMiB: number;
  stdout: string;
}
/** Runs a command under GNU time for its peak memory; throws with its output when it fails. */
function run(cmd: string[], cwd = root, env: NodeJS.ProcessEnv = {}): Run {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...cmd], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  const kb = Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1] ?? 0);
  return { seconds, peakMiB: kb / 1024, stdout: r.stdout };
}
const node = (script: string, ...args: string[]) => [process.execPath, script, ...args];
const pagesIn = (dir: string) => listHtml(dir, join(dir, INDEX_FOLDER)).length;
const pdfPagesOf = (log: string) => Number(/PDFs?, (\d+) pages/.exec(log)?.[1] ?? /PDF \d+ ฉบับ (\d+) หน้า/.exec(log)?.[1] ?? 0);
const timing = (log: string, key: string) => Number(new RegExp(`${key}=([\\d.]+)s`).exec(log)?.[1] ?? NaN);

/** One plain page.pdf() per print page, one after another: pages per second. */
async function plainPdfRate(site: string, sources: string[]): Promise<{ pages: number; seconds: number }> {
  const server = await serve(site);
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), args: BROWSER_ARGS, headless: true });
  const t0 = performance.now();
  let pages = 0;
  try {
    for (const source of sources) {
      const page = await browser.newPage();
      await page.goto(server.origin + source, { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true });
      pages += (
        Buffer.from(pdf)
          .toString('latin1')
          .match(/\/Type\s*\/Page\b/g) ?? []
      ).length;
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { pages, seconds: (performance.now() - t0) / 1000 };
}

interface Row {
  n: number;
  files: number;
  validate: Run;
  site: Run;
  sitePages: number;
  plain: Run;
  plainPages: number;
  plainEntries: Run;
  plainEntryPages: number;
  search: Run;
  pagefind: Run;
  full: Run;
  pdfSeconds: number;
  checkSeconds: number;
  pdfPages: number;
  plainPdf: { pages: number; seconds: number };
  rebuild: Run;
  reprinted: string;
  /** PDFs printed for 1/shards of the documents (1: all of them) */
  shards: number;
  printedOf: string;
  /** the rebuild again with nothing changed: its PDF step is what each other shard's cache costs */
  idle?: Run;
  searchUi: SearchMeasure;
  large: boolean;
}
const rows: Row[] = [];

for (const n of sizes) {
  const dir = join(work, `n${n}`);
  rmSync(dir, { recursive: true, force: true });
  const content = join(dir, 'content');
  const made = generateCorpus(join(root, 'content'), content, n);
  console.log(`bench: N = ${n}: ${made.files} files`);

  const validate = run(node('scripts/validate.ts', '--content', content));
  console.log(`  validate ${validate.seconds.toFixed(1)} s`);

  const large = n > LARGE;
  // the same share of documents printed at each size from N = 1,000 (about 200)
  const shards = large ? PDF_SHARDS : n >= 1000 ? Math.round((PDF_SHARDS * n) / 10_000) || 1 : 1;
  const shardArgs = shards > 1 ? ['--shard', `1/${shards}`] : [];
  const fullOut = join(dir, 'dist');
  const siteOut = join(dir, 'site');
  const skipped: Run = { seconds: Number.NaN, peakMiB: Number.NaN, stdout: '' };
  let plain = skipped;
  let plainEntries = skipped;
  let pagefind = skipped;
  const plainDir = join(dir, 'plain');
  const plainEntriesDir = join(dir, 'plain-entries');
  const forPagefind = join(dir, 'site-pagefind');
  // the full build: site and every PDF (or one shard's), into its own folder (cold caches)
  const full = run(node('scripts/build.ts', '--content', content, '--out', fullOut, ...shardArgs));
  // at a large size the site row is the full build's site step (a second build of the site alone
  // would add a quarter of an hour and measure the same)
  const site = large ? { ...full, seconds: timing(full.stdout, 'site') } : run(node('scripts/build.ts', '--content', content, '--out', siteOut, '--no-pdf'));
  const builtSite = large ? fullOut : siteOut;
  const sitePages = pagesIn(builtSite);
  if (!large) {
    plainProject(content, plainDir, { printSources: true });
    plain = run([process.execPath, astroBin, 'build', '--silent'], plainDir);
    plainProject(content, plainEntriesDir);
    plainEntries = run([process.execPath, astroBin, 'build', '--silent'], plainEntriesDir);
  }
  console.log(
    `  site ${site.seconds.toFixed(1)} s (${sitePages} pages, ${Math.round(site.peakMiB)} MiB), plain Astro ${plain.seconds.toFixed(1)} s, entries only ${plainEntries.seconds.toFixed(1)} s`,
  );

  // the search index over the built HTML, ours and Pagefind's (into a copy of the site)
  if (!large) {
    cpSync(siteOut, forPagefind, { recursive: true });
    rmSync(join(forPagefind, 'search-index'), { recursive: true, force: true });
  }
  const search = run(node('scripts/search.ts', '--index', builtSite));
  if (!large) pagefind = run([process.execPath, join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', forPagefind, '--quiet']);
  console.log(`  search index ${search.seconds.toFixed(1)} s, Pagefind ${pagefind.seconds.toFixed(1)} s`);
  const searchUi = await measureSearch(builtSite, queries);
  console.log(`  search in Chromium: first query ${(searchUi.firstBytes / 1024).toFixed(0)} KB, p95 ${searchUi.p95.toFixed(1)} ms`);

  const printedOf = /shard 1\/\d+: (\d+ of \d+) PDFs/.exec(full.stdout)?.[1] ?? 'all';
  // printing, without the print check that follows it (reported on its own row)
  const checkSeconds = timing(full.stdout, 'check') || 0;
  const pdfSeconds = timing(full.stdout, 'pdf') - checkSeconds;
  const pdfPages = pdfPagesOf(full.stdout);
  console.log(`  full build ${full.seconds.toFixed(1)} s: PDF ${pdfPages} pages in ${pdfSeconds.toFixed(1)} s (${printedOf})`);
  const printed = new Set(readdirSync(join(fullOut, 'pdf'), { recursive: true }).map((f) => String(f).replace(/\.pdf$/, '')));
  const printSources = [
    ...readdirSync(join(fullOut, 'print'))
      .filter((d) => d !== 'handbooks' && printed.has(d))
      .map((d) => `/print/${d}/`),
    ...readdirSync(join(fullOut, 'print', 'handbooks'))
      .filter((d) => printed.has(`handbooks/${d}`))
      .map((d) => `/print/handbooks/${d}/`),
  ];
  const every = Math.max(1, Math.floor(printSources.length / Number(values.sample)));
  const plainPdf = await plainPdfRate(
    fullOut,
    printSources.filter((_, i) => i % every === 0),
  );

  // one manual changes; build again (the manual is in the first shard: the print list is by id)
  const changed = join(content, 'manuals', 'manual-0001.mdx');
  appendFileSync(changed, '\nเพิ่มเติม: ปรับปรุงขั้นตอนตามหนังสือสั่งการล่าสุด\n');
  const rebuild = run(node('scripts/build.ts', '--content', content, '--out', fullOut, ...shardArgs));
  const reprinted = /พิมพ์ใหม่ (\d+) ฉบับ/.exec(rebuild.stdout)?.[1] ?? '?';
  console.log(`  rebuild ${rebuild.seconds.toFixed(1)} s (${reprinted} PDFs printed again)`);
  // with one shard printed, the others' cache costs what this shard's costs with nothing changed
  const idle = shards > 1 ? run(node('scripts/build.ts', '--content', content, '--out', fullOut, ...shardArgs)) : undefined;
  rows.push({
    n,
    files: made.files,
    validate,
    site,
    sitePages,
    plain,
    plainPages: large ? 0 : pagesIn(join(plainDir, 'dist')),
    plainEntries,
    plainEntryPages: large ? 0 : pagesIn(join(plainEntriesDir, 'dist')),
    search,
    pagefind,
    full,
    pdfSeconds,
    checkSeconds,
    pdfPages,
    plainPdf,
    rebuild,
    reprinted,
    shards,
    printedOf,
    idle,
    searchUi,
    large,
  });
  // what the next size needs is on disk no more: the corpus, the builds (gigabytes at N = 10,000)
  rmSync(dir, { recursive: true, force: true });
}

// ── the report
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);
const mib = (x: number) => `${Math.round(x)} MiB`;
const version = (bin: string, args: string[]) => spawnSync(bin, args, { encoding: 'utf8' }).stdout.trim().split('\n')[0];
const astroVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version;
const lines: string[] = [];
lines.push('# Benchmark results (`npm run bench`)', '');
lines.push(`- date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
lines.push(`- machine: ${cpus()[0]?.model ?? '?'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);
lines.push(
  `- Node ${process.version}, Astro ${astroVersion}, ${version(requireBrowser(), ['--version'])}, Pagefind ${version(process.execPath, [join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--version'])}`,
);
lines.push(`- corpora: \`npm run bench:corpus -- --manuals N\` (each manual with a flowchart, a KPI, a plan and a mission; about 20 manuals per office)`);
lines.push('');
lines.push('| N manuals | files | step | khumue | baseline (same run) | ratio | rate | peak memory |');
lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
/** The full build's time with every PDF printed: measured, or (one shard printed) the build + the other shards' printing and print check (each as long as this shard's). */
const fullSeconds = (r: Row) => (r.shards > 1 ? r.full.seconds + (r.shards - 1) * (timing(r.full.stdout, 'print') || 0) : r.full.seconds);
/** The rebuild's time with every shard's cache looked up: measured, plus the other shards' share (the idle rebuild's printing step, all from the cache). */
const rebuildSeconds = (r: Row) => (r.idle ? r.rebuild.seconds + (r.shards - 1) * (timing(r.idle.stdout, 'print') || 0) : r.rebuild.seconds);
const notRun = `not run above N = ${LARGE} (it alone would take longer than the rest)`;
for (const r of rows) {
  const pdfRate = r.pdfPages / r.pdfSeconds;
  const plainRate = r.plainPdf.pages / r.plainPdf.seconds;
  const shardNote = r.shards > 1 ? ` (shard 1/${r.shards}: ${r.printedOf} documents)` : '';
  lines.push(
    `| ${r.n} | ${r.files} | validation | ${f1(r.validate.seconds)} s | — | — | ${Math.round(r.files / r.validate.seconds)} files/s | ${mib(r.validate.peakMiB)} |`,
  );
  lines.push(
    r.large
      ? `| ${r.n} | ${r.files} | site build (the full build's site step: validation, Astro, search index) | ${f1(r.site.seconds)} s, ${r.sitePages} pages | plain Astro MDX: ${notRun} | — | ${Math.round(r.sitePages / r.site.seconds)} pages/s, ${f1((1000 * r.site.seconds) / r.n)} ms per manual | ${mib(r.site.peakMiB)} (the whole build's process) |`
      : `| ${r.n} | ${r.files} | site build (no PDF) | ${f1(r.site.seconds)} s, ${r.sitePages} pages | plain Astro MDX, the same pages: ${f1(r.plain.seconds)} s, ${r.plainPages} pages, ${mib(r.plain.peakMiB)} | ${f2(r.site.seconds / r.plain.seconds)}× | ${Math.round(r.sitePages / r.site.seconds)} pages/s, ${f1((1000 * r.site.seconds) / r.n)} ms per manual | ${mib(r.site.peakMiB)} |`,
  );
  if (!r.large)
    lines.push(
      `| ${r.n} | ${r.files} | site build (no PDF) | (the same run) | plain Astro MDX, entry pages only (no print pages): ${f1(r.plainEntries.seconds)} s, ${r.plainEntryPages} pages | ${f2(r.site.seconds / r.plainEntries.seconds)}× | — | — |`,
    );
  lines.push(
    r.large
      ? `| ${r.n} | ${r.files} | search index | ${f1(r.search.seconds)} s | Pagefind: ${notRun} | — | — | ${mib(r.search.peakMiB)} |`
      : `| ${r.n} | ${r.files} | search index | ${f1(r.search.seconds)} s | Pagefind ${f1(r.pagefind.seconds)} s | ${f2(r.search.seconds / r.pagefind.seconds)}× | — | ${mib(r.search.peakMiB)} |`,
  );
  lines.push(
    `| ${r.n} | ${r.files} | search in Chromium | first query ("${r.searchUi.firstQuery}", ${r.searchUi.firstResults} results) transfers ${(r.searchUi.firstBytes / 1024).toFixed(0)} KB; any query's first run at most ${(r.searchUi.coldBytes / 1024).toFixed(0)} KB; p95 ${f1(r.searchUi.p95)} ms with its files loaded (${r.searchUi.runs} runs of ${queries.length} queries) | — | — | — | — |`,
  );
  lines.push(
    `| ${r.n} | ${r.files} | PDF printing${shardNote} | ${f1(r.pdfSeconds)} s, ${r.pdfPages} pages | plain page.pdf() ${f1(plainRate)} pages/s (${r.plainPdf.pages} pages sampled) | ${f2(plainRate / pdfRate)}× | ${f1(pdfRate)} pages/s | — |`,
  );
  lines.push(
    `| ${r.n} | ${r.files} | print check (every PDF read as a reader would, re-prints of sparse pages)${shardNote} | ${f1(r.checkSeconds)} s | — | — | ${f1(r.pdfPages / Math.max(r.checkSeconds, 0.001))} pages/s | — |`,
  );
  lines.push(
    r.shards > 1
      ? `| ${r.n} | ${r.files} | full build (site + PDF) | ${f1(r.full.seconds)} s with shard 1/${r.shards} of the PDFs; every PDF on this machine: ${f1(fullSeconds(r))} s (extrapolated: + ${r.shards - 1} × the shard's printing and print check, ${f1(timing(r.full.stdout, 'print'))} s) | — | — | ${f2(fullSeconds(r) / r.n)} s per manual (extrapolated) | ${mib(r.full.peakMiB)} |`
      : `| ${r.n} | ${r.files} | full build (site + PDF) | ${f1(r.full.seconds)} s | — | — | ${f2(r.full.seconds / r.n)} s per manual | ${mib(r.full.peakMiB)} |`,
  );
  const rendered = /rendered (\d+) pages, (\d+) unchanged/.exec(r.rebuild.stdout);
  const renderNote = rendered ? `, ${rendered[1]} pages rendered and ${rendered[2]} copied unchanged` : '';
  lines.push(
    r.idle
      ? `| ${r.n} | ${r.files} | rebuild after one changed manual | ${f1(r.rebuild.seconds)} s with shard 1/${r.shards}${renderNote}, ${r.reprinted} PDFs printed again; with the other shards' caches looked up: ${f1(rebuildSeconds(r))} s (+ ${r.shards - 1} × ${f1(timing(r.idle.stdout, 'print') || 0)} s, a shard's printing step when nothing changed) | full build ${f1(fullSeconds(r))} s (extrapolated) | ${f3(rebuildSeconds(r) / fullSeconds(r))}× | — | ${mib(r.rebuild.peakMiB)} |`
      : `| ${r.n} | ${r.files} | rebuild after one changed manual | ${f1(r.rebuild.seconds)} s${renderNote}, ${r.reprinted} PDFs printed again | full build ${f1(r.full.seconds)} s | ${f3(r.rebuild.seconds / r.full.seconds)}× | — | ${mib(r.rebuild.peakMiB)} |`,
  );
}
if (rows.length >= 2) {
  const [a, b] = [rows[0]!, rows[rows.length - 1]!];
  // the site step of the full build at every size (validation, Astro, search index)
  const perManual = (r: Row) => timing(r.full.stdout, 'site') / r.n;
  lines.push(
    '',
    `Cost growth: the full build's site step per manual ${f1(1000 * perManual(b))} ms at N = ${b.n} vs ${f1(1000 * perManual(a))} ms at N = ${a.n}: ${f2(perManual(b) / perManual(a))}×; full build per manual ${f2(fullSeconds(b) / b.n)} s vs ${f2(fullSeconds(a) / a.n)} s: ${f2(fullSeconds(b) / b.n / (fullSeconds(a) / a.n))}×.`,
  );
  // the same pages for queries whose pages exist at every size (each manual's code)
  const same = codeQueries.filter((q) => JSON.stringify(a.searchUi.results[q]) === JSON.stringify(b.searchUi.results[q]));
  const differ = codeQueries.filter((q) => !same.includes(q));
  lines.push(
    '',
    `Search results at N = ${b.n} and N = ${a.n} for the ${codeQueries.length} manuals' codes (pages that exist at both sizes): ${same.length} of ${codeQueries.length} identical${differ.length ? `; different: ${differ.map((q) => `${q} (${a.searchUi.results[q]?.join(', ')} / ${b.searchUi.results[q]?.join(', ')})`).join('; ')}` : ''}.`,
  );
}
lines.push(
  '',
  `Peak memory is the largest resident set of one process of the step (GNU time); Chromium's own processes are not included. The whole run took ${f1((performance.now() - started) / 60000)} minutes.`,
);
console.log(lines.join('\n'));
if (!values.ci) {
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results.md'), `${lines.join('\n')}\n`);
} else {
  // the ratios against their bounds: the log and the job summary say which, and the step fails only past one
  const checks = rows.flatMap((r) => [
    { what: `N = ${r.n} site build / plain Astro`, ratio: r.site.seconds / r.plain.seconds, bound: CI_BOUNDS.site },
    { what: `N = ${r.n} search index / Pagefind`, ratio: r.search.seconds / r.pagefind.seconds, bound: CI_BOUNDS.search },
    {
      what: `N = ${r.n} plain page.pdf() rate / PDF printing rate`,
      ratio: r.plainPdf.pages / r.plainPdf.seconds / (r.pdfPages / r.pdfSeconds),
      bound: CI_BOUNDS.pdf,
    },
    { what: `N = ${r.n} rebuild / full build`, ratio: r.rebuild.seconds / r.full.seconds, bound: CI_BOUNDS.rebuild },
  ]);
  const verdict = checks.map((c) => `- ${c.ratio <= c.bound ? 'ผ่าน (ok)' : 'เกินเกณฑ์ (over)'}: ${c.what} = ${f2(c.ratio)}× (bound ${c.bound}×)`);
  console.log(['', 'bench --ci: อัตราส่วนเทียบกับเกณฑ์ (ratios against their bounds):', ...verdict].join('\n'));
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${lines.join('\n')}\n\n${verdict.join('\n')}\n`);
  const over = checks.filter((c) => c.ratio > c.bound);
  if (over.length) {
    console.error(`bench --ci: ${over.length} อัตราส่วนเกินเกณฑ์ (${over.length} ratios past their bounds): ${over.map((c) => c.what).join('; ')}`);
    process.exitCode = 1;
  }
}
