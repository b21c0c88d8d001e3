/**
 * The last step of every page the site and the printer serve (src/middleware.ts), on the finished
 * HTML, so that content, components and layouts all get it:
 * - Thai compounds and names are kept whole on a line (`<k-w>`, a custom element styled
 *   white-space: nowrap — 11 bytes a word, where a span with a class took 24; domain/thai/line-break.ts
 *   says which runs);
 * - in the print pages, symbols the shipped Sarabun has no glyph for (➤ ● ✓ ▪ → …) are drawn as
 *   inline SVG sized to the text, so that no fallback font is ever used and the PDF embeds Sarabun only.
 * Only text between tags changes; nothing inside <head>, <script>, <style>, <svg>, <textarea>,
 * <title> or an attribute is touched.
 */
import { ownString } from '../domain/own-string.ts';
import { unbreakableRuns } from '../domain/thai/line-break.ts';

const stroke = (d: string, width = 1.3) =>
  `<path d="${d}" fill="none" stroke="currentColor" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`;
const TRIANGLE = '<path d="M2 1.3 9.2 5 2 8.7z"/>';
const CHECK = stroke('M1.6 5.4 4 7.9 8.6 2.2', 1.4);
const CROSS = stroke('M2.2 2.2 7.8 7.8M7.8 2.2 2.2 7.8', 1.4);
const BOX = '<rect x="1.3" y="1.3" width="7.4" height="7.4" fill="none" stroke="currentColor" stroke-width="1"/>';

/** Symbols content plausibly uses that the shipped Sarabun subsets do not draw, as SVG in a 10×10 box. */
export const SYMBOLS: Readonly<Record<string, string>> = {
  '➤': TRIANGLE,
  '▶': TRIANGLE,
  '►': TRIANGLE,
  '‣': '<path d="M3 2.6 7.6 5 3 7.4z"/>',
  '▸': '<path d="M3 2.6 7.6 5 3 7.4z"/>',
  '●': '<circle cx="5" cy="5" r="3"/>',
  '○': '<circle cx="5" cy="5" r="2.8" fill="none" stroke="currentColor" stroke-width="1"/>',
  '◦': '<circle cx="5" cy="5" r="1.8" fill="none" stroke="currentColor" stroke-width="1"/>',
  '■': '<path d="M1.6 1.6h6.8v6.8H1.6z"/>',
  '▪': '<path d="M3 3h4v4H3z"/>',
  '□': BOX,
  '☐': BOX,
  '☑': BOX + stroke('M2.8 5.2 4.4 6.9 7.4 3.2', 1.2),
  '☒': BOX + stroke('M3 3 7 7M7 3 3 7', 1.1),
  '◆': '<path d="M5 1 9 5 5 9 1 5z"/>',
  '◇': '<path d="M5 1.4 8.6 5 5 8.6 1.4 5z" fill="none" stroke="currentColor" stroke-width="1"/>',
  '★': '<path d="m5 .8 1.2 3.1 3.3.2-2.6 2.1.9 3.2L5 7.6 2.2 9.4l.9-3.2L.5 4.1l3.3-.2z"/>',
  '☆': '<path d="m5 .8 1.2 3.1 3.3.2-2.6 2.1.9 3.2L5 7.6 2.2 9.4l.9-3.2L.5 4.1l3.3-.2z" fill="none" stroke="currentColor" stroke-width=".8"/>',
  '✓': CHECK,
  '✔': CHECK,
  '✗': CROSS,
  '✘': CROSS,
  '❖': '<path d="M5 .8 6.6 3.4 5 5 3.4 3.4zM9.2 5 6.6 6.6 5 5 6.6 3.4zM5 9.2 3.4 6.6 5 5 6.6 6.6zM.8 5 3.4 3.4 5 5 3.4 6.6z"/>',
  '→': stroke('M1 5h7.6M5.6 2.2 8.6 5 5.6 7.8'),
  '←': stroke('M9 5H1.4M4.4 2.2 1.4 5 4.4 7.8'),
  '↔': stroke('M1.2 5h7.6M3.6 2.6 1.2 5l2.4 2.4M6.4 2.6 8.8 5 6.4 7.4'),
  '⇒': stroke('M1 3.6h6M1 6.4h6M5.4 1.6 8.6 5 5.4 8.4', 1.1),
  '≤': stroke('M8 1.6 2 4.2 8 6.8M2 8.6h6', 1.1),
  '≥': stroke('M2 1.6 8 4.2 2 6.8M2 8.6h6', 1.1),
  '≠': stroke('M1.8 3.8h6.4M1.8 6.2h6.4M6.6 1.6 3.4 8.4', 1.1),
  '※':
    stroke('M2.5 2.5l5 5M7.5 2.5l-5 5', 1) +
    '<circle cx="5" cy="1.6" r=".7"/><circle cx="5" cy="8.4" r=".7"/><circle cx="1.6" cy="5" r=".7"/><circle cx="8.4" cy="5" r=".7"/>',
};

