/**
 * Prints the official PDFs from the built site with a real Chromium: one browser, every request
 * outside the build's own files blocked and reported, a two-pass table of contents, a time limit
 * per document with one retry in a fresh browser, and each PDF written to a temporary file and
 * renamed, so that no half-written PDF is ever left.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BROWSER_ARGS, requireBrowser } from './find-browser.mjs';
import { newProfile } from './browser-profile.ts';
import { fileFor, serve } from './serve.ts';
import { finalizePdf, type PdfMetadata } from './pdf/metadata.ts';
import { destinationPages, pageLabel } from './toc.ts';
import { preparePrintLayout } from './layout.ts';
import type { OutlineEntry } from './pdf/outline.ts';

export interface PrintJob {
  /** path of the print page in the built site, e.g. /print/x/ */
  source: string;
  /** output file relative to the site root, e.g. pdf/x.pdf */
  output: string;
  /** document information written into the PDF */
  metadata: PdfMetadata;
  /** the content file it is printed from (a default volume has none) */
  file?: string;
  /** printed from a transcribed source: the print check's problems are warnings */
  transcribed?: boolean;
  /**
   * printed a little tighter (1, 2: line spacing 1.42, 1.34 instead of 1.5), because at the normal
   * spacing the print check found lines left alone on a page (build/run.ts asks for it)
   */
  tighten?: number;
}

export interface PrintResult {
  output: string;
  pages: number;
  passes: number;
  seconds: number;
  /** taken from the print cache: nothing that shapes it changed */
  cached: boolean;
  /**
   * the PDF's entry in the print cache (`<key>.pdf`, its facts in `<key>.pdf.json`): the print check
   * keeps its findings there, so an unchanged PDF is not read again (the cache key covers the checker's code)
   */
  cacheFile?: string;
  /** the label printed on each page and the bookmarks, for the print check (read once, here) */
  labels: string[];
  outline: OutlineEntry[];
}

/**
 * The printer itself: its own code (print/ and its pdf/ writer), the puppeteer version and the
 * browser's version, read at run time — a change to any of them invalidates every cached PDF.
 */
const PRINTER_CODE = (() => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const h = createHash('sha256');
  for (const f of readdirSync(dir, { recursive: true }).map(String).sort()) if (/\.(ts|mjs|css)$/.test(f)) h.update(f).update(readFileSync(join(dir, f)));
  h.update(`puppeteer-core ${createRequire(import.meta.url)('puppeteer-core/package.json').version}`);
  return h.digest('hex');
})();
let browserVersion: string | undefined;
/** `Chromium 156.0.8078.114 …`, asked of the browser once per process. */
function printerIdentity(): string {
  browserVersion ??= execFileSync(requireBrowser(), ['--version'], { encoding: 'utf8', env: browserEnv() }).trim();
  return `${PRINTER_CODE}\n${browserVersion}`;
}

/**
 * Everything that shapes a PDF: the print page's HTML (which names its content-hashed CSS, fonts
 * and scripts, and carries the content, referenced entries and configuration), those files, the
 * document information, the site URL links point to, and the printer's code.
 */
function cacheKey(siteDir: string, job: PrintJob, siteUrl: string | undefined, base: string, assets: Map<string, Buffer>): string {
  const h = createHash('sha256')
    .update(printerIdentity())
    .update(JSON.stringify(job.metadata))
    .update(String(job.tighten ?? 0))
    .update(siteUrl ?? '')
    .update(base);
  // the page names its files under the site's base path
  const at = (path: string) => (path.startsWith(base) ? fileFor(siteDir, `/${path.slice(base.length)}`) : undefined);
  const html = readFileSync(fileFor(siteDir, job.source)!, 'utf8');
  h.update(html);
  // the stylesheets, scripts and fonts are shared by every document: each is read once per build
  const read = (file: string) => assets.get(file) ?? assets.set(file, readFileSync(file)).get(file)!;
  for (const m of html.matchAll(/(?:href|src)="(\/[^"]+\.(?:css|js|woff2?))"/g)) {
    const file = at(m[1]!);
    if (file) h.update(read(file));
    // fonts are referenced from the CSS
    if (file?.endsWith('.css'))
      for (const f of read(file)
        .toString('utf8')
        .matchAll(/url\((\/[^)]+\.woff2)\)/g)) {
        const font = at(f[1]!);
        if (font) h.update(read(font));
      }
  }
  return h.digest('hex');
}

const MAX_PASSES = 4;

