/**
 * `npm run bench:pdf`: pages per second of the official PDFs — the seed corpus's manuals, its
 * handbooks (every volume of the seed corpus), and a ~300-page volume — end to end (two-pass TOC,
 * document information, parallel printing bounded by cores, the print check), each beside one plain `page.pdf()`
 * per document of the same HTML in the same run, as a ratio. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, requireBrowser } from '../src/print/find-browser.mjs';
import { checkPdf } from '../src/print/check.ts';
import { printDocuments, type PrintJob } from '../src/print/render.ts';
import { serve } from '../src/print/serve.ts';

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.khumue', 'bench-pdf');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// the seed corpus plus one long volume: the PMQA profile's body nine times over
const content = join(work, 'content');
cpSync(join(root, 'content'), content, { recursive: true });
const pmqa = readFileSync(join(content, 'manuals', 'opm-organization-profile-2561.mdx'), 'utf8');
const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(pmqa)!;
// in an office of its own, so that its default volume stays out of the seed corpus's handbooks
writeFileSync(join(content, 'offices', 'bench-office.yaml'), 'name: หน่วยงานทดสอบความเร็ว\n');
writeFileSync(
  join(content, 'manuals', 'bench-volume.mdx'),
  `---\n${front
    .replace(/^title: .*$/m, 'title: "เล่มทดสอบความเร็ว"')
    .replace(/^office: .*$/m, 'office: bench-office')
    .replace(/^missions:.*(\n\s+- .*)*$/m, 'missions: []')}\n---\n${Array.from({ length: 9 }, () => body).join('\n')}`,
);

const out = join(work, 'dist');
const built = spawnSync(process.execPath, ['scripts/build.ts', '--content', content, '--out', out], { cwd: root, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`build failed:\n${built.stdout.slice(-3000)}\n${built.stderr}`);

const ids = readdirSync(join(out, 'print'))
  .filter((d) => d !== 'handbooks')
  .sort();
const handbooks = readdirSync(join(out, 'print', 'handbooks')).sort();
const job = (id: string): PrintJob => ({
  source: `/print/${id}/`,
  output: `bench/${id.replace(/\//g, '-')}.pdf`,
  metadata: { title: id, author: 'bench', subject: 'bench', keywords: [], date: '2021-01-01' },
});

async function plain(jobs: PrintJob[]): Promise<number> {
  const server = await serve(out);
  const start = performance.now();
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), args: BROWSER_ARGS, headless: true });
  for (const j of jobs) {
    const page = await browser.newPage();
    await page.goto(server.origin + j.source, { waitUntil: 'load' });
    await page.pdf({ preferCSSPageSize: true });
    await page.close();
  }
  await browser.close();
  const seconds = (performance.now() - start) / 1000;
  await server.close();
  return seconds;
}

console.log('| volume | pages | khumue (layout, two-pass TOC, metadata, print check) | pages/s | plain page.pdf() | ratio |');
console.log('| --- | --- | --- | --- | --- | --- |');
const sets: Array<[string, PrintJob[]]> = [
  ['seed corpus manuals', ids.filter((i) => i !== 'bench-volume').map(job)],
  ['seed corpus handbooks', handbooks.filter((h) => !h.includes('bench')).map((h) => job(`handbooks/${h}`))],
  ['long volume', [job('bench-volume')]],
];
for (const [label, jobs] of sets) {
  const start = performance.now();
  const results = await printDocuments(out, jobs);
  // the build's print check reads every PDF it printed: part of what a PDF costs
  const problems = (await Promise.all(jobs.map((j, i) => checkPdf(join(out, j.output), { pdf: j.output, known: results[i] })))).flat();
  const ours = (performance.now() - start) / 1000;
  if (problems.length) console.log(`  print check: ${problems.length} problems (${[...new Set(problems.map((p) => p.code))].join(', ')})`);
  const base = await plain(jobs);
  const pages = results.reduce((a, r) => a + r.pages, 0);
  console.log(`| ${label} | ${pages} | ${ours.toFixed(2)} s | ${(pages / ours).toFixed(0)} | ${base.toFixed(2)} s | ${(ours / base).toFixed(2)}× |`);
}
