/**
 * The build when things go wrong around it: a browser that stops answering (the build exits with a
 * clear message, the previous output intact, no browser left behind), a build killed mid-swap or
 * mid-print (the next one puts the previous output back and cleans up), and the browser's
 * environment (nothing but what Chromium needs: no secret reaches the process that renders).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findBrowser } from '../../src/print/find-browser.mjs';
import { browserEnv } from '../../src/print/render.ts';
import { buildSite } from '../helpers/build-site.ts';
import { corpusWith, FIXTURES, VALID_CONTENT } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'khumue-robust-'));
const chromium = findBrowser().path!;
const DEAD_PID = 4_194_000; // above any pid this machine hands out (pid_max is 4194304 at most)

let site: ReturnType<typeof buildSite>;
beforeAll(() => {
  site = buildSite(VALID_CONTENT, { pdf: false });
}, 300_000);
afterAll(() => {
  site?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const build = (content: string, out: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []) =>
  spawnSync(process.execPath, ['scripts/build.ts', '--content', content, '--out', out, ...extra], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

/**
 * A browser executable that records its environment, then becomes Chromium (exec: the same
 * process, as puppeteer would start it); with `freeze`, every process of that browser is stopped
 * (SIGSTOP) a second after it is up — a browser that no longer answers.
 */
function wrapper(name: string, freeze = false): { path: string; envFile: string } {
  const path = join(work, `${name}.sh`);
  const envFile = join(work, `${name}.env`);
  // only a browser started with a profile of ours is ever frozen: never `--version` (the printer
  // asks it), never another process (an empty pattern would stop every process of the user)
  const stop = freeze ? ` 2> >(tee /dev/stderr | (grep -m1 -q "DevTools listening" && sleep 1 && pkill -STOP -f -- "$profile"; cat > /dev/null))` : '';
  writeFileSync(
    path,
    `#!/bin/bash\nenv > "${envFile}"\nprofile=\nfor a in "$@"; do [[ $a == --user-data-dir=*khumue-print-* ]] && profile="$a"; done\n` +
      `[ -z "$profile" ] && exec "${chromium}" "$@"\nexec "${chromium}" "$@"${stop}\n`,
  );
  chmodSync(path, 0o755);
  return { path, envFile };
}

/** Processes of browsers started for printing (other test files' builds print at the same time). */
const ourBrowsers = (profile = join(tmpdir(), 'khumue-print-')) =>
  readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(`--user-data-dir=${profile}`);
      } catch {
        return false;
      }
    });
/** Those of them that are stopped (state T): only the frozen test browser is. */
const frozenBrowsers = () =>
  ourBrowsers().filter((p) => {
    try {
      return /^\d+ \(.*\) T /.test(readFileSync(`/proc/${p}/stat`, 'utf8'));
    } catch {
      return false;
    }
  });

test("the browser's environment holds only what Chromium needs: no secret, token or password of the build's", () => {
  const env = browserEnv({
    PATH: '/usr/bin',
    HOME: '/root',
    LANG: 'th_TH.UTF-8',
    KHUMUE_SIGN_P12: '/k.p12',
    KHUMUE_SIGN_PASSWORD: 'x',
    GITHUB_TOKEN: 't',
    AWS_SECRET_ACCESS_KEY: 's',
    NPM_TOKEN: 'n',
  });
  expect(env).toEqual({ PATH: '/usr/bin', HOME: '/root', LANG: 'th_TH.UTF-8' });
});

test('the Chromium that renders the print pages is started with that environment (read from the real process)', () => {
  const w = wrapper('env-check');
  const out = join(work, 'env-out', 'dist');
  const r = build(VALID_CONTENT, out, { PUPPETEER_EXECUTABLE_PATH: w.path, DEPLOY_TOKEN: 'do-not-leak', KHUMUE_SIGN_CERT: '' });
  expect(r.status, r.stderr).toBe(0);
  const seen = readFileSync(w.envFile, 'utf8');
  expect(seen).toContain('PATH=');
  expect(seen).not.toContain('do-not-leak');
  expect(seen).not.toMatch(/KHUMUE_SIGN|TOKEN|PASSWORD|SECRET/);
}, 300_000);