/** A document that takes longer than this (seconds) to print means the browser stopped answering. */
const DOCUMENT_TIMEOUT_S = Number(process.env.KHUMUE_PRINT_TIMEOUT_S) || 180;

/** A printing failure the build reports as it is (no stack: it is not a bug in khumue). */
export class PrintError extends Error {
  override name = 'PrintError';
}

/**
 * The browser's environment: what Chromium needs to run and find fonts, nothing else — no
 * secret, no token, whatever the build was started with.
 */
export function browserEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (/^(?:PATH|HOME|TMPDIR|TZ|LANG|LANGUAGE|DISPLAY|WAYLAND_DISPLAY|DBUS_SESSION_BUS_ADDRESS)$|^(?:LC_|XDG_|FONTCONFIG_)/.test(key)) out[key] = value;
  }
  return out;
}

/** Resolves as `work` does, or rejects when it takes longer than `seconds` (and calls `onTimeout`). */
async function withDeadline<T>(work: Promise<T>, seconds: number, onTimeout: () => void, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(
        new PrintError(
          `เบราว์เซอร์ไม่ตอบสนองภายใน ${seconds} วินาทีขณะ${what} (Chromium stopped answering: no answer within ${seconds} s while ${what === 'พิมพ์' ? 'printing' : what})`,
        ),
      );
    }, seconds * 1000);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Kills a browser and every process it started: puppeteer starts Chromium as the leader of its own
 * process group, so one signal to the group reaches the renderers too (even stopped ones).
 */
function killBrowser(browser: Browser): void {
  const pid = browser.process()?.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/** Stops a browser for good: a polite close when it answers, SIGKILL to its group when it does not. */
async function stopBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  await withDeadline(browser.close(), 10, () => killBrowser(browser), 'ปิด').catch(() => undefined);
  killBrowser(browser);
}

/**
 * Links to other pages of the site point at the online version when the site URL is configured,
 * and are plain text otherwise: the local print server's address must never reach the PDF.
 */
async function rewriteLinks(page: Page, origin: string, siteUrl: string | undefined, base: string): Promise<void> {
  await page.evaluate(
    (local: string, online: string | null, base: string) => {
      for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
        if (a.getAttribute('href')!.startsWith('#')) continue;
        const url = new URL(a.href);
        if (url.origin !== local) continue;
        // the site URL already ends in the base path
        const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname.replace(/^\//, '');
        if (online) a.href = new URL(path + url.hash, online).href;
        else a.removeAttribute('href');
      }
    },
    origin,
    siteUrl ? (siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`) : null,
    base,
  );
}

/**
 * Completes the TOC and gives every target a short ASCII anchor (PDF names over 127 bytes upset
 * some readers). Headings the page template did not list — those that components make (strategy
 * tables, work-plan sections, KPI cards) — are added after the listed heading before them, one
 * level deeper per heading level, so that the สารบัญ lists every heading the bookmarks show.
 */
async function prepareToc(page: Page): Promise<void> {
  await page.evaluate(() => {
    const list = document.querySelector<HTMLOListElement>('.toc ol');
    if (!list) return;
    const maxLevel = Number(list.closest<HTMLElement>('.toc')?.dataset.maxLevel ?? 3);
    const entryOf = new Map<Element, HTMLLIElement>();
    for (const a of list.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const target = document.getElementById(decodeURIComponent(a.getAttribute('href')!.slice(1)));
      if (target) entryOf.set(target, a.closest('li')!);
    }
    let last: { li: HTMLLIElement; level: number; depth: number; text: string } | undefined;
    const depthOf = (li: HTMLLIElement) => Number(/depth-(\d)/.exec(li.className)?.[1] ?? 2);
    for (const h of document.querySelectorAll<HTMLElement>('.chapter h1, .chapter h2, .chapter h3, .chapter h4, .chapter h5')) {
      const level = Number(h.tagName[1]);
      const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
      const listed = entryOf.get(h);
      if (listed) {
        last = { li: listed, level, depth: depthOf(listed), text };
        continue;
      }
      if (!last || level > maxLevel || !text || (text === last.text && level > last.level) || h.closest('.toc, .cover, figure')) continue;
      const depth = Math.max(2, Math.min(5, last.depth + level - last.level));
      if (!h.id) h.id = `toc-h-${entryOf.size + 1}`;
      const li = last.li.cloneNode(true) as HTMLLIElement;
      li.className = `depth-${depth}`;
      li.querySelector('a')!.setAttribute('href', `#${h.id}`);
      li.querySelector('.t')!.textContent = text;
      li.querySelector<HTMLElement>('.n')!.textContent = '';
      last.li.after(li);
      entryOf.set(h, li);
      last = { li, level, depth, text };
    }
    document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]').forEach((a, i) => {
      const target = document.getElementById(decodeURIComponent(a.getAttribute('href')!.slice(1)));
      const slot = a.parentElement!.querySelector<HTMLElement>('.n');
      if (!target || !slot) return;
      const anchor = document.createElement('span');
      anchor.id = `toc-${i + 1}`;
      target.prepend(anchor);
      a.setAttribute('href', `#toc-${i + 1}`);
      slot.dataset.target = `toc-${i + 1}`;
    });
  });
}

