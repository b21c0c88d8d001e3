/**
 * A small XML reader for Office Open XML parts (well-formed, UTF-8): elements with attributes and
 * text, entities decoded, comments, processing instructions and DOCTYPE skipped. Never evaluates
 * or fetches anything (no external entities).
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? whole),
  );

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const tag =
    /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>/g;
  let last = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const top = stack[stack.length - 1]!;
    if (m.index > last) top.children.push(decode(text.slice(last, m.index)));
    last = tag.lastIndex;
    if (m[5] !== undefined) {
      top.children.push(m[5]);
      continue;
    }
    if (!m[2]) continue; // comment, processing instruction, DOCTYPE
    if (m[1]) {
      // closing tag: back to the element it closes
      for (let i = stack.length - 1; i > 0; i--)
        if (stack[i]!.name === m[2]) {
          stack.length = i;
          break;
        }
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decode(a[2] ?? a[3] ?? '');
    const element: XmlElement = { name: m[2], attrs, children: [] };
    top.children.push(element);
    if (!m[4]) stack.push(element);
  }
  return root;
}

export const isElement = (n: XmlNode | undefined): n is XmlElement => typeof n === 'object' && n !== null;

/** Direct children named `name`. */
export const childrenOf = (e: XmlElement | undefined, name: string): XmlElement[] =>
  e ? e.children.filter((c): c is XmlElement => isElement(c) && c.name === name) : [];
export const childOf = (e: XmlElement | undefined, name: string): XmlElement | undefined => childrenOf(e, name)[0];

/** Every descendant named `name`, in document order. */
export function descendants(e: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of e.children)
    if (isElement(c)) {
      if (c.name === name) out.push(c);
      descendants(c, name, out);
    }
  return out;
}
