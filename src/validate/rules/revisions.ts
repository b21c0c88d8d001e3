/**
 * The authored revision record (`revisions:`, the document's ประวัติการแก้ไข): revision numbers
 * increase, dates never go back and none is after today (in Bangkok), the newest is the document's
 * `revision` and is not dated after its `effective` date.
 */
import type { Revision } from '../../content/schema/index.ts';
import { dateInBangkok, formatThaiDate, toThaiDigits } from '../../domain/thai/index.ts';
import type { SourceFile } from '../source-file.ts';

export function checkRevisions(
  source: SourceFile,
  data: { revisions: readonly Revision[]; revision?: number; effective?: string },
  today = dateInBangkok(),
): void {
  const { revisions } = data;
  revisions.forEach((r, i) => {
    const previous = revisions[i - 1];
    if (previous && r.number <= previous.number)
      source.report('revision-order', ['revisions', i, 'number'], { number: toThaiDigits(String(r.number)), previous: toThaiDigits(String(previous.number)) });
    else if (previous && r.date < previous.date)
      source.report('revision-date-order', ['revisions', i, 'date'], {
        date: formatThaiDate(r.date, 'short-full-year'),
        previous: formatThaiDate(previous.date, 'short-full-year'),
      });
    if (r.date > today) source.report('revision-in-future', ['revisions', i, 'date'], { date: formatThaiDate(r.date, 'short-full-year') });
  });
  const last = revisions[revisions.length - 1];
  if (!last) return;
  if (data.revision !== undefined && last.number !== data.revision)
    source.report('revision-number-mismatch', ['revision'], { revision: toThaiDigits(String(data.revision)), last: toThaiDigits(String(last.number)) });
  if (data.effective !== undefined && last.date > data.effective)
    source.report('revision-after-effective', ['revisions', revisions.length - 1, 'date'], {
      date: formatThaiDate(last.date, 'short-full-year'),
      effective: formatThaiDate(data.effective, 'short-full-year'),
    });
}
