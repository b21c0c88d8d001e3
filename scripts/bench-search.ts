/**
 * `npm run bench:search [-- --site DIR]`: recall@10, MRR@10 and the precision of the shown top 5 on
 * the project's judged queries (tests/search/queries.yaml) over the seed site (built into
 * .khumue/bench/search-site unless --site names a built site), by query kind, with the misses.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { evaluate, type Judged } from '../src/search/evaluate.ts';
import { openSiteIndex } from '../src/search/node.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { site: { type: 'string' }, queries: { type: 'string', default: join(root, 'tests', 'search', 'queries.yaml') } } });
let site = values.site;
if (!site) {
  site = join(root, '.khumue', 'bench', 'search-site');
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--out', site, '--no-pdf'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
}
const judged = parse(readFileSync(values.queries, 'utf8')) as Judged[];
const result = await evaluate(await openSiteIndex(site), judged);
const f = (n: number) => n.toFixed(3);
console.log(`${judged.length} judged queries over ${site}`);
console.log('| set | queries | recall@10 | MRR@10 | precision of shown top 5 |');
console.log('| --- | --- | --- | --- | --- |');
console.log(`| all | ${judged.length} | ${f(result.recall10)} | ${f(result.mrr10)} | ${f(result.precision5)} |`);
for (const kind of [...new Set(judged.map((j) => j.kind))].sort()) {
  const qs = result.queries.filter((q) => q.kind === kind);
  const m = (g: (q: (typeof qs)[number]) => number) => f(qs.reduce((a, q) => a + g(q), 0) / qs.length);
  console.log(`| ${kind} | ${qs.length} | ${m((q) => q.recall)} | ${m((q) => q.reciprocalRank)} | ${m((q) => q.precision5)} |`);
}
const weak = result.queries.filter((q) => q.recall < 1 || q.reciprocalRank < 1 || q.precision5 < 1);
if (weak.length) console.log('\nnot perfect:');
for (const q of weak) {
  console.log(`- "${q.query}" recall ${f(q.recall)} rr ${f(q.reciprocalRank)} p5 ${f(q.precision5)}`);
  console.log(`    got: ${q.results.join(', ') || '(nothing)'}\n    want: ${q.relevant.join(', ')}`);
}

// ── In Chromium, on the seed corpus repeated ×N: time per query once the index is open, and what the
// first query transfers (targets: p95 ≤ 30 ms, first query ≤ 300 KB).
const { repeatCorpus } = await import('../tools/bench/corpus.ts');
const { default: puppeteer } = await import('puppeteer-core');
const { BROWSER_ARGS, requireBrowser } = await import('../src/print/find-browser.mjs');
const { serve } = await import('../src/print/serve.ts');
const times = Number(process.env.KHUMUE_SEARCH_SCALE ?? 50);
const content = join(root, '.khumue', 'bench', `content-x${times}`);
repeatCorpus(join(root, 'content'), content, times);
const big = join(root, '.khumue', 'bench', `search-site-x${times}`);
const built = spawnSync(process.execPath, ['scripts/build.ts', '--content', content, '--out', big, '--no-pdf'], { cwd: root, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`build ×${times} failed:\n${built.stdout.slice(-2000)}\n${built.stderr.slice(-2000)}`);
const manifest = JSON.parse(readFileSync(join(big, 'search-index', 'manifest.json'), 'utf8')) as { pages: number; units: number; groups: string[] };
const server = await serve(big);
const browser = await puppeteer.launch({ executablePath: requireBrowser(), args: BROWSER_ARGS, headless: true });
try {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  await page.goto(`${server.origin}/search/`, { waitUntil: 'networkidle0' });
  const type = (q: string) =>
    page.evaluate(async (query) => {
      const run = (globalThis as unknown as { khumueSearch: (q: string, n: number) => Promise<unknown[]> }).khumueSearch;
      const t0 = performance.now();
      const r = await run(query, 10);
      return { ms: performance.now() - t0, n: r.length };
    }, q);
  const firstQuery = judged[0]!.query;
  bytes = 0;
  const first = await type(firstQuery);
  await new Promise((r) => setTimeout(r, 200));
  const firstBytes = bytes;
  // every judged query once (shards arrive as needed), then timed again with them in the cache
  let coldBytes = 0;
  const cold: number[] = [];
  for (const j of judged) {
    bytes = 0;
    cold.push((await type(j.query)).ms);
    coldBytes = Math.max(coldBytes, bytes);
  }
  const warm: number[] = [];
  for (let round = 0; round < 5; round++) for (const j of judged) warm.push((await type(j.query)).ms);
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
  console.log(`\nChromium, seed corpus ×${times}: ${manifest.pages} pages, ${manifest.units} units, ${manifest.groups.length} key groups`);
  console.log('| measure | value | target |');
  console.log('| --- | --- | --- |');
  console.log(
    `| first query ("${firstQuery}"): transferred | ${(firstBytes / 1024).toFixed(0)} KB (${first.n} results, ${first.ms.toFixed(1)} ms) | ≤ 300 KB |`,
  );
  console.log(`| any judged query, first time: most transferred | ${(coldBytes / 1024).toFixed(0)} KB | — |`);
  console.log(`| query time p95, index open (${warm.length} runs) | ${p95(warm).toFixed(1)} ms | ≤ 30 ms |`);
  console.log(`| query time p95, fetching its shards (${cold.length} runs) | ${p95(cold).toFixed(1)} ms | — |`);
} finally {
  await browser.close();
  await server.close();
}
