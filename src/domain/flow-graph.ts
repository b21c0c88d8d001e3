/**
 * A flowchart's graph, the one rule the validator checks and the renderers draw: which step
 * leads to which. A decision goes on by `yes` and `no` only; any other step by `next` (`null`:
 * it ends there) or, without `next`, to the step below it. A `next` on a decision is no edge —
 * the validator reports it (`next-on-decision`) instead of the renderer silently ignoring it.
 */

/** What the graph needs of a step (the schema's Step, and the diagram's FlowStep, fit it). */
export interface GraphStep {
  id: string;
  shape: string;
  next?: string | null;
  yes?: string | { to: string; label?: string };
  no?: string | { to: string; label?: string };
}

export interface FlowEdge {
  from: number;
  to: number;
  /** what made the edge: a branch, `next`, or the step below */
  key: 'yes' | 'no' | 'next' | 'below';
  /** the branch label as written (`yes: { to, label }`), else undefined */
  label?: string;
}

export interface UnknownTarget {
  from: number;
  key: 'yes' | 'no' | 'next';
  to: string;
  /** whether it was written as `{ to: … }` */
  object: boolean;
}

export interface FlowGraph {
  edges: FlowEdge[];
  /** targets that name no step */
  unknown: UnknownTarget[];
  /** decisions that also carry `next` (by step index) */
  nextOnDecision: number[];
}

/** The graph of a chart's steps (first step with an id wins when ids repeat). */
export function flowGraph(steps: readonly GraphStep[]): FlowGraph {
  const index = new Map<string, number>();
  steps.forEach((s, i) => {
    if (!index.has(s.id)) index.set(s.id, i);
  });
  const graph: FlowGraph = { edges: [], unknown: [], nextOnDecision: [] };
  steps.forEach((s, i) => {
    const add = (key: 'yes' | 'no' | 'next', raw: GraphStep['yes'] | GraphStep['next']) => {
      if (raw === undefined || raw === null) return;
      const to = typeof raw === 'string' ? raw : raw.to;
      const j = index.get(to);
      if (j === undefined) graph.unknown.push({ from: i, key, to, object: typeof raw !== 'string' });
      else graph.edges.push({ from: i, to: j, key, label: typeof raw === 'string' ? undefined : raw.label });
    };
    if (s.shape === 'decision') {
      add('yes', s.yes);
      add('no', s.no);
      if (s.next !== undefined) graph.nextOnDecision.push(i);
    } else if (s.next !== undefined) {
      add('next', s.next);
    } else if (i + 1 < steps.length) {
      graph.edges.push({ from: i, to: i + 1, key: 'below' });
    }
  });
  return graph;
}

/** Steps reachable from the first one. */
export function reachable(steps: readonly GraphStep[], graph: FlowGraph): Set<number> {
  const out = new Map<number, number[]>();
  for (const e of graph.edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const seen = new Set<number>(steps.length ? [0] : []);
  const queue = [...seen];
  while (queue.length) {
    for (const j of out.get(queue.shift()!) ?? []) {
      if (seen.has(j)) continue;
      seen.add(j);
      queue.push(j);
    }
  }
  return seen;
}
