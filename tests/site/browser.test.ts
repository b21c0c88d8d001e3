/**
 * The built site in a real Chromium: every page, as a reader opens it. No console errors, no
 * request to any host but the local server, lang="th", no serious or critical axe-core violation,
 * every internal link and anchor resolves, nothing overflows a phone screen outside table scrollers;
 * and a person's path from the home page to a flowchart step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { openSite } from '../helpers/browser.ts';
import { fileFor } from '../helpers/static-server.ts';

const root = join(import.meta.dirname, '..', '..');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const site = buildSite(join(root, 'content'));
const pages = readdirSync(site.out, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === 'index.html')
  .map((e) => `/${relative(site.out, e.parentPath).split('\\').join('/')}/`.replace(/^\/\/$/, '/').replace(/\/\/$/, '/'))
  // print sources are for the printer, not for readers
  .filter((p) => !p.startsWith('/print/'))
  .sort();

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
  test('opens cleanly: Thai, offline, accessible, every link resolves, fits a phone', async () => {
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
      // the Sarabun faces in use are the self-hosted ones
      const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family));
      expect(fonts.some((f) => f.includes('Sarabun'))).toBe(true);

      // axe-core (the page's CSP forbids inline script, so it is added with CSP bypassed)
      await page.setBypassCSP(true);
      await page.reload({ waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> };
          }
        ).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          );
      });
      expect(violations.join('\n')).toBe('');

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
    // a phone: nothing but table scrollers and code blocks (which scroll in their own box) may be wider than the screen
    const phone = await open(path, 390);
    try {
      const overflow = await phone.page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const offenders: string[] = [];
        for (const el of document.querySelectorAll('body *')) {
          if (el.closest('.table-scroll, pre')) continue;
          const r = el.getBoundingClientRect();
          if (r.right > width + 1) offenders.push(`${el.tagName.toLowerCase()}.${el.className}`);
        }
        return { scroll: document.documentElement.scrollWidth, width, offenders: offenders.slice(0, 5) };
      });
      expect(overflow.offenders.join(', ')).toBe('');
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
    } finally {
      await phone.page.close();
    }
  });
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

test('page weight: the PMQA document ≤ 150 KB, a typical manual ≤ 60 KB, no blocking JavaScript', () => {
  const heaviest = pageWeight('/manuals/opm-organization-profile-2561/');
  const typical = pageWeight('/manuals/esa-cm5-admin/');
  expect(heaviest.html + heaviest.css + heaviest.js).toBeLessThanOrEqual(150 * 1024);
  expect(typical.html + typical.css + typical.js).toBeLessThanOrEqual(60 * 1024);
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
