/**
 * MDX is content from pull requests, not code. This parses the body with the parser the build
 * compiles it with (satteri, which @astrojs/mdx uses in Astro 7 — so what passes here compiles
 * there, and a syntax error is reported as the build would meet it) and rejects everything that
 * could run at build or view time: import/export, JavaScript expressions beyond plain values,
 * unknown components, <script> and friends, on* handlers and javascript: URLs.
 */
import { parse as parseJs, type Expression, type Program } from 'acorn';
import { mdxToMdast } from 'satteri';
import { FORBIDDEN_HTML, MDX_COMPONENTS, SAFE_HTML } from '../schema/components.ts';
import type { SourceFile } from './source-file.ts';
import { closest } from './suggest.ts';

/** A component that points at another entry, checked once the whole corpus is loaded. */
export interface ComponentReference {
  component: string;
  collection: 'flowcharts' | 'plans' | 'kpis' | 'tables' | 'offices';
  id: string;
  line: number;
  column: number;
}

const parseProgram = (source: string): Program | undefined => {
  try {
    return parseJs(source, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    return undefined;
  }
};

/**
 * The value of an expression (`{…}` in text or an attribute) when it is nothing but a literal
 * value; `{ plain: true }` without a value when it holds only comments; `{ plain: false }` for
 * anything else — code, which content may not carry.
 */
function plainValue(source: string | undefined): { plain: boolean; value?: unknown } {
  if (!source?.trim()) return { plain: true };
  // MDX reads the braces' content as one expression
  const statement = parseProgram(`(${source}\n)`)?.body;
  // only comments (`{/* … */}`) are no expression, but an empty program
  if (!statement) return { plain: parseProgram(source)?.body.length === 0 };
  if (statement.length !== 1 || statement[0]!.type !== 'ExpressionStatement') return { plain: false };
  const expression = statement[0].expression as Expression;
  if (!isLiteral(expression)) return { plain: false };
  return { plain: true, value: expression.type === 'Literal' ? expression.value : undefined };
}

function isLiteral(node: unknown): boolean {
  const n = node as { type: string; [k: string]: unknown };
  switch (n.type) {
    case 'Literal':
      return !(n as { regex?: unknown }).regex;
    case 'TemplateLiteral':
      return (n.expressions as unknown[]).length === 0;
    case 'UnaryExpression':
      return (n.operator === '-' || n.operator === '+') && (n.argument as { type: string }).type === 'Literal';
    case 'ArrayExpression':
      return (n.elements as unknown[]).every((e) => e !== null && isLiteral(e));
    case 'ObjectExpression':
      return (n.properties as Array<{ type: string; computed: boolean; value: unknown }>).every(
        (p) => p.type === 'Property' && !p.computed && isLiteral(p.value),
      );
    default:
      return false;
  }
}

/** javascript:, also when hidden with case, whitespace, control characters or entities. */
export function isJavascriptUrl(url: string): boolean {
  const decoded = url.replace(/&#x?([0-9a-f]+);?/gi, (_, n: string) => String.fromCodePoint(parseInt(n, /x/i.test(_) ? 16 : 10)));
  // eslint-disable-next-line no-control-regex
  return /^javascript:/i.test(decoded.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));
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

/**
 * Whether a body needs the MDX parser at all: only JSX, expressions, ESM, links and numbered lists
 * can carry what the checks look for (and only JSX, expressions and ESM can be MDX syntax errors).
 * Plain prose, the usual body of a flowchart, plan or KPI, is skipped: parsing is most of the time
 * validation takes on a large corpus.
 */
const NEEDS_PARSE = /[<{}]|^\s*(?:import|export)\b|javascript:|^\s*(?:[-*+]\s+)?[๐-๙0-9]+[.)]|\]\(/im;

/** Checks an MDX file's text (frontmatter included, so positions are the file's own); `body` is the text after it. */
export function checkMdxBody(file: SourceFile, text: string, body = text): ComponentReference[] {
  const refs: ComponentReference[] = [];
  if (!NEEDS_PARSE.test(body)) return refs;
  let tree: MdxNode;
  try {
    tree = mdxToMdast(text, { position: true }) as MdxNode;
  } catch (error) {
    // satteri: "3:1: Expected a closing tag for `<Foo>` (3:1) (mdx-jsx:unexpected-character)"
    const message = (error as Error).message;
    const m = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s*\([a-z-]+:[a-z-]+\))?$/.exec(message.split('\n')[0]!);
    file.push('mdx-syntax', { line: Number(m?.[1] ?? 1), column: Number(m?.[2] ?? 1) }, '', { detail: m?.[3] ?? message });
    return refs;
  }
  const walk = (n: MdxNode): void => {
    switch (n.type) {
      case 'mdxjsEsm':
        file.push('mdx-import-export', at(n), '', {});
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!plainValue(n.value).plain) file.push('mdx-expression', at(n), '', {});
        return;
      case 'link':
      case 'image':
      case 'definition':
        if (n.url && isJavascriptUrl(n.url)) file.push('mdx-javascript-url', at(n), '', {});
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
function attributePositions(text: string, n: { name?: string | null; position?: Position; attributes?: JsxAttribute[] }): Array<{ line: number; column: number }> {
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
  const spec = MDX_COMPONENTS[name];
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
    let value: string | undefined;
    if (attr.value && typeof attr.value === 'object') {
      const plain = plainValue(attr.value.value);
      if (!plain.plain) {
        file.push('mdx-expression', where, '', {});
        continue;
      }
      if (plain.value !== undefined) value = String(plain.value);
    } else if (typeof attr.value === 'string') {
      value = attr.value;
    }
    if (/^on/i.test(attrName)) {
      file.push('mdx-event-handler', where, '', { name: attrName });
      continue;
    }
    if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster'].includes(attrName.toLowerCase()) && value && isJavascriptUrl(value)) {
      file.push('mdx-javascript-url', where, '', {});
      continue;
    }
    if (spec) {
      const prop = spec.props[attrName];
      if (!prop) {
        file.push('unknown-attribute', where, '', { component: name, name: attrName }, closest(attrName, Object.keys(spec.props)));
      } else if (prop.values && value !== undefined && !prop.values.includes(value)) {
        file.push('invalid-value', where, '', { received: value, expected: prop.values.map((v) => `\`${v}\``).join(', ') }, closest(value, prop.values));
      } else if (prop.reference && value !== undefined) {
        refs.push({ component: name, collection: prop.reference, id: value, ...where });
      }
    }
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
const digits = (t: string) => t.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
const thai = (t: string, like: string) => (/[๐-๙]/.test(like) ? t.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d))) : t);

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
