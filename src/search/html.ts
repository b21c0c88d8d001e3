/**
 * Reads a static HTML page into what search indexes: its title, breadcrumb and units — the part
 * before the first heading, every section under an `h2`–`h4` with an id, and every element marked
 * `data-search-unit="label"` with an id (flowchart steps, plan items, KPI cards; an empty label
 * takes the element's first words), so that results
 * deep-link to the section, step or item. Works on any static HTML: without `<main>` the body is
 * read; `nav`, `header`, `footer`, scripts and `[data-search-ignore]` are left out; pages with
 * `<meta name="robots" content="noindex">` or `data-search-ignore` on `<main>`/`<body>` are skipped.
 * The breadcrumb is the `nav` with a class or label naming it one, without the current page.
 */
import { ownString } from '../domain/own-string.ts';
import { Parser } from 'htmlparser2';
import { urlOfPath } from './format.ts';

export interface PageUnit {
  /** fragment id without '#', '' for the top of the page */
  anchor: string;
  heading: string;
  text: string;
}

export interface PageDoc {
  /** path of the HTML file relative to the site folder, with '/' */
  path: string;
  /** URL path of the page, '/manuals/x/' for manuals/x/index.html */
  url: string;
  title: string;
  crumb: string[];
  units: PageUnit[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'select', 'button', 'form', 'dialog']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'main',
  'svg',
]);
const SECTION_HEADING = /^h[2-4]$/;

/** The first words of a text, about `max` characters, cut at a space. */
function shorten(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max);
  return `${t.slice(0, cut > max / 2 ? cut : max)} …`;
}

/** The page, or undefined when it asks not to be indexed. */
export function extractPage(html: string, path: string): PageDoc | undefined {
  const hasMain = /<main[\s>]/i.test(html);
  let noindex = false;
  let docTitle = '';
  let inTitle = false;
  let mainDepth = hasMain ? 0 : 1;
  let skipDepth = 0;
  let crumbDepth = 0;
  const crumb: string[] = [];
  let crumbItem: string | undefined;
  let crumbCurrent = false;
  let h1: string | undefined;
  let inH1 = false;
  const units: PageUnit[] = [{ anchor: '', heading: '', text: '' }];
  // open elements: name, and what to do when it closes
  const stack: Array<{ name: string; onClose?: () => void }> = [];
  let heading: { unit: PageUnit } | undefined;
  const unitStack: PageUnit[] = [units[0]!];
  const current = () => unitStack[unitStack.length - 1]!;
  const write = (s: string) => {
    if (heading) heading.unit.heading += s;
    else current().text += s;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const entry: { name: string; onClose?: () => void } = { name };
        if (!VOID.has(name)) stack.push(entry);
        if (name === 'meta' && attrs.name?.toLowerCase() === 'robots' && /noindex/i.test(attrs.content ?? '')) noindex = true;
        if ((name === 'main' || name === 'body') && 'data-search-ignore' in attrs) noindex = true;
        if (name === 'title') {
          inTitle = true;
          entry.onClose = () => (inTitle = false);
        }
        if (name === 'main') {
          mainDepth++;
          entry.onClose = () => mainDepth--;
        }
        const isCrumbNav =
          name === 'nav' && (/crumb/i.test(attrs.class ?? '') || attrs['aria-label'] === 'เส้นทาง' || /breadcrumb/i.test(attrs['aria-label'] ?? ''));
        if (isCrumbNav) {
          crumbDepth++;
          entry.onClose = () => crumbDepth--;
        }
        if (crumbDepth && name === 'li') {
          crumbItem = '';
          entry.onClose = () => {
            if (crumbItem?.trim() && !crumbCurrent) crumb.push(crumbItem.replace(/\s+/g, ' ').trim());
            crumbItem = undefined;
            crumbCurrent = false;
          };
        }
        if (crumbItem !== undefined && attrs['aria-current'] === 'page') crumbCurrent = true;
        if (skipDepth || !mainDepth) {
          if (skipDepth) {
            skipDepth++;
            const prev = entry.onClose;
            entry.onClose = () => {
              prev?.();
              skipDepth--;
            };
          }
          return;
        }
        const skip =
          SKIP.has(name) || 'hidden' in attrs || 'data-search-ignore' in attrs || attrs['aria-hidden'] === 'true' || (name === 'a' && attrs.class === 'ha');
        if (name === 'svg' && !skip) {
          // drawings: their accessible name is the text (labels drawn line by line would be split)
          if (attrs.role === 'img' && attrs['aria-label']) write(` ${attrs['aria-label']} `);
        }
        if (skip || name === 'svg') {
          if (VOID.has(name)) return;
          skipDepth = 1;
          const prev = entry.onClose;
          entry.onClose = () => {
            prev?.();
            skipDepth--;
          };
          return;
        }
        if (BLOCK.has(name)) write(' ');
        if (name === 'h1' && h1 === undefined) {
          inH1 = true;
          h1 = '';
          entry.onClose = () => (inH1 = false);
          return;
        }
        if (SECTION_HEADING.test(name) && attrs.id && unitStack.length === 1) {
          const unit: PageUnit = { anchor: attrs.id, heading: '', text: '' };
          units.push(unit);
          unitStack[0] = unit;
          heading = { unit };
          entry.onClose = () => (heading = undefined);
          return;
        }
        if (attrs['data-search-unit'] !== undefined && attrs.id) {
          const unit: PageUnit = { anchor: attrs.id, heading: attrs['data-search-unit'], text: '' };
          units.push(unit);
          unitStack.push(unit);
          entry.onClose = () => {
            unitStack.pop();
            // an empty label: the item's own text names it (a step's number and label, a plan item)
            if (!unit.heading) unit.heading = shorten(unit.text);
          };
        }
      },
      ontext(text) {
        if (inTitle) docTitle += text;
        if (crumbItem !== undefined) crumbItem += text;
        if (skipDepth || !mainDepth) return;
        if (inH1) h1 += text;
        else write(text);
      },
      onclosetag(name, implied) {
        if (VOID.has(name)) return;
        // pop to the matching element (HTML lets some end tags be left out)
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i]!.name !== name) continue;
          while (stack.length > i) stack.pop()!.onClose?.();
          break;
        }
        if (!skipDepth && mainDepth && BLOCK.has(name) && !implied) write(' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (noindex) return undefined;
  // own copies: the parser's text is cut from the page's HTML, which the index would keep alive
  const clean = (s: string) => ownString(s.replace(/\s+/g, ' ').trim().normalize('NFC'));
  const title = clean(h1 || docTitle.split(/\s[—|–-]\s/)[0] || path);
  units[0]!.heading = title;
  const trail = crumb.map(clean);
  // the breadcrumb names the way to the page: not the home link, not the page itself
  if (trail.length && trail[trail.length - 1] === title) trail.pop();
  if (trail.length && /^(หน้าแรก|home)$/i.test(trail[0]!)) trail.shift();
  return {
    path,
    url: urlOfPath(path),
    title,
    crumb: trail,
    units: units.map((u) => ({ anchor: ownString(u.anchor), heading: clean(u.heading), text: clean(u.text) })).filter((u, i) => i === 0 || u.heading || u.text),
  };
}
