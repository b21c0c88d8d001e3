/**
 * `npm test` type-checks the Astro components and pages too (astro check, strict): a type error put
 * into a component or a page of a scratch copy fails the check, naming the file and line; the
 * copy as it is passes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { freshClone } from '../helpers/fresh-clone.ts';

const dir = mkdtempSync(join(tmpdir(), 'khumue-typecheck-'));
const clone = freshClone(join(dir, 'repo'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = () => {
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'check'], { cwd: clone, encoding: 'utf8' });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's colour codes (ESC [ … m)
  return { status: r.status, stdout: `${r.stdout}${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
};

/** Puts `line` right after the opening `---` of an .astro file's frontmatter. */
function inject(file: string, line: string): () => void {
  const path = join(clone, file);
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, original.replace(/^---\n/, `---\n${line}\n`));
  return () => writeFileSync(path, original);
}

test('the scratch copy as it is passes', () => {
  const r = check();
  expect(r.status, r.stdout.slice(-3000)).toBe(0);
  expect(r.stdout).toMatch(/0 errors/);
}, 300_000);

test.each([
  ['a component', 'src/components/KpiCard.astro', "const wrong: number = 'ข้อความ';"],
  ['a page', 'src/pages/manuals/[id].astro', 'const missing: string = undefined;'],
  ['a layout', 'src/layouts/Print.astro', 'const n: number = Astro.props.nothing.length;'],
])(
  'a type error in %s fails it, naming the file',
  (_, file, line) => {
    const restore = inject(file, line);
    try {
      const r = check();
      expect(r.status).not.toBe(0);
      expect(r.stdout).toContain(file);
      expect(r.stdout).toMatch(/error ts\(\d+\)/);
    } finally {
      restore();
    }
  },
  300_000,
);
