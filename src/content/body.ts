/**
 * An MDX body as data: parsed once with Sätteri (the parser the validator checks with), turned
 * into HTML by this file and never compiled into JavaScript. Nothing an author writes can run:
 * there is no code path from the text to `eval`, a module, or a Vite transform.
 *
 * The result is a list of parts: HTML strings that this file serialized itself (every text
 * escaped, every element and attribute from an allow-list, every URL judged by url-policy.ts),
 * and components from the registry with their literal string props, which the site renders
 * with its own Astro components (src/components/Body.astro). Whatever the validator would
 * reject is dropped here as well, so a body that slipped past validation (in `npm run dev`,
 * say) still renders harmlessly — the validator is the place that explains, this is the gate.
 */
import GithubSlugger from 'github-slugger';
import { mdxToHast } from 'satteri';
import { SAFE_HTML } from './schema/components.ts';
import { checkUrl } from './url-policy.ts';

/** A piece of a rendered body: HTML made here, or a provided component with literal props. */
export type BodyPart = string | BodyComponent;
export interface BodyComponent {
  component: string;
  props: Record<string, string>;
  children: BodyPart[];
}

export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedBody {
  parts: BodyPart[];
  headings: BodyHeading[];
}

export interface BodyOptions {
  /** Components content may use, by name, with the props each accepts. */
  components: Readonly<Record<string, { props: Readonly<Record<string, unknown>>; children?: boolean }>>;
  /** HTML elements the site renders through a component (`table` → components/Table.astro). */
  elements?: ReadonlySet<string>;
  /** Ids the page layout uses itself: a heading never takes one of them (`main` becomes `main-1`). */
  reservedIds?: readonly string[];
}

/** The plain elements an author may write (schema/components.ts), plus two Markdown makes itself. */
export const SAFE_ELEMENTS: ReadonlySet<string> = new Set([...SAFE_HTML, 'input', 'section']);
/** Elements Markdown makes that an author may not write as JSX. */
const MARKDOWN_ONLY = new Set(['input', 'section']);

/**
 * Attributes an author may write on a plain element (no `id`, `class`, `style`: ids would clobber
 * the page's own elements, classes and styles would dress content as the site's interface).
 */
export const AUTHOR_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  '*': ['title', 'lang', 'dir'],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  ol: ['start', 'reversed'],
  li: ['value'],
};

export function authorMayUse(element: string, attribute: string): boolean {
  return (AUTHOR_ATTRIBUTES['*']!.includes(attribute) || AUTHOR_ATTRIBUTES[element]?.includes(attribute)) ?? false;
}

/** Attributes Markdown's own output carries (hast property names). */
const MARKDOWN_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  '*': ['id', 'className'],
  a: ['href', 'title', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel'],
  img: ['src', 'alt', 'title'],
  td: ['style'],
  th: ['style'],
  ol: ['start'],
  input: ['type', 'checked', 'disabled'],
  section: ['dataFootnotes'],
};
const URL_ATTRIBUTES: Readonly<Record<string, 'link' | 'resource'>> = { href: 'link', src: 'resource' };
const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr']);
/** Whitespace between these elements' children is not content. */
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/** The attribute a hast property is written as. */
function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Text for HTML text or a quoted attribute: & < > " escaped (the dev overlay, a signature's appearance, XMP use it too). */
export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/</g, '&lt;');

/** Text a reader sees in the footnotes block, in Thai. */
const FOOTNOTE_LABEL = 'เชิงอรรถ';

interface HastNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  properties?: Record<string, unknown>;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: HastNode[];
}