const SYMBOL_PATTERN = new RegExp(`[${Object.keys(SYMBOLS).join('')}]`, 'gu');
const NEEDS_WORK = new RegExp(`[\\u0e01-\\u0e4e${Object.keys(SYMBOLS).join('')}]`, 'u');
const SKIP = new Set(['head', 'script', 'style', 'svg', 'textarea', 'title', 'math', 'template']);

function symbolSvg(char: string): string {
  const label = char.replace(/&/g, '&amp;');
  return `<svg class="sym" viewBox="0 0 10 10" role="img" aria-label="${label}">${SYMBOLS[char]}</svg>`;
}

const THAI = /[\u0e01-\u0e4e]/;

/**
 * Texts already typeset: the same text is on many pages (the navigation and footer on every page,
 * a manual's text on its page, its print page and its volume), and word-breaking was most of the
 * build's time. Two generations, each up to half the bound: a text found in the old one moves to
 * the young one, and when the young one is full it becomes the old one (the older is dropped).
 * A least-recently-used Map evicting from its front was quadratic once full: every deleted entry
 * stays a hole the next eviction's iteration steps over, 25 µs a text at 400,000 texts, which made
 * every page of a 10,000-manual site 1.7 times slower to render than at 1,000.
 */
let young = new Map<string, string>();
let old = new Map<string, string>();
let youngChars = 0;
const CACHE_CHARS = 16_000_000;

function remember(key: string, out: string): void {
  young.set(key, out);
  youngChars += key.length + out.length;
  if (youngChars > CACHE_CHARS / 2) {
    old = young;
    young = new Map();
    youngChars = 0;
  }
}

/** One run of text between tags (already escaped HTML text): compounds kept whole, symbols drawn (when `symbols`). */
export function typesetText(text: string, symbols = true): string {
  if (!(symbols ? NEEDS_WORK : THAI).test(text)) return text;
  const probe = symbols ? `s${text}` : `t${text}`;
  const hit = young.get(probe);
  if (hit !== undefined) return hit;
  // own copies: the text is a slice of the whole page, which a cached slice would keep alive
  const key = ownString(probe);
  const older = old.get(key);
  if (older !== undefined) {
    remember(key, older);
    return older;
  }
  const out = ownString(typesetUncached(text, symbols));
  if (key.length + out.length < CACHE_CHARS / 16) remember(key, out);
  return out;
}

function typesetUncached(text: string, symbols: boolean): string {
  let out = '';
  let at = 0;
  for (const [start, end] of unbreakableRuns(text)) {
    out += `${text.slice(at, start)}<k-w>${text.slice(start, end)}</k-w>`;
    at = end;
  }
  out += text.slice(at);
  return symbols ? out.replace(SYMBOL_PATTERN, symbolSvg) : out;
}

/** Finds the `>` that ends the tag opened at `from`, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return html.length - 1;
}

/**
 * Typesets a whole HTML document (see the module comment). Symbols are drawn as SVG in the print
 * pages (`symbols`), where the PDF must embed Sarabun only; the site leaves them to the reader's
 * system fonts, which have them, and saves the bytes.
 */
export function typesetHtml(html: string, options: { symbols: boolean } = { symbols: true }): string {
  const typeset = (t: string) => typesetText(t, options.symbols);
  let out = '';
  let text = 0;
  let skipping: string | undefined;
  let depth = 0;
  for (let i = html.indexOf('<'); i >= 0 && i < html.length; i = html.indexOf('<', i)) {
    const chunk = html.slice(text, i);
    out += skipping ? chunk : typeset(chunk);
    let end: number;
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      end = close < 0 ? html.length - 1 : close + 2;
    } else end = tagEnd(html, i);
    const tag = html.slice(i, end + 1);
    out += tag;
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag);
    if (m) {
      const name = m[2]!.toLowerCase();
      const closing = m[1] === '/';
      const selfClosing = tag.endsWith('/>');
      if (skipping === undefined && !closing && !selfClosing && SKIP.has(name)) {
        skipping = name;
        depth = 1;
      } else if (skipping === name && !selfClosing) depth += closing ? -1 : 1;
      if (skipping !== undefined && depth === 0) skipping = undefined;
      // raw text: jump to its end tag
      if (!closing && (name === 'script' || name === 'style') && !selfClosing) {
        const close = new RegExp(`</${name}`, 'gi');
        close.lastIndex = end + 1;
        const stop = close.exec(html)?.index ?? html.length;
        out += html.slice(end + 1, stop);
        end = stop - 1;
      }
    }
    text = i = end + 1;
  }
  out += skipping ? html.slice(text) : typeset(html.slice(text));
  return out;
}
