/**
 * The built site in a real Chromium: every page, as a reader opens it. No console errors, no
 * request to any host but the local server, lang="th"; no serious, critical or moderate axe-core
 * violation at 1280 and 390 px in the light and the dark theme; no page scrolls sideways (only a
 * table's own box may — never the flowchart table on a phone or the Gantt on a desktop); a
 * document's PDF link above the fold; every internal link and anchor resolves; and a person's path
 * from the home page to a flowchart step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { openSite } from '../helpers/browser.ts';
import { fileFor } from '../helpers/static-server.ts';
import { entriesOf, validateContent } from '../../src/validate/index.ts';

const root = join(import.meta.dirname, '..', '..');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const site = buildSite(join(root, 'content'));
const pages = readdirSync(site.out, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === 'index.html')
  .map((e) => `/${relative(site.out, e.parentPath).split('\\').join('/')}/`.replace(/^\/\/$/, '/').replace(/\/\/$/, '/'))
  // print sources are for the printer, not for readers
  .filter((p) => !p.startsWith('/print/'))
  .sort();

/** the widths and themes every page is checked at */
const VIEWS = [
  [1280, 'light'],
  [390, 'light'],
  [1280, 'dark'],
  [390, 'dark'],
] as const;

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

interface Visit {
  page: Page;
  errors: string[];
  foreign: string[];
}

async function open(path: string, width = 1280): Promise<Visit> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.url().startsWith(server.origin) || r.url().startsWith('data:')) void r.continue();
    else {
      foreign.push(r.url());
      void r.abort();
    }
  });
  const response = await page.goto(server.origin + path, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  await page.evaluate(() => document.fonts.ready);
  return { page, errors, foreign };
}

test('the site has a page for every kind of content', () => {
  expect(pages).toContain('/');
  for (const dir of ['manuals', 'flowcharts', 'plans', 'kpis', 'offices', 'missions'])
    expect(
      pages.some((p) => p.startsWith(`/${dir}/`)),
      dir,
    ).toBe(true);
});

