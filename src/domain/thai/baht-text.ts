/**
 * Amounts in words, as on Thai cheques and official documents, by the Royal Institute rules.
 * thai-baht-text 2.0.5 returns '' for 0, truncates satang and mishandles negatives, so the
 * reading is done here; the tests cross-check integers against that package where it is right.
 */
import { roundDecimal, toDecimal } from './digits.ts';

const DIGITS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const PLACES = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];

/** Reads up to six digits; `after` says a higher group (ล้าน) precedes, so a final 1 is เอ็ด. */
function readGroup(digits: string, after: boolean): string {
  const n = digits.replace(/^0+/, '');
  let out = '';
  for (let i = 0; i < n.length; i++) {
    const d = Number(n[i]);
    const place = n.length - 1 - i;
    if (d === 0) continue;
    if (place === 0) out += d === 1 && (n.length > 1 || after) ? 'เอ็ด' : DIGITS[d];
    else if (place === 1) out += `${d === 1 ? '' : d === 2 ? 'ยี่' : DIGITS[d]}สิบ`;
    else out += DIGITS[d] + PLACES[place];
  }
  return out;
}

/** Reads a whole number of any length, grouping by ล้าน. */
function readInteger(int: string): string {
  const groups: string[] = [];
  for (let end = int.length; end > 0; end -= 6) groups.unshift(int.slice(Math.max(0, end - 6), end));
  let out = '';
  groups.forEach((g, i) => {
    const text = readGroup(g, out !== '');
    out += text;
    if (i < groups.length - 1 && out !== '') out += 'ล้าน';
  });
  return out;
}

/**
 * Writes an amount of baht in Thai words: `14760` → `หนึ่งหมื่นสี่พันเจ็ดร้อยหกสิบบาทถ้วน`,
 * `0` → `ศูนย์บาทถ้วน`, `0.25` → `ยี่สิบห้าสตางค์`. Satang are rounded half-up to two decimals
 * on the decimal value. Text input may use Thai digits and thousands separators.
 * @throws RangeError for negative, non-finite or malformed amounts; TypeError for empty or non-numeric input.
 */
export function bahtText(amount: number | string): string {
  const dec = toDecimal(amount);
  if (dec.negative && /[1-9]/.test(dec.int + dec.frac)) {
    throw new RangeError(`จำนวนเงินติดลบอ่านเป็นตัวอักษรไม่ได้: \`${String(amount)}\` (negative amount)`);
  }
  const r = roundDecimal(dec, 2);
  const baht = readInteger(r.int);
  const satang = readGroup(r.frac, false);
  if (!baht && !satang) return 'ศูนย์บาทถ้วน';
  if (!satang) return `${baht}บาทถ้วน`;
  return `${baht ? `${baht}บาท` : ''}${satang}สตางค์`;
}
