// @ts-check
/**
 * The one place that decides which Chromium puppeteer drives, for every script and test:
 * 1. the environment variable PUPPETEER_EXECUTABLE_PATH;
 * 2. a system Chromium or Chrome (Debian's `chromium` package first);
 * 3. a browser in puppeteer's own cache (~/.cache/puppeteer), if one was ever installed there.
 * Plain JavaScript so that `npm run setup` can use it on the machine's Node before Node 24 is installed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** System browsers, in order of preference. */
export const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * Finds a browser executable.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ path: string, source: 'env' | 'system' | 'puppeteer-cache' } | { path: null, source: 'none', reason: string }}
 */
export function findBrowser(env = process.env) {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv, source: 'env' };
    return { path: null, source: 'none', reason: `PUPPETEER_EXECUTABLE_PATH points to ${fromEnv}, which does not exist` };
  }
  for (const candidate of SYSTEM_BROWSERS) if (existsSync(candidate)) return { path: candidate, source: 'system' };
  const cache = join(env.PUPPETEER_CACHE_DIR || join(homedir(), '.cache', 'puppeteer'), 'chrome');
  if (existsSync(cache)) {
    for (const version of readdirSync(cache).sort().reverse()) {
      for (const exe of [
        'chrome-linux64/chrome',
        'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
        'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      ]) {
        const p = join(cache, version, exe);
        if (existsSync(p)) return { path: p, source: 'puppeteer-cache' };
      }
    }
  }
  return { path: null, source: 'none', reason: 'no Chromium or Chrome found' };
}

/**
 * Chromium flags for a closed network, as root, headless: without the background-networking
 * flags Chromium keeps trying to reach Google's hosts, which this network refuses.
 */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/**
 * The browser path, or an Error that says what to install.
 * @returns {string}
 */
export function requireBrowser() {
  const found = findBrowser();
  if (found.source !== 'none') return found.path;
  throw new Error(
    `${found.reason}. Run \`npm run setup\` (on Debian it installs the \`chromium\` package), ` +
      'or install Chromium/Chrome yourself and set PUPPETEER_EXECUTABLE_PATH to its executable.',
  );
}
