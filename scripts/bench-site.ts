/**
 * `npm run bench:site`: site build time for the seed corpus and for the corpus repeated ×50 under
 * generated ids, each beside plain Astro MDX builds made in the same run, as ratios (target ≤ 1.5×):
 * one with the same pages (the entries' pages and the print pages the PDFs are made from), one with
 * the entries' pages only. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listHtml } from '../src/search/build-index.ts';
import { INDEX_FOLDER } from '../src/search/node.ts';
import { plainProject, repeatCorpus } from '../tools/bench/corpus.ts';

const { values } = parseArgs({ options: { times: { type: 'string', default: '50' } } });
const root = resolve(import.meta.dirname, '..');
const work = join(root, '.khumue', 'bench');

function timed(cmd: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { seconds: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, cmd, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return { seconds: (performance.now() - start) / 1000, stdout: r.stdout };
}
const pagesIn = (dir: string) => listHtml(dir, join(dir, INDEX_FOLDER)).length;
const astroBin = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

const rows: string[] = [];
for (const [label, times] of [
  ['seed corpus', 0],
  [`seed corpus ×${values.times}`, Number(values.times)],
] as const) {
  const content = times ? join(work, `content-x${times}`) : join(root, 'content');
  if (times) repeatCorpus(join(root, 'content'), content, times);
  const plain = join(work, `plain-${times}`);
  plainProject(content, plain, { printSources: true });
  const plainEntries = join(work, `plain-entries-${times}`);
  plainProject(content, plainEntries);
  const out = join(work, `dist-${times}`);
  // warm-up runs are not counted: the first Astro start in a process tree pays for module loading
  const run = timed(['scripts/build.ts', '--content', content, '--out', out, '--no-pdf'], root);
  const ours = run.seconds;
  const base = timed([astroBin, 'build', '--silent'], plain).seconds;
  const entriesOnly = timed([astroBin, 'build', '--silent'], plainEntries).seconds;
  const pages = pagesIn(out);
  // where the time went, as build.ts reports it (without PDFs: bench:pdf measures printing)
  const t = /timings validate=([\d.]+)s site=([\d.]+)s/.exec(run.stdout);
  const phases = t ? `${t[1]} / ${t[2]} s` : '—';
  rows.push(
    `| ${label} | ${pages} | ${ours.toFixed(1)} s | ${phases} | ${(pages / ours).toFixed(0)} | ${pagesIn(join(plain, 'dist'))} pages, ${base.toFixed(1)} s | ${(ours / base).toFixed(2)}× | ${pagesIn(join(plainEntries, 'dist'))} pages, ${entriesOnly.toFixed(1)} s | ${(ours / entriesOnly).toFixed(2)}× |`,
  );
}
console.log('| corpus | khumue pages | khumue build | validate / site | pages/s | plain Astro MDX, same pages | ratio | plain, entry pages only | ratio |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
