/**
 * Every HTML page, in `astro dev` and in the build, leaves through typeset.ts: Thai compounds and
 * names kept whole on a line; in the print pages, symbols the shipped fonts lack drawn as SVG. Site
 * pages first get their contents list and heading anchors (page-toc.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { emptyHeaderCells, fillPageToc } from './site/page-toc.ts';
import { typesetHtml } from './site/typeset.ts';

/** Told of each page rendered, in a build (src/search/worker.ts: the index reads it, the build counts it). */
const PAGE_RENDERED = Symbol.for('khumue:page-rendered');

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const print = /^\/print\//.test(context.url.pathname.slice(import.meta.env.BASE_URL.replace(/\/$/, '').length));
  const raw = emptyHeaderCells(await response.text());
  // pages get their contents list and heading anchors; the print pages have their own table of contents
  const html = typesetHtml(print ? raw : fillPageToc(raw), { symbols: print });
  // the search index reads the page as soon as it is written, and the build counts it (src/search/worker.ts)
  (globalThis as { [PAGE_RENDERED]?: (path: string) => void })[PAGE_RENDERED]?.(context.url.pathname);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
