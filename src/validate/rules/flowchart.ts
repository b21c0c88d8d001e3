/** Flowchart rules: unique step ids, known targets, decisions with both branches and no next, reachability, an end, labels that fit. */
import { flowGraph, reachable } from '../../domain/flow-graph.ts';
import type { Flowchart } from '../../content/schema/index.ts';
import type { SourceFile } from '../source-file.ts';
import { closest } from '../suggest.ts';

/** Flowchart graph: unique ids, known targets, two-way decisions, reachability, an end. */
export function checkFlowchart(file: SourceFile, chart: Flowchart): void {
  const ids = new Map<string, number>();
  chart.steps.forEach((step, i) => {
    if (ids.has(step.id)) file.report('duplicate-step-id', ['steps', i, 'id'], { id: step.id });
    else ids.set(step.id, i);
  });
  const known = [...ids.keys()];
  // the graph the renderers draw (domain/flow-graph.ts): one rule for both
  const graph = flowGraph(chart.steps);
  for (const u of graph.unknown) {
    file.report('unknown-step', u.object ? ['steps', u.from, u.key, 'to'] : ['steps', u.from, u.key], { id: u.to }, { suggestion: closest(u.to, known) });
  }
  for (const i of graph.nextOnDecision) file.report('next-on-decision', ['steps', i, 'next'], {}, { at: 'key' });
  chart.steps.forEach((step, i) => {
    if (step.shape === 'decision') {
      for (const key of ['yes', 'no'] as const) if (step[key] === undefined) file.report('decision-branches', ['steps', i], { missing: key });
    } else {
      for (const key of ['yes', 'no'] as const) {
        if (step[key] !== undefined) file.report('branch-on-non-decision', ['steps', i, key], { shape: step.shape, key }, { at: 'key' });
      }
    }
    const max = 60;
    if ([...step.label].length > max) file.report('long-label', ['steps', i, 'label'], { length: [...step.label].length, max });
  });
  const seen = reachable(chart.steps, graph);
  chart.steps.forEach((_, i) => {
    if (!seen.has(i)) file.report('unreachable-step', ['steps', i, 'id']);
  });
  const ends = new Set(chart.steps.map((_, i) => i));
  for (const e of graph.edges) ends.delete(e.from);
  if (chart.steps.length && ![...seen].some((i) => ends.has(i))) file.report('no-end', ['steps']);
  const last = chart.steps[chart.steps.length - 1];
  if (last && last.shape !== 'terminator' && last.shape !== 'connector') {
    file.report('last-not-terminator', ['steps', chart.steps.length - 1, 'shape'], { shape: last.shape });
  }
}
