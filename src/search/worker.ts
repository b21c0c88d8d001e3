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

/** How often the worker looks at the pages announced to it while the site is being written. */
const POLL_MS = 200;
/**
 * The middleware (src/middleware.ts) calls this with each page's URL path as it renders it, so the
 * worker reads the pages it is told about instead of listing a folder of tens of thousands of
 * files again and again (that listing grew with the square of the site's size).
 */
export const PAGE_RENDERED = Symbol.for('khumue:page-rendered');

export interface SiteIndexing {
  /** How many pages this build rendered (the others were copied unchanged from the last build). */
  readonly rendered: number;
  /** The site is complete: read the pages not read yet, write the index, stop the worker. */
  finish(): Promise<IndexStats>;
  /** The build failed: stop the worker without writing anything. */
  cancel(): Promise<void>;
}

/** Starts indexing `siteDir` (which may not exist yet) into `siteDir/search-index/`. */
export function indexWhileBuilding(siteDir: string, glossaryFile: string, base = '/'): SiteIndexing {
  const worker = new Worker(new URL(import.meta.url), { workerData: { siteDir: resolve(siteDir), glossaryFile } });
  const host = globalThis as { [PAGE_RENDERED]?: (path: string) => void };
  let rendered = 0;
  host[PAGE_RENDERED] = (path) => {
    rendered++;
    // /base/manuals/x/ → manuals/x/index.html; /base/404 → 404.html
    const rel = decodeURIComponent(path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, ''));
    worker.postMessage({ page: rel === '' || rel.endsWith('/') ? `${rel}index.html` : `${rel}.html` });
  };
  const stop = () => {
    delete host[PAGE_RENDERED];
  };
  const result = new Promise<IndexStats>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the search index worker stopped with exit code ${code}`)));
  });
  result.catch(() => {}); // read by finish()
  return {
    get rendered() {
      return rendered;
    },
    finish() {
      stop();
      worker.postMessage('finish');
      return result.finally(() => worker.terminate());
    },
    async cancel() {
      stop();
      await worker.terminate();
    },
  };
}

if (parentPort && workerData?.siteDir) {
  const { siteDir, glossaryFile } = workerData as { siteDir: string; glossaryFile: string };
  const port = parentPort;
  const out = join(siteDir, INDEX_FOLDER);
  const builder = new IndexBuilder(readGlossary(glossaryFile));
  // pages announced but not completely written yet
  const pending = new Set<string>();
  const timer = setInterval(() => builder.readPages(siteDir, pending), POLL_MS);
  port.on('message', (message: { page: string } | 'finish') => {
    if (message !== 'finish') {
      pending.add(message.page);
      return;
    }
    clearInterval(timer);
    // every page not read yet: the ones copied unchanged from the last build, and any not announced
    builder.readFolder(siteDir, out);
    port.postMessage(builder.write(out));
  });
}
