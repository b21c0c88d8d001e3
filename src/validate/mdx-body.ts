/**
 * MDX is content from pull requests, not code. The body is parsed with the parser the site's
 * loader renders it with (Sätteri, on the same padded text: content/frontmatter.ts), after the
 * limits of content/limits.ts, and everything outside the allow-lists is an error: import/export,
 * any `{expression}` but a comment, any attribute value but a quoted string, Astro directives
 * (`set:html`, `is:raw`, `client:*`, …), unknown components and attributes, elements outside
 * SAFE_HTML, attributes outside the element's list, and URLs outside content/url-policy.ts.
 * The renderer drops the same things (content/body.ts); this file says why, with the line.
 */
import { thaiMdxMessage } from './mdx-messages.ts';
import { parse as parseJs } from 'acorn';
import { mdxToMdast } from 'satteri';
import { authorMayUse, AUTHOR_ATTRIBUTES } from '../content/body.ts';
import { checkUrl } from '../content/url-policy.ts';
import { type ComponentSpec, FORBIDDEN_HTML, MDX_COMPONENTS, SAFE_HTML } from '../content/schema/components.ts';
import type { SourceFile } from './source-file.ts';
import { closest } from './suggest.ts';
import { fromThaiDigits, toThaiDigits } from '../domain/thai/digits.ts';

/** A component that points at another entry, checked once the whole corpus is loaded. */
export interface ComponentReference {
  component: string;
  collection: 'flowcharts' | 'plans' | 'kpis' | 'tables' | 'offices';
  id: string;
  line: number;
  column: number;
}

/** Whether an expression's source holds nothing but comments (`{/* หมายเหตุ *\/}`). */
function onlyComments(source: string | undefined): boolean {
  if (!source?.trim()) return true;
  try {
    return parseJs(source, { ecmaVersion: 'latest', sourceType: 'module' }).body.length === 0;
  } catch {
    return false;
  }
}

interface Position {
  start?: { line: number; column: number; offset?: number };
}
const at = (node: { position?: Position }) => ({ line: node.position?.start?.line ?? 1, column: node.position?.start?.column ?? 1 });

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}

interface MdxNode {
  type: string;
  position?: Position;
  value?: string;
  name?: string | null;
  attributes?: JsxAttribute[];
  url?: string;
  children?: MdxNode[];
}

/** Reports a URL outside the allow-list; true when it was reported. */
function checkContentUrl(file: SourceFile, where: { line: number; column: number }, url: string, kind: 'link' | 'resource'): boolean {
  const verdict = checkUrl(url, kind);
  if (verdict.ok) return false;
  const shown = url.length > 80 ? `${url.slice(0, 77)}…` : url;
  if (verdict.reason === 'script') file.push('mdx-javascript-url', where, '', { scheme: verdict.scheme ?? '' });
  else if (verdict.reason === 'remote-resource') file.push('mdx-remote-image', where, '', { url: shown });
  else file.push('mdx-url-scheme', where, '', { url: shown });
  return true;
}

/**
 * Checks an MDX body. `text` is the body padded to the file's lines (content/frontmatter.ts), so
 * that positions are the file's own; a body without frontmatter may be passed as it is.
 */
export function checkMdxBody(file: SourceFile, text: string): ComponentReference[] {
  const refs: ComponentReference[] = [];
  let tree: MdxNode;
  try {
    tree = mdxToMdast(text, { position: true }) as MdxNode;
  } catch (error) {
    // satteri: "3:1: Expected a closing tag for `<Foo>` (3:1) (mdx-jsx:unexpected-character)"
    const message = (error as Error).message;
    const m = /^(\d+):(\d+):\s*(.*)$/.exec(message.split('\n')[0]!);
    const detail = (m?.[3] ?? message).replace(/\s*\([a-z-]+:[a-z-]+\)$/, '');
    file.push('mdx-syntax', { line: Number(m?.[1] ?? 1), column: Number(m?.[2] ?? 1) }, '', { detail: thaiMdxMessage(detail) });
    return refs;
  }
  const walk = (n: MdxNode): void => {
    switch (n.type) {
      case 'mdxjsEsm':
        file.push('mdx-import-export', at(n), '', {});
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!onlyComments(n.value)) file.push('mdx-expression', at(n), '', {});
        return;
      case 'link':
      case 'definition':
        if (n.url !== undefined) checkContentUrl(file, at(n), n.url, 'link');
        break;
      case 'image':
        if (n.url !== undefined) checkContentUrl(file, at(n), n.url, 'resource');
        break;
      case 'list':
      case 'root':
        checkNumbering(file, n as unknown as Parent);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(file, n, refs, text);
        break;
    }
    for (const child of n.children ?? []) walk(child);
  };
  walk(tree);
  return refs;
}