/** The text of a node and its descendants (a heading's text, as the TOC shows it). */
function textOf(node: HastNode): string {
  if (node.type === 'text') return String(node.value ?? '');
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') return '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Parses the body (`padded`: see content/frontmatter.ts, so that positions are the file's) and
 * renders it. Throws only when the parser does (a syntax error), which validation reports first.
 */
export function renderBody(padded: string, options: BodyOptions): RenderedBody {
  const tree = mdxToHast(padded, { features: { gfm: true, smartPunctuation: true } }) as unknown as HastNode;
  const slugger = new GithubSlugger();
  for (const id of options.reservedIds ?? []) slugger.slug(id);
  const headings: BodyHeading[] = [];
  const elements = options.elements ?? new Set<string>();

  /** Appends to `out`, merging neighbouring strings. */
  const emit = (out: BodyPart[], part: BodyPart) => {
    if (typeof part === 'string') {
      if (!part) return;
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + part;
      else out.push(part);
    } else out.push(part);
  };

  const attributesOf = (tag: string, node: HastNode, fromAuthor: boolean): string => {
    let html = '';
    if (fromAuthor) {
      for (const attr of node.attributes ?? []) {
        // only `name="literal"` (or a bare boolean name): no expressions, spreads or directives
        if (attr.type !== 'mdxJsxAttribute' || !attr.name || !authorMayUse(tag, attr.name)) continue;
        if (attr.value === null || attr.value === undefined) {
          if (attr.name === 'reversed') html += ' reversed';
          continue;
        }
        if (typeof attr.value !== 'string') continue;
        const kind = URL_ATTRIBUTES[attr.name];
        if (kind && !checkUrl(attr.value, kind).ok) continue;
        html += ` ${attr.name}="${escapeAttribute(attr.value)}"`;
      }
      return html;
    }
    const allowed = [...MARKDOWN_PROPERTIES['*']!, ...(MARKDOWN_PROPERTIES[tag] ?? [])];
    for (const [property, raw] of Object.entries(node.properties ?? {})) {
      if (!allowed.includes(property) || raw === null || raw === undefined || raw === false) continue;
      const kind = URL_ATTRIBUTES[property];
      const value = Array.isArray(raw) ? raw.join(' ') : raw === true ? '' : String(raw);
      if (kind && !checkUrl(value, kind).ok) continue;
      if (property === 'style' && !/^text-align: (?:left|right|center)$/.test(value)) continue;
      if (property === 'type' && value !== 'checkbox') continue;
      html += raw === true ? ` ${attributeName(property)}` : ` ${attributeName(property)}="${escapeAttribute(value)}"`;
    }
    return html;
  };

  const walk = (node: HastNode, out: BodyPart[], parentTag: string | undefined): void => {
    switch (node.type) {
      case 'root':
        for (const child of node.children ?? []) walk(child, out, undefined);
        return;
      case 'text': {
        const value = String(node.value ?? '');
        if (parentTag && TABLE_PARTS.has(parentTag) && !value.trim()) return;
        emit(out, escapeText(value));
        return;
      }
      case 'element':
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const fromAuthor = node.type !== 'element';
        const name = (fromAuthor ? node.name : node.tagName) ?? '';
        if (!name) {
          // `<>…</>`: its children, nothing else
          for (const child of node.children ?? []) walk(child, out, parentTag);
          return;
        }
        const spec = fromAuthor ? options.components[name] : undefined;
        if (spec) {
          const props: Record<string, string> = {};
          for (const attr of node.attributes ?? []) {
            if (attr.type === 'mdxJsxAttribute' && attr.name && Object.hasOwn(spec.props, attr.name) && typeof attr.value === 'string')
              props[attr.name] = attr.value;
          }
          const children: BodyPart[] = [];
          if (spec.children) for (const child of node.children ?? []) walk(child, children, undefined);
          out.push({ component: name, props, children });
          return;
        }
        if (!SAFE_ELEMENTS.has(name) || (fromAuthor && MARKDOWN_ONLY.has(name))) return; // the validator says why
        let attributes = attributesOf(name, node, fromAuthor);
        if (/^h[1-6]$/.test(name)) {
          const text = textOf(node);
          const existing = !fromAuthor && typeof node.properties?.id === 'string' ? node.properties.id : undefined;
          const slug = existing ?? slugger.slug(text);
          if (existing === undefined) attributes = ` id="${escapeAttribute(slug)}"${attributes}`;
          if (existing !== 'footnote-label') headings.push({ depth: Number(name[1]), slug, text });
        }
        if (elements.has(name)) {
          const children: BodyPart[] = [];
          for (const child of node.children ?? []) walk(child, children, name);
          out.push({ component: name, props: {}, children });
          return;
        }
        if (VOID.has(name)) {
          emit(out, `<${name}${attributes}>`);
          return;
        }
        emit(out, `<${name}${attributes}>`);
        if (name === 'h2' && node.properties?.id === 'footnote-label') emit(out, FOOTNOTE_LABEL);
        else for (const child of node.children ?? []) walk(child, out, name);
        emit(out, `</${name}>`);
        return;
      }
      default:
        // expressions (only comments pass validation), import/export and anything unknown: nothing
        return;
    }
  };
  const parts: BodyPart[] = [];
  walk(tree, parts, undefined);
  return { parts, headings };
}

/** The body as one HTML string with components left out (search snippets, tests). */
export function partsToText(parts: readonly BodyPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : partsToText(p.children))).join('');
}
