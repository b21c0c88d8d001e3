/**
 * Printing spread over machines: three `build --shard I/3` outputs assembled by `npm run assemble`
 * are, file for file and byte for byte, what one unsharded build writes; a missing shard or shards
 * of different content stop it and leave the previous output as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { corpusWith } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = corpusWith();
// five documents to print (four manuals and their office's volume), so that each of three shards prints some
const manual = readFileSync(join(corpus.content, 'manuals', 'test-manual.mdx'), 'utf8');
for (const k of [2, 3, 4])
  writeFileSync(join(corpus.content, 'manuals', `test-manual-${k}.mdx`), manual.replaceAll('costs', `costs${k}`).replace('code: TST-001', `code: TST-00${k}`));
const whole = buildSite(corpus.content);
const shards = [1, 2, 3].map((i) => buildSite(corpus.content, { args: ['--shard', `${i}/3`] }));
afterAll(() => {
  for (const s of [whole, ...shards]) s.cleanup();
  corpus.cleanup();
});

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
const assembleInto = (out: string, dirs: string[]) =>
  spawnSync(process.execPath, ['scripts/assemble.ts', '--out', out, '--content', corpus.content, ...dirs], { cwd: root, encoding: 'utf8' });

test('three shards assembled are the single build, byte for byte', () => {
  // each shard printed only its share, so its pages name only those PDFs' sizes
  const printed = shards.map((s) => files(s.out).filter((f) => f.endsWith('.pdf')));
  expect(printed.every((p) => p.length >= 1)).toBe(true);
  const out = join(corpus.dir, 'assembled');
  const r = assembleInto(
    out,
    shards.map((s) => s.out),
  );
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('3 shards');
  const a = files(out);
  expect(a).toEqual(files(whole.out));
  const differ = a.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(whole.out, f))));
  expect(differ).toEqual([]);
  // the pages say how large each PDF is, as the single build's do
  expect(readFileSync(join(out, 'manuals', 'test-manual', 'index.html'), 'utf8')).toMatch(/<span class="pdf-info"> \([๐-๙]+ หน้า, [๐-๙]+ KB\)<\/span>/);
});

test('a missing shard, or shards of different content, stop the assembly and leave the output as it was', () => {
  const out = join(corpus.dir, 'kept');
  cpSync(whole.out, out, { recursive: true });
  writeFileSync(join(out, 'marker.txt'), 'previous output\n');
  const missing = assembleInto(
    out,
    shards.slice(0, 2).map((s) => s.out),
  );
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain('ขาด PDF');
  expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous output\n');
  // a shard of other content: its site files differ
  const other = join(corpus.dir, 'other-shard');
  cpSync(shards[2]!.out, other, { recursive: true });
  const css = files(other).find((f) => f.endsWith('.json'))!;
  writeFileSync(join(other, css), `${readFileSync(join(other, css), 'utf8')} `);
  const mixed = assembleInto(out, [shards[0]!.out, shards[1]!.out, other]);
  expect(mixed.status).toBe(1);
  expect(mixed.stderr).toContain('different content');
  expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous output\n');
});
