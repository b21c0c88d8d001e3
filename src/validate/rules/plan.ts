import type { Plan } from '../../content/schema/index.ts';
import { fiscalMonths, fiscalYearRange, formatThaiDate, fromThaiDigits, THAI_MONTHS, toThaiDigits } from '../../domain/thai/index.ts';
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

const D = '[0-9๐-๙]';
const ABBREVIATION = '[ก-ฮ][ิีุู]?\\.[ก-ฮ]{1,2}\\.?';
const FULL_NAMES = THAI_MONTHS.map((m) => m.long).join('|');
/**
 * A date written in text: an optional day (or days, `2-4`), a month — abbreviated (`พ.ย.`, `มี.ย.`)
 * or in full (`ตุลาคม`) — and a year of any length (`2563`, `๖๔`, and the truncated `3`).
 * `(ต.ค. 2564)`, `๓๐ ก.ย. ๖๔`, `29 ตุลาคม 2563`, `ธันวาคม ๖๔`, `30 พ.ย. 3`.
 */
const TEXT_DATE = new RegExp(
  `(?:(?<![0-9๐-๙])(?<day>${D}{1,2}(?:\\s*[-–]\\s*${D}{1,2})?)\\s*)?(?<month>${FULL_NAMES}|(?<![ก-๛])${ABBREVIATION})\\s*(?<year>${D}{1,4})(?![0-9๐-๙])`,
  'g',
);

interface TextDate {
  text: string;
  index: number;
  end: number;
  month: string;
  /** 0 = ต.ค. … 11 = ก.ย.; -1: no such month */
  fiscalIndex: number;
  full: boolean;
  day?: number;
  /** written with 1 or 3 digits */
  truncated?: string;
  yearBE?: number;
}

/** The dates a text names (eras such as พ.ศ. 2561 left out). */
export function textDates(text: string): TextDate[] {
  const found: TextDate[] = [];
  for (const m of text.matchAll(TEXT_DATE)) {
    const { day, month, year } = m.groups as { day?: string; month: string; year: string };
    if (/^[พค]\.ศ\.?$/.test(month)) continue;
    const full = THAI_MONTHS.findIndex((t) => t.long === month);
    const fiscalIndex = full >= 0 ? fiscalMonthIndex(THAI_MONTHS[full]!.short) : fiscalMonthIndex(month);
    const digits = fromThaiDigits(year);
    const base: TextDate = {
      text: m[0].trim(),
      index: m.index!,
      end: m.index! + m[0].length,
      month,
      fiscalIndex,
      full: full >= 0,
      day: day ? Number(fromThaiDigits(day.split(/[-–]/).pop()!.trim())) : undefined,
    };
    if (digits.length === 4) {
      if (digits.startsWith('25')) found.push({ ...base, yearBE: Number(digits) });
    } else if (digits.length === 2) found.push({ ...base, yearBE: 2500 + Number(digits) });
    // `30 พ.ย. 3`, `29 ตุลาคม 3`: a day or a full month name says it is a date with its year cut short
    else if (day || full >= 0) found.push({ ...base, truncated: year });
  }
  return found;
}

/** Calendar order of a dated month: years, then January … December. */
const monthOrder = (d: TextDate) => d.yearBE! * 12 + ((d.fiscalIndex + 9) % 12);

/**
 * Dates in a text: inside the fiscal year, no year cut short, ranges (`ธ.ค. 64 - ม.ค. 64`) forwards;
 * `invalidMonths` also reports months that do not exist (strategy text, where no other check reads them).
 */
function checkTextDates(file: SourceFile, fiscalYear: number, text: string, path: Path, invalidMonths?: string): void {
  const dates = textDates(text);
  for (const d of dates) {
    if (d.fiscalIndex < 0) {
      if (invalidMonths !== undefined && !d.full)
        file.report('invalid-month', path, { month: d.month }, { suggestion: closestMonth(d.month, FISCAL_MONTH_ABBREVIATIONS, invalidMonths) });
      continue;
    }
    if (d.truncated !== undefined) {
      const yearBE = d.fiscalIndex < 3 ? fiscalYear - 1 : fiscalYear;
      file.report('truncated-year', path, { date: d.text, year: d.truncated, meant: toThaiDigits(String(yearBE)) });
      continue;
    }
    const fiscal = d.fiscalIndex < 3 ? d.yearBE! + 1 : d.yearBE!; // ต.ค.–ธ.ค. belong to the next fiscal year
    if (fiscal !== fiscalYear) {
      const range = fiscalYearRange(fiscalYear);
      file.report('date-outside-fiscal-year', path, {
        date: d.text,
        year: toThaiDigits(String(fiscalYear)),
        start: formatThaiDate(range.start, 'short'),
        end: formatThaiDate(range.end, 'short'),
      });
    }
  }
  // a range of two dated months that runs backwards in time
  for (let i = 0; i + 1 < dates.length; i++) {
    const [a, b] = [dates[i]!, dates[i + 1]!];
    if (a.yearBE === undefined || b.yearBE === undefined || a.fiscalIndex < 0 || b.fiscalIndex < 0) continue;
    if (!/^\s*[-–—]\s*$/.test(text.slice(a.end, b.index))) continue;
    const before = monthOrder(b) < monthOrder(a) || (monthOrder(b) === monthOrder(a) && a.day !== undefined && b.day !== undefined && b.day < a.day);
    if (before) file.report('backwards-range', path, { range: text.slice(a.index, b.end).trim(), from: a.text, to: b.text });
  }
}

/** Strategy tables of a plan: months named in the text exist, dates fall inside the plan's fiscal year, years are whole. */
function checkStrategyDates(file: SourceFile, plan: Plan): void {
  const context = JSON.stringify(plan);
  plan.strategies.forEach((table, t) => {
    table.rows.forEach((row, r) => {
      for (const key of ['context', 'strategy'] as const) {
        row[key].forEach((text, i) => checkTextDates(file, plan.fiscalYear, text, ['strategies', t, 'rows', r, key, i], context));
      }
    });
  });
}
