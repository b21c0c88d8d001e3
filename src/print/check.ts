/**
 * The print check: reads every printed PDF the way a reader and an independent checker do — its
 * text and where it stands on each page (poppler's `pdftotext -bbox-layout`), its fonts
 * (`pdffonts`), its bookmarks and page labels (pdf-lib) — and reports what a head of office would
 * reject before signing, like a validation problem: file, page, a Thai message with its English
 * sense, and a hint.
 *
 * - `not-a4`: a page that is not A4 (portrait or landscape);
 * - `font-not-shipped`: a font other than the shipped Sarabun (a glyph drawn by a fallback font);
 * - `broken-thai`: text that extracts broken (U+FFFD, legacy private-use glyphs, a split sara am,
 *   a vowel or tone mark with no consonant);
 * - `sparse-page`: a page with fewer than three lines of content that does not open a section of its own
 *   (a cover, a divider, a short part or คำนำ): a table's last row or a note pushed onto a page of its own;
 * - `heading-at-foot`: a heading with nothing after it on its page (stranded from its content);
 * - `heading-split`: a heading whose lines are on two pages;
 * - `bookmark-off-page`: a bookmark whose title is not on the page it opens;
 * - `toc-mismatch`: a สารบัญ number that is not the printed number of its heading's page;
 * - `page-label-mismatch`: a viewer's page label (/PageLabels) that is not the number printed on the page.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, PDFArray } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import { type OutlineEntry, outlineOfDocument } from './pdf/outline.ts';

const run = promisify(execFile);

export type PrintCheckCode =
  | 'not-a4'
  | 'font-not-shipped'
  | 'broken-thai'
  | 'sparse-page'
  | 'heading-at-foot'
  | 'heading-split'
  | 'bookmark-off-page'
  | 'toc-mismatch'
  | 'page-label-mismatch';

export interface PrintProblem {
  code: PrintCheckCode;
  severity: 'error' | 'warning';
  /** the PDF, relative to the site root (pdf/x.pdf) */
  pdf: string;
  /** the content file the document is printed from, when there is one */
  file?: string;
  /** 1-based physical page */
  page: number;
  /** the number printed on that page (- ๓ -), when it has one */
  label?: string;
  message: string;
  hint: string;
}

/** The fonts the project ships and the PDFs may embed. */
export const SHIPPED_FONTS = /^Sarabun-(?:Regular|Bold|Italic|BoldItalic)$/;

interface Line {
  y0: number;
  y1: number;
  x0: number;
  text: string;
}
interface PageText {
  width: number;
  height: number;
  /** lines of content, top to bottom (the page number at the top left out) */
  lines: Line[];
  /** the page number printed in the top margin ('๓' for "- ๓ -", 'ก'), or '' */
  printed: string;
}

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#(\d+));/g, (_, name: string, code?: string) =>
    code ? String.fromCodePoint(Number(code)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name]!,
  );

/** The pages of a PDF with their lines, from poppler's bounding-box output. */
async function pageTexts(pdf: string): Promise<PageText[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 1 << 28 });
  const pages: PageText[] = [];
  for (const p of stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const lines: Line[] = [];
    for (const l of p[3]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...l[4]!.matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => decode(w[1]!));
      lines.push({ x0: Number(l[1]), y0: Number(l[2]), y1: Number(l[3]), text: words.join(' ') });
    }
    lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    // the page number sits in the top margin (above 1.9 cm)
    const top = lines
      .filter((l) => l.y1 <= 54)
      .map((l) => l.text)
      .join(' ');
    const printed = /^-?\s*([๐-๙]+|[ก-ฮ])\s*-?$/.exec(top.trim())?.[1] ?? '';
    pages.push({ width: Number(p[1]), height: Number(p[2]), lines: lines.filter((l) => l.y1 > 54), printed });
  }
  return pages;
}

/** Lines that share a baseline band (table cells side by side) count as one line of the page. */
function bands(lines: readonly Line[]): Line[][] {
  const out: Line[][] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last && line.y0 < last[0]!.y1 - 2) last.push(line);
    else out.push([line]);
  }
  return out;
}

