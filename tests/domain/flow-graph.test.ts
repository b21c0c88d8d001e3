/**
 * One flowchart graph (src/domain/flow-graph.ts) for the validator and the renderers: a chart
 * the validator passes has an arrow into every step but the first, and the steps it calls
 * unreachable are exactly the ones no arrow is drawn into.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/content/frontmatter.ts';
import { readYamlData } from '../../src/content/yaml.ts';
import { edgesOf } from '../../src/diagram/flow-table.ts';
import { flowGraph } from '../../src/domain/flow-graph.ts';
import { FlowchartSchema } from '../../src/content/schema/index.ts';
import { checkFlowchart } from '../../src/validate/rules/flowchart.ts';
import { SourceFile } from '../../src/validate/source-file.ts';

const root = join(import.meta.dirname, '..', '..');
const charts = [
  'content/flowcharts',
  'tests/fixtures/valid/content/flowcharts',
  'tests/fixtures/broken/next-on-decision/content/flowcharts',
  'tests/fixtures/broken/unreachable-step/content/flowcharts',
]
  .flatMap((d) => readdirSync(join(root, d)).map((f) => join(d, f)))
  .filter((f) => f.endsWith('.mdx'));

describe('the validator and the renderer read a chart the same way', () => {
  test.each(charts)('%s', (file) => {
    const split = splitFrontmatter(readFileSync(join(root, file), 'utf8'));
    if (!split.ok) throw new Error(file);
    const chart = FlowchartSchema.parse(readYamlData(split.yaml));
    const source = new SourceFile(file, file);
    checkFlowchart(source, chart);
    const unreachable = new Set(source.problems.filter((p) => p.code === 'unreachable-step').map((p) => Number(/steps\[(\d+)\]/.exec(p.field)![1])));
    const drawnInto = new Set(edgesOf(chart.steps).map((e) => e.to));
    chart.steps.forEach((_, i) => {
      if (i === 0) return;
      if (!drawnInto.has(i)) expect(unreachable.has(i), `${file}: step ${i} has no arrow into it but is called reachable`).toBe(true);
    });
  });

  test("the issue's chart: a → b (decision, yes/no → d, next: c) → c → d — next is reported, and c is unreachable in both", () => {
    const steps = [
      { id: 'a', shape: 'terminator', label: 'ก' },
      { id: 'b', shape: 'decision', label: 'ข?', yes: 'd', no: 'd', next: 'c' },
      { id: 'c', shape: 'process', label: 'ค' },
      { id: 'd', shape: 'terminator', label: 'ง' },
    ] as const;
    const graph = flowGraph(steps);
    expect(graph.nextOnDecision).toEqual([1]);
    expect(edgesOf([...steps]).some((e) => e.to === 2)).toBe(false);
  });
});
