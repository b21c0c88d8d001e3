/**
 * Buddhist-era dates. All arithmetic is on calendar fields, never on `Date` objects, so a date
 * can never shift by a day with the time zone, and an impossible date is an error instead of
 * silently rolling over (`new Date('2021-02-29')` becomes 1 March).
 */
import { fromThaiDigits, toThaiDigits } from './digits.ts';

/** The difference between the Buddhist era and the Common era. */
export const BE_OFFSET = 543;

/** Thai month names, January first: full name and the official abbreviation. */
export const THAI_MONTHS: ReadonlyArray<{ long: string; short: string }> = [
  { long: 'มกราคม', short: 'ม.ค.' },
  { long: 'กุมภาพันธ์', short: 'ก.พ.' },
  { long: 'มีนาคม', short: 'มี.ค.' },
  { long: 'เมษายน', short: 'เม.ย.' },
  { long: 'พฤษภาคม', short: 'พ.ค.' },
  { long: 'มิถุนายน', short: 'มิ.ย.' },
  { long: 'กรกฎาคม', short: 'ก.ค.' },
  { long: 'สิงหาคม', short: 'ส.ค.' },
  { long: 'กันยายน', short: 'ก.ย.' },
  { long: 'ตุลาคม', short: 'ต.ค.' },
  { long: 'พฤศจิกายน', short: 'พ.ย.' },
  { long: 'ธันวาคม', short: 'ธ.ค.' },
];

/** One formatter for every call: making an Intl.DateTimeFormat costs more than formatting with it (a tenth of validation at N = 3,000). */
let bangkok: Intl.DateTimeFormat | undefined;
/** The calendar date in Thailand (Asia/Bangkok) of a moment, ISO: what "today" and a commit's date mean to a Thai reader. */
export function dateInBangkok(at: Date = new Date()): string {
  bangkok ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' });
  return bangkok.format(at);
}

/** A calendar date in the Common era. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** True for a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of a Common-era year. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Checks a calendar date exists; throws a RangeError naming what is wrong. */
function checkDate(d: CalendarDate, source: string): CalendarDate {
  if (d.month < 1 || d.month > 12) throw new RangeError(`ไม่มีเดือนที่ ${d.month}: \`${source}\` (no such month)`);
  const max = daysInMonth(d.year, d.month);
  if (d.day < 1 || d.day > max) {
    throw new RangeError(`ไม่มีวันที่ ${d.day} ในเดือน${THAI_MONTHS[d.month - 1].long} ${d.year + BE_OFFSET}: \`${source}\` (the month has ${max} days)`);
  }
  return d;
}

/**
 * Parses a strict ISO date `yyyy-mm-dd` (zero-padded) into calendar fields.
 * @throws RangeError for a malformed or impossible date.
 */
export function parseIsoDate(iso: string): CalendarDate {
  const m = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) throw new RangeError(`วันที่ต้องอยู่ในรูป \`yyyy-mm-dd\`: \`${String(iso)}\` (expected an ISO date)`);
  return checkDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, iso);
}

/** Writes calendar fields as ISO `yyyy-mm-dd`. */
export function toIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** How {@link formatThaiDate} writes a date. */
export type ThaiDateStyle = 'short' | 'long' | 'short-full-year';

/**
 * Formats an ISO date in Thai with the Buddhist era and Thai digits:
 * `short` → `๙ มี.ค. ๖๔`, `long` → `๙ มีนาคม ๒๕๖๔`, `short-full-year` → `๙ มี.ค. ๒๕๖๔`.
 * @throws RangeError for a malformed or impossible date.
 */
export function formatThaiDate(date: string, style: ThaiDateStyle = 'long'): string {
  const d = parseIsoDate(date);
  const be = d.year + BE_OFFSET;
  const month = THAI_MONTHS[d.month - 1];
  switch (style) {
    case 'short':
      return toThaiDigits(`${d.day} ${month.short} ${String(be % 100).padStart(2, '0')}`);
    case 'short-full-year':
      return toThaiDigits(`${d.day} ${month.short} ${be}`);
    case 'long':
      return toThaiDigits(`${d.day} ${month.long} ${be}`);
    default:
      throw new RangeError(`formatThaiDate: unknown style \`${String(style)}\` (use short, long or short-full-year)`);
  }
}

const monthLookup = new Map<string, number>();
THAI_MONTHS.forEach((m, i) => {
  monthLookup.set(m.long, i + 1);
  monthLookup.set(m.short, i + 1);
  monthLookup.set(m.short.replace(/\./g, ''), i + 1);
});

/** Finds a month number from a Thai month name or abbreviation (with or without dots); 0 if unknown. */
export function thaiMonthNumber(text: string): number {
  const t = text.trim().replace(/\s+/g, '');
  return monthLookup.get(t) ?? monthLookup.get(t.replace(/\./g, '')) ?? 0;
}

/**
 * Reads a date as Thai authors type it and returns ISO `yyyy-mm-dd` (Common era):
 * `๙ มี.ค. ๖๔`, `9 มีนาคม 2564`, `๙ มีนาคม พ.ศ. ๒๕๖๔`, `2021-03-09`.
 * Two-digit years are Buddhist era 25xx; four-digit years are Buddhist era unless written `ค.ศ.`.
 * @throws RangeError with the reason when the text is not a real date.
 */
export function parseThaiDate(text: string): string {
  if (typeof text !== 'string' || text.trim() === '') throw new RangeError('วันที่ว่างเปล่า (empty date)');
  const plain = fromThaiDigits(text.normalize('NFC')).trim().replace(/\s+/g, ' ');
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(plain)) return toIsoDate(parseIsoDate(plain));
  const m = /^(?:วันที่\s*)?(\d{1,2})\s*([ก-๛.]+?)\s*(พ\.ศ\.|ค\.ศ\.)?\s*(\d{2}|\d{4})$/.exec(plain);
  if (!m) {
    throw new RangeError(`อ่านวันที่ไม่ได้: \`${text}\` (expected e.g. \`๙ มี.ค. ๖๔\`, \`๙ มีนาคม ๒๕๖๔\` or \`2021-03-09\`)`);
  }
  const [, dayText, monthText, era, yearText] = m;
  const month = thaiMonthNumber(monthText);
  if (!month) throw new RangeError(`ไม่รู้จักเดือน \`${monthText}\` ใน \`${text}\` (unknown Thai month)`);
  let year = Number(yearText);
  if (era === 'ค.ศ.') {
    if (yearText.length !== 4) throw new RangeError(`ปี ค.ศ. ต้องมี ๔ หลัก: \`${text}\``);
  } else if (yearText.length === 2) {
    year = 2500 + year - BE_OFFSET;
  } else {
    if (year < 2400) {
      throw new RangeError(`ปี \`${yearText}\` ไม่ใช่ปี พ.ศ. ใน \`${text}\` (write the Buddhist-era year, or \`ค.ศ.\` before a Common-era year)`);
    }
    year -= BE_OFFSET;
  }
  return toIsoDate(checkDate({ year, month, day: Number(dayText) }, text));
}
