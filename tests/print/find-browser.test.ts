import { expect, test } from 'vitest';
import { findBrowser, requireBrowser } from '../../src/print/find-browser.mjs';

test('PUPPETEER_EXECUTABLE_PATH wins when it exists', () => {
  expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: process.execPath })).toEqual({ path: process.execPath, source: 'env' });
});

test('a PUPPETEER_EXECUTABLE_PATH that does not exist is reported, not silently skipped', () => {
  const found = findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' });
  expect(found).toEqual({ path: null, source: 'none', reason: 'PUPPETEER_EXECUTABLE_PATH points to /nonexistent/chrome, which does not exist' });
});

test('on this machine a browser is found (npm run setup installs one)', () => {
  expect(requireBrowser()).toMatch(/chrom/i);
});
