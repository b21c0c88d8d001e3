/**
 * A manual's structure, as a reader and the printer see it:
 * - a `#` heading in the body is a second h1 (the page's title is the first): `body-h1`;
 * - a heading two levels below the one before it (## then ####) skips a level: `heading-skip`;
 * - a table id given twice in `tables:` (only the first would render): `duplicate-table-id`;
 * - the `effective` date outside the document's fiscal year: `effective-outside-fiscal-year`;
 * - a table whose first column numbers its rows (ลำดับ, ลำดับที่, ที่, ข้อ) skipping or repeating a
 *   number: `table-number-skipped` (Markdown tables in the body and `tables:` data alike).
 */
import { fiscalYearRange, formatThaiDate, fromThaiDigits, toThaiDigits } from '../../domain/thai/index.ts';
import type { SourceFile } from '../source-file.ts';

export function checkBodyHeadings(source: SourceFile, text: string): void {
  const lines = text.split('\n');
  let i = 0;
  // past the frontmatter
  if (lines[0]?.trim() === '---') {
    i = lines.findIndex((l, k) => k > 0 && l.trim() === '---') + 1;
    if (i <= 0) return;
  }
  let fence = false;
  let previous = 1; // the page's title
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const m = /^(#{1,6})\s+\S/.exec(line);
    if (!m) continue;
    const level = m[1]!.length;
    const at = { line: i + 1, column: 1 };
    if (level === 1) source.push('body-h1', at, '', {});
    else if (level > previous + 1) source.push('heading-skip', at, '', { level: toThaiDigits(String(level)), previous: toThaiDigits(String(previous)) });
    previous = level;
  }
}

export function checkManualStructure(source: SourceFile, data: { tables: ReadonlyArray<{ id: string }>; effective?: string; fiscalYear?: number }): void {
  const seen = new Map<string, number>();
  data.tables.forEach((t, i) => {
    if (seen.has(t.id)) source.report('duplicate-table-id', ['tables', i, 'id'], { id: t.id, first: toThaiDigits(String(seen.get(t.id)! + 1)) });
    else seen.set(t.id, i);
  });
  if (data.effective && data.fiscalYear) {
    const { start, end } = fiscalYearRange(data.fiscalYear);
    if (data.effective < start || data.effective > end)
      source.report('effective-outside-fiscal-year', ['effective'], {
        date: formatThaiDate(data.effective, 'short-full-year'),
        year: toThaiDigits(String(data.fiscalYear), { grouping: false }),
      });
  }
}

const NUMBER_HEADER = /^(?:ลำดับ(?:ที่)?|ที่|ข้อ|no\.?)$/i;
const rowNumber = (cell: string): number | undefined => {
  const t = fromThaiDigits(cell.trim()).replace(/\.$/, '');
  return /^\d{1,4}$/.test(t) ? Number(t) : undefined;
};

/** Rows numbered 1, 2, 3 … in order: each skip or repeat reported once, counting on from what is written. */
function checkRowNumbers(values: ReadonlyArray<{ cell: string; report: (received: string, expected: string) => void }>): void {
  let previous: number | undefined;
  for (const v of values) {
    const n = rowNumber(v.cell);
    if (n === undefined) continue; // a sub-row or a note: not numbered
    if (previous !== undefined && n !== previous + 1 && n !== 1) v.report(v.cell.trim(), toThaiDigits(String(previous + 1)));
    previous = n;
  }
}

export function checkTableNumbers(
  source: SourceFile,
  text: string,
  tables: ReadonlyArray<{ columns: ReadonlyArray<{ key: string; label: string }>; rows: ReadonlyArray<Record<string, unknown>> }>,
): void {
  // Markdown tables in the body
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const cells = (l: string) =>
      l
        .replace(/^\s*\|/, '')
        .replace(/\|\s*$/, '')
        .split('|');
    if (!/^\s*\|/.test(lines[i]!) || !/^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) continue;
    if (!NUMBER_HEADER.test(cells(lines[i]!)[0]!.trim())) continue;
    const rows: Array<{ cell: string; report: (received: string, expected: string) => void }> = [];
    for (let k = i + 2; k < lines.length && /^\s*\|/.test(lines[k]!); k++) {
      const line = k;
      rows.push({
        cell: cells(lines[k]!)[0] ?? '',
        report: (received, expected) => source.push('table-number-skipped', { line: line + 1, column: 1 }, '', { received, expected }),
      });
    }
    checkRowNumbers(rows);
  }
  // tables: data
  tables.forEach((table, t) => {
    const first = table.columns[0];
    if (!first || !NUMBER_HEADER.test(first.label.trim())) return;
    checkRowNumbers(
      table.rows.map((row, r) => ({
        cell: String(row[first.key] ?? ''),
        report: (received, expected) => source.report('table-number-skipped', ['tables', t, 'rows', r, first.key], { received, expected }),
      })),
    );
  });
}
