/** Thai formatting: digits, Buddhist-era dates, fiscal years, baht text, segmentation. Pure. */
export { toThaiDigits, fromThaiDigits, arabicDigitOf, parseThaiAmount, formatBaht } from './digits.ts';
export type { ThaiDigitOptions } from './digits.ts';
export { dateInBangkok, formatThaiDate, parseThaiDate, THAI_MONTHS } from './dates.ts';
export type { ThaiDateStyle } from './dates.ts';
export { fiscalYearOf, fiscalYearRange, fiscalMonths } from './fiscal.ts';
export type { FiscalMonth, Quarter } from './fiscal.ts';
export { bahtText } from './baht-text.ts';
export { segmentThai } from './segment.ts';
