import { describe, expect, test } from 'vitest';
import {
  bahtText,
  fiscalMonths,
  fiscalYearOf,
  fiscalYearRange,
  formatBaht,
  formatThaiDate,
  fromThaiDigits,
  parseThaiAmount,
  parseThaiDate,
  segmentThai,
  toThaiDigits,
} from '../../src/domain/thai/index.ts';
import * as thai from '../../src/domain/thai/index.ts';
import thaiBahtText from 'thai-baht-text';

test.each([
  [0x0e50, '0'],
  [0x0e59, '9'],
  [0x0e4f, undefined],
  [0x0e5a, undefined],
  [0x30, undefined],
])('arabicDigitOf(%s) = %j (the search normalizer reads Thai digits through it)', (code, expected) => {
  expect(thai.arabicDigitOf(code)).toBe(expected);
});

test('the public API is exactly the documented one', () => {
  expect(Object.keys(thai).sort()).toEqual(
    [
      'arabicDigitOf',
      'bahtText',
      'dateInBangkok',
      'fiscalMonths',
      'fiscalYearOf',
      'fiscalYearRange',
      'formatBaht',
      'formatThaiDate',
      'fromThaiDigits',
      'parseThaiAmount',
      'parseThaiDate',
      'segmentThai',
      'toThaiDigits',
      'THAI_MONTHS',
    ].sort(),
  );
});

describe('toThaiDigits', () => {
  test.each([
    [160170, undefined, '๑๖๐,๑๗๐'],
    [2564, { grouping: false }, '๒๕๖๔'],
    [14760, { fractionDigits: 2 }, '๑๔,๗๖๐.๐๐'],
    [0.668, undefined, '๐.๖๖๘'],
    [2.2267, undefined, '๒.๒๒๖๗'],
    [-5, undefined, '-๕'],
    ['สตป. 02', undefined, 'สตป. ๐๒'],
    ['ขั้นตอนที่ 1 (PM 3)', undefined, 'ขั้นตอนที่ ๑ (PM ๓)'],
    ['๑๒3', undefined, '๑๒๓'],
  ] as const)('%s %o → %s', (value, options, expected) => {
    expect(toThaiDigits(value, options)).toBe(expected);
  });
  test.each([NaN, Infinity])('%s throws', (v) => expect(() => toThaiDigits(v)).toThrow(RangeError));
});

describe('fromThaiDigits / parseThaiAmount / formatBaht', () => {
  test.each([
    ['๒๕๖๔', '2564'],
    ['สตป. ๐๒', 'สตป. 02'],
    ['abc', 'abc'],
  ])('fromThaiDigits(%s) → %s', (a, b) => expect(fromThaiDigits(a)).toBe(b));

  test.each([
    ['๑๔,๗๖๐.๐๐', '14760.00'],
    ['๑๖๐,๑๗๐.๐๐', '160170.00'],
    ['82,090.00', '82090.00'],
    [' 4965 ', '4965'],
    ['0.5', '0.5'],
    ['-1,000', '-1000'],
  ])('parseThaiAmount(%s) → %s', (a, b) => expect(parseThaiAmount(a)).toBe(b));

  test.each(['', 'abc', '12a', '1.2.3', '1,00', '๑๔,๗๖,๐', '1,000.', '.5', '1 000'])('parseThaiAmount(%j) throws', (t) => {
    expect(() => parseThaiAmount(t)).toThrow(RangeError);
  });

  test.each([
    [14760, '๑๔,๗๖๐.๐๐'],
    ['๘๒,๐๙๐.๐๐', '๘๒,๐๙๐.๐๐'],
    [0, '๐.๐๐'],
    [1.005, '๑.๐๑'],
    ['1234567.895', '๑,๒๓๔,๕๖๗.๙๐'],
    [0.999, '๑.๐๐'],
  ] as const)('formatBaht(%s) → %s', (a, b) => expect(formatBaht(a)).toBe(b));
});