/**
 * Where each attribute of an element's opening tag starts (the parser locates the element only),
 * so that a problem with an attribute points at the attribute.
 */
function attributePositions(
  text: string,
  n: { name?: string | null; position?: Position; attributes?: JsxAttribute[] },
): Array<{ line: number; column: number }> {
  const start = n.position?.start;
  const count = n.attributes?.length ?? 0;
  if (start?.offset === undefined || !count) return [];
  const skipBraces = (i: number): number => {
    let depth = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"' || c === "'" || c === '`') i = Math.max(i, text.indexOf(c, i + 1));
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return i + 1;
      i++;
    }
    return i;
  };
  const offsets: number[] = [];
  let i = start.offset + 1 + (n.name?.length ?? 0);
  while (offsets.length < count && i < text.length) {
    while (/\s/.test(text[i] ?? '')) i++;
    const c = text[i];
    if (c === undefined || c === '/' || c === '>') break;
    offsets.push(i);
    if (c === '{') {
      i = skipBraces(i); // {...spread}
      continue;
    }
    while (i < text.length && !/[\s=/>{]/.test(text[i]!)) i++;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] !== '=') continue;
    i++;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] === '"' || text[i] === "'") i = text.indexOf(text[i]!, i + 1) + 1 || text.length;
    else if (text[i] === '{') i = skipBraces(i);
  }
  return offsets.map((o) => {
    const between = text.slice(start.offset, o);
    const newline = between.lastIndexOf('\n');
    const lines = between.split('\n').length - 1;
    return { line: start.line + lines, column: newline < 0 ? start.column + o - start.offset! : o - (start.offset! + newline) };
  });
}

function checkElement(
  file: SourceFile,
  n: { name?: string | null; attributes?: JsxAttribute[]; position?: Position },
  refs: ComponentReference[],
  text: string,
): void {
  const name = n.name;
  if (!name) return; // <>…</> fragment: harmless
  const lower = name.toLowerCase();
  const spec: ComponentSpec | undefined = Object.hasOwn(MDX_COMPONENTS, name) ? (MDX_COMPONENTS as Record<string, ComponentSpec>)[name] : undefined;
  if (FORBIDDEN_HTML.has(lower)) {
    file.push('mdx-forbidden-element', at(n), '', { name });
  } else if (!spec && /^[A-Z]/.test(name)) {
    file.push('unknown-component', at(n), '', { name, known: Object.keys(MDX_COMPONENTS).join(', ') }, closest(name, Object.keys(MDX_COMPONENTS)));
  } else if (!spec && !SAFE_HTML.has(name)) {
    file.push('unknown-element', at(n), '', { name }, closest(name, [...SAFE_HTML]));
  }
  const seen = new Set<string>();
  const positions = attributePositions(text, n);
  for (const [k, attr] of (n.attributes ?? []).entries()) {
    const where = positions[k] ?? at(n);
    if (attr.type === 'mdxJsxExpressionAttribute') {
      file.push('mdx-expression', where, '', {});
      continue;
    }
    const attrName = attr.name ?? '';
    seen.add(attrName);
    if (attrName.includes(':')) {
      // set:html, set:text, is:raw, is:inline, client:*, server:*, define:vars, class:list, xlink:href …
      file.push('mdx-directive', where, '', { name: attrName });
      continue;
    }
    if (/^on/i.test(attrName)) {
      file.push('mdx-event-handler', where, '', { name: attrName });
      continue;
    }
    if (attr.value && typeof attr.value === 'object') {
      // `{…}`: even a literal — props are written as quoted strings (`id="x"`)
      file.push('mdx-expression', where, '', {});
      continue;
    }
    const value = typeof attr.value === 'string' ? attr.value : undefined;
    if (spec) {
      const prop = Object.hasOwn(spec.props, attrName) ? spec.props[attrName] : undefined;
      if (!prop) {
        file.push('unknown-attribute', where, '', { component: name, name: attrName }, closest(attrName, Object.keys(spec.props)));
      } else if (value === undefined) {
        file.push('wrong-type', where, '', { expected: ' ข้อความในเครื่องหมายคำพูด (a quoted string)', received: ` \`${attrName}\` ที่ไม่มีค่า (no value)` });
      } else if (prop.values && !prop.values.includes(value)) {
        file.push('invalid-value', where, '', { received: value, expected: prop.values.map((v) => `\`${v}\``).join(', ') }, closest(value, prop.values));
      } else if (prop.reference) {
        refs.push({ component: name, collection: prop.reference, id: value, ...where });
      }
      continue;
    }
    if (!SAFE_HTML.has(name)) continue; // the element is reported already
    if (!authorMayUse(name, attrName)) {
      const allowed = [...AUTHOR_ATTRIBUTES['*']!, ...(AUTHOR_ATTRIBUTES[name] ?? [])];
      file.push('mdx-attribute-not-allowed', where, '', { element: name, name: attrName, allowed: allowed.join(', ') }, closest(attrName, allowed));
      continue;
    }
    if (value !== undefined && attrName === 'href') checkContentUrl(file, where, value, 'link');
    if (value !== undefined && attrName === 'src') checkContentUrl(file, where, value, 'resource');
  }
  if (spec) {
    for (const [prop, def] of Object.entries(spec.props)) {
      if (def.required && !seen.has(prop)) file.push('missing-attribute', at(n), '', { component: name, name: prop });
    }
  }
}

