/**
 * The small fixture site, with a site URL and an edit base configured: the mission page's QR code
 * decodes to the page's own address, the manual shows its git history and edit link, and the
 * Gantt marks months with bars whose arrowheads sit at the range ends.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { FIXTURES } from '../helpers/corpus.ts';
import { openSite } from '../helpers/browser.ts';

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
  await page.goto(`${server.origin}/plans/test-plan/`, { waitUntil: 'load' });
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
