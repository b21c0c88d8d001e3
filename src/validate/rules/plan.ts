import type { Plan } from '../../content/schema/index.ts';
import { fiscalMonths, fiscalYearRange, formatThaiDate, fromThaiDigits, toThaiDigits } from '../../domain/thai/index.ts';
import { FISCAL_MONTH_ABBREVIATIONS, fiscalMonthIndex, parseMonthSpan, spansOf } from '../../content/schema/months.ts';
import { numberPlanItems } from '../../content/schema/plan-numbers.ts';
import type { SourceFile, Path } from '../source-file.ts';
import { closestMonth } from '../suggest.ts';

/** Reports a month span that is not a month or runs backwards. */
function checkMonthSpan(file: SourceFile, text: string, path: Path, context: string): void {
  const span = parseMonthSpan(text);
  if (!('error' in span)) return;
  if (span.error === 'invalid-month')
    file.report('invalid-month', path, { month: span.month }, { suggestion: closestMonth(span.month, FISCAL_MONTH_ABBREVIATIONS, context) });
  else file.report('backwards-range', path, { range: text, from: span.from, to: span.to });
}

export function checkPlan(file: SourceFile, plan: Plan): void {
  checkStrategyDates(file, plan);
  const wp = plan.workplan;
  if (!wp) return;
  // the months the plan names elsewhere tell which month a typo meant
  const context = JSON.stringify(wp);
  wp.groups.forEach((group, g) => {
    for (const { item, expected, path } of numberPlanItems(group.items, ['workplan', 'groups', g, 'items'])) {
      // a deadline written as a date (๓๐ ก.ย. ๖๔, ต.ค. 2564) falls inside the plan's fiscal year
      if (item.deadline) checkTextDates(file, plan.fiscalYear, item.deadline, [...path, 'deadline']);
      if (item.number !== undefined && fromThaiDigits(item.number) !== fromThaiDigits(expected)) {
        file.report('number-skipped', [...path, 'number'], { received: item.number, expected });
      }
      const spans = spansOf(item.when);
      spans.forEach((span, k) => checkMonthSpan(file, span, Array.isArray(item.when) ? [...path, 'when', k] : [...path, 'when'], context));
    }
  });
  const months = fiscalMonths(plan.fiscalYear);
  wp.sourceMonthLabels?.forEach((labels, t) => {
    labels.forEach((label, i) => {
      const norm = fromThaiDigits(label)
        .replace(/[\s-]+/g, ' ')
        .trim();
      const want = months[i];
      const expected = `${want.short} ${String(want.yearBE % 100).padStart(2, '0')}`;
      if (norm !== expected) {
        file.report('month-label-mismatch', ['workplan', 'sourceMonthLabels', t, i], {
          index: toThaiDigits(String(i + 1)),
          received: label,
          year: toThaiDigits(String(plan.fiscalYear)),
          expected: want.label,
        });
      }
    });
  });
}

/** A month and a Buddhist-era year written in text: `(ต.ค. 2564)`, `พ.ย.-ธ.ค.2563`, `(มี.ย. 2564)`. */
const MONTH_YEAR = /(?<![ก-๛])([ก-ฮ][ิีุู]?\.[ก-ฮ]{1,2}\.?)\s*(25\d\d|๒๕[๐-๙][๐-๙])/g;

/** A day, a month and a two-digit Buddhist-era year: `๓๐ ก.ย. ๖๔`, `15 ต.ค. 63`. */
const DAY_MONTH_YY = /(?<![0-9๐-๙])([0-9๐-๙]{1,2})\s*([ก-ฮ][ิีุู]?\.[ก-ฮ]{1,2}\.?)\s*([0-9๐-๙]{2})(?![0-9๐-๙])/g;

/** Dates in a text (month and four-digit year, or day, month and two-digit year) inside the fiscal year. */
function checkTextDates(file: SourceFile, fiscalYear: number, text: string, path: Path): void {
  const found: Array<{ month: string; yearBE: number; date: string }> = [];
  for (const m of text.matchAll(MONTH_YEAR)) found.push({ month: m[1]!, yearBE: Number(fromThaiDigits(m[2]!)), date: m[0].trim() });
  for (const m of text.matchAll(DAY_MONTH_YY)) found.push({ month: m[2]!, yearBE: 2500 + Number(fromThaiDigits(m[3]!)), date: m[0].trim() });
  for (const f of found) {
    if (/^[พค]\.ศ\.?$/.test(f.month)) continue;
    const index = fiscalMonthIndex(f.month);
    if (index < 0) continue; // a month the other checks name
    const fiscal = index < 3 ? f.yearBE + 1 : f.yearBE;
    if (fiscal !== fiscalYear) {
      const range = fiscalYearRange(fiscalYear);
      file.report('date-outside-fiscal-year', path, {
        date: f.date,
        year: toThaiDigits(String(fiscalYear)),
        start: formatThaiDate(range.start, 'short'),
        end: formatThaiDate(range.end, 'short'),
      });
    }
  }
}

/** Strategy tables of a plan: months named in the text exist, and fall inside the plan's fiscal year. */
function checkStrategyDates(file: SourceFile, plan: Plan): void {
  plan.strategies.forEach((table, t) => {
    table.rows.forEach((row, r) => {
      for (const key of ['context', 'strategy'] as const) {
        row[key].forEach((text, i) => {
          const path: Path = ['strategies', t, 'rows', r, key, i];
          for (const m of text.matchAll(MONTH_YEAR)) {
            if (/^[พค]\.ศ\.?$/.test(m[1])) continue; // พ.ศ. 2561 is an era, not a month
            const index = fiscalMonthIndex(m[1]);
            if (index < 0) {
              file.report('invalid-month', path, { month: m[1] }, { suggestion: closestMonth(m[1], FISCAL_MONTH_ABBREVIATIONS, JSON.stringify(plan)) });
              continue;
            }
            const yearBE = Number(fromThaiDigits(m[2]));
            const fiscal = index < 3 ? yearBE + 1 : yearBE; // ต.ค.–ธ.ค. belong to the next fiscal year
            if (fiscal !== plan.fiscalYear) {
              const range = fiscalYearRange(plan.fiscalYear);
              file.report('date-outside-fiscal-year', path, {
                date: m[0].trim(),
                year: toThaiDigits(String(plan.fiscalYear)),
                start: formatThaiDate(range.start, 'short'),
                end: formatThaiDate(range.end, 'short'),
              });
            }
          }
        });
      }
    });
  });
}
