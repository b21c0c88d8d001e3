/**
 * Search over the built seed site: the project's judged queries, the command line, and a reader in
 * Chromium typing a partial Thai word and opening the result with the keyboard.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { evaluate, type Judged } from '../../src/search/evaluate.ts';
import { openSiteIndex } from '../../src/search/node.ts';
import { indexWhileBuilding } from '../../src/search/worker.ts';
import { openSite } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';

const root = join(import.meta.dirname, '..', '..');
const site = buildSite(join(root, 'content'), { pdf: false });
let browser: Browser;
let origin: string;
let closeSite: () => Promise<void>;

beforeAll(async () => {
  ({ browser, origin, close: closeSite } = await openSite(site.out));
});
afterAll(async () => {
  await closeSite?.();
  site.cleanup();
});

const search = (...args: string[]) => spawnSync(process.execPath, ['scripts/search.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('what a result shows (issue 17)', () => {
  test('an abbreviation is marked as typed and its expansion only whole; titles are marked', async () => {
    const index = await openSiteIndex(site.out);
    const { hits, terms, phrases } = await index.search('สตง.', 10);
    const views = await Promise.all(hits.map((h) => index.view(h, terms, phrases)));
    const marks = views.flatMap((v) => [...v.titleParts, ...v.snippet.parts].filter((p) => p.hit).map((p) => p.text));
    expect(marks).toContain('สตง.');
    // never one common word of the expansion on its own ("การ" of สำนักงานการตรวจเงินแผ่นดิน)
    for (const m of marks) expect(['สำนักงาน', 'การ', 'ตรวจ', 'เงิน', 'แผ่น', 'ดิน', 'แผ่นดิน'], m).not.toContain(m);
    const mission = views.find((v) => v.title.includes('สำนักงานการตรวจเงินแผ่นดิน'))!;
    expect(
      mission.titleParts
        .filter((p) => p.hit)
        .map((p) => p.text)
        .join(''),
    ).toBe('สำนักงานการตรวจเงินแผ่นดิน');
  });

  test('a misspelling finds nothing unrelated; few results bring related ones, kept apart', async () => {
    const index = await openSiteIndex(site.out);
    const wrong = await index.search('บำเหน็ต', 10);
    expect(wrong.hits).toEqual([]);
    expect(wrong.near).toEqual([]);
    const few = await index.search('รับส่งหนังสือราชการ', 10);
    const pages = async (hs: typeof few.hits) => Promise.all(hs.map(async (h) => (await index.pageMeta(h.page))[0]));
    const strict = await pages(few.hits);
    const near = await pages(few.near);
    expect(strict.length).toBeLessThan(3);
    expect([...strict, ...near].some((p) => p.includes('esa-cm5-admin'))).toBe(true);
    expect(near.filter((p) => strict.includes(p))).toEqual([]);
  });
});

describe('the judged queries (tests/search/queries.yaml)', () => {
  test('meet the targets: recall@10 ≥ 0.95, MRR@10 ≥ 0.90, precision of the shown top 5 ≥ 0.85', async () => {
    const judged = parse(readFileSync(join(root, 'tests', 'search', 'queries.yaml'), 'utf8')) as Judged[];
    expect(judged.length).toBeGreaterThanOrEqual(50);
    for (const kind of ['word', 'compound', 'partial', 'digits', 'abbreviation', 'english'])
      expect(
        judged.some((j) => j.kind === kind),
        kind,
      ).toBe(true);
    const result = await evaluate(await openSiteIndex(site.out), judged);
    expect(result.recall10).toBeGreaterThanOrEqual(0.95);
    expect(result.mrr10).toBeGreaterThanOrEqual(0.9);
    expect(result.precision5).toBeGreaterThanOrEqual(0.85);
  });

  test('Thai and Arabic digits, dotted and dotless abbreviations, and glossary synonyms find the same pages', async () => {
    const index = await openSiteIndex(site.out);
    const pages = async (q: string) => Promise.all((await index.search(q)).hits.map(async (h) => (await index.pageMeta(h.page))[0]));
    expect(await pages('๒๕๖๔')).toEqual(await pages('2564'));
    expect(await pages('พ.ร.บ.')).toEqual(await pages('พรบ'));
    expect(await pages('สตง.')).toContain('missions/region6-4-1/index.html');
    expect((await pages('KPI')).slice(0, 2).sort()).toEqual(['kpis/stp-02/index.html', 'kpis/stp-service-center/index.html']);
  });

  test('a snippet shows the page text as written (Thai digits), with the match marked', async () => {
    const index = await openSiteIndex(site.out);
    const { hits, terms } = await index.search('2564');
    const view = await index.view(hits[0]!, terms);
    const marked = view.snippet.parts.filter((p) => p.hit).map((p) => p.text);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((m) => m === '๒๕๖๔' || m === '2564')).toBe(true);
    expect(marked).toContain('๒๕๖๔');
  });
});

describe('npm run search', () => {
  test('--site … --query … --json prints the ranked page paths', () => {
    const r = search('--site', site.out, '--query', 'บำเหน็', '--json');
    expect(r.status, r.stderr).toBe(0);
    const paths = JSON.parse(r.stdout) as string[];
    expect(paths[0]).toBe('missions/region6-3-1/index.html');
    expect(paths).toContain('manuals/smart-operational-system/index.html');
  });

  test('words that are also names of JavaScript object properties are ordinary words: no crash, no false hits', () => {
    for (const q of ['constructor', '__proto__', 'toString', 'hasOwnProperty valueOf', 'prototype']) {
      const r = search('--site', site.out, '--query', q, '--json');
      expect(r.status, `${q}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout), q).toEqual([]);
    }
  });

  test('--index indexes any folder of static HTML (no <main>, sections by heading id, noindex skipped)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khumue-html-'));
    try {
      mkdirSync(join(dir, 'a'));
      writeFileSync(
        join(dir, 'a', 'index.html'),
        '<html lang="th"><head><title>งานพัสดุ</title></head><body><h1>งานพัสดุ</h1><p>บทนำ</p><h2 id="buy">การจัดซื้อจัดจ้าง</h2><p>ขั้นตอนการจัดซื้อจัดจ้างตามระเบียบ</p></body></html>',
      );
      writeFileSync(join(dir, 'b.html'), '<html lang="th"><head><title>สารบรรณ</title></head><body><h1>งานสารบรรณ</h1><p>รับส่งหนังสือราชการ</p></body></html>');
      writeFileSync(
        join(dir, 'c.html'),
        '<html lang="th"><head><meta name="robots" content="noindex"><title>x</title></head><body><p>จัดซื้อจัดจ้าง</p></body></html>',
      );
      const indexed = search('--index', dir);
      expect(indexed.status, indexed.stderr).toBe(0);
      expect(indexed.stdout).toContain('indexed 2 pages');
      expect(JSON.parse(search('--site', dir, '--query', 'จัดซื้อ', '--json').stdout)).toEqual(['a/index.html']);
      const text = search('--site', dir, '--query', 'จัดซื้อจัดจ้าง');
      expect(text.stdout).toContain('/a/#buy');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without arguments it says how to use it and exits 2', () => {
    const r = search();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--index');
  });
});

describe('building the index while Astro writes the site', () => {
  test('the index of the build is byte for byte the one `npm run search -- --index` makes from the finished site', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khumue-index-'));
    try {
      cpSync(site.out, dir, { recursive: true });
      rmSync(join(dir, 'search-index'), { recursive: true });
      const r = search('--index', dir, '--glossary', join(root, 'content', 'glossary.yaml'));
      expect(r.status, r.stderr).toBe(0);
      const files = readdirSync(join(site.out, 'search-index'), { recursive: true }).map(String).sort();
      expect(readdirSync(join(dir, 'search-index'), { recursive: true }).map(String).sort()).toEqual(files);
      expect(files.length).toBeGreaterThan(20);
      for (const f of files.filter((x) => x.includes('.')))
        expect(readFileSync(join(dir, 'search-index', f), 'utf8'), f).toBe(readFileSync(join(site.out, 'search-index', f), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a page still being written is read only once it is complete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'khumue-live-'));
    try {
      const indexing = indexWhileBuilding(dir, join(root, 'content', 'glossary.yaml'));
      mkdirSync(join(dir, 'a'));
      const page = join(dir, 'a', 'index.html');
      writeFileSync(page, '<html lang="th"><head><title>งานพัสดุ</title></head><body><main><h1>งานพัสดุ</h1><p>บทนำ</p>');
      writeFileSync(
        join(dir, 'b.html'),
        '<html lang="th"><head><title>สารบรรณ</title></head><body><main><h1>งานสารบรรณ</h1><p>รับส่งหนังสือราชการ</p></main></body></html>',
      );
      await new Promise((r) => setTimeout(r, 1000)); // several polling rounds see the half-written page
      appendFileSync(page, '<h2 id="buy">การจัดซื้อจัดจ้าง</h2><p>ขั้นตอนการจัดซื้อจัดจ้างตามระเบียบ</p></main></body></html>');
      const stats = await indexing.finish();
      expect(stats.pages).toBe(2);
      const index = await openSiteIndex(dir);
      const found = await index.search('จัดซื้อจัดจ้าง');
      const views = await Promise.all(found.hits.map((h) => index.view(h, found.terms)));
      expect(views.map((v) => v.href)).toContain('/a/#buy');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('in Chromium', () => {
  test('a reader types a partial Thai word, sees the right result, and opens it with the keyboard', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await page.goto(`${origin}/manuals/esa-cm5-admin/`, { waitUntil: 'networkidle0' });
    const box = await page.$('input[role="combobox"]');
    expect(box).not.toBeNull();
    await box!.focus();
    await page.keyboard.type('บำเหน็', { delay: 30 });
    await page.waitForSelector('[role="listbox"]:not([hidden]) [role="option"]', { timeout: 10_000 });
    expect(await box!.evaluate((e) => e.getAttribute('aria-expanded'))).toBe('true');
    const first = await page.$eval('[role="option"]', (o) => o.textContent ?? '');
    expect(first).toContain('การตรวจสอบอนุมัติบำเหน็จบำนาญ');
    expect(await page.$eval('[role="option"] mark', (m) => m.textContent)).toBe('บำเหน็จ');
    expect(await page.$eval('form.site-search [aria-live]', (s) => s.textContent)).toMatch(/พบ [๐-๙]+ รายการ/);
    await page.keyboard.press('ArrowDown');
    expect(await box!.evaluate((e) => e.getAttribute('aria-activedescendant'))).toBe('site-search-list-0');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/missions/region6-3-1/');
    expect(outside).toEqual([]);
    await page.close();
  });

  test('Esc closes the list and keeps the query; / and Ctrl+K focus the box; the search page shows results for ?q= with breadcrumbs and marked snippets', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
    await page.focus('input[role="combobox"]');
    await page.keyboard.type('สตง', { delay: 20 });
    await page.waitForSelector('[role="listbox"]:not([hidden])');
    await page.keyboard.press('Escape');
    expect(await page.$eval('[role="listbox"]', (l) => (l as HTMLElement).hidden)).toBe(true);
    // the first Esc keeps the query; `/` and Ctrl+K come back to the box from anywhere on the page
    expect(await page.$eval('input[role="combobox"]', (i) => (i as HTMLInputElement).value)).toBe('สตง');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    expect(await page.$eval('input[role="combobox"]', (i) => (i as HTMLInputElement).value)).toBe('สตง');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.down('Control');
    await page.keyboard.press('k');
    await page.keyboard.up('Control');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.goto(`${origin}/search/?q=${encodeURIComponent('ควบคุมภายใน')}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('ol.results li');
    const results = await page.$$eval('ol.results li', (lis) =>
      lis.map((li) => ({
        href: li.querySelector('a')!.getAttribute('href'),
        crumb: li.querySelector('.result-crumb')?.textContent ?? '',
        marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
      })),
    );
    expect(results.map((r) => r.href!.split('#')[0])).toContain('/missions/region6-1-3/');
    // words marked one after another are one mark: ควบคุมภายใน
    expect(results.some((r) => r.marks.some((m) => m.includes('ควบคุม')))).toBe(true);
    await page.close();
  });
});
