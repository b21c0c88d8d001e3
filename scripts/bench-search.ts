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
// first query transfers (targets: p95 ≤ 30 ms, first query ≤ 300 KB): tools/bench/search-browser.ts.
const { repeatCorpus } = await import('../tools/bench/corpus.ts');
const { measureSearch } = await import('../tools/bench/search-browser.ts');
const times = Number(process.env.KHUMUE_SEARCH_SCALE ?? 50);
const content = join(root, '.khumue', 'bench', `content-x${times}`);
repeatCorpus(join(root, 'content'), content, times);
const big = join(root, '.khumue', 'bench', `search-site-x${times}`);
const built = spawnSync(process.execPath, ['scripts/build.ts', '--content', content, '--out', big, '--no-pdf'], { cwd: root, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`build ×${times} failed:\n${built.stdout.slice(-2000)}\n${built.stderr.slice(-2000)}`);
const manifest = JSON.parse(readFileSync(join(big, 'search-index', 'manifest.json'), 'utf8')) as { pages: number; units: number; groups: string[] };
const m = await measureSearch(
  big,
  judged.map((j) => j.query),
);
console.log(`\nChromium, seed corpus ×${times}: ${manifest.pages} pages, ${manifest.units} units, ${manifest.groups.length} key groups`);
console.log('| measure | value | target |');
console.log('| --- | --- | --- |');
console.log(
  `| first query ("${m.firstQuery}"): transferred | ${(m.firstBytes / 1024).toFixed(0)} KB (${m.firstResults} results, ${m.firstMs.toFixed(1)} ms) | ≤ 300 KB |`,
);
console.log(`| any judged query, first time: most transferred | ${(m.coldBytes / 1024).toFixed(0)} KB | — |`);
console.log(`| query time p95, index open (${m.runs} runs) | ${m.p95.toFixed(1)} ms | ≤ 30 ms |`);
console.log(`| query time p95, fetching its shards (${judged.length} runs) | ${m.coldP95.toFixed(1)} ms | — |`);
