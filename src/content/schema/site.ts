/** Site settings (content/site.yaml): validated like all content. Its URLs are http(s) only: they become links on every page and in every PDF. */
import { z } from 'zod';
import { textField } from './fields.ts';

export const SiteSchema = z.object({
  /** ชื่อเว็บไซต์ (site title) */
  title: textField().default('คู่มือการปฏิบัติงาน').describe('ชื่อเว็บไซต์ (site title)'),
  /** ที่อยู่เว็บไซต์บนอินทราเน็ต ใช้ทำ QR code และลิงก์ในแฟ้ม PDF (public URL, for QR codes and PDF links) */
  siteUrl: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('ที่อยู่เว็บไซต์ เช่น https://intranet.example.go.th/khumue/ (site URL)'),
  /** เส้นทางย่อยที่เว็บไซต์อยู่ เช่น /khumue/ (sub-path the site is served under; by default the path of siteUrl, else /) */
  base: z
    .string()
    .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, 'ต้องขึ้นต้นและลงท้ายด้วย / เช่น /khumue/ (a path that starts and ends with /, such as /khumue/)')
    .optional()
    .describe('เส้นทางย่อยของเว็บไซต์ เช่น /khumue/ ค่าเริ่มต้นคือเส้นทางของ siteUrl (site sub-path; default: the path of siteUrl)'),
  /** ที่อยู่สำหรับแก้ไขแฟ้มในคลังเอกสาร ต่อท้ายด้วยเส้นทางแฟ้ม (edit link base, the file path is appended) */
  editBaseUrl: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('ที่อยู่สำหรับแก้ไขแฟ้ม เช่น https://git.example.go.th/org/khumue/edit/main/ (edit base URL)'),
  /** ตัวเลขที่แสดงโดยค่าเริ่มต้น (numerals shown by default) */
  numerals: z.enum(['thai', 'arabic']).default('thai').describe('ตัวเลขไทยหรืออารบิก (numerals)'),
  /** โฟลเดอร์ใบรับรองของผู้ออกใบรับรองที่หน้า /verify/ เชื่อถือ อยู่ใน content/ (trust store of the /verify/ page, a folder inside content/) */
  trustStore: z
    .string()
    .regex(/^(?![/\\])(?!.*(?:^|[/\\])\.\.(?:[/\\]|$))[^\0]+$/, 'ต้องเป็นโฟลเดอร์ภายใน content/ (a folder inside content/, no .. and not absolute)')
    .optional()
    .describe('โฟลเดอร์ใบรับรอง CA ภายใน content/ เช่น trust (CA certificates the /verify/ page trusts)'),
});
/** The sub-path the site is served under: `base`, else the path of `siteUrl`, else `/`. */
export function siteBase(site: { base?: string; siteUrl?: string } | undefined): string {
  if (site?.base) return site.base;
  if (site?.siteUrl) return new URL(site.siteUrl).pathname.replace(/\/?$/, '/');
  return '/';
}
export type Site = z.output<typeof SiteSchema>;
export type SiteInput = z.input<typeof SiteSchema>;
