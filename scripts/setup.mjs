// @ts-check
/**
 * `npm run setup`: installs what khumue needs, idempotently, and says what it found and did.
 * Runs on the machine's own Node (20 is fine): npm dependencies come from the lockfile, and
 * Node 24 arrives with them as the `node` devDependency; every later `npm run` uses that one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../src/print/find-browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (/** @type {string} */ line) => console.log(`setup: ${line}`);

function run(/** @type {string} */ cmd, /** @type {string[]} */ args) {
  say(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`setup: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}). Fix the error above and run \`npm run setup\` again.`);
    process.exit(1);
  }
}

// 1. npm dependencies, only when the lockfile changed since the last install.
const lock = readFileSync(join(root, 'package-lock.json'));
const lockHash = createHash('sha256').update(lock).digest('hex');
const marker = join(root, 'node_modules', '.khumue-setup');
const node24 = join(root, 'node_modules', '.bin', 'node');
if (existsSync(marker) && readFileSync(marker, 'utf8') === lockHash && existsSync(node24)) {
  say('npm dependencies are up to date with package-lock.json');
} else {
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  writeFileSync(marker, lockHash);
}
say(`Node for npm scripts: ${execFileSync(node24, ['--version']).toString().trim()} (system Node ${process.version})`);

// 2. A browser for puppeteer (PDF printing and browser tests).
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
const aptInstall = (/** @type {string[]} */ pkgs) => {
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs]);
};
let browser = findBrowser();
if (!browser.path && !process.env.PUPPETEER_EXECUTABLE_PATH && hasApt && isRoot) {
  say("no browser found: installing Debian's chromium");
  aptInstall(['chromium']);
  browser = findBrowser();
}
if (browser.source === 'none') {
  console.error(
    `setup: ${browser.reason}.\n` +
      '  On Debian/Ubuntu as root: apt-get install -y chromium\n' +
      '  On macOS: install Google Chrome, or: brew install --cask chromium\n' +
      '  Elsewhere: install Chromium or Chrome and set PUPPETEER_EXECUTABLE_PATH to its executable.',
  );
  process.exit(1);
}
say(`browser: ${browser.path} (${browser.source}) — ${execFileSync(browser.path, ['--version']).toString().trim()}`);

// 3. poppler-utils: the build's print check reads every printed PDF with pdftotext and pdffonts; the tests use pdfinfo and pdfsig too.
const popplerTools = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdfsig'];
const missing = popplerTools.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
if (missing.length && hasApt && isRoot) {
  say(`installing poppler-utils (missing: ${missing.join(', ')})`);
  aptInstall(['poppler-utils']);
} else if (missing.length) {
  console.error(`setup: missing ${missing.join(', ')}; install poppler-utils (Debian: apt-get install -y poppler-utils; macOS: brew install poppler).`);
  process.exit(1);
} else {
  say('poppler-utils: present');
}
// 4. The editor: completion and Thai hover text in MDX frontmatter (VS Code + the Astro extension).
run(node24, ['scripts/schemas.ts']);
say('done. Next: npm run build');