describe.each(pages)('page %s', (path) => {
  test('opens cleanly: Thai, offline, accessible in light and dark at 1280 and 390 px, nothing sideways, every link resolves', async () => {
    const { page, errors, foreign } = await open(path);
    try {
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
      expect(await page.$eval('html', (h) => h.getAttribute('lang'))).toBe('th');
      expect(await page.$$eval('main h1', (h) => h.length)).toBe(1);
      const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        `${path}: duplicate ids`,
      ).toEqual([]);
      // no header cell is empty (a transcribed table's corner cell is a plain cell)
      expect(await page.$$eval('th', (ths) => ths.filter((th) => !th.textContent?.trim() && !th.querySelector('img, svg')).length), `${path}: empty <th>`).toBe(
        0,
      );
      // the Sarabun faces in use are the self-hosted ones
      const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family));
      expect(fonts.some((f) => f.includes('Sarabun'))).toBe(true);

      // axe-core (the page's CSP forbids inline script, so it is added with CSP bypassed), at a
      // desktop and a phone width, in the light and the dark theme; and the layout at each
      await page.setBypassCSP(true);
      await page.reload({ waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      for (const [width, scheme] of VIEWS) {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.setViewport({ width, height: width === 390 ? 844 : 900 });
        // the scroll boxes are measured again after a resize
        await new Promise((r) => setTimeout(r, 300));
        const view = `${path} at ${width} px, ${scheme}`;
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> };
            }
          ).axe;
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return r.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.impact === 'moderate')
            .map(
              (v) =>
                `${v.impact} ${v.id}: ${v.nodes
                  .slice(0, 3)
                  .map((n) => n.target.join(' '))
                  .join(', ')}`,
            );
        });
        expect(violations.join('\n'), view).toBe('');
        const layout = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const offenders: string[] = [];
          for (const el of document.querySelectorAll('body *')) {
            if (el.closest('.table-scroll, pre')) continue;
            const r = el.getBoundingClientRect();
            if (r.width && r.right > width + 1) offenders.push(`${el.tagName.toLowerCase()}.${el.className}`);
          }
          const boxOf = (t: Element) => t.closest('.table-scroll') as HTMLElement;
          const flowTables = [...document.querySelectorAll('.fc-table')].map((t) => {
            const box = boxOf(t);
            const detail = t.querySelector('tbody tr td:not(.num):not(.fc)')?.getBoundingClientRect().width ?? 0;
            return { scrolls: box.scrollWidth > box.clientWidth + 1, detail, cards: getComputedStyle(t.querySelector('tbody tr')!).display === 'grid' };
          });
          const gantts = [...document.querySelectorAll('.gantt')].map((t) => {
            const box = boxOf(t).getBoundingClientRect();
            const months = [...t.querySelectorAll('thead th[data-month]')].map((th) => th.getBoundingClientRect());
            const owner = t.querySelector('thead tr th:last-child')!.getBoundingClientRect();
            return {
              scrolls: boxOf(t).scrollWidth > boxOf(t).clientWidth + 1,
              months: months.length,
              monthsVisible: months.every((m) => m.width > 0 && m.right <= Math.min(box.right, width) + 1),
              ownerVisible: owner.width > 0 && owner.right <= Math.min(box.right, width) + 1,
            };
          });
          const pdf = document.querySelector('.doc-pdf a')?.getBoundingClientRect();
          const header = document.querySelector('header.site')!.getBoundingClientRect().height;
          return {
            scroll: document.documentElement.scrollWidth,
            width,
            offenders: offenders.slice(0, 5),
            flowTables,
            gantts,
            pdfTop: pdf ? pdf.top + scrollY : undefined,
            header,
            isDocument: document.querySelector('.doc-layout') !== null && !!document.querySelector('.doc-pdf'),
          };
        });
        // no page scrolls sideways: only a table's own box may, and not the flowchart on a phone or the Gantt on a desktop
        expect(layout.offenders.join(', '), view).toBe('');
        expect(layout.scroll, view).toBeLessThanOrEqual(layout.width);
        if (width === 390)
          for (const t of layout.flowTables) {
            expect(t.scrolls, `${view}: flowchart table scrolls`).toBe(false);
            expect(t.cards || t.detail >= 240, `${view}: flowchart steps are cards or have a 240 px detail column`).toBe(true);
          }
        if (width === 1280)
          for (const g of layout.gantts) {
            expect(g.scrolls, `${view}: Gantt scrolls`).toBe(false);
            expect(g.months, view).toBe(12);
            expect(g.monthsVisible && g.ownerVisible, `${view}: all months and the owner column in view`).toBe(true);
          }
        // a compact header: two rows on a phone (title and menu, search), one on a desktop
        expect(layout.header, `${view}: header height`).toBeLessThanOrEqual(width === 390 ? 100 : 60);
        // a document's PDF link is above the fold
        if (layout.pdfTop !== undefined) expect(layout.pdfTop, `${view}: PDF link`).toBeLessThan(width === 390 ? 844 : 900);
      }
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      await page.setViewport({ width: 1280, height: 900 });

      // internal links and anchors
      const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of links) {
        const url = new URL(href);
        if (url.origin !== server.origin) continue;
        const file = fileFor(site.out, url.pathname);
        expect(file, `${path} → ${url.pathname}`).toBeDefined();
        if (url.hash && file!.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          const html = readFileSync(file!, 'utf8');
          expect(html.includes(`id="${id}"`), `${path} → ${url.pathname}${url.hash}`).toBe(true);
        }
      }
    } finally {
      await page.close();
    }
  });
});

test('a mission page with its QR code fits a phone: the address under the code wraps', async () => {
  const fixture = buildSite(join(root, 'tests', 'fixtures', 'valid', 'content'), { pdf: false });
  const opened = await openSite(fixture.out);
  try {
    const page = await opened.browser.newPage();
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(`${opened.origin}/missions/test-mission/`, { waitUntil: 'load' });
    const r = await page.evaluate(() => ({
      qr: !!document.querySelector('.qr-figure svg'),
      scroll: document.documentElement.scrollWidth,
      width: document.documentElement.clientWidth,
      caption: document.querySelector('.qr-figure figcaption')!.getBoundingClientRect().right,
    }));
    expect(r.qr).toBe(true);
    expect(r.scroll).toBeLessThanOrEqual(r.width);
    expect(r.caption).toBeLessThanOrEqual(r.width);
  } finally {
    await opened.close();
    fixture.cleanup();
  }
});

