/** Handbook rules: no document twice in a volume, and no table id used by two of its manuals. */
import { COLLECTIONS, type Handbook } from '../../content/schema/index.ts';
import { partId, partKind } from '../../domain/handbooks.ts';
import type { SourceFile } from '../source-file.ts';

/** A handbook: no document twice, and no table id used by two of its manuals (one printed page holds them all). */
export function checkHandbook(source: SourceFile, handbook: Handbook, tablesOf: (manual: string) => readonly { id: string }[]): void {
  const seen = new Set<string>();
  const tableOwner = new Map<string, string>();
  for (const list of ['contents', 'appendix'] as const) {
    handbook[list].forEach((part, i) => {
      const kind = partKind(part);
      const id = partId(part);
      const path = [list, i, kind];
      if (seen.has(`${kind}:${id}`)) {
        source.report('handbook-duplicate-part', path, { label: COLLECTIONS.find((c) => c.name === `${kind}s`)?.label ?? kind, id });
        return;
      }
      seen.add(`${kind}:${id}`);
      if (kind !== 'manual') return;
      for (const table of tablesOf(id)) {
        const other = tableOwner.get(table.id);
        if (other !== undefined) source.report('handbook-table-clash', path, { id: table.id, a: other, b: id });
        else tableOwner.set(table.id, id);
      }
    });
  }
}
