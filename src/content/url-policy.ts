/**
 * Which URLs content may carry: an allow-list, not a deny-list. Links may be http, https, mailto,
 * tel, a path on this site or `#fragment`; images (and anything else the browser fetches by
 * itself) only a path on this site, so that no request leaves the intranet when a page is viewed.
 *
 * The URL is judged as the browser will read it (WHATWG URL parsing): tabs and newlines anywhere
 * are dropped, leading and trailing C0 controls and spaces are trimmed, and a backslash counts as
 * a slash — so `java\tscript:`, ` javascript:` and `\\host\share` are seen for what they are.
 */

export type UrlVerdict = { ok: true } | { ok: false; reason: 'script' | 'scheme' | 'network-path' | 'remote-resource'; scheme?: string };

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'livescript', 'jscript']);

/** The URL as a browser's parser sees its start. */
export function normalizeUrl(url: string): string {
  let s = url.replace(/[\t\n\r]/g, '');
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  s = s.slice(start, end);
  return s.replace(/\\/g, '/');
}

/** The scheme (lower-cased) when the URL has one. */
export function schemeOf(url: string): string | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(normalizeUrl(url));
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * Judges a URL. `kind` is `link` for what a reader clicks (`<a href>`) and `resource` for what
 * the page loads by itself (`<img src>`).
 */
export function checkUrl(url: string, kind: 'link' | 'resource' = 'link'): UrlVerdict {
  const s = normalizeUrl(url);
  const scheme = schemeOf(s);
  if (scheme !== undefined) {
    if (SCRIPT_SCHEMES.has(scheme)) return { ok: false, reason: 'script', scheme };
    if (!LINK_SCHEMES.has(scheme)) return { ok: false, reason: 'scheme', scheme };
    if (kind === 'resource') return { ok: false, reason: 'remote-resource', scheme };
    return { ok: true };
  }
  // `//host/path` (and `\\host\share`, a UNC path, which browsers read the same) leaves the site
  if (s.startsWith('//')) return { ok: false, reason: 'network-path' };
  return { ok: true };
}

/** True for a URL content may use as a link. */
export const isSafeLink = (url: string): boolean => checkUrl(url, 'link').ok;
/** True for a URL content may use for an image (a path on this site). */
export const isSafeResource = (url: string): boolean => checkUrl(url, 'resource').ok;
