/**
 * Search as a reader meets it, in Chromium on a built site: what the first query transfers (after
 * the search page itself has loaded), how long queries take once the files they need are loaded
 * (p95), and the result pages of each query (to compare sites of different sizes).
 */
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, requireBrowser } from '../../src/print/find-browser.mjs';
import { serve } from '../../src/print/serve.ts';

export interface SearchMeasure {
  firstQuery: string;
  /** bytes the first query fetched (code, manifest, shards, pages and texts it shows) */
  firstBytes: number;
  firstResults: number;
  /** how long the first query took (fetching everything it needs) */
  firstMs: number;
  /** most bytes any one query fetched the first time it ran */
  coldBytes: number;
  /** query time, p95, each query the first time it ran (fetching its files) */
  coldP95: number;
  /** query time, p95, every query run five more times once its files are loaded */
  p95: number;
  runs: number;
  /** each query's result pages, in rank order */
  results: Record<string, string[]>;
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

export async function measureSearch(site: string, queries: string[]): Promise<SearchMeasure> {
  const server = await serve(site);
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), args: BROWSER_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    await page.goto(`${server.origin}/search/`, { waitUntil: 'networkidle0' });
    const type = (q: string) =>
      page.evaluate(async (query) => {
        type View = { path: string };
        const run = (globalThis as unknown as { khumueSearch: (q: string, n: number) => Promise<{ found: View[]; near: View[] }> }).khumueSearch;
        const t0 = performance.now();
        const r = await run(query, 10);
        return { ms: performance.now() - t0, paths: r.found.map((v) => v.path) };
      }, q);
    // network events arrive a moment after the fetches resolve
    const settle = () => new Promise((r) => setTimeout(r, 300));
    const results: Record<string, string[]> = {};
    bytes = 0;
    const first = await type(queries[0]!);
    await settle();
    const firstBytes = bytes;
    results[queries[0]!] = first.paths;
    let coldBytes = firstBytes;
    const cold = [first.ms];
    for (const q of queries.slice(1)) {
      bytes = 0;
      const r = await type(q);
      results[q] = r.paths;
      cold.push(r.ms);
      await settle();
      coldBytes = Math.max(coldBytes, bytes);
    }
    const warm: number[] = [];
    for (let round = 0; round < 5; round++) for (const q of queries) warm.push((await type(q)).ms);
    return {
      firstQuery: queries[0]!,
      firstBytes,
      firstResults: first.paths.length,
      firstMs: first.ms,
      coldBytes,
      coldP95: p95(cold),
      p95: p95(warm),
      runs: warm.length,
      results,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
