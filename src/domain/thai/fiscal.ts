/**
 * The Thai government fiscal year: FY 2564 runs from 1 October 2020 to 30 September 2021;
 * quarter 1 is ต.ค.–ธ.ค., quarter 4 is ก.ค.–ก.ย.
 */
import { BE_OFFSET, THAI_MONTHS, daysInMonth, parseIsoDate, toIsoDate } from './dates.ts';
import { toThaiDigits } from './digits.ts';

/** A fiscal quarter, 1 to 4. */
export type Quarter = 1 | 2 | 3 | 4;

/** The fiscal year (Buddhist era) and quarter of an ISO date. */
export function fiscalYearOf(isoDate: string): { year: number; quarter: Quarter } {
  const d = parseIsoDate(isoDate);
  const year = d.year + BE_OFFSET + (d.month >= 10 ? 1 : 0);
  const quarter = (d.month >= 10 ? 1 : Math.floor((d.month - 1) / 3) + 2) as Quarter;
  return { year, quarter };
}

function checkFiscalYear(yearBE: number): void {
  if (!Number.isInteger(yearBE) || yearBE < 2400 || yearBE > 2800) {
    throw new RangeError(`ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2564: \`${String(yearBE)}\` (expected a Buddhist-era year)`);
  }
}

/** First and last day of a fiscal year and of its four quarters, as ISO dates. */
export function fiscalYearRange(yearBE: number): {
  start: string;
  end: string;
  quarters: Array<{ quarter: Quarter; start: string; end: string }>;
} {
  checkFiscalYear(yearBE);
  const ce = yearBE - BE_OFFSET;
  const quarters = ([1, 2, 3, 4] as Quarter[]).map((quarter) => {
    const startMonth = (((quarter - 1) * 3 + 9) % 12) + 1; // 10, 1, 4, 7
    const y = quarter === 1 ? ce - 1 : ce;
    const endMonth = startMonth + 2;
    return {
      quarter,
      start: toIsoDate({ year: y, month: startMonth, day: 1 }),
      end: toIsoDate({ year: y, month: endMonth, day: daysInMonth(y, endMonth) }),
    };
  });
  return { start: quarters[0].start, end: quarters[3].end, quarters };
}

/** One month of a fiscal year. */
export interface FiscalMonth {
  /** 0 for ต.ค. … 11 for ก.ย. */
  index: number;
  /** Calendar month, 1–12. */
  month: number;
  yearCE: number;
  yearBE: number;
  quarter: Quarter;
  /** `2020-10` */
  iso: string;
  /** `ต.ค.` */
  short: string;
  /** `ตุลาคม` */
  long: string;
  /** `ต.ค. ๖๓` */
  label: string;
}

/** The twelve months of a fiscal year, ต.ค. of the year before to ก.ย., with Thai labels. */
export function fiscalMonths(yearBE: number): FiscalMonth[] {
  checkFiscalYear(yearBE);
  return Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 9) % 12) + 1;
    const yearCE = yearBE - BE_OFFSET - (index < 3 ? 1 : 0);
    const be = yearCE + BE_OFFSET;
    const names = THAI_MONTHS[month - 1];
    return {
      index,
      month,
      yearCE,
      yearBE: be,
      quarter: (Math.floor(index / 3) + 1) as Quarter,
      iso: `${yearCE}-${String(month).padStart(2, '0')}`,
      short: names.short,
      long: names.long,
      label: `${names.short} ${toThaiDigits(String(be % 100).padStart(2, '0'))}`,
    };
  });
}
