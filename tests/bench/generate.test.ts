/** The generated benchmark corpus: valid, linked, and varied (not N copies of one file). */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { generateCorpus } from '../../tools/bench/generate.ts';
import { validateContent } from '../../src/validate/index.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'khumue-gen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('N manuals, each with a flowchart, a KPI, a plan and a mission; valid; varied; deterministic', () => {
  const content = join(dir, 'a');
  const made = generateCorpus(join(root, 'content'), content, 40);
  expect(made).toMatchObject({ manuals: 40, flowcharts: 40, plans: 40, kpis: 40, missions: 40 });
  const result = validateContent(content, root);
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const bodies = readdirSync(join(content, 'manuals')).map((f) =>
    readFileSync(join(content, 'manuals', f), 'utf8')
      .split('---\n')[2]!
      .replace(/\d{4}/g, ''),
  );
  expect(new Set(bodies).size).toBeGreaterThan(30);
  const again = join(dir, 'b');
  generateCorpus(join(root, 'content'), again, 40);
  expect(readFileSync(join(again, 'manuals', 'manual-0007.mdx'), 'utf8')).toBe(readFileSync(join(content, 'manuals', 'manual-0007.mdx'), 'utf8'));
});