/** Text compared across the PDF's text, bookmarks and TOC: letters and digits only. */
const squash = (s: string) => s.replace(/[^\u0E01-\u0E5BA-Za-z0-9]/g, '');

/** The label of every page from the PDF's /PageLabels (prefixes, as print/pdf/metadata.ts writes them). */
function pageLabels(doc: PDFDocument, count: number): string[] {
  const nums = doc.catalog.lookupMaybe(PDFName.of('PageLabels'), PDFDict)?.lookupMaybe(PDFName.of('Nums'), PDFArray);
  const labels = new Array<string>(count).fill('');
  if (!nums) return labels;
  for (let i = 0; i + 1 < nums.size(); i += 2) {
    const at = nums.lookup(i, PDFNumber).asNumber();
    const prefix = nums.lookup(i + 1, PDFDict).lookup(PDFName.of('P'));
    if (at < count) labels[at] = prefix instanceof PDFString || prefix instanceof PDFHexString ? prefix.decodeText() : '';
  }
  return labels;
}

/** Fonts of a page range, without their subset tags. */
async function fontsOf(pdf: string, page?: number): Promise<string[]> {
  const args = page ? ['-f', String(page), '-l', String(page), pdf] : [pdf];
  const { stdout } = await run('pdffonts', args);
  return stdout
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
    .filter(Boolean);
}

