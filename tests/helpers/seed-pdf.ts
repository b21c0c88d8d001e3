/**
 * The five seed documents re-created as text PDFs, as their offices printed them: the seed text
 * (damage included: it is what a text layer of such a PDF gives back) laid out on A4 in Sarabun by
 * Chromium — paragraphs, headings, and each run of tab-separated lines as a bordered table, the
 * HTML left in cells shown as the text and line breaks it stood for.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, requireBrowser } from '../../src/print/find-browser.mjs';

const require = createRequire(import.meta.url);
const font = (weight: number) => readFileSync(require.resolve(`@fontsource/sarabun/files/sarabun-thai-${weight}-normal.woff2`)).toString('base64');
const latin = (weight: number) => readFileSync(require.resolve(`@fontsource/sarabun/files/sarabun-latin-${weight}-normal.woff2`)).toString('base64');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell's text: HTML left by the extraction read as the text and line breaks it stands for. */
function cellText(raw: string): string {
  return raw
    .replace(/<(?:br|\/li|\/p|\/div|\/tr|li|p)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\*\*/g, '')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export function seedHtml(text: string): string {
  // The seeds' lost sara am and misplaced tone marks are sequences of Thai characters: printed, they
  // come back from the PDF's text layer as they are, for the importer to repair. Their foreign glyphs
  // ('คุณวุฒಿಯ่าง') are another matter: the source PDF drew Thai glyphs whose text layer said Kannada;
  // Chromium would draw Kannada in a fallback font, whose text comes back as neither. So those are
  // printed as the Thai they stand for (repairThai's rule for them is tested on text: tests/import/).
  const lines = text
    .replace(/\r/g, '')
    .replace(/\u0cbf\u0caf/g, '\u0e34\u0e2d\u0e22')
    .split('\n');
  const out: string[] = [];
  // a work plan's Gantt (a dozen month columns and more) was printed on landscape pages
  const landscape = lines.some((l) => l.split('\t').length >= 12);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.includes('\t')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.includes('\t')) rows.push(lines[i++]!.split('\t').map(cellText));
      const width = Math.max(...rows.map((r) => r.length));
      // a column no row fills is left out, as a printed table has none
      const filled = Array.from({ length: width }, (_, c) => rows.some((r) => (r[c] ?? '').trim() !== ''));
      out.push(
        `<table>${rows
          .map((r) => `<tr>${Array.from({ length: width }, (_, c) => (filled[c] ? `<td>${esc(r[c] ?? '').replace(/\n/g, '<br>')}</td>` : '')).join('')}</tr>`)
          .join('')}</table>`,
      );
      continue;
    }
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line.trim());
    if (heading) {
      out.push(`<h${heading[1]!.length + 1}>${esc(cellText(heading[2]!))}</h${heading[1]!.length + 1}>`);
      i++;
      continue;
    }
    // a paragraph: the lines up to a blank line
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !lines[i]!.includes('\t') && !/^#{1,4}\s/.test(lines[i]!.trim())) para.push(cellText(lines[i++]!));
    out.push(`<p>${esc(para.join('\n')).replace(/\n/g, '<br>')}</p>`);
  }
  return `<!doctype html><html lang="th"><meta charset="utf-8"><style>
@font-face { font-family: Sarabun; font-weight: 400; src: url(data:font/woff2;base64,${font(400)}); unicode-range: U+0E00-0E7F; }
@font-face { font-family: Sarabun; font-weight: 400; src: url(data:font/woff2;base64,${latin(400)}); unicode-range: U+0000-00FF, U+2000-206F; }
@font-face { font-family: Sarabun; font-weight: 700; src: url(data:font/woff2;base64,${font(700)}); unicode-range: U+0E00-0E7F; }
@page { size: A4${landscape ? ' landscape' : ''}; margin: ${landscape ? '1.5cm' : '2cm 2cm 2.5cm 3cm'}; }
body { font: 15px/1.5 Sarabun, sans-serif; color: #000; }
h2 { font-size: 22px; } h3 { font-size: 19px; } h4, h5 { font-size: 17px; }
p { margin: 0 0 .6em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 13px; }
td { border: 1px solid #000; padding: 5px 6px; vertical-align: top; overflow-wrap: anywhere; }
tr { break-inside: avoid; }
</style><body>${out.join('\n')}</body></html>`;
}

/** Prints HTML to a PDF with Chromium (no network: everything is inline). */
export async function printPdf(html: string, out: string): Promise<void> {
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), args: BROWSER_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    writeFileSync(out, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
  }
}