describe('every page is connected', () => {
  const content = validateContent(join(root, 'content'), root);
  const hrefsOf = (path: string) => new Set([...readFileSync(fileFor(site.out, path)!, 'utf8').matchAll(/href="([^"#]+)/g)].map((m) => m[1]!));
  const documents = [
    ...entriesOf(content.entries, 'manuals').map((e) => ['manuals', e] as const),
    ...entriesOf(content.entries, 'plans').map((e) => ['plans', e] as const),
    ...entriesOf(content.entries, 'kpis').map((e) => ['kpis', e] as const),
    ...entriesOf(content.entries, 'flowcharts').map((e) => ['flowcharts', e] as const),
    ...entriesOf(content.entries, 'missions').map((e) => ['missions', e] as const),
  ];
  const missionsShowing = new Map<string, string[]>();
  for (const m of entriesOf(content.entries, 'missions')) for (const f of m.data.flowcharts) missionsShowing.set(f, [...(missionsShowing.get(f) ?? []), m.id]);

  test.each(documents.map(([kind, e]) => [`/${kind}/${e.id}/`, kind, e] as const))('%s links to its office and its missions', (path, kind, e) => {
    const hrefs = hrefsOf(path);
    const office = (e.data as { office?: string }).office;
    if (office) expect(hrefs.has(`/offices/${office}/`), `${path} → office ${office}`).toBe(true);
    const declared = [...((e.data as { missions?: string[] }).missions ?? []), ...(kind === 'flowcharts' ? (missionsShowing.get(e.id) ?? []) : [])];
    for (const m of declared) expect(hrefs.has(`/missions/${m}/`), `${path} → mission ${m}`).toBe(true);
  });

  test.each(entriesOf(content.entries, 'offices').map((o) => [`/offices/${o.id}/`, o] as const))(
    '%s is not empty: it lists documents, its units or its parent',
    (path, o) => {
      const hrefs = [...hrefsOf(path)];
      const docs = hrefs.filter((h) => /^\/(?:manuals|plans|kpis|flowcharts|missions)\//.test(h));
      expect(docs.length, `${path}: documents`).toBeGreaterThan(0);
      if (o.data.parent) expect(hrefs.includes(`/offices/${o.data.parent}/`), `${path} → parent`).toBe(true);
      for (const unit of entriesOf(content.entries, 'offices').filter((u) => u.data.parent === o.id))
        expect(hrefs.includes(`/offices/${unit.id}/`), `${path} → unit ${unit.id}`).toBe(true);
    },
  );
});

test('a person finds a manual through its mission and opens a flowchart step', async () => {
  const { page } = await open('/');
  try {
    await Promise.all([page.waitForNavigation(), page.click('a[href*="/missions/region6-1-1/"]')]);
    expect(await page.$eval('h1', (h) => h.textContent)).toContain('การขับเคลื่อนติดตามเร่งรัดการใช้จ่ายเงิน');
    await Promise.all([page.waitForNavigation(), page.click('a[href*="/manuals/smart-operational-system/"]')]);
    expect(await page.$eval('h1', (h) => h.textContent)).toContain('ระบบปฏิบัติงานตามภารกิจ');
    // the manual's flowchart: a step is reachable by its anchor and carries its symbol
    await page.goto(`${server.origin}/manuals/esa-cm5-admin/#step-propose`, { waitUntil: 'networkidle0' });
    const step = await page.$eval('#step-propose', (tr) => ({ text: tr.textContent, svg: tr.querySelector('svg[role="img"]')?.getAttribute('aria-label') }));
    expect(step.text).toContain('เสนอผอ.กลุ่ม');
    expect(step.svg).toBe('กิจกรรม: เสนอผอ.กลุ่มมอบหมายให้ผู้รับผิดชอบปฏิบัติ และผอ.กลุ่มตรวจสอบ /ผู้มีอำนาจลงนาม — ไปขั้นตอนที่ ๔');
    // and the official PDF of the manual
    const href = await page.$eval('a[href$=".pdf"]', (a) => (a as HTMLAnchorElement).href);
    const pdf = await page.evaluate(async (url: string) => {
      const r = await fetch(url);
      return { type: r.headers.get('content-type'), head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)) };
    }, href);
    expect(href).toMatch(/\/pdf\/esa-cm5-admin\.pdf$/);
    expect(pdf).toEqual({ type: 'application/pdf', head: '%PDF-' });
  } finally {
    await page.close();
  }
});

/** Bytes a page ships before compression: its HTML and the CSS and JS files it references. */
function pageWeight(path: string): { html: number; css: number; js: number; blockingScripts: number } {
  const file = fileFor(site.out, path)!;
  const html = readFileSync(file, 'utf8');
  const refs = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);
  const size = (href: string) => readFileSync(fileFor(site.out, new URL(href, `http://x${path}`).pathname)!).length;
  const css = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g).reduce((a, h) => a + size(h), 0);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  const js = scripts
    .map((a) => /src="([^"]+)"/.exec(a)?.[1])
    .filter(Boolean)
    .reduce((a, h) => a + size(h!), 0);
  // a data block (type="application/json") is never run
  const blockingScripts = scripts.filter((a) => !/\b(defer|async)\b|type="(?:module|application\/json)"/.test(a)).length;
  return { html: Buffer.byteLength(html), css, js, blockingScripts };
}

