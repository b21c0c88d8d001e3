/** One Chromium and one static server over a built site, for a browser test file. */
import puppeteer, { type Browser } from 'puppeteer-core';
import { BROWSER_ARGS, requireBrowser } from '../../src/print/find-browser.mjs';
import { serve } from '../../src/print/serve.ts';

export async function openSite(dir: string): Promise<{ browser: Browser; origin: string; close: () => Promise<void> }> {
  const server = await serve(dir);
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), args: BROWSER_ARGS, headless: true });
  return {
    browser,
    origin: server.origin,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
