/**
 * Thai and Arabic digits, grouped numbers and authored amounts.
 * Pure: no I/O, no Astro.
 */

const THAI_ZERO = 0x0e50;

/** Options for {@link toThaiDigits}. */
export interface ThaiDigitOptions {
  /** Thousands separators for numbers (default true). Use `false` for years and codes. */
  grouping?: boolean;
  /** Exact number of fraction digits for numbers (default: as many as the number has, up to 10). */
  fractionDigits?: number;
}

/**
 * Writes a value with Thai digits.
 * A number is formatted with `Intl.NumberFormat('th-TH-u-nu-thai')` (`160170` → `๑๖๐,๑๗๐`);
 * a string is converted digit by digit and everything else in it is left untouched.
 */
export function toThaiDigits(value: number | string, options: ThaiDigitOptions = {}): string {
  if (typeof value === 'string') {
    return value.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + d.charCodeAt(0) - 48));
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`toThaiDigits: expected a finite number or a string, received \`${String(value)}\``);
  }
  const { grouping = true, fractionDigits } = options;
  if (fractionDigits !== undefined && (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 20)) {
    throw new RangeError(`toThaiDigits: fractionDigits must be a whole number from 0 to 20, received \`${fractionDigits}\``);
  }
  return thaiFormat(grouping, fractionDigits).format(value);
}

/** One formatter per option set: making an Intl.NumberFormat costs far more than using it. */
const formats = new Map<string, Intl.NumberFormat>();
function thaiFormat(grouping: boolean, fractionDigits: number | undefined): Intl.NumberFormat {
  const key = `${grouping}|${fractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('th-TH-u-nu-thai', {
      useGrouping: grouping,
      minimumFractionDigits: fractionDigits ?? 0,
      maximumFractionDigits: fractionDigits ?? 10,
    });
    formats.set(key, format);
  }
  return format;
}

/** The Arabic digit for a Thai digit's code point (U+0E50–U+0E59), else undefined. */
export function arabicDigitOf(code: number): string | undefined {
  return code >= THAI_ZERO && code <= THAI_ZERO + 9 ? String.fromCharCode(48 + code - THAI_ZERO) : undefined;
}

/** Replaces Thai digits with Arabic digits, one by one; everything else is untouched. */
export function fromThaiDigits(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (d) => String.fromCharCode(48 + d.charCodeAt(0) - THAI_ZERO));
}

const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * Reads an amount as authors write it (`๑๔,๗๖๐.๐๐`, `14,760.00`, `14760`) into a plain decimal
 * string (`14760.00`). Thousands separators must sit every three digits.
 * @throws RangeError when the text is not an amount.
 */
export function parseThaiAmount(text: string): string {
  if (typeof text !== 'string') throw new TypeError(`parseThaiAmount: expected text, received \`${typeof text}\``);
  const plain = fromThaiDigits(text.trim());
  if (!AMOUNT.test(plain)) {
    throw new RangeError(`ไม่ใช่จำนวนเงิน: \`${text}\` (not an amount; expected e.g. \`๑๔,๗๖๐.๐๐\` or \`14760.00\`)`);
  }
  const negative = plain.startsWith('-');
  const [intPart, frac] = plain.replace(/^-/, '').replace(/,/g, '').split('.');
  const int = intPart.replace(/^0+(?=\d)/, '');
  return `${negative ? '-' : ''}${int}${frac !== undefined ? `.${frac}` : ''}`;
}

/** A non-negative decimal as integer and fraction digit strings, parsed from a number or text. */
export interface Decimal {
  negative: boolean;
  int: string;
  frac: string;
}

/**
 * Parses a number or a decimal string (Thai or Arabic digits, optional grouping commas) exactly,
 * without going through binary floating point for strings.
 * @throws TypeError for empty or non-numeric input types, RangeError for malformed or non-finite values.
 */
export function toDecimal(amount: number | string): Decimal {
  let text: string;
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) throw new RangeError(`จำนวนต้องเป็นตัวเลขจำกัด: \`${amount}\` (expected a finite number)`);
    text = numberToPlainString(amount);
  } else if (typeof amount === 'string') {
    if (amount.trim() === '') throw new TypeError('จำนวนว่างเปล่า (empty amount)');
    text = parseThaiAmount(amount);
  } else {
    throw new TypeError(`ต้องเป็นตัวเลขหรือข้อความ: \`${typeof amount}\` (expected a number or a string)`);
  }
  const negative = text.startsWith('-');
  const [int, frac = ''] = text.replace(/^-/, '').split('.');
  return { negative, int: int.replace(/^0+(?=\d)/, ''), frac };
}

/** Writes a finite number without exponent notation (`1e21` → `1000000000000000000000`). */
function numberToPlainString(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mantissa, expText] = s.split(/e/i);
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const [i, f = ''] = mantissa.replace('-', '').split('.');
  const digits = i + f;
  const point = i.length + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + out;
}

/**
 * Rounds a decimal half-up (away from zero) to `places` fraction digits, as strings.
 * Returns integer and fraction digit strings; the fraction has exactly `places` digits.
 */
export function roundDecimal(d: Decimal, places: number): Decimal {
  const frac = d.frac.padEnd(places + 1, '0');
  const kept = d.int + frac.slice(0, places);
  const roundUp = frac.charCodeAt(places) >= 53; // '5'
  let digits = roundUp ? addOne(kept) : kept;
  digits = digits.padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places).replace(/^0+(?=\d)/, '');
  return { negative: d.negative, int, frac: places ? digits.slice(digits.length - places) : '' };
}

function addOne(digits: string): string {
  const arr = digits.split('');
  for (let i = arr.length - 1; i >= 0; i--) {
    if (arr[i] === '9') arr[i] = '0';
    else {
      arr[i] = String(Number(arr[i]) + 1);
      return arr.join('');
    }
  }
  return `1${arr.join('')}`;
}

/** Groups an integer digit string by thousands with commas. */
export function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats an amount of baht with Thai digits, grouping and two decimals (`14760` → `๑๔,๗๖๐.๐๐`).
 * Satang are rounded half-up on the decimal value.
 */
export function formatBaht(amount: number | string): string {
  const r = roundDecimal(toDecimal(amount), 2);
  const zero = /^0+$/.test(r.int + r.frac);
  return toThaiDigits(`${r.negative && !zero ? '-' : ''}${groupThousands(r.int)}.${r.frac}`);
}