test('a browser that stops answering: the build exits 1 with a clear message, leaves the previous output and no browser behind', () => {
  const w = wrapper('frozen', true);
  const corpus = corpusWith(join(FIXTURES, 'broken', 'placeholder-left', 'content')); // valid, one changed manual: its PDF must be printed
  try {
    const before = readdirSync(site.out, { recursive: true }).map(String).sort();
    const started = performance.now();
    const r = build(corpus.content, site.out, { PUPPETEER_EXECUTABLE_PATH: w.path, KHUMUE_PRINT_TIMEOUT_S: '6' });
    const seconds = (performance.now() - started) / 1000;
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toContain('Chromium stopped answering');
    expect(r.stderr).toContain('The previous output');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(seconds).toBeLessThan(120);
    expect(readdirSync(site.out, { recursive: true }).map(String).sort()).toEqual(before);
    expect(frozenBrowsers()).toEqual([]);
  } finally {
    corpus.cleanup();
  }
}, 300_000);

test('a build killed between the two renames of its swap: the next build puts the previous output back (even when it then stops on a content error)', () => {
  const out = join(work, 'swap', 'dist');
  mkdirSync(join(out, '..'), { recursive: true });
  const previous = join(work, 'swap', `.dist-build-${DEAD_PID}-old`);
  mkdirSync(previous);
  writeFileSync(join(previous, 'index.html'), 'the previous output');
  const corpus = corpusWith(join(FIXTURES, 'broken', 'total-mismatch', 'content'));
  try {
    const r = build(corpus.content, out);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('put back the previous output left by a build killed while swapping');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the previous output');
    expect(existsSync(previous)).toBe(false);
  } finally {
    corpus.cleanup();
  }
}, 120_000);

test("a killed build's temporary folder and its browser are cleaned by the next build", async () => {
  const out = join(work, 'left', 'dist');
  mkdirSync(out, { recursive: true });
  const leftover = join(work, 'left', `.dist-build-${DEAD_PID}`);
  mkdirSync(leftover);
  writeFileSync(join(leftover, 'half.html'), '<html>');
  // a browser started by a build that is gone (its profile folder names that build's pid), in a
  // temporary folder of this test's own: builds of other test files clean only the shared one
  const privateTmp = join(work, 'private-temp');
  mkdirSync(privateTmp, { recursive: true });
  const profile = join(privateTmp, `khumue-print-${DEAD_PID}-test`);
  const orphan = spawn(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--user-data-dir=${profile}`, 'about:blank'],
    { detached: true, stdio: 'ignore' },
  );
  orphan.unref();
  // up and running (on a loaded machine Chromium may take a while to start)
  for (let i = 0; i < 100 && ourBrowsers(profile).length === 0; i++) await new Promise((r) => setTimeout(r, 200));
  expect(ourBrowsers(profile).length).toBeGreaterThan(0);
  const corpus = corpusWith(join(FIXTURES, 'broken', 'total-mismatch', 'content'));
  try {
    const r = build(corpus.content, out, { TMPDIR: privateTmp });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('removed a folder left by a stopped build');
    expect(r.stdout).toMatch(/stopped \d+ browser processes left by a stopped build/);
    expect(existsSync(leftover)).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(ourBrowsers(profile)).toEqual([]);
    expect(existsSync(profile)).toBe(false);
  } finally {
    corpus.cleanup();
    try {
      process.kill(-orphan.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}, 120_000);

test('the print cache knows the browser: another Chromium version prints every PDF again', () => {
  const out = join(work, 'cache', 'dist');
  const again = build(VALID_CONTENT, out);
  expect(again.status, again.stderr).toBe(0);
  const cached = build(VALID_CONTENT, out);
  expect(cached.stdout).toMatch(/PDFs, \d+ pages; 0 printed/);
  const other = join(work, 'other-version.sh');
  writeFileSync(other, `#!/bin/bash\nif [ "$1" = "--version" ]; then echo "Chromium 999.0.0.1 test"; exit 0; fi\nexec "${chromium}" "$@"\n`);
  chmodSync(other, 0o755);
  const upgraded = build(VALID_CONTENT, out, { PUPPETEER_EXECUTABLE_PATH: other });
  expect(upgraded.status, upgraded.stderr).toBe(0);
  expect(upgraded.stdout).toMatch(/\((\d+) PDFs, \d+ pages; \1 printed, 0 unchanged\)/);
}, 300_000);
