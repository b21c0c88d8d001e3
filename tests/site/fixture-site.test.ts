/**
 * The small fixture site, with a site URL and an edit base configured. Its site URL has a path
 * (https://intranet.example.go.th/khumue/), so it is built for that sub-path and served under it
 * here: every link, script, stylesheet, font, search result and PDF link works there. The mission page's QR code
 * decodes to the page's own address, the manual shows its git history and edit link, and the
 * Gantt marks months with bars whose arrowheads sit at the range ends.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { FIXTURES } from '../helpers/corpus.ts';
import { builtBase, openSite } from '../helpers/browser.ts';
import { fileFor } from '../../src/print/serve.ts';

const site = buildSite(join(FIXTURES, 'valid', 'content'));
let browser: Browser;
let server: { origin: string };
let close: () => Promise<void>;

beforeAll(async () => {
  const opened = await openSite(site.out);
  ({ browser, close } = opened);
  server = { origin: opened.origin };
});
afterAll(async () => {
  await close?.();
  site.cleanup();
});

test('the mission page carries a QR code that decodes to its own URL', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/missions/test-mission/`, { waitUntil: 'load' });
  const pixels = await page.$eval('svg.qr', async (svg) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 400;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 400, 400);
    ctx.drawImage(img, 0, 0, 400, 400);
    return Array.from(ctx.getImageData(0, 0, 400, 400).data);
  });
  const code = jsQR(Uint8ClampedArray.from(pixels), 400, 400);
  expect(code?.data).toBe('https://intranet.example.go.th/khumue/missions/test-mission/');
  expect(await page.$eval('svg.qr', (s) => s.getAttribute('aria-label'))).toContain('missions/test-mission/');
  await page.close();
});

test('a manual shows its authored revision record (never git subjects), the date it last changed in the repository, and an edit link', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/manuals/test-manual/`, { waitUntil: 'load' });
  const text = await page.$eval('.revisions', (s) => s.textContent ?? '');
  const rows = await page.$$eval('.revisions tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  expect(rows).toEqual([
    ['๐', '๑ ตุลาคม ๒๕๖๓', 'จัดทำฉบับแรก', '–'],
    ['๑', '๑ มีนาคม ๒๕๖๔', 'ปรับปรุงขั้นตอนการลงทะเบียนรับหนังสือ', 'นายทดสอบ ระบบดี'],
  ]);
  const subjects = execFileSync('git', ['log', '--format=%s%n%an', '--', 'tests/fixtures/valid'], { encoding: 'utf8' })
    .split('\n')
    .filter((x) => x.length > 12);
  for (const subject of subjects) expect(text).not.toContain(subject.slice(0, 40));
  expect(text).toMatch(/แก้ไขในคลังเอกสารล่าสุด [๐-๙]+ [ก-๙]+ [๐-๙]{4}/);
  expect(await page.$eval('.revisions a:not(.ha)', (a) => a.getAttribute('href'))).toBe(
    'https://git.example.go.th/office/khumue/edit/main/tests/fixtures/valid/content/manuals/test-manual.mdx',
  );
  await page.close();
});

test('the Gantt draws bars: a start, middle cells and an end; a single month; several ranges in a row', async () => {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${server.origin}/plans/test-plan/`, { waitUntil: 'load' });
  // each month's header is its name over its year, inside its own column (ก.ย. ๖๔ once ran into the next one)
  const heads = await page.$$eval('.gantt thead th[data-month]', (ths) => ths.map((t) => ({ text: t.textContent, over: t.scrollWidth > t.clientWidth + 1 })));
  expect(heads).toHaveLength(12);
  expect(heads.filter((h) => h.over)).toEqual([]);
  expect(heads[11]!.text).toBe('ก.ย. ๖๔');
  const rows = await page.$$eval('.gantt tbody tr:not(.group)', (trs) =>
    trs.map((tr) => [
      tr.querySelector('td')?.textContent,
      Array.from(tr.querySelectorAll('td.m'))
        .map((td) => td.querySelector('.bar')?.classList[1] ?? '-')
        .join(' '),
    ]),
  );
  expect(rows).toEqual([
    ['๑', '- - - - - - - - - - - -'],
    ['๑.๑', 'start mid mid mid mid mid mid mid mid mid mid end'],
    ['๑.๒', 'start end - start end - - - - - - -'],
    ['๒', '- - - - - - - - - - - single'],
  ]);
  expect(await page.$$eval('.gantt thead tr:last-child th', (ths) => ths.map((t) => t.textContent))).toEqual([
    'ต.ค. ๖๓',
    'พ.ย. ๖๓',
    'ธ.ค. ๖๓',
    'ม.ค. ๖๔',
    'ก.พ. ๖๔',
    'มี.ค. ๖๔',
    'เม.ย. ๖๔',
    'พ.ค. ๖๔',
    'มิ.ย. ๖๔',
    'ก.ค. ๖๔',
    'ส.ค. ๖๔',
    'ก.ย. ๖๔',
  ]);
  await page.close();
});

test('a Thai 404 page (dist/404.html) says what happened and offers home, search and the glossary', async () => {
  const page = await browser.newPage();
  const response = await page.goto(`${server.origin}/404.html`, { waitUntil: 'load' });
  expect(response?.ok()).toBe(true);
  expect(await page.$eval('html', (h) => h.lang)).toBe('th');
  expect(await page.$eval('h1', (h) => h.textContent)).toBe('ไม่พบหน้าที่ต้องการ');
  const links = await page.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
  expect(links).toEqual(
    expect.arrayContaining(['/khumue/', '/khumue/search/', '/khumue/glossary/'].map((l) => expect.stringMatching(new RegExp(`${l.replace('/khumue', '')}$`)))),
  );
  expect(await page.$eval('form[role="search"]', (f) => f.getAttribute('action'))).toMatch(/\/search\/$/);
  await page.close();
});

test('built for the sub-path of its site URL: every root-relative URL in pages and stylesheets starts with /khumue/', () => {
  expect(builtBase(site.out)).toBe('/khumue/');
  const files = readdirSync(site.out, { recursive: true }).map(String);
  const pages = files.filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(20);
  const outside: string[] = [];
  for (const f of pages) {
    const html = readFileSync(join(site.out, f), 'utf8');
    for (const m of html.matchAll(/\s(?:href|src|action|srcset|data-pdf-href)="(\/[^"]*)"/g)) if (!m[1]!.startsWith('/khumue/')) outside.push(`${f}: ${m[1]}`);
  }
  for (const f of files.filter((f) => f.endsWith('.css')))
    for (const m of readFileSync(join(site.out, f), 'utf8').matchAll(/url\((\/[^)]*)\)/g)) if (!m[1]!.startsWith('/khumue/')) outside.push(`${f}: ${m[1]}`);
  expect(outside).toEqual([]);
});

test('served under /khumue/, every page loads all it asks for and every internal link and anchor resolves', async () => {
  const pages = readdirSync(site.out, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('index.html') && !f.startsWith('print/'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`);
  const page = await browser.newPage();
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${page.url()} → ${r.url()} ${r.status()}`);
  });
  page.on('requestfailed', (r) => failed.push(`${page.url()} → ${r.url()} failed`));
  const host = new URL(server.origin).origin;
  const broken: string[] = [];
  for (const path of pages) {
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
    for (const href of await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const url = new URL(href);
      if (url.origin !== host) continue;
      const file = url.pathname.startsWith('/khumue/') ? fileFor(site.out, url.pathname.slice('/khumue'.length)) : undefined;
      if (!file) broken.push(`${path} → ${url.pathname}`);
      else if (url.hash && file.endsWith('.html') && !readFileSync(file, 'utf8').includes(`id="${decodeURIComponent(url.hash.slice(1))}"`))
        broken.push(`${path} → ${url.pathname}${url.hash}`);
    }
  }
  await page.close();
  expect(pages.length).toBeGreaterThan(20);
  expect(failed).toEqual([]);
  expect(broken).toEqual([]);
}, 240_000);

test('under /khumue/, search finds a manual and its result opens the page', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent('คู่มือการปฏิบัติงานทดสอบ')}`, { waitUntil: 'load' });
  await page.waitForSelector('#search-page ol.results li a', { timeout: 60_000 });
  const href = await page.$eval('#search-page ol.results li a', (a) => (a as HTMLAnchorElement).href);
  expect(new URL(href).pathname).toMatch(/^\/khumue\/manuals\/test-manual\//);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#search-page ol.results li a')]);
  expect(await page.$eval('h1', (h) => h.textContent)).toContain('คู่มือการปฏิบัติงานทดสอบ');
  await page.close();
}, 120_000);

test('a PDF of a site under a sub-path names the online page with the sub-path once', () => {
  const text = execFileSync('pdftotext', [join(site.out, 'pdf', 'test-manual.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('intranet.example.go.th/khumue/manuals/test-manual/');
  expect(text).not.toContain('/khumue/khumue/');
});