const BROKEN_THAI: Array<[RegExp, string]> = [
  [/\uFFFD/, 'อักขระแทนที่ U+FFFD (a replacement character)'],
  [/[\uF700-\uF71F]/, 'รูปอักษรไทยแบบเก่าในพื้นที่ส่วนตัวของยูนิโค้ด (legacy private-use Thai glyphs)'],
  [/[\u0E01-\u0E2E][\u0E48-\u0E4B]? \u0E32/, 'สระอำที่แยกเป็น " า" (a sara am split into a space and sara aa)'],
  [/\u0E4D\u0E32/, 'สระอำที่ถอดเป็นนิคหิต + สระอา (sara am extracted as nikhahit + sara aa)'],
  [/(?:^|[\s(])[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/, 'สระหรือวรรณยุกต์ที่ไม่มีพยัญชนะนำ (a vowel or tone mark with no consonant)'],
];

const A4 = [595.28, 841.89];
const near = (a: number, b: number) => Math.abs(a - b) < 3;

/**
 * Checks one printed PDF. `severity` is `warning` for a document transcribed from a source (its
 * own layout quirks are reported, not blocking) and `error` for new content.
 */
export async function checkPdf(
  path: string,
  options: {
    pdf: string;
    file?: string;
    severity?: 'error' | 'warning';
    /** what the printer already read of this PDF: /PageLabels and bookmarks (saves parsing it again) */
    known?: { labels: string[]; outline: OutlineEntry[] };
  } = { pdf: path },
): Promise<PrintProblem[]> {
  const severity = options.severity ?? 'error';
  const pages = await pageTexts(path);
  const doc = options.known ? undefined : await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  const declared = options.known?.labels ?? pageLabels(doc!, pages.length);
  // the number a reader sees: printed in the margin; the first body page prints none (it is ๑)
  const seen = pages.map((p, i) => p.printed || (pages[i + 1]?.printed === '๒' ? '๑' : ''));
  const labels = declared.some(Boolean) ? declared : seen;
  const outline = options.known?.outline ?? outlineOfDocument(doc!);
  const problems: PrintProblem[] = [];
  const report = (code: PrintCheckCode, page: number, message: string, hint: string) =>
    problems.push({ code, severity, pdf: options.pdf, file: options.file, page, label: labels[page - 1] || undefined, message, hint });

  seen.forEach((printed, i) => {
    if (printed && declared.some(Boolean) && declared[i] !== printed)
      report(
        'page-label-mismatch',
        i + 1,
        `เลขหน้าที่พิมพ์คือ ${printed} แต่ /PageLabels ของ PDF ให้ ${declared[i] || '(ว่าง)'} (the viewer's page label differs from the printed number)`,
        'เลขหน้าในโปรแกรมอ่าน PDF ต้องตรงกับเลขที่พิมพ์บนหน้า',
      );
  });

  pages.forEach((p, i) => {
    if (!((near(p.width, A4[0]!) && near(p.height, A4[1]!)) || (near(p.width, A4[1]!) && near(p.height, A4[0]!))))
      report(
        'not-a4',
        i + 1,
        `หน้านี้ไม่ใช่กระดาษ A4 (${p.width.toFixed(0)}×${p.height.toFixed(0)} pt) (the page is not A4)`,
        'ใช้ @page { size: A4 } หรือ A4 landscape เท่านั้น',
      );
  });

  const fonts = [...new Set(await fontsOf(path))].filter((f) => !SHIPPED_FONTS.test(f));
  if (fonts.length) {
    for (let page = 1; page <= pages.length; page++) {
      const here = (await fontsOf(path, page)).filter((f) => fonts.includes(f));
      if (here.length)
        report(
          'font-not-shipped',
          page,
          `มีอักขระที่พิมพ์ด้วยฟอนต์สำรอง ${[...new Set(here)].join(', ')} แทน Sarabun (a glyph drawn by a fallback font, not the shipped Sarabun)`,
          'ใช้อักขระที่ Sarabun มี หรือสัญลักษณ์ที่ khumue วาดให้ (➤ ● ✓ ▪ → …); โค้ดในบรรทัดพิมพ์ด้วย Sarabun',
        );
    }
  }

  pages.forEach((p, i) => {
    for (const line of p.lines) {
      const broken = BROKEN_THAI.find(([re]) => re.test(line.text));
      if (broken) {
        report(
          'broken-thai',
          i + 1,
          `ข้อความไทยที่ถอดจาก PDF ผิดรูป: ${broken[1]} ใน “${line.text.slice(0, 60)}” (Thai text extracts broken)`,
          'พิมพ์ด้วยฟอนต์ที่ฝังได้ครบ และตรวจต้นฉบับว่าสระอำไม่ได้แยก',
        );
        break;
      }
    }
  });

  // where each bookmark's heading is: its page must hold it whole, with something after it
  const squashed = pages.map((p) => bands(p.lines).map((b) => squash(b.map((l) => l.text).join(''))));
  const dividers = new Set<number>();
  const headingOnly = new Map<number, string>();
  for (const entry of outline) {
    const title = squash(entry.title);
    if (!title || entry.page < 1) continue;
    const here = squashed[entry.page - 1] ?? [];
    const text = here.join('');
    const at = text.indexOf(title);
    if (at < 0) {
      const next = (squashed[entry.page] ?? []).join('');
      const split = [...title].some((_, k) => k > 0 && text.endsWith(title.slice(0, k)) && next.startsWith(title.slice(k)));
      if (split)
        report(
          'heading-split',
          entry.page,
          `หัวข้อ “${entry.title}” ขึ้นบรรทัดแรกท้ายหน้านี้และต่อในหน้าถัดไป (a heading split across two pages)`,
          'หัวข้อต้องอยู่ในหน้าเดียว: break-inside: avoid',
        );
      else
        report(
          'bookmark-off-page',
          entry.page,
          `ที่คั่นหน้า “${entry.title}” เปิดหน้านี้ แต่หัวข้อไม่อยู่ในหน้านี้ (a bookmark opens a page its heading is not on)`,
          'ที่คั่นหน้าต้องเปิดหน้าที่มีหัวข้อนั้น',
        );
      continue;
    }
    // the band the heading ends in; nothing after it means it is stranded at the foot of the page
    let chars = 0;
    let endBand = 0;
    for (let b = 0; b < here.length; b++) {
      chars += here[b]!.length;
      if (chars >= at + title.length) {
        endBand = b;
        break;
      }
    }
    // a page that opens with a heading starts a section of its own (a short part, a คำนำ, a divider)
    if (at === 0) dividers.add(entry.page);
    if (at === 0 && endBand === here.length - 1) {
      headingOnly.set(entry.page, entry.title);
      continue;
    }
    if (endBand === here.length - 1 && entry.page < pages.length)
      report(
        'heading-at-foot',
        entry.page,
        `หัวข้อ “${entry.title}” อยู่ท้ายหน้าโดยไม่มีเนื้อหาตามมา (a heading stranded at the foot of its page)`,
        'หัวข้อต้องไปกับเนื้อหาแรกของมัน: break-after: avoid',
      );
  }

  // a page that holds only a heading is a divider when the next page opens a section; otherwise the
  // heading was left behind by its content (a landscape figure that went on to the next page)
  for (const [page, title] of headingOnly)
    if (page < pages.length && !dividers.has(page + 1))
      report(
        'heading-at-foot',
        page,
        `หัวข้อ “${title}” อยู่หน้าเดียวโดยลำพัง เนื้อหาของหัวข้อขึ้นหน้าถัดไป (a heading alone on its page, its content on the next)`,
        'หัวข้อต้องไปกับเนื้อหาแรกของมัน: หัวข้อของตารางแนวนอนต้องอยู่บนหน้าแนวนอนด้วย',
      );

  pages.forEach((p, i) => {
    const n = bands(p.lines).length;
    if (n >= 3 || labels[i] === 'ปก' || (i === 0 && !labels[i]) || dividers.has(i + 1)) return;
    report(
      'sparse-page',
      i + 1,
      `หน้านี้มีเนื้อหาเพียง ${n} บรรทัด (a page with ${n} line${n === 1 ? '' : 's'} of content)`,
      'หน้าที่เกือบว่างมักเกิดจากตารางหรือรูปที่ขึ้นหน้าใหม่ หรือหัวข้อที่ถูกแยก',
    );
  });

  // สารบัญ: every entry's number is the label of its heading's page
  const tocPages = pages.map((_, i) => i).filter((i) => squashed[i]![0] === 'สารบัญ');
  const pending: string[] = [];
  const used = new Set<number>();
  for (const i of tocPages) {
    for (const band of bands(pages[i]!.lines).slice(1)) {
      const text = band
        .map((l) => l.text)
        .join(' ')
        .trim();
      const m = /^(.*?)\s*([๐-๙]+|[ก-ฮ])$/.exec(text);
      if (!m?.[1]) {
        pending.push(text);
        continue;
      }
      const title = squash([...pending.splice(0), m[1]].join(''));
      const k = outline.findIndex((o, j) => !used.has(j) && squash(o.title) === title);
      if (k < 0) continue;
      used.add(k);
      const expected = labels[outline[k]!.page - 1];
      if (expected !== undefined && expected !== m[2])
        report(
          'toc-mismatch',
          i + 1,
          `สารบัญให้ “${m[1]}” หน้า ${m[2]} แต่หัวข้ออยู่หน้า ${expected || '(ไม่มีเลขหน้า)'} (a TOC number differs from its heading's page)`,
          'สารบัญสองรอบต้องนิ่ง: ตรวจว่าหัวข้อมี id และพิมพ์ซ้ำจนเลขหน้าตรง',
        );
    }
  }
  return problems;
}

/** Problems as text, JSON or GitHub annotations, like the validator's. */
export function formatPrintProblems(problems: readonly PrintProblem[], format: 'text' | 'json' | 'github'): string {
  if (format === 'json') return JSON.stringify(problems, null, 2);
  if (format === 'github')
    return problems
      .map(
        (p) =>
          `::${p.severity} ${p.file ? `file=${p.file},` : ''}title=print check ${p.code}::${p.pdf} หน้า ${p.page}${p.label ? ` (${p.label})` : ''}: ${p.message.replace(/\n/g, ' ')}`,
      )
      .join('\n');
  return problems
    .map(
      (p) =>
        `${p.pdf}:${p.page}: ${p.severity === 'error' ? 'ผิดพลาด (error)' : 'คำเตือน (warning)'} ${p.code}: หน้า ${p.page}${p.label ? ` (${p.label})` : ''} — ${p.message}${p.file ? `\n  ต้นฉบับ (source): ${p.file}` : ''}\n  คำแนะนำ (hint): ${p.hint}`,
    )
    .join('\n');
}
