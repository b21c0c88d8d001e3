/**
 * The attack corpus through `npm run dev` (a real Astro dev server on every case at once): the
 * payloads never run, no page the server sends carries what the attacks tried to put there, and
 * the server keeps serving (no parser crash takes it down).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { holdBuildLock } from '../helpers/build-lock.ts';
import { ATTACK_CASES, attackCorpus } from '../helpers/attacks.ts';
import { authorEnv, startDevServer } from '../helpers/fresh-clone.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'khumue-dev-attacks-'));
const marker = join(work, 'PWNED');
const corpus = attackCorpus(ATTACK_CASES, marker);
// the dev server writes Astro's per-project state (.astro/): hold the build lock meanwhile
const lock = holdBuildLock(root);
let server: ReturnType<typeof startDevServer> | undefined;
let origin = '';

beforeAll(async () => {
  await lock.held;
  const port = 4100 + Math.floor(Math.random() * 300);
  server = startDevServer(
    `"${process.execPath}" node_modules/astro/bin/astro.mjs dev --force --port ${port}`,
    root,
    authorEnv({ NODE_ENV: 'development', KHUMUE_CONTENT_DIR: corpus.content }),
  );
  origin = await server.ready;
}, 120_000);

afterAll(() => {
  server?.stop();
  corpus.cleanup();
  rmSync(work, { recursive: true, force: true });
  lock.release();
});

const BAD = [
  /<script(?![^>]*\ssrc="\/)[^>]*>/i, // a script that is not one of the site's own files
  /<(?:iframe|object|embed|form|math|template)\b/i,
  /<meta http-equiv="refresh"/i,
  /<input[^>]*type="password"/i,
  /\son(?:error|load|click)=/i,
  /javascript:|vbscript:|file:\/\//i,
  /href="(?:\/\/|\\\\)/,
  /set:html|is:raw|client:load|define:vars|server:defer/,
  /OUTSIDE-SECRET/,
];

test('every attack page: not served, or served without what the attack tried; the payloads never ran', async () => {
  const pages = ATTACK_CASES.filter((c) => c.file.startsWith('manuals/') && c.file.endsWith('.mdx')).map((c) => basename(c.file, extname(c.file)));
  let served = 0;
  for (const id of pages) {
    const response = await fetch(`${origin}/manuals/${id}/`);
    const html = await response.text();
    if (response.status === 200) {
      served++;
      // the layout's own search form and scripts are the site's; what content makes is inside <main>
      const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
      expect(main, id).toContain('เอกสารทดสอบ');
      for (const bad of BAD) expect(main, `${id}: ${bad}`).not.toMatch(bad);
      for (const bad of [/<meta http-equiv="refresh"/i, /type="password"/i, /javascript:|vbscript:/i]) expect(html, `${id}: ${bad}`).not.toMatch(bad);
    }
  }
  // the valid corpus still renders next to the attacks: the server was not taken down
  const home = await fetch(`${origin}/manuals/test-manual/`);
  expect(home.status, server!.log().slice(-3000)).toBe(200);
  expect(await home.text()).toContain('คู่มือการปฏิบัติงานทดสอบ');
  expect(existsSync(marker)).toBe(false);
  expect(served).toBeLessThan(pages.length); // refused files are not pages at all
}, 300_000);
