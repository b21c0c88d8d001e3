/**
 * A word in very many units is split: its shard keeps its highest weights, the rest is in blocks of
 * pages that a query reads only for the pages its rarer words point to. What a query transfers does
 * not grow with the site (the manifest holds no per-page list), and a query with a rare word ranks
 * as it would over an index that is not split.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { IndexBuilder } from '../../src/search/build-index.ts';
import { SearchIndex } from '../../src/search/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'khumue-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A site of `pages` pages; every page has the common words, every 600th also a rare one (a query reads the blocks of at most a few pages). */
function site(pages: number): string {
  const out = join(dir, `site-${pages}`);
  for (let i = 0; i < pages; i++) {
    const page = join(out, 'manuals', `m-${i}`);
    mkdirSync(page, { recursive: true });
    const rare = i % 600 === 5 ? '<p>การเบิกจ่ายเงินสวัสดิการค่ารักษาพยาบาล</p>' : '';
    // in half the pages, more or less often (a common word that is not a stop word)
    const repeats = i % 2 ? '' : ' การเงิน'.repeat(1 + (i % 7));
    writeFileSync(
      join(page, 'index.html'),
      `<!doctype html><html><head><title>คู่มือ ${i}</title></head><body><main><h1>คู่มือการปฏิบัติงาน ${i}</h1><p>ขั้นตอนการปฏิบัติงาน${repeats}</p><h2 id="s${i}">การตรวจสอบ</h2><p>การตรวจสอบเอกสารการเงินของหน่วยงาน</p>${rare}</main></body></html>`,
    );
  }
  return out;
}
const open = (index: string) => SearchIndex.open(async (file) => readFileSync(join(index, file), 'utf8'));
const indexOf = (siteDir: string, name: string, limits?: ConstructorParameters<typeof IndexBuilder>[1]) => {
  const out = join(dir, name);
  const builder = new IndexBuilder([], limits);
  builder.readFolder(siteDir, out);
  builder.write(out);
  return out;
};
const paths = async (index: SearchIndex, query: string) =>
  Promise.all((await index.search(query, 10)).hits.map(async (h) => (await index.pageMeta(h.page))[0]));

test('split postings: the same ranking for a query with a rare word, the best pages for common words alone', async () => {
  const s = site(3000);
  // small limits: the common words are split many times over (the defaults split at 24 KB)
  const split = indexOf(s, 'split', { split: 2048, head: 1024, block: 1024 });
  const whole = indexOf(s, 'whole', { split: Number.POSITIVE_INFINITY, head: 0, block: 0 });
  expect(readdirSync(join(split, 'b')).length).toBeGreaterThan(3);
  expect(readdirSync(join(whole, 'b'))).toEqual([]);
  const a = await open(split);
  const b = await open(whole);
  for (const q of ['การเบิกจ่ายเงินสวัสดิการ การเงิน', 'ค่ารักษาพยาบาล การตรวจสอบ', 'สวัสดิการ คู่มือการปฏิบัติงาน']) {
    const found = await paths(a, q);
    expect(found.length, q).toBeGreaterThan(0);
    expect(found, q).toEqual(await paths(b, q));
  }
  // common words alone: the pages that weigh them most
  const common = await paths(a, 'การเงิน');
  expect(common.length).toBe(10);
  expect(common).toEqual(await paths(b, 'การเงิน'));
  // what a query of a common word reads: its head, a fraction of its postings
  const longest = (index: string) =>
    Math.max(
      ...readdirSync(join(index, 't')).flatMap((f) =>
        Object.values(JSON.parse(readFileSync(join(index, 't', f), 'utf8')) as Record<string, unknown>).map((v) => JSON.stringify(v).length),
      ),
    );
  expect(longest(split)).toBeLessThan(2048);
  expect(longest(whole)).toBeGreaterThan(4 * longest(split));
}, 120_000);

test('a word being typed is completed from the lists of split keys as from every shard under them', async () => {
  // small shards: keys split into longer keys many times over
  const index = indexOf(join(dir, 'site-3000'), 'small-shards', { split: 2048, head: 1024, block: 1024, shard: 300 });
  expect(readdirSync(join(index, 'x')).length).toBeGreaterThan(5);
  const all = readdirSync(join(index, 't')).flatMap((f) =>
    Object.entries(JSON.parse(readFileSync(join(index, 't', f), 'utf8')) as Record<string, number[] | { n: number }>).map(([term, list]): [string, number] => [
      term,
      Array.isArray(list) ? list.length / 3 : list.n,
    ]),
  );
  const engine = (await open(index)) as unknown as { expandPrefix(p: string): Promise<string[]> };
  for (const prefix of ['กา', 'การ', 'ขั้', 'คู่', 'ปฏิ', 'เงิ', 'ตร']) {
    const expected = all
      .filter(([t]) => t.length > prefix.length && t.startsWith(prefix) && !t.includes(' '))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, 24)
      .map(([t]) => t);
    expect(await engine.expandPrefix(prefix), prefix).toEqual(expected);
  }
});

test('typing a whole word reads a few of its completions, not every shard under it', async () => {
  // a word (`abc`) with thirty longer words that start with it, each in its own small shard
  const out = join(dir, 'site-completions');
  for (let i = 0; i < 300; i++) {
    const page = join(out, 'p', `x-${i}`);
    mkdirSync(page, { recursive: true });
    writeFileSync(
      join(page, 'index.html'),
      `<!doctype html><html><head><title>หน้า ${i}</title></head><body><main><h1>หน้า ${i}</h1><p>การตรวจสอบ abc abcd${i % 30}x</p></main></body></html>`,
    );
  }
  const index = indexOf(out, 'completions', { split: 2048, head: 1024, block: 1024, shard: 200 });
  const read: string[] = [];
  const engine = await SearchIndex.open(async (file) => {
    read.push(file);
    return readFileSync(join(index, file), 'utf8');
  });
  expect((await engine.search('การตรวจสอบ abc', 10)).hits.length).toBeGreaterThan(0);
  // the words, the list of completions under the split key, and four completions' shards
  expect(new Set(read.filter((f) => f.startsWith('t/'))).size).toBeLessThanOrEqual(8);
  expect(read.some((f) => f.startsWith('x/'))).toBe(true);
});

test('the manifest does not grow with the number of pages', () => {
  const small = statSync(join(indexOf(site(200), 'small'), 'manifest.json')).size;
  const large = statSync(join(indexOf(site(3000), 'large'), 'manifest.json')).size;
  expect(large).toBeLessThan(small + 64);
  expect(large).toBeLessThan(2048);
}, 120_000);
