/**
 * Indexes a site while Astro is still writing it: a worker thread reads each page as soon as it is
 * complete (its `</html>` written), on the core Astro's single-threaded page generation leaves idle,
 * and writes the index when told the site is finished. The index is the same as `indexSite`'s:
 * pages are ordered by path when it is written, whatever order they were read in.
 */
import { join, resolve } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { IndexBuilder, type IndexStats } from './build-index.ts';
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
  const timer = setInterval(() => builder.readFolder(siteDir, out, { complete: true }), POLL_MS);
  port.once('message', () => {
    clearInterval(timer);
    builder.readFolder(siteDir, out);
    port.postMessage(builder.write(out));
  });
}
