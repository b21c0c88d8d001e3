/**
 * Indexes a site while Astro is still writing it: a worker thread reads each page as soon as it is
 * complete (its `</html>` written), on the core Astro's single-threaded page generation leaves idle,
 * and writes the index when told the site is finished. The index is the same as `indexSite`'s:
 * pages are ordered by path when it is written, whatever order they were read in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { IndexBuilder, listHtml, type IndexStats } from './build-index.ts';
import { INDEX_FOLDER, readGlossary } from './node.ts';

/** How often the worker looks for new pages while the site is being written. */
const POLL_MS = 200;

export interface SiteIndexing {
  /** The site is complete: read the pages not read yet, write the index, stop the worker. */
  finish(): Promise<IndexStats>;
  /** The build failed: stop the worker without writing anything. */
  cancel(): Promise<void>;
}

/** Starts indexing `siteDir` (which may not exist yet) into `siteDir/search-index/`. */
export function indexWhileBuilding(siteDir: string, glossaryFile: string): SiteIndexing {
  const worker = new Worker(new URL(import.meta.url), { workerData: { siteDir: resolve(siteDir), glossaryFile } });
  const result = new Promise<IndexStats>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the search index worker stopped with exit code ${code}`)));
  });
  result.catch(() => {}); // read by finish()
  return {
    finish() {
      worker.postMessage('finish');
      return result.finally(() => worker.terminate());
    },
    async cancel() {
      await worker.terminate();
    },
  };
}

if (parentPort && workerData?.siteDir) {
  const { siteDir, glossaryFile } = workerData as { siteDir: string; glossaryFile: string };
  const port = parentPort;
  const out = join(siteDir, INDEX_FOLDER);
  const builder = new IndexBuilder(readGlossary(glossaryFile));
  const read = new Set<string>();
  const scan = (final: boolean) => {
    if (!existsSync(siteDir)) return;
    for (const path of listHtml(siteDir, out)) {
      if (read.has(path)) continue;
      const html = readFileSync(join(siteDir, path), 'utf8');
      // a page still being written is read on a later round
      if (!final && !/<\/html>\s*$/i.test(html)) continue;
      builder.addHtml(html, path);
      read.add(path);
    }
  };
  const timer = setInterval(() => scan(false), POLL_MS);
  port.once('message', () => {
    clearInterval(timer);
    scan(true);
    port.postMessage(builder.write(out));
  });
}
