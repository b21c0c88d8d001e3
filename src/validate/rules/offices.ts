/** Office rules across files: parents that lead back to the office itself. */
import type { SourceFile } from '../source-file.ts';

/** An office as the rule needs it: its file (to report on) and its parent. */
export interface OfficeNode {
  source: SourceFile;
  parent?: string;
}

/** Offices whose parents lead back to themselves: the office tree and breadcrumbs need a tree. */
export function checkOfficeCycles(offices: ReadonlyMap<string, OfficeNode>): void {
  const parentOf = (id: string) => offices.get(id)?.parent;
  for (const [id, office] of offices) {
    const path = [id];
    for (let next = parentOf(id); next !== undefined && offices.has(next); next = parentOf(next)) {
      if (next === id) {
        office.source.report('office-parent-cycle', ['parent'], { cycle: [...path, id].map((x) => `\`${x}\``).join(' → ') });
        break;
      }
      if (path.includes(next)) break; // a cycle further up, reported on its own members
      path.push(next);
    }
  }
}
