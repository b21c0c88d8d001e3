/**
 * A chart drawn twice on one page — its diagram and its table — gives no HTML id twice and one
 * search unit per step (the first drawing's).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { corpusWith } from '../helpers/corpus.ts';

const corpus = corpusWith();
const manual = join(corpus.content, 'manuals', 'test-manual.mdx');
writeFileSync(
  manual,
  readFileSync(manual, 'utf8').replace('<FlowTable id="receive-letters" />', '<FlowChart id="receive-letters" />\n\n<FlowTable id="receive-letters" />'),
);
const site = buildSite(corpus.content, { pdf: false });
afterAll(() => {
  site.cleanup();
  corpus.cleanup();
});

test('diagram and table of one flowchart on a page: every id once', () => {
  const html = readFileSync(join(site.out, 'manuals', 'test-manual', 'index.html'), 'utf8');
  expect(html).toContain('class="flow-chart"');
  expect(html).toContain('class="flow-table');
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  expect(ids).toContain('flowchart-receive-letters');
  expect(ids).toContain('flowchart-receive-letters-2');
  const units = [...html.matchAll(/<tr id="step-[^"]+" data-search-unit/g)].length;
  const steps = [...html.matchAll(/<tr id="step-[^"]+"/g)].length;
  expect(units * 2).toBe(steps);
});
