/**
 * MDX is content from pull requests, not code. This parses the body the way @mdx-js/mdx does
 * (micromark's MDX extensions) and rejects everything that could run at build or view time:
 * import/export, JavaScript expressions beyond plain values, unknown components, <script> and
 * friends, on* handlers and javascript: URLs.
 */
import type { Program } from 'estree';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
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

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** True when an estree program is nothing but a literal value (or only comments). */
function isPlainValue(program: Program | undefined): boolean {
  if (!program) return true;
  if (program.body.length === 0) return true; // {/* a comment */}
  if (program.body.length !== 1) return false;
  const statement = program.body[0];
  return statement.type === 'ExpressionStatement' && isLiteral(statement.expression);
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
  start?: { line: number; column: number };
}
const at = (node: { position?: Position }) => ({ line: node.position?.start?.line ?? 1, column: node.position?.start?.column ?? 1 });

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: Program } };
  position?: Position;
}

/** Checks an MDX file's text (frontmatter included, so positions are the file's own). */
/**
 * Whether a body needs the MDX parser at all: only JSX, expressions, ESM, links and numbered lists
 * can carry what the checks look for (and only JSX, expressions and ESM can be MDX syntax errors).
 * Plain prose, the usual body of a flowchart, plan or KPI, is skipped: parsing is most of the time
 * validation takes on a large corpus.
 */
const NEEDS_PARSE = /[<{}]|^\s*(?:import|export)\b|javascript:|^\s*(?:[-*+]\s+)?[๐-๙0-9]+[.)]|\]\(/im;

export function checkMdxBody(file: SourceFile, text: string, body = text): ComponentReference[] {
  const refs: ComponentReference[] = [];
  if (!NEEDS_PARSE.test(body)) return refs;
  let tree;
  try {
    tree = processor.parse(text);
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message: string; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? 1;
    const column = e.column ?? e.place?.column ?? e.place?.start?.column ?? 1;
    file.push('mdx-syntax', { line, column }, '', { detail: (e.reason ?? e.message).split('\n')[0] });
    return refs;
  }
  visit(tree, (node) => {
    const n = node as unknown as { type: string; position?: Position; data?: { estree?: Program }; name?: string | null; attributes?: JsxAttribute[]; url?: string };
    switch (n.type) {
      case 'mdxjsEsm':
        file.push('mdx-import-export', at(n), '', {});
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isPlainValue(n.data?.estree)) file.push('mdx-expression', at(n), '', {});
        return;
      case 'link':
      case 'image':
      case 'definition':
        if (n.url && isJavascriptUrl(n.url)) file.push('mdx-javascript-url', at(n), '', {});
        return;
      case 'list':
      case 'root':
        checkNumbering(file, n as unknown as Parent);
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(file, n as Parameters<typeof checkElement>[1], refs);
        return;
      default:
        return;
    }
  });
  return refs;
}

function checkElement(
  file: SourceFile,
  n: { name?: string | null; attributes?: JsxAttribute[]; position?: Position },
  refs: ComponentReference[],
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
  for (const attr of n.attributes ?? []) {
    const where = attr.position ? at(attr) : at(n);
    if (attr.type === 'mdxJsxExpressionAttribute') {
      file.push('mdx-expression', where, '', {});
      continue;
    }
    const attrName = attr.name ?? '';
    seen.add(attrName);
    let value: string | undefined;
    if (attr.value && typeof attr.value === 'object') {
      if (!isPlainValue(attr.value.data?.estree)) {
        file.push('mdx-expression', where, '', {});
        continue;
      }
      const estree = attr.value.data?.estree;
      const expr = estree?.body[0];
      if (expr?.type === 'ExpressionStatement' && expr.expression.type === 'Literal') value = String(expr.expression.value);
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
