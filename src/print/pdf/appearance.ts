/**
 * The visible appearance of an electronic signature: a small PDF page, the size of the signing
 * area, printed by Chromium so that the Thai is shaped by HarfBuzz and set in the shipped Sarabun
 * (with its ToUnicode map, so the text extracts) — a PDF library that cannot shape Thai would
 * misplace the vowels and tone marks. print/pdf/sign.ts embeds the page as the widget's form XObject.
 *
 * The signer's process holds the key, so this page runs nothing: JavaScript is off, every text is
 * escaped, the fonts are data URLs, requests are refused, and Chromium starts with the printing
 * environment (browserEnv), never the signer's (the password is not passed on).
 */
import { createRequire } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import * as fontkit from 'fontkit';
import puppeteer from 'puppeteer-core';
import { escapeHtml } from '../../content/body.ts';
import { formatThaiDate, toThaiDigits } from '../../domain/thai/index.ts';
import { BROWSER_ARGS, requireBrowser } from '../find-browser.mjs';
import { newProfile } from '../browser-profile.ts';
import { browserEnv } from '../render.ts';

export interface AppearanceText {
  role: string;
  name: string;
  position?: string;
  time: Date;
}

/** `๑ ธ.ค. ๒๕๖๙ เวลา ๑๓:๐๕ น.` — the time in Bangkok, in Thai digits and the Buddhist era. */
export function thaiDateTime(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Bangkok',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${formatThaiDate(`${parts.year}-${parts.month}-${parts.day}`, 'short-full-year')} เวลา ${toThaiDigits(`${parts.hour}:${parts.minute}`)} น.`;
}

/** The lines an appearance shows, in order. */
export function appearanceLines(t: AppearanceText): string[] {
  return ['ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์', t.name, ...(t.position ? [t.position] : []), `วันที่ ${thaiDateTime(t.time)}`];
}

type Font = { unitsPerEm: number; hasGlyphForCodePoint(c: number): boolean; glyphForCodePoint(c: number): { advanceWidth: number } };
let metrics: Font[] | undefined;
/** The width of a line at 1 pt, from Sarabun's advance widths (Thai marks have none), bold or not. */
function lineWidth(text: string, bold: boolean): number {
  const require = createRequire(import.meta.url);
  metrics ??= ['thai-400', 'latin-400', 'thai-700', 'latin-700'].map(
    (f) => fontkit.openSync(require.resolve(`@fontsource/sarabun/files/sarabun-${f}-normal.woff2`)) as unknown as Font,
  );
  const [thai, latin] = bold ? [metrics[2]!, metrics[3]!] : [metrics[0]!, metrics[1]!];
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const font = thai.hasGlyphForCodePoint(c) ? thai : latin;
    w += font.glyphForCodePoint(c).advanceWidth / font.unitsPerEm;
  }
  return w;
}

/**
 * The font size of each line: as large as the box allows, every line on one line — never cut.
 * The heading and the date are smaller than the name.
 */
export function lineSizes(lines: readonly string[], width: number, height: number): number[] {
  const scale = lines.map((_, i) => (i === 1 ? 1.15 : i === 0 ? 0.85 : 0.95));
  const bold = lines.map((_, i) => i <= 1);
  const inner = width - 10;
  const byHeight = (height - 5) / (scale.reduce((a, b) => a + b, 0) * 1.22);
  const base = Math.min(11, byHeight);
  return lines.map((l, i) => Math.min(base * scale[i]!, (inner / lineWidth(l, bold[i]!)) * 0.97));
}

let fonts: string | undefined;
function fontFaces(): string {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  const face = (subset: string, weight: number, range: string) => {
    const data = readFileSync(require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-${weight}-normal.woff2`)).toString('base64');
    return `@font-face{font-family:S;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range}}`;
  };
  const thai = 'U+0E01-0E5B,U+200C-200D,U+25CC';
  const latin = 'U+0000-00FF,U+2000-206F';
  fonts = [face('thai', 400, thai), face('latin', 400, latin), face('thai', 700, thai), face('latin', 700, latin)].join('');
  return fonts;
}

/**
 * Prints the appearances (one page each, `width` × `height` points, transparent background) with
 * one Chromium; returns one single-page PDF per appearance.
 */
export async function renderAppearances(items: ReadonlyArray<AppearanceText & { width: number; height: number }>): Promise<Buffer[]> {
  const userDataDir = newProfile();
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), args: BROWSER_ARGS, headless: true, userDataDir, env: browserEnv() });
  try {
    const out: Buffer[] = [];
    for (const item of items) {
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (r) => (r.url().startsWith('data:') || r.url() === 'about:blank' ? r.continue() : r.abort()));
      const lines = appearanceLines(item);
      const sizes = lineSizes(lines, item.width, item.height);
      await page.setContent(
        `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>${fontFaces()}
@page{size:${item.width}pt ${item.height}pt;margin:0}
html,body{margin:0;background:transparent}
body{font-family:S;color:#17306e;width:${item.width}pt;height:${item.height}pt;box-sizing:border-box;border:1.2pt solid #17306e;border-radius:4pt;padding:1pt 4pt;display:flex;flex-direction:column;justify-content:center;text-align:center;line-height:1.22;overflow:hidden}
div{white-space:nowrap}
</style></head><body>${lines.map((l, i) => `<div style="font-size:${sizes[i]!.toFixed(2)}pt;font-weight:${i <= 1 ? 700 : 400}">${escapeHtml(l)}</div>`).join('')}</body></html>`,
        { waitUntil: 'load' },
      );
      await page.evaluateHandle('document.fonts.ready').catch(() => {});
      out.push(
        Buffer.from(
          await page.pdf({ width: `${item.width}pt`, height: `${item.height}pt`, printBackground: true, omitBackground: true, pageRanges: '1', tagged: false }),
        ),
      );
      await page.close();
    }
    return out;
  } finally {
    await browser.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
