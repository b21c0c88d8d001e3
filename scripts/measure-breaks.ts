/**
 * `node scripts/measure-breaks.ts [DIR]`: broken Thai compounds per 1,000 line ends, in the built
 * PDFs (DIR/pdf, lines as poppler reads them) and site pages (DIR, every HTML page outside print/,
 * laid out by Chromium at 1280 and 390 px). A line end is broken when it falls inside a run that
 * domain/thai/line-break.ts keeps whole (a word of libthai's dictionary ICU splits, an official
 * term, a name after its title, a short date) — unless the page text has a space there (the source's
 * own space, dropped at the line end by pdftotext and by the layout).
 */
import { execFileSync } from 'node:child_process';
import { globSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import puppeteer from 'puppeteer-core';
import { breaksInsideWord } from '../src/domain/thai/line-break.ts';
import { BROWSER_ARGS, requireBrowser } from '../src/print/find-browser.mjs';
import { serve } from '../src/print/serve.ts';

const dir = process.argv[2] ?? 'dist';
const THAI = /[\u0E01-\u0E4E]/;

interface Tally {
  ends: number;
  broken: number;
  examples: string[];
}
const tally = (): Tally => ({ ends: 0, broken: 0, examples: [] });
/**
 * The text of every page, to tell a break at a space from a break inside a word: pdftotext and the
 * layout both drop the space a line ends at ("ข้อมูลด้านการ คลัง" in the source is not a broken word).
 */
const corpus = globSync(`${dir}/**/index.html`)
  .map((f) => readFileSync(f, 'utf8').replace(/<[^>]+>/g, ''))
  .join('\n');
const atSpace = (before: string, after: string) => {
  const a = before.slice(-6);
  const b = after.slice(0, 6);
  return corpus.includes(`${a} ${b}`) && !corpus.includes(`${a}${b}`);
};
const count = (t: Tally, before: string, after: string, where: string) => {
  if (!THAI.test(before.slice(-1)) && !THAI.test(after[0] ?? '')) return;
  t.ends++;
  if (!atSpace(before, after) && breaksInsideWord(before, after)) {
    t.broken++;
    if (t.examples.length < 12) t.examples.push(`${where}: …${before.slice(-12)}|${after.slice(0, 12)}…`);
  }
};

const pdf = tally();
for (const file of globSync(`${dir}/pdf/**/*.pdf`).sort()) {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  for (const page of xml.matchAll(/<page[^>]*>([\s\S]*?)<\/page>/g)) {
    // a line end: a line and the line right under it in the same column (a wrapped paragraph or cell)
    const lines = [...page[1]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((l) => ({
      x0: Number(l[1]),
      y0: Number(l[2]),
      x1: Number(l[3]),
      y1: Number(l[4]),
      text: [...l[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
    }));
    for (const a of lines) {
      const b = lines.find((c) => c !== a && c.y0 > a.y0 && c.y0 < a.y1 + 8 && Math.abs(c.x0 - a.x0) < 24 && c.x0 < a.x1);
      if (b) count(pdf, a.text, b.text, relative(dir, file));
    }
  }
}

const pages = { 1280: tally(), 390: tally() };
const server = await serve(dir);
const browser = await puppeteer.launch({ executablePath: requireBrowser(), args: BROWSER_ARGS, headless: true });
try {
  const files = globSync(`${dir}/**/index.html`).filter((f) => !relative(dir, f).startsWith('print/') && !relative(dir, f).startsWith('guide/'));
  for (const width of [1280, 390] as const) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    for (const file of files) {
      const path = `/${relative(dir, file).replace(/index\.html$/, '')}`;
      await page.goto(server.origin + path, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      // every line end inside a block of text: the text just before and just after it
      const ends = await page.evaluate(() => {
        const out: Array<[string, string]> = [];
        const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
        const blocks = new Map<Element, Array<{ text: string; top: number }>>();
        const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          if (!/[\u0E01-\u0E4E]/.test(text)) continue;
          let block = node.parentElement!;
          while (block.parentElement && getComputedStyle(block).display === 'inline') block = block.parentElement;
          const list = blocks.get(block) ?? blocks.set(block, []).get(block)!;
          const range = document.createRange();
          for (const { segment, index } of segmenter.segment(text)) {
            range.setStart(node, index);
            range.setEnd(node, index + segment.length);
            const rect = range.getClientRects()[0];
            if (rect) list.push({ text: segment, top: rect.top });
          }
        }
        for (const list of blocks.values())
          for (let i = 1; i < list.length; i++)
            if (list[i]!.top > list[i - 1]!.top + 4) {
              const before = list
                .slice(Math.max(0, i - 6), i)
                .map((s) => s.text)
                .join('');
              const after = list
                .slice(i, i + 6)
                .map((s) => s.text)
                .join('');
              out.push([before, after]);
            }
        return out;
      });
      for (const [before, after] of ends) count(pages[width], before.trimEnd(), after.trimStart(), `${path} @${width}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const line = (name: string, t: Tally) =>
  `${name}: ${t.broken} broken of ${t.ends} Thai line ends = ${((1000 * t.broken) / Math.max(1, t.ends)).toFixed(1)} per 1,000${t.examples.length ? `\n  ${t.examples.join('\n  ')}` : ''}`;
console.log(line(`PDF (${join(dir, 'pdf')})`, pdf));
console.log(line('pages at 1280 px', pages[1280]));
console.log(line('pages at 390 px', pages[390]));
