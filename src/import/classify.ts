/**
 * What a paragraph is when no style says so: a heading of the ก.พ.ร. outline (วัตถุประสงค์,
 * ขอบเขต, … alone or after a number), an item numbered by hand (`๓.๑ …`, `(ก) …`, `1) …`), or text.
 * Word and PDF imports both use it.
 */

/** The headings of an operation manual by the ก.พ.ร. outline, and the front matter's. */
export const OUTLINE_WORDS = [
  'คำนำ',
  'สารบัญ',
  'วัตถุประสงค์',
  'ขอบเขต',
  'คำจำกัดความ',
  'นิยามศัพท์',
  'หน้าที่ความรับผิดชอบ',
  'ผังกระบวนการ',
  'ผังกระบวนการปฏิบัติงาน',
  'ขั้นตอนการปฏิบัติงาน',
  'มาตรฐานคุณภาพงาน',
  'มาตรฐานงาน',
  'ระบบติดตามประเมินผล',
  'การติดตามประเมินผล',
  'เอกสารอ้างอิง',
  'แบบฟอร์มที่ใช้',
  'แบบฟอร์ม',
  'ภาคผนวก',
  'บทนำ',
  'ความเป็นมา',
  'ภาพรวม',
];

const DIGIT = '[0-9๐-๙]';
/** `๓.๑`, `1.2.3`, `๑.`, `(ก)`, `ก.`, `1)` at the start of a paragraph, and the text after it */
const TYPED = new RegExp(`^(\\(?${DIGIT}{1,3}(?:\\.${DIGIT}{1,3})*[.)]?|\\(?[ก-ฮ][.)]|\\([ก-ฮ]\\))\\s+(\\S[\\s\\S]*)$`);

/** A number typed at the start: its label, its level (dots in it: `๓.๑` is level 1) and the rest. */
export function typedNumber(text: string): { label: string; level: number; rest: string } | undefined {
  const m = TYPED.exec(text.trim());
  if (!m) return undefined;
  const label = m[1]!;
  // `๒๕๖๔ ปีงบประมาณ` is a year, not a number: numbers of more than two digits without a dot are not labels
  if (/^[0-9๐-๙]{3,}$/.test(label)) return undefined;
  const level = /^[(ก-ฮ]/.test(label) ? 1 : label.replace(/[.)]$/, '').split('.').length - 1;
  return { label, level, rest: m[2]! };
}

/** The outline word a short paragraph is (`วัตถุประสงค์`, `๑. วัตถุประสงค์`, `บทที่ ๒ ขอบเขต`), if it is one. */
export function outlineHeading(text: string): { word: string; label?: string } | undefined {
  const t = text.trim().replace(/[:：]$/, '');
  if (t.length > 60) return undefined;
  const numbered = typedNumber(t);
  const body = (numbered?.rest ?? t).replace(/^(?:บทที่|ส่วนที่)\s*[0-9๐-๙]+\s*/, '').trim();
  // `ส่วนที่ ๑`, `บทที่ ๒` alone: a part heading
  if (!body && /^(?:บทที่|ส่วนที่)\s*[0-9๐-๙]+$/.test(t)) return { word: t };
  // `วัตถุประสงค์`, `วัตถุประสงค์ของการจัดทำคู่มือ`: the word, or the word and a few more; not a sentence that starts with it
  const word = [...OUTLINE_WORDS]
    .sort((a, b) => b.length - a.length)
    // `เอกสารอ้างอิง: ๑. พระราชบัญญัติ…` is a label and its text, not a heading
    .find((w) => body === w || (body.startsWith(w) && body.length <= w.length + 30 && !/^\s*:/.test(body.slice(w.length))));
  return word ? { word, label: numbered?.label } : undefined;
}

/** A bullet typed at the start (`- `, `• `, `▪ `): the text after it. */
export function typedBullet(text: string): string | undefined {
  const m = /^[-•▪❑●➤✓◦○■□]\s+(\S[\s\S]*)$/.exec(text.trim());
  return m?.[1];
}
