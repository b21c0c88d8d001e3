/**
 * Who signs a printed PDF, as the PDF itself records it: the build writes the declared
 * signatories (role, name, position) into the document information (/KhumueSignatories, a JSON
 * text string), and the approval page names each role's signing area with the destinations
 * sig-<key> (top-left corner) and sig-<key>-end (bottom-right). `npm run sign` reads both from the
 * file it signs, so a PDF carries what it needs wherever it is copied to — and a document of one
 * office can only ever be signed for the people its own content declares.
 *
 * Platform-neutral: the browser's /verify/ page reads it too.
 */

export const APPROVAL_ORDER = ['ผู้จัดทำ', 'ผู้ตรวจสอบ', 'ผู้อนุมัติ'] as const;
export type SigningRole = (typeof APPROVAL_ORDER)[number];

/** The ASCII key of a role, in destination and field names. */
export const SIGNATURE_KEYS: Record<SigningRole, string> = { ผู้จัดทำ: 'prepared', ผู้ตรวจสอบ: 'reviewed', ผู้อนุมัติ: 'approved' };

export const roleOfKey = (key: string): SigningRole | undefined => APPROVAL_ORDER.find((r) => SIGNATURE_KEYS[r] === key);

export interface Signatory {
  role: SigningRole;
  name?: string;
  position?: string;
}

/** The Info key the build writes the signatories under. */
export const SIGNATORIES_KEY = 'KhumueSignatories';

const TITLES = ['นางสาว', 'นาง', 'นาย', 'ว่าที่ร้อยตรีหญิง', 'ว่าที่ร้อยตรี', 'ว่าที่ ร.ต.หญิง', 'ว่าที่ ร.ต.', 'ดร.', 'ศ.', 'รศ.', 'ผศ.', 'น.ส.'];

/**
 * A name as compared between a certificate and the content: Unicode NFC, no zero-width or
 * non-breaking characters, no spaces, no title (นาย นาง นางสาว น.ส. ดร. …), Thai digits as Arabic.
 * "นางสาว สมใจ  ใจดี" and "สมใจ ใจดี" are the same person; "สมใจ ใจดีมาก" is not.
 */
export function normalizeName(name: string): string {
  let s = name
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of TITLES) {
      if (s.startsWith(t)) {
        s = s.slice(t.length).trim();
        changed = true;
      }
    }
  }
  return s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/ /g, '');
}

export const sameName = (a: string, b: string): boolean => normalizeName(a) !== '' && normalizeName(a) === normalizeName(b);

/** Reads /KhumueSignatories from the JSON the Info dictionary holds; [] when absent or unreadable. */
export function parseSignatories(json: string | undefined): Signatory[] {
  if (!json) return [];
  try {
    const list = JSON.parse(json) as unknown;
    if (!Array.isArray(list)) return [];
    return list.flatMap((s) => {
      if (!s || typeof s !== 'object') return [];
      const { role, name, position } = s as Record<string, unknown>;
      if (!APPROVAL_ORDER.includes(role as SigningRole)) return [];
      return [{ role: role as SigningRole, name: typeof name === 'string' ? name : undefined, position: typeof position === 'string' ? position : undefined }];
    });
  } catch {
    return [];
  }
}