describe('formatThaiDate', () => {
  test.each([
    ['2021-03-09', 'short', '๙ มี.ค. ๖๔'],
    ['2021-03-09', 'long', '๙ มีนาคม ๒๕๖๔'],
    ['2021-03-09', 'short-full-year', '๙ มี.ค. ๒๕๖๔'],
    ['2020-12-29', 'long', '๒๙ ธันวาคม ๒๕๖๓'],
    ['2020-02-29', 'short', '๒๙ ก.พ. ๖๓'],
    ['2043-01-01', 'short', '๑ ม.ค. ๘๖'],
    ['2057-01-01', 'short', '๑ ม.ค. ๐๐'],
  ] as const)('%s %s → %s', (iso, style, out) => expect(formatThaiDate(iso, style)).toBe(out));

  test.each(['2021-02-29', '2021-3-9', '2021-13-01', '2021-04-31', '2021-00-10', '09/03/2021', ''])('%j throws', (iso) => {
    expect(() => formatThaiDate(iso, 'long')).toThrow(RangeError);
  });

  test('the same output in every time zone (no Date objects involved)', () => {
    const before = process.env.TZ;
    const outs = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC', 'Asia/Bangkok'].map((tz) => {
      process.env.TZ = tz;
      return formatThaiDate('2021-01-01', 'long');
    });
    process.env.TZ = before;
    expect(new Set(outs)).toEqual(new Set(['๑ มกราคม ๒๕๖๔']));
  });
});

describe('parseThaiDate', () => {
  test.each([
    ['๙ มี.ค. ๖๔', '2021-03-09'],
    ['9 มีนาคม 2564', '2021-03-09'],
    ['๙ มีนาคม พ.ศ. ๒๕๖๔', '2021-03-09'],
    ['2021-03-09', '2021-03-09'],
    ['๒๙ ธันวาคม ๒๕๖๓', '2020-12-29'],
    ['29 ธ.ค. 63', '2020-12-29'],
    ['วันที่ ๑ ต.ค. ๖๓', '2020-10-01'],
    ['1 มค 64', '2021-01-01'],
    ['9 มีนาคม ค.ศ. 2021', '2021-03-09'],
  ])('%s → %s', (text, iso) => expect(parseThaiDate(text)).toBe(iso));

  test.each([
    ['', 'ว่าง'],
    ['๓๑ เม.ย. ๖๔', 'ไม่มีวันที่ 31'],
    ['๒๙ ก.พ. ๖๔', 'ไม่มีวันที่ 29'],
    ['๘ มี.ย. ๖๔', 'ไม่รู้จักเดือน'],
    ['๑ ค.ค. ๖๔', 'ไม่รู้จักเดือน'],
    ['9 มีนาคม 2021', 'ไม่ใช่ปี พ.ศ.'],
    ['2021-3-9x', 'อ่านวันที่ไม่ได้'],
    ['2021-02-29', 'ไม่มีวันที่ 29'],
  ])('%j throws (%s)', (text, reason) => {
    expect(() => parseThaiDate(text)).toThrow(reason);
  });
});

describe('fiscal year', () => {
  test.each([
    ['2020-10-01', 2564, 1],
    ['2020-12-31', 2564, 1],
    ['2021-01-01', 2564, 2],
    ['2021-03-31', 2564, 2],
    ['2021-04-01', 2564, 3],
    ['2021-07-01', 2564, 4],
    ['2021-09-30', 2564, 4],
    ['2021-10-01', 2565, 1],
  ])('%s → FY %i Q%i', (iso, year, quarter) => expect(fiscalYearOf(iso)).toEqual({ year, quarter }));

  test('fiscalYearRange(2564)', () => {
    expect(fiscalYearRange(2564)).toEqual({
      start: '2020-10-01',
      end: '2021-09-30',
      quarters: [
        { quarter: 1, start: '2020-10-01', end: '2020-12-31' },
        { quarter: 2, start: '2021-01-01', end: '2021-03-31' },
        { quarter: 3, start: '2021-04-01', end: '2021-06-30' },
        { quarter: 4, start: '2021-07-01', end: '2021-09-30' },
      ],
    });
  });

  test('fiscalMonths(2564) runs ต.ค. ๖๓ … ก.ย. ๖๔', () => {
    const months = fiscalMonths(2564);
    expect(months.map((m) => m.label)).toEqual([
      'ต.ค. ๖๓',
      'พ.ย. ๖๓',
      'ธ.ค. ๖๓',
      'ม.ค. ๖๔',
      'ก.พ. ๖๔',
      'มี.ค. ๖๔',
      'เม.ย. ๖๔',
      'พ.ค. ๖๔',
      'มิ.ย. ๖๔',
      'ก.ค. ๖๔',
      'ส.ค. ๖๔',
      'ก.ย. ๖๔',
    ]);
    expect(months[0]).toMatchObject({ iso: '2020-10', long: 'ตุลาคม', quarter: 1, yearBE: 2563 });
    expect(months[11]).toMatchObject({ iso: '2021-09', quarter: 4, yearBE: 2564 });
  });

  test.each([64, 2564.5, NaN])('fiscalYearRange(%s) throws', (y) => expect(() => fiscalYearRange(y)).toThrow(RangeError));
});

