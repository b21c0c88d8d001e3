/**
 * `npm run dev`: a content error shows in the browser's error overlay with the file, line and the
 * message `npm run validate` gives; fixing the file clears it. A real dev server and Chromium.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSite } from '../helpers/browser.ts';
import { corpusWith, FIXTURES } from '../helpers/corpus.ts';
import { holdBuildLock } from '../helpers/build-lock.ts';
import { authorEnv, startDevServer } from '../helpers/fresh-clone.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = corpusWith();
cpSync(join(FIXTURES, 'broken', 'total-mismatch', 'content'), corpus.content, { recursive: true });
// The dev server keeps Astro's per-project state (.astro/, the content module map among it) for
// its own content folder: it holds the build lock, so builds by other tests wait instead of
// bundling another content folder's module map.
const lock = holdBuildLock(root);
beforeAll(() => lock.held);
let server: ReturnType<typeof startDevServer> | undefined;
let browser: Browser | undefined;
let closeSite: (() => Promise<void>) | undefined;

afterAll(async () => {
  await closeSite?.();
  server?.stop();
  corpus.cleanup();
  lock.release();
});

const overlayText = (page: import('puppeteer-core').Page) =>
  page.evaluate(() => {
    const root = document.querySelector('vite-error-overlay')?.shadowRoot;
    return root
      ? [...root.children]
          .filter((e) => e.tagName !== 'STYLE')
          .map((e) => e.textContent ?? '')
          .join(' ')
      : '';
  });

test('a content error shows in the overlay as npm run validate reports it, and goes when fixed', async () => {
  const port = 4500 + Math.floor(Math.random() * 400);
  // it moves on to another port when that one is taken: the URL comes from its output
  server = startDevServer(
    `"${process.execPath}" node_modules/astro/bin/astro.mjs dev --force --port ${port}`,
    root,
    authorEnv({ NODE_ENV: 'development', KHUMUE_CONTENT_DIR: corpus.content }),
  );
  const origin = await server.ready;
  ({ browser, close: closeSite } = await openSite(join(root, 'public')));
  const page = await browser.newPage();
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  // the first visit may be reloaded once while Vite optimizes dependencies: look until the overlay is there
  await page.goto(`${origin}/manuals/test-manual/`, { waitUntil: 'load' });
  let shown = false;
  for (let attempt = 0; attempt < 60 && !shown; attempt++) {
    await new Promise((r) => setTimeout(r, 500));
    shown = await page.evaluate(() => Boolean(document.querySelector('vite-error-overlay'))).catch(() => false);
  }
  expect(shown, `no overlay; console:\n${messages.join('\n')}\n${server.log().slice(-2000)}`).toBe(true);
  const text = (await overlayText(page)).replace(/\s+/g, ' ');
  const validate = spawnSync(process.execPath, ['scripts/validate.ts', '--content', corpus.content], { cwd: root, encoding: 'utf8' });
  const line = validate.stdout.split('\n').find((l) => l.includes('[total-mismatch]'))!;
  const [, location] = /content\/(manuals\/test-manual\.mdx:\d+:\d+)/.exec(line)!;
  expect(text).toContain(location!);
  expect(text).toContain('ยอดรวมคอลัมน์');
  expect(text).toContain('แต่ผลรวมของแถวเป็น');
  expect(text).toContain('declared total does not equal the sum of the rows');

  // the author fixes the total: the server reloads the page without the overlay (on a loaded
  // machine that may take a while, so the page is also opened again until it settles)
  const file = join(corpus.content, 'manuals', 'test-manual.mdx');
  const valid = readFileSync(join(FIXTURES, 'valid', 'content', 'manuals', 'test-manual.mdx'), 'utf8');
  writeFileSync(file, valid);
  let settled = false;
  for (let attempt = 0; attempt < 40 && !settled; attempt++) {
    await new Promise((r) => setTimeout(r, 500));
    settled = await page
      .evaluate(() => !document.querySelector('vite-error-overlay') && (document.querySelector('h1')?.textContent ?? '').includes('คู่มือการปฏิบัติงานทดสอบ'))
      .catch(() => false);
    if (!settled && attempt % 6 === 5) await page.goto(`${origin}/manuals/test-manual/`, { waitUntil: 'load' }).catch(() => {});
  }
  expect(settled, `the overlay did not go; dev server log:\n${server.log().slice(-3000)}`).toBe(true);

  // an MDX syntax error with a tag in it: the project's Thai message shows, escaped, and stays —
  // Astro's own English error with a stack trace never replaces it
  writeFileSync(file, readFileSync(join(FIXTURES, 'broken', 'mdx-syntax', 'content', 'manuals', 'test-manual.mdx'), 'utf8'));
  let syntax = '';
  for (let attempt = 0; attempt < 60 && !syntax.includes('ไม่ได้ปิด'); attempt++) {
    await new Promise((r) => setTimeout(r, 500));
    syntax = await overlayText(page).catch(() => '');
    // a page opened again gets the overlay at once (the server sends it to every client that connects)
    if (!syntax.includes('ไม่ได้ปิด') && attempt % 6 === 5) await page.goto(`${origin}/manuals/test-manual/`, { waitUntil: 'load' }).catch(() => {});
  }
  expect(syntax, `no overlay for the MDX syntax error; dev server log:\n${server.log().slice(-3000)}`).toContain('แท็ก <Note> ไม่ได้ปิด');
  // reloading the page and waiting: still the project's message, never Astro's
  await page.goto(`${origin}/manuals/test-manual/`, { waitUntil: 'load' }).catch(() => {});
  await new Promise((r) => setTimeout(r, 4000));
  const later = (await overlayText(page)).replace(/\s+/g, ' ');
  expect(later).toContain('แท็ก <Note> ไม่ได้ปิด');
  expect(later).toContain('test-manual.mdx:46:1');
  expect(later).not.toMatch(/node_modules|MDXError|\bat \S+ \(/);
  // escaped once: the author reads <Note>, not &lt;Note&gt; (Astro escapes what it did not make)
  expect(later).not.toContain('&lt;');
  expect(await page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector('img, script, iframe') ?? null)).toBeNull();
}, 240_000);
