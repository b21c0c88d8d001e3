/**
 * A manual's structure, as a reader and the printer see it:
 * - a `#` heading in the body is a second h1 (the page's title is the first): `body-h1`;
 * - a heading two levels below the one before it (## then ####) skips a level: `heading-skip`;
 * - a table id given twice in `tables:` (only the first would render): `duplicate-table-id`;
 * - the `effective` date outside the document's fiscal year: `effective-outside-fiscal-year`.
 */
import { fiscalYearRange, formatThaiDate, toThaiDigits } from '../../domain/thai/index.ts';
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