/** Prints one document, re-printing until every TOC number equals the page its heading is on. */
async function printOne(
  browser: Browser,
  origin: string,
  job: PrintJob,
  blocked: string[],
  siteUrl: string | undefined,
  base: string,
): Promise<{ pdf: Uint8Array; pages: number; passes: number; labels: string[]; outline: OutlineEntry[] }> {
  const page = await browser.newPage();
  try {
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      if (r.url().startsWith(origin) || r.url().startsWith('data:')) void r.continue();
      else {
        blocked.push(`${job.source}: ${r.url()}`);
        void r.abort('blockedbyclient');
      }
    });
    const response = await page.goto(origin + base + job.source.slice(1), { waitUntil: 'load', timeout: 60_000 });
    if (!response?.ok()) throw new Error(`${job.source}: HTTP ${response?.status()}`);
    await page.evaluate(() => document.fonts.ready);
    await rewriteLinks(page, origin, siteUrl, base);
    await preparePrintLayout(page);
    if (job.tighten) await page.evaluate((level: number) => document.documentElement.setAttribute('data-tighten', String(level)), job.tighten);
    await prepareToc(page);
    let previous = '';
    const cover = await page.evaluate(() => (document.querySelector('.cover') ? 1 : 0));
    const hasFront = await page.evaluate(() => document.querySelector('.front') !== null);
    // the label printed on each page, for /PageLabels: ปก, ก ข … for front matter, ๑ ๒ … from the body
    const labelsOf = (count: number, bodyStart: number) =>
      Array.from({ length: count }, (_, i) => pageLabel(i, bodyStart, hasFront ? cover : undefined) || 'ปก');
    const hasToc = await page.evaluate(() => document.querySelector('.toc .n') !== null);
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      // the first pass of a document with a สารบัญ only finds where its headings fall: untagged and
      // without bookmarks it prints in two thirds of the time (and a third of the bytes to read);
      // tags do not move a line, so the pages it finds are those of the tagged print that follows
      const draft = hasToc && pass === 1;
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: !draft, tagged: !draft, timeout: 120_000 });
      const { pages, count, outline } = await destinationPages(pdf);
      const targets = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.toc .n')].map((n) => n.dataset.target ?? ''));
      if (!targets.length) return { pdf, pages: count, passes: pass, labels: labelsOf(count, cover), outline };
      // body pages count from the document title; front matter from the first front page
      const bodyStart = pages.get(targets[0]!) ?? 0;
      const text = targets.map((id) => (pages.has(id) ? pageLabel(pages.get(id)!, bodyStart, hasFront ? cover : undefined)! : ''));
      const key = text.join('|');
      if (key === previous && !draft) return { pdf, pages: count, passes: pass, labels: labelsOf(count, bodyStart), outline };
      previous = key;
      await page.evaluate((values: string[]) => {
        document.querySelectorAll<HTMLElement>('.toc .n').forEach((n, i) => {
          n.textContent = values[i]!;
        });
      }, text);
    }
    throw new Error(`${job.source}: the table of contents did not settle after ${MAX_PASSES} prints`);
  } finally {
    await page.close();
  }
}

/**
 * Prints every job from the site in `siteDir`; throws naming the document that failed. Documents
 * print in parallel, as many at a time as the machine has cores (each in its own tab, so in its
 * own renderer process), from one browser started on the first document not in the cache.
 */
