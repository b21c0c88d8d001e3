/**
 * Personal data in content (PDPA): Thai mobile numbers, 13-digit national ID numbers (with a valid
 * check digit), personal e-mail addresses (free mail providers) and, in new content, a person's
 * name with a title (นาย นาง นางสาว น.ส.) — each a warning with where it is, unless it stands in a
 * field made for it (approvals, owner, an office's head and deputy, an office's phone) or inside an
 * `<Intranet>` block, which a public build (`npm run build -- --public`) leaves out.
 */
import { fromThaiDigits } from '../../domain/thai/index.ts';
import type { SourceFile } from '../source-file.ts';

/** Lines of YAML that are fields made for a person's name or an office's contact. */
const CONTACT_FIELD = /^\s*(?:-\s+)?(?:name|position|owner|approvedBy|phone|head|deputy|role)\s*:/;

/** A 13-digit Thai national ID number's check digit is right. */
export function validNationalId(digits: string): boolean {
  if (!/^\d{13}$/.test(digits) || digits[0] === '0') return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

const NOT_A_NAME = /^(?:นาย(?:ก|อำเภอ|ทะเบียน|ช่าง|หน้า|ด่าน|ประกัน|ทุน|จ้าง|พราน|ท้าย|เวร|ตรวจ|สถานี|ร้อย|พัน|พล|สิบ|ดาบ|ห้าง)|นาง(?:พยาบาล|งาม|ฟ้า|สนม|กำนัล|ใน|แบบ))/;

/** What the patterns below need somewhere in the line: ten digits (a phone or ID number), an @, a title. */
const TEN_DIGITS = /[0-9๐-๙](?:[-\s]?[0-9๐-๙]){9}/;
const TITLE = /นา[งย]|น\.ส\./;

const FREE_MAIL = /@(?:gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|msn|proton(?:mail)?|aol)\.(?:com|co\.th|net|me)\b/i;

export function checkPersonalData(source: SourceFile, text: string): void {
  const lines = text.split('\n');
  let frontmatter = lines[0]?.trim() === '---';
  let intranet = 0;
  lines.forEach((raw, i) => {
    if (i > 0 && frontmatter && raw.trim() === '---') {
      frontmatter = false;
      return;
    }
    const tag = raw.includes('Intranet');
    if (tag) intranet += (raw.match(/<Intranet\b[^>]*>/g) ?? []).length;
    const inIntranet = intranet > 0;
    if (tag) intranet -= (raw.match(/<\/Intranet>/g) ?? []).length;
    if (inIntranet) return;
    // fields made for names and contacts are where these belong (in YAML, the frontmatter, or a
    // frontmatter that lost its `---` and is read as text)
    if (CONTACT_FIELD.test(raw)) return;
    const at = (index: number) => ({ line: i + 1, column: index + 1 });
    const digits = TEN_DIGITS.test(raw);
    const email = raw.includes('@');
    // Thai digits read as Arabic ones, once, for the line that may hold a number or an address
    const line = digits || email ? fromThaiDigits(raw) : raw;
    if (digits) {
      for (const m of line.matchAll(/(?<![\d.])0[689]\d[-\s]?\d{3}[-\s]?\d{4}(?![\d])/g))
        source.push('personal-phone', at(m.index!), '', { text: raw.slice(m.index!, m.index! + m[0].length) });
      for (const m of line.matchAll(/(?<!\d)\d[-\s]?\d{4}[-\s]?\d{5}[-\s]?\d{2}[-\s]?\d(?!\d)/g)) {
        if (validNationalId(m[0].replace(/\D/g, ''))) source.push('personal-id', at(m.index!), '', { text: raw.slice(m.index!, m.index! + m[0].length) });
      }
    }
    if (email)
      for (const m of line.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)) {
        if (FREE_MAIL.test(m[0])) source.push('personal-email', at(m.index!), '', { text: m[0] });
      }
    if (!TITLE.test(raw)) return;
    // a title, a given name and a surname (Thai runs words together: ให้นางสาวสมใจ ใจงาม), but not a
    // word that starts with a title (นายกรัฐมนตรี, นายอำเภอ, นายทะเบียน, นางพยาบาล)
    for (const m of raw.matchAll(/(นางสาว|นาง|นาย|น\.ส\.)\s?([ก-ฮเ-ไ][ก-๙]+)\s+([ก-ฮเ-ไ][ก-๙]{2,})/g)) {
      if (NOT_A_NAME.test(`${m[1]}${m[2]}`)) continue;
      source.push('personal-name', at(m.index!), '', { text: m[0] });
    }
  });
}
