/**
 * `npm run screenshots [-- --out DIR]`: full-page screenshots of the pages readers open most, at
 * 1280 px and 390 px, light and dark, from the built site in dist/ (run `npm run build` first), so they can be
 * looked at. Exits 1 if anything but a table scroller is wider than the phone screen.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, requireBrowser } from '../src/print/find-browser.mjs';
import { serve } from '../src/print/serve.ts';

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['manual-flowchart-table', '/manuals/esa-cm5-admin/'],
  ['workplan-2564', '/plans/ubon-2564/'],
  ['kpi', '/kpis/stp-02/'],
  ['office', '/offices/cgd-region-6/'],
  ['mission-qr', '/missions/region6-1-1/'],
];

const { values } = parseArgs({ options: { out: { type: 'string', default: 'screenshots' }, dist: { type: 'string', default: 'dist' } } });
const dist = resolve(values.dist);
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`screenshots: ${dist} has no built site; run \`npm run build\` first.`);
  process.exit(1);
}
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const server = await serve(dist);
const browser = await puppeteer.launch({ executablePath: requireBrowser(), args: BROWSER_ARGS, headless: true });
let failed = false;
try {
  for (const [name, path] of PAGES) {
    for (const [width, scheme] of [
      [1280, 'light'],
      [390, 'light'],
      [1280, 'dark'],
      [390, 'dark'],
    ] as const) {
      const page = await browser.newPage();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.setViewport({ width, height: width === 390 ? 844 : 900, deviceScaleFactor: 1 });
      await page.goto(server.origin + path, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const file = join(out, `${name}-${width}${scheme === 'dark' ? '-dark' : ''}.png`);
      await page.screenshot({ path: file as `${string}.png`, fullPage: true });
      const offenders = await page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter((el) => !el.closest('.table-scroll') && el.getBoundingClientRect().right > w + 1)
          .map((el) => el.tagName.toLowerCase());
      });
      if (offenders.length) {
        failed = true;
        console.error(`screenshots: ${path} at ${width}px: ${offenders.length} elements overflow the screen (${[...new Set(offenders)].join(', ')})`);
      }
      console.log(`screenshots: ${file}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = failed ? 1 : 0;