describe('bahtText', () => {
  test.each([
    [14760, 'หนึ่งหมื่นสี่พันเจ็ดร้อยหกสิบบาทถ้วน'],
    ['๑๔,๗๖๐.๐๐', 'หนึ่งหมื่นสี่พันเจ็ดร้อยหกสิบบาทถ้วน'],
    [0, 'ศูนย์บาทถ้วน'],
    [0.25, 'ยี่สิบห้าสตางค์'],
    [1, 'หนึ่งบาทถ้วน'],
    [11, 'สิบเอ็ดบาทถ้วน'],
    [21, 'ยี่สิบเอ็ดบาทถ้วน'],
    [20, 'ยี่สิบบาทถ้วน'],
    [101, 'หนึ่งร้อยเอ็ดบาทถ้วน'],
    [1000001, 'หนึ่งล้านเอ็ดบาทถ้วน'],
    [1000000, 'หนึ่งล้านบาทถ้วน'],
    [21000000, 'ยี่สิบเอ็ดล้านบาทถ้วน'],
    ['1000000000000', 'หนึ่งล้านล้านบาทถ้วน'],
    [1.5, 'หนึ่งบาทห้าสิบสตางค์'],
    [0.01, 'หนึ่งสตางค์'],
    [0.11, 'สิบเอ็ดสตางค์'],
    [0.21, 'ยี่สิบเอ็ดสตางค์'],
    [1.005, 'หนึ่งบาทหนึ่งสตางค์'],
    [0.125, 'สิบสามสตางค์'],
    [0.995, 'หนึ่งบาทถ้วน'],
    [0.004, 'ศูนย์บาทถ้วน'],
    [82090, 'แปดหมื่นสองพันเก้าสิบบาทถ้วน'],
    [160170, 'หนึ่งแสนหกหมื่นหนึ่งร้อยเจ็ดสิบบาทถ้วน'],
    [-0, 'ศูนย์บาทถ้วน'],
  ] as const)('%s → %s', (amount, text) => expect(bahtText(amount)).toBe(text));

  test.each([
    [-1, RangeError],
    [NaN, RangeError],
    [Infinity, RangeError],
    ['12a', RangeError],
    ['1.2.3', RangeError],
    ['', TypeError],
    ['   ', TypeError],
    [null, TypeError],
  ] as const)('%j throws %s', (amount, error) => {
    expect(() => bahtText(amount as unknown as string)).toThrow(error);
  });

  test('agrees with thai-baht-text on whole baht where that package is right (1 … 2,000,000 sampled)', () => {
    for (let n = 1; n <= 2_000_000; n += n < 2000 ? 1 : 997) {
      expect(bahtText(n)).toBe(thaiBahtText(n));
    }
  });
});

describe('segmentThai', () => {
  test('splits Thai words and drops spaces and punctuation', () => {
    const words = segmentThai('ผลการดำเนินงาน ของสำนักงานคลังจังหวัด, 2564');
    expect(words.join('')).toBe('ผลการดำเนินงานของสำนักงานคลังจังหวัด2564');
    expect(words).toContain('ดำเนิน');
    expect(words.length).toBeGreaterThan(4);
  });
});
