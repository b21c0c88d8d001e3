/**
 * `npm run build` on a small corpus: the site is built; a corpus with one error stops the build
 * before the output folder is touched, which then stays byte-identical.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { corpusWith, FIXTURES, VALID_CONTENT } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = corpusWith();
const out = join(corpus.dir, 'dist');
afterAll(() => corpus.cleanup());

function build() {
  return spawnSync(process.execPath, ['scripts/build.ts', '--content', corpus.content, '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Bangkok' },
  });
}

/** sha256 of every file in a folder, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    files[path.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

let first: ReturnType<typeof build>;
beforeAll(() => {
  first = build();
});

test('a valid corpus builds a page for every entry, in Thai', () => {
  expect(first.status, first.stderr + first.stdout).toBe(0);
  expect(first.stdout).toContain('validated 8 files');
  for (const page of [
    'index.html',
    'manuals/test-manual/index.html',
    'flowcharts/receive-letters/index.html',
    'plans/test-plan/index.html',
    'kpis/test-kpi/index.html',
    'offices/test-office/index.html',
    'missions/test-mission/index.html',
  ]) {
    expect(existsSync(join(out, page)), page).toBe(true);
  }
  const manual = readFileSync(join(out, 'manuals/test-manual/index.html'), 'utf8');
  expect(manual).toContain('<html lang="th"');
  expect(manual).toContain('๙ มีนาคม ๒๕๖๔'); // effective date in BE with Thai digits
  expect(manual).toContain('๑๓,๔๗๕'); // declared total, Thai digits
  expect(manual).toContain('เอกสารครบถ้วน?'); // the embedded flowchart table
  expect(manual).toContain('2.2267'.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)))); // KPI score
  expect(readdirSync(corpus.dir).filter((n) => n.includes('-build-'))).toEqual([]);
});

test('a corpus with one error stops before dist/ and leaves it byte-identical', () => {
  const before = snapshot(out);
  expect(Object.keys(before).length).toBeGreaterThan(7);
  cpSync(join(FIXTURES, 'broken', 'total-mismatch', 'content'), corpus.content, { recursive: true });
  const second = build();
  expect(second.status).toBe(1);
  expect(second.stdout).toContain('[total-mismatch]');
  expect(second.stderr).toContain('the previous output is left as it was');
  expect(snapshot(out)).toEqual(before);
  expect(readdirSync(corpus.dir).filter((n) => n.includes('-build-'))).toEqual([]);
});

test('a build of the site alone (--no-pdf) keeps the PDFs the pages link to', () => {
  expect(first.status).toBe(0);
  const before = readFileSync(join(out, 'pdf', 'test-manual.pdf'));
  // the valid corpus itself (the test above put an error into this file's copy)
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--content', VALID_CONTENT, '--out', out, '--no-pdf'], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  expect(readFileSync(join(out, 'pdf', 'test-manual.pdf')).equals(before)).toBe(true);
  expect(readFileSync(join(out, 'manuals/test-manual/index.html'), 'utf8')).toMatch(/href="(?:\/khumue)?\/pdf\/test-manual\.pdf"/);
});
