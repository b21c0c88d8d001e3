/**
 * Nothing of the sources is lost: for each seed, at least 97% of its distinct pieces (lines, cells)
 * with 12 or more Thai characters appear in the text of the built site, whitespace-insensitively.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { comparable, seedPieces, thaiLength } from '../helpers/seed-repair.ts';

const root = join(import.meta.dirname, '..', '..');
const seeds = join(root, 'tests', 'fixtures', 'seeds');
const tmp = mkdtempSync(join(tmpdir(), 'khumue-seeds-'));
const out = join(tmp, 'dist');
let siteText = '';

/** All text of the built site, tags removed and entities decoded. */
function textOf(dir: string): string {
  const parts: string[] = [];
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.html')) continue;
    const html = readFileSync(join(e.parentPath, e.name), 'utf8');
    parts.push(
      html
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
  }
  return comparable(parts.join('\n'));
}

beforeAll(() => {
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--content', 'content', '--out', out], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  siteText = textOf(out);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const files = readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe.each(files)('seed %s', (file) => {
  test('at least 97% of its lines of 12+ Thai characters are on the site', () => {
    const pieces = [...new Set(seedPieces(readFileSync(join(seeds, file), 'utf8')).filter((p) => thaiLength(p) >= 12))];
    const missing = pieces.filter((p) => !siteText.includes(comparable(p)));
    const ratio = 1 - missing.length / pieces.length;
    expect(pieces.length).toBeGreaterThan(5);
    expect(ratio, `${(ratio * 100).toFixed(1)}% of ${pieces.length}; missing:\n${missing.slice(0, 40).join('\n')}`).toBeGreaterThanOrEqual(0.97);
  });
});