test('page weight: the heaviest page ≤ 200 KB, a typical manual ≤ 70 KB, no blocking JavaScript', () => {
  const weights = pages.map((p) => {
    const w = pageWeight(p);
    return [p, w.html + w.css + w.js] as const;
  });
  const heaviest = weights.reduce((a, b) => (b[1] > a[1] ? b : a));
  expect(heaviest[1], heaviest[0]).toBeLessThanOrEqual(200 * 1024);
  const typical = pageWeight('/manuals/esa-cm5-admin/');
  expect(typical.html + typical.css + typical.js).toBeLessThanOrEqual(70 * 1024);
  for (const path of pages) expect(pageWeight(path).blockingScripts, path).toBe(0);
});

test('fonts: self-hosted Sarabun WOFF2, at most 60 KB per weight across its subsets', () => {
  const fonts = readdirSync(join(site.out, '_astro')).filter((f) => f.endsWith('.woff2'));
  for (const weight of ['400', '700']) {
    const bytes = fonts.filter((f) => f.includes(`-${weight}-`)).reduce((a, f) => a + readFileSync(join(site.out, '_astro', f)).length, 0);
    expect(bytes, weight).toBeGreaterThan(10_000);
    expect(bytes, weight).toBeLessThanOrEqual(60 * 1024);
  }
});

test('a long Gantt scrolled down keeps its three header rows in view, one above the other', async () => {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${server.origin}/plans/ubon-2564/`, { waitUntil: 'load' });
    const top = await page.$eval('.gantt', (t) => t.getBoundingClientRect().top + window.scrollY);
    await page.evaluate((y) => window.scrollTo(0, y + 1500), top);
    const rows = await page.$$eval('.gantt thead tr', (trs) =>
      trs.map((tr) => tr.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), bottom: Math.round(r.bottom) })),
    );
    expect(rows).toHaveLength(3);
    // stuck to the top of the window, and stacked: each row starts where the one above ends
    expect(rows[0]!.top).toBeLessThanOrEqual(1);
    expect(rows[0]!.top).toBeGreaterThanOrEqual(-1);
    for (let i = 1; i < rows.length; i++) expect(Math.abs(rows[i]!.top - rows[i - 1]!.bottom)).toBeLessThanOrEqual(1);
  } finally {
    await page.close();
  }
});
