/**
 * Where a Thai line may not break. Chromium and Node break Thai lines at the word boundaries of
 * ICU's dictionary, which splits many compounds (กระทรวง|การ|คลัง, รับ|ผิด|ชอบ, น้ำ|หนัก) and every
 * unknown name into syllables (นาย|บุญ|ชัย). A line must not break inside:
 * - a word of libthai's dictionary that ICU splits (compounds.ts, generated from Debian's
 *   libthai-data by scripts/thai-compounds.ts), matched on ICU's own boundaries;
 * - an official term of the public service that neither dictionary keeps whole (below);
 * - a person's first name after นาย / นาง / นางสาว, and the surname after it;
 * - a date with an abbreviated month (๑๑ มี.ค. ๖๔).
 * The site and the PDFs (typeset.ts) and the labels drawn in SVG (diagram/wrap.ts) share this rule.
 */
import { DICTIONARY_COMPOUNDS } from './compounds.ts';
import { THAI_MONTHS } from './dates.ts';

/** Terms of Thai government documents that ICU splits and libthai's dictionary does not list. */
export const OFFICIAL_COMPOUNDS = [
  'กระทรวงการคลัง',
  'กรมบัญชีกลาง',
  'คลังจังหวัด',
  'คลังเขต',
  'ผลการดำเนินงาน',
  'ดำเนินงาน',
  'ดำเนินการ',
  'สถานศึกษา',
  'ตัวชี้วัด',
  'ผู้อำนวยการ',
  'ผู้รับผิดชอบ',
  'จัดซื้อจัดจ้าง',
  'คณะกรรมการ',
  'หนังสือราชการ',
  'ประสานงาน',
  'ปฏิบัติงาน',
  'ผู้ปฏิบัติงาน',
  'ปฏิบัติราชการ',
  'แผนปฏิบัติราชการ',
  'ผู้ตรวจราชการ',
  'ตรวจสอบภายใน',
  'ผู้บังคับบัญชา',
  'ส่วนราชการ',
  'หน่วยงาน',
  'กระบวนการ',
  'ประสิทธิผล',
  'ปลัดกระทรวง',
  'รองอธิบดี',
  'ข้อเสนอแนะ',
  'ภารกิจ',
  'มอบหมาย',
  'ลงนาม',
  'เสนอ',
  'ตรวจสอบ',
  'รับผิดชอบ',
  'ถูกต้อง',
  'ครบถ้วน',
  'พิจารณา',
  'ระยะเวลา',
  'ขั้นตอน',
  'เขตพื้นที่',
  'การศึกษา',
  'ความเสี่ยง',
  'ผู้ขาย',
  'ใบสำคัญ',
  'เบิกจ่าย',
  'หรือไม่',
  'ใบแจ้งหนี้',
];

const WORDS = new Set([...DICTIONARY_COMPOUNDS.split('\n'), ...OFFICIAL_COMPOUNDS]);
/** No dictionary word here is more than this many ICU words long. */
const MAX_PARTS = 6;
const LONGEST = Math.max(...[...WORDS].map((w) => w.length));
const THAI = /[\u0e01-\u0e4e]/;
/** A first name after a title, and the surname after it: ICU splits names it does not know. */
const NAME = /(นางสาว|นาย|นาง)([\u0e01-\u0e4e]{2,20})(?=[\s,.)]|$)(?:([ \u00a0]+)([\u0e01-\u0e4e]{2,24})(?=[\s,.)]|$))?/g;

/** A date with an abbreviated Thai month (๑๑ มี.ค. ๖๔, 9 ก.ย. 2564) or a month and year (ต.ค. ๖๓). */
const SHORT_DATE = new RegExp(
  `(?:(?<![๐-๙0-9])[๐-๙0-9]{1,2}[ \\u00a0]?)?(?:${THAI_MONTHS.map((m) => m.short.replace(/\./g, '\\.')).join('|')})(?:[ \\u00a0]?[๐-๙0-9]{2,4}(?![๐-๙0-9]))?`,
  'g',
);

let segmenter: Intl.Segmenter | undefined;

/** The ICU word boundaries inside `text` (offsets, without 0 and text.length). */
export function wordBoundaries(text: string): number[] {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  const out: number[] = [];
  for (const { index } of segmenter.segment(text)) if (index > 0) out.push(index);
  return out;
}

/**
 * The runs of `text` a line must not break inside, as [start, end) offsets, sorted and
 * disjoint; only runs that hold an ICU boundary (where a break would otherwise happen).
 */
export function unbreakableRuns(text: string): Array<[number, number]> {
  if (!THAI.test(text)) return [];
  const bounds = [0, ...wordBoundaries(text), text.length];
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    for (let k = Math.min(MAX_PARTS, bounds.length - 1 - i); k >= 2; k--) {
      const start = bounds[i]!;
      const end = bounds[i + k]!;
      if (end - start > LONGEST) continue;
      if (WORDS.has(text.slice(start, end))) {
        runs.push([start, end]);
        i += k - 1;
        break;
      }
    }
  }
  for (const word of OFFICIAL_COMPOUNDS) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) runs.push([at, at + word.length]);
  for (const m of text.matchAll(NAME)) {
    const nameEnd = m.index + m[1]!.length + m[2]!.length;
    runs.push([m.index, nameEnd]);
    if (m[4]) runs.push([nameEnd + m[3]!.length, nameEnd + m[3]!.length + m[4].length]);
  }
  for (const m of text.matchAll(SHORT_DATE)) runs.push([m.index, m.index + m[0].length]);
  runs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && run[0] < last[1]) last[1] = Math.max(last[1], run[1]);
    else merged.push([run[0], run[1]]);
  }
  const inner = new Set(bounds.slice(1, -1));
  return merged.filter(([s, e]) => {
    for (let i = s + 1; i < e; i++) if (inner.has(i)) return true;
    return false;
  });
}

/** True when a line break between `before` and `after` falls inside a run that must stay whole. */
export function breaksInsideWord(before: string, after: string): boolean {
  const tail = before.slice(-LONGEST - 24);
  const joined = tail + after.slice(0, LONGEST + 24);
  return unbreakableRuns(joined).some(([s, e]) => s < tail.length && e > tail.length);
}
