/**
 * `npm run build -- --shard I/N`: CI machines share the PDF printing. Every document is printed by
 * exactly one shard, and a shard's PDF is the very file an unsharded build prints.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';

const root = join(import.meta.dirname, '..', '..');
const content = join(root, 'content');
const shards = [1, 2].map((i) => buildSite(content, { args: ['--shard', `${i}/2`] }));
afterAll(() => shards.forEach((s) => s.cleanup()));

const pdfsIn = (out: string) =>
  readdirSync(join(out, 'pdf'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.pdf'))
    .sort();

test('the shards print disjoint halves that together are every document', () => {
  const [a, b] = shards.map((s) => pdfsIn(s.out));
  const printSources = [
    ...readdirSync(join(shards[0]!.out, 'print'))
      .filter((d) => d !== 'handbooks')
      .map((d) => `${d}.pdf`),
    ...readdirSync(join(shards[0]!.out, 'print', 'handbooks')).map((d) => `handbooks/${d}.pdf`),
  ].sort();
  expect(printSources.length).toBeGreaterThan(4);
  expect(a!.filter((f) => b!.includes(f))).toEqual([]);
  expect([...a!, ...b!].sort()).toEqual(printSources);
  expect(Math.abs(a!.length - b!.length)).toBeLessThanOrEqual(1);
  expect(shards[0]!.stdout).toContain(`shard 1/2: ${a!.length} of ${printSources.length} PDFs`);
});

test('a shard prints the same bytes as the whole build', () => {
  const whole = buildSite(content);
  try {
    for (const s of shards)
      for (const f of pdfsIn(s.out)) expect(readFileSync(join(s.out, 'pdf', f)).equals(readFileSync(join(whole.out, 'pdf', f))), f).toBe(true);
  } finally {
    whole.cleanup();
  }
}, 120_000);

test('a malformed --shard is a tool error in Thai and English, before anything is built', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khumue-shard-'));
  try {
    for (const bad of ['3/2', '0/2', 'x', '1/0']) {
      const r = spawnSync(process.execPath, ['scripts/build.ts', '--out', join(dir, 'dist'), '--shard', bad], { cwd: root, encoding: 'utf8' });
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toContain('--shard ต้องเป็น I/N');
      expect(r.stderr).toContain('--shard takes I/N');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, 'dist'))).toBe(false);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
