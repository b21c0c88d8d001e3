/** One Chromium and one static server over a built site, for a browser test file. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { BROWSER_ARGS, requireBrowser } from '../../src/print/find-browser.mjs';
import { serve } from '../../src/print/serve.ts';

/** The sub-path a built site was made for (`<html data-base>`), `/` when it has none. */
export function builtBase(dir: string): string {
  const index = join(dir, 'index.html');
  return (existsSync(index) && /<html[^>]*\sdata-base="([^"]+)"/.exec(readFileSync(index, 'utf8'))?.[1]) || '/';
}

/**
 * Serves a built site at the sub-path it was built for; `origin` is the site's root without the
 * final slash (`http://127.0.0.1:port` or `http://127.0.0.1:port/khumue`), so `${origin}/manuals/x/` works for both.
 */
export async function openSite(dir: string): Promise<{ browser: Browser; origin: string; close: () => Promise<void> }> {
  const base = builtBase(dir);
  const server = await serve(dir, base);
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), args: BROWSER_ARGS, headless: true });
  return {
    browser,
    origin: server.origin + base.replace(/\/$/, ''),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