export async function printDocuments(
  siteDir: string,
  jobs: PrintJob[],
  options: { siteUrl?: string; base?: string; progress?: (line: string) => void; cacheDir?: string; concurrency?: number } = {},
): Promise<PrintResult[]> {
  const progress = options.progress ?? (() => {});
  const base = options.base ?? '/';
  if (options.cacheDir) mkdirSync(options.cacheDir, { recursive: true });
  const server = await serve(siteDir, base);
  const profiles: string[] = [];
  const launch = () => {
    const userDataDir = newProfile();
    profiles.push(userDataDir);
    return puppeteer.launch({
      executablePath: requireBrowser(),
      args: BROWSER_ARGS,
      headless: true,
      userDataDir,
      env: browserEnv(),
      protocolTimeout: DOCUMENT_TIMEOUT_S * 1000,
      timeout: DOCUMENT_TIMEOUT_S * 1000,
    });
  };
  // an unchanged site starts no browser; a crashed or frozen one is replaced once for everyone
  let browser: Promise<Browser> | undefined;
  const getBrowser = () => (browser ??= launch());
  const kill = (b: Promise<Browser> | undefined) => void b?.then(killBrowser).catch(() => {});
  const restart = async (failed: Promise<Browser> | undefined) => {
    if (browser === failed) {
      await failed?.then(stopBrowser).catch(() => {});
      browser = launch();
    }
    return browser!;
  };
  const results: PrintResult[] = new Array(jobs.length);
  const blocked: string[] = [];
  const started = performance.now();
  let done = 0;
  let pagesDone = 0;
  const assets = new Map<string, Buffer>();

  const printJob = async (i: number): Promise<void> => {
    const job = jobs[i]!;
    const t0 = performance.now();
    const file = join(siteDir, job.output);
    mkdirSync(join(file, '..'), { recursive: true });
    const cached = options.cacheDir ? join(options.cacheDir, `${cacheKey(siteDir, job, options.siteUrl, base, assets)}.pdf`) : undefined;
    if (cached && existsSync(cached) && existsSync(`${cached}.json`)) {
      copyFileSync(cached, `${file}.tmp-${process.pid}`);
      renameSync(`${file}.tmp-${process.pid}`, file);
      const { pages, labels, outline } = JSON.parse(readFileSync(`${cached}.json`, 'utf8')) as Pick<PrintResult, 'pages' | 'labels' | 'outline'>;
      results[i] = { output: job.output, pages, passes: 0, seconds: (performance.now() - t0) / 1000, cached: true, labels, outline, cacheFile: cached };
      progress(`pdf: ${++done}/${jobs.length} ${job.output} — ไม่เปลี่ยน ใช้ฉบับเดิม (unchanged, from the cache)`);
      return;
    }
    let printed;
    const first = getBrowser();
    const attempt = (b: Promise<Browser>) =>
      withDeadline(
        b.then((x) => printOne(x, server.origin, job, blocked, options.siteUrl, base)),
        DOCUMENT_TIMEOUT_S,
        () => kill(b),
        'พิมพ์',
      );
    try {
      printed = await attempt(first);
    } catch (error) {
      // a crashed or hung browser: start a fresh one and try this document once more
      try {
        printed = await attempt(restart(first));
      } catch (second) {
        throw new PrintError(
          `พิมพ์ ${job.source} ไม่สำเร็จสองครั้ง (printing ${job.source} failed twice): ${(error as Error).message}; ${(second as Error).message}`,
        );
      }
    }
    if (blocked.length) throw new Error(`printing is offline, but these requests were made (and blocked):\n${blocked.join('\n')}`);
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, finalizePdf(printed.pdf, job.metadata, printed.labels));
    if (cached) {
      copyFileSync(tmp, cached);
      writeFileSync(`${cached}.json`, JSON.stringify({ pages: printed.pages, output: job.output, labels: printed.labels, outline: printed.outline }));
    }
    renameSync(tmp, file);
    results[i] = {
      output: job.output,
      pages: printed.pages,
      passes: printed.passes,
      seconds: (performance.now() - t0) / 1000,
      cached: false,
      labels: printed.labels,
      outline: printed.outline,
      cacheFile: cached,
    };
    pagesDone += printed.pages;
    progress(
      `pdf: ${++done}/${jobs.length} ${job.output} — ${printed.pages} หน้า, ${printed.passes} รอบ (${pagesDone} pages, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  };

  const workers = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), jobs.length));
  let next = 0;
  let failure: unknown;
  try {
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (failure === undefined && next < jobs.length) {
          const i = next++;
          try {
            await printJob(i);
          } catch (error) {
            failure ??= error;
          }
        }
      }),
    );
    if (failure !== undefined) throw failure;
  } finally {
    await browser?.then(stopBrowser).catch(() => {});
    await server.close();
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
    for (const job of jobs) rmSync(join(siteDir, `${job.output}.tmp-${process.pid}`), { force: true });
  }
  return results;
}