interface Parent {
  children: Array<{ type: string; position?: Position; children?: unknown[]; value?: string }>;
}

const NUMBER = /^\s*([0-9๐-๙]+(?:\.[0-9๐-๙]+)*)[.)]?\s/;
const digits = fromThaiDigits;
const thai = (t: string, like: string) => (/[๐-๙]/.test(like) ? toThaiDigits(t) : t);

/** The dotted number an item or paragraph starts with (`๓.๒ งาน…` → `๓.๒`). */
function leadingNumber(node: unknown): string | undefined {
  let n = node as { type: string; value?: string; children?: unknown[] } | undefined;
  while (n && n.type !== 'text') n = n.children?.[0] as typeof n;
  return n?.value ? NUMBER.exec(n.value)?.[1] : undefined;
}

/**
 * Numbered items written as text (`- ๓.๑ …`, `๒. …` paragraphs): within one list each number
 * follows the one before it. Source documents skip numbers; that is worth a warning, not a fix.
 */
function checkNumbering(file: SourceFile, parent: Parent): void {
  if (!parent.children) return;
  // A list under a numbered paragraph (`๒. งาน…` then `- ๓.๑ …`) continues that number.
  parent.children.forEach((child, i) => {
    const before = parent.children[i - 1];
    if (child.type !== 'list' || before?.type !== 'paragraph') return;
    const head = leadingNumber(before);
    const first = leadingNumber(child.children?.[0]);
    if (!head || !first || head.includes('.') || !first.includes('.')) return;
    const prefix = first.slice(0, first.lastIndexOf('.'));
    if (digits(prefix) !== digits(head)) {
      file.push('list-number-skipped', at(child.children![0] as { position?: Position }), '', { received: first, expected: thai(`${digits(head)}.1`, first) });
    }
  });
  if ((parent as unknown as { type: string }).type === 'list') {
    let previous: string | undefined;
    for (const item of parent.children) {
      const number = leadingNumber(item);
      if (!number) {
        previous = undefined;
        continue;
      }
      if (previous) {
        const parts = digits(previous).split('.');
        parts[parts.length - 1] = String(Number(parts[parts.length - 1]) + 1);
        const expected = thai(parts.join('.'), number);
        if (digits(number) !== digits(expected)) file.push('list-number-skipped', at(item), '', { received: number, expected });
      }
      previous = number;
    }
  }
}
