/**
 * Mermaid `graph TD` / `flowchart TD` → a khumue flowchart entry (the subset manuals use):
 * stadium ([…]) → terminator, box […] and rounded (…) → process, diamond {…} → decision,
 * `@{ shape: doc }` → document, parallelogram [/…/] → data, subroutine [[…]] → subprocess,
 * circle ((…)) → connector; edges -->, ---, -.->, ==>, with labels (-->|ใช่| or -- ใช่ -->).
 * Decision branches become yes/no by their labels (ใช่/yes … ไม่/no …). What cannot be mapped is
 * reported as a warning and left out.
 */
import { stringify } from 'yaml';
import { ID_PATTERN } from '../content/schema/fields.ts';

export interface MermaidStep {
  id: string;
  shape: 'terminator' | 'process' | 'decision' | 'document' | 'data' | 'subprocess' | 'connector';
  label: string;
  next?: string | null;
  yes?: string | { to: string; label: string };
  no?: string | { to: string; label: string };
}

export interface MermaidImport {
  steps: MermaidStep[];
  warnings: string[];
}

const SHAPES: Array<[RegExp, MermaidStep['shape']]> = [
  [/^\(\[(.*)\]\)/, 'terminator'],
  [/^\[\[(.*)\]\]/, 'subprocess'],
  [/^\[\((.*)\)\]/, 'process'],
  [/^\(\((.*)\)\)/, 'connector'],
  [/^\[\/(.*)\/\]/, 'data'],
  [/^\[\\(.*)\\\]/, 'data'],
  [/^\[(.*?)\]/, 'process'],
  [/^\((.*?)\)/, 'process'],
  [/^\{(.*?)\}/, 'decision'],
];
const AT_SHAPES: Record<string, MermaidStep['shape']> = {
  doc: 'document',
  document: 'document',
  docs: 'document',
  'lin-doc': 'document',
  stadium: 'terminator',
  terminal: 'terminator',
  pill: 'terminator',
  rect: 'process',
  proc: 'process',
  process: 'process',
  rounded: 'process',
  diam: 'decision',
  decision: 'decision',
  diamond: 'decision',
  question: 'decision',
  lean: 'data',
  'lean-r': 'data',
  'lean-l': 'data',
  'in-out': 'data',
  subproc: 'subprocess',
  subprocess: 'subprocess',
  'framed-rectangle': 'subprocess',
  circle: 'connector',
  circ: 'connector',
};
const EDGE = /^\s*(?:(-{2,3}>|-{3}|-\.+->|-\.+-|={2,}>)|--\s*([^-|>]+?)\s*(?:-->|---)|==\s*([^=|>]+?)\s*==>|-\.\s*([^.|>]+?)\s*\.->)\s*(?:\|([^|]*)\|)?\s*/;
const YES = /^(ใช่|yes|y|จริง|ผ่าน|ถูกต้อง|ครบ|มี|อนุมัติ|true)\b|^(ใช่|ผ่าน|ครบ|มี|อนุมัติ)/i;
const NO = /^(ไม่|no|n|เท็จ|false)\b|^ไม่/i;

const unquote = (s: string) =>
  s
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .trim();

/** Parses Mermaid source; throws when it is not a top-down flowchart at all. */
export function parseMermaid(source: string): MermaidImport {
  const warnings: string[] = [];
  const lines = source
    .replace(/%%.*$/gm, '')
    .split(/\n|;/)
    .map((l, i) => ({ text: l.trim(), line: i + 1 }))
    .filter((l) => l.text);
  const header = lines.shift();
  const m = header && /^(graph|flowchart)\b\s*(\w+)?/.exec(header.text);
  if (!m)
    throw new Error(
      'ไม่ใช่ Mermaid flowchart: บรรทัดแรกต้องเป็น graph TD หรือ flowchart TD (not a Mermaid flowchart: the first line must be graph TD or flowchart TD)',
    );
  if (m[2] && !['TD', 'TB'].includes(m[2])) warnings.push(`ทิศทาง ${m[2]} จะแสดงเป็นบนลงล่าง (direction ${m[2]} becomes top-down)`);

  const nodes = new Map<string, { shape: MermaidStep['shape']; label: string; order: number }>();
  const edges: Array<{ from: string; to: string; label?: string }> = [];
  const touch = (id: string, shape?: MermaidStep['shape'], label?: string) => {
    const node = nodes.get(id);
    if (!node) nodes.set(id, { shape: shape ?? 'process', label: label ?? id, order: nodes.size });
    else if (shape) Object.assign(node, { shape, label: label ?? node.label });
  };

  for (const { text, line } of lines) {
    if (/^(subgraph|end$|classDef|class\s|style\s|linkStyle|click\s|direction\s)/.test(text)) {
      warnings.push(`บรรทัด ${line}: \`${text}\` ไม่รองรับ จึงข้ามไป (not supported, skipped)`);
      continue;
    }
    let rest = text;
    let previous: string[] | undefined;
    let pendingLabel: string | undefined;
    while (rest) {
      // one node or several joined by &
      const group: string[] = [];
      for (;;) {
        const id = /^([A-Za-z0-9_\u0e00-\u0e7f-]+)/.exec(rest)?.[1];
        if (!id) {
          warnings.push(`บรรทัด ${line}: อ่าน \`${rest}\` ไม่ได้ จึงข้ามไป (cannot read, skipped)`);
          rest = '';
          break;
        }
        rest = rest.slice(id.length);
        let shape: MermaidStep['shape'] | undefined;
        let label: string | undefined;
        const at = /^@\{([^}]*)\}/.exec(rest);
        if (at) {
          const props = Object.fromEntries([...at[1]!.matchAll(/(\w+)\s*:\s*("[^"]*"|[^,]+)/g)].map((p) => [p[1], unquote(p[2]!)]));
          shape = AT_SHAPES[props.shape ?? 'rect'];
          if (!shape) {
            warnings.push(`บรรทัด ${line}: รูปทรง ${props.shape} ของ ${id} ไม่มีในผังงาน ใช้เป็นกิจกรรม (shape not supported, drawn as a process)`);
            shape = 'process';
          }
          label = props.label;
          rest = rest.slice(at[0].length);
        } else if (rest.startsWith('>')) {
          const asym = /^>(.*?)\]/.exec(rest);
          if (asym) {
            warnings.push(`บรรทัด ${line}: รูปธง (>…]) ของ ${id} ไม่มีในผังงาน ใช้เป็นกิจกรรม (asymmetric shape drawn as a process)`);
            shape = 'process';
            label = unquote(asym[1]!);
            rest = rest.slice(asym[0].length);
          }
        } else {
          for (const [re, s] of SHAPES) {
            const sm = re.exec(rest);
            if (sm) {
              shape = s;
              label = unquote(sm[1]!);
              rest = rest.slice(sm[0].length);
              break;
            }
          }
        }
        touch(id, shape, label);
        group.push(id);
        const amp = /^\s*&\s*/.exec(rest);
        if (!amp) break;
        rest = rest.slice(amp[0].length);
      }
      if (previous) for (const from of previous) for (const to of group) edges.push({ from, to, label: pendingLabel });
      rest = rest.trim();
      if (!rest) break;
      const e = EDGE.exec(rest);
      if (!e) {
        warnings.push(`บรรทัด ${line}: อ่าน \`${rest}\` ไม่ได้ จึงข้ามไป (cannot read, skipped)`);
        break;
      }
      pendingLabel = [e[2], e[3], e[4], e[5]].find((x) => x !== undefined && x.trim() !== '');
      pendingLabel = pendingLabel === undefined ? undefined : unquote(pendingLabel);
      previous = group;
      rest = rest.slice(e[0].length);
    }
  }

  // step ids: the Mermaid ids, lower-cased ASCII when they can be
  const used = new Set<string>();
  const ids = new Map<string, string>();
  for (const [id, node] of [...nodes].sort((a, b) => a[1].order - b[1].order)) {
    let base = id.toLowerCase().replace(/_/g, '-');
    if (!ID_PATTERN.test(base)) base = `step-${node.order + 1}`;
    let unique = base;
    for (let k = 2; used.has(unique); k++) unique = `${base}-${k}`;
    used.add(unique);
    ids.set(id, unique);
  }
  const order = [...nodes].sort((a, b) => a[1].order - b[1].order).map(([id]) => id);
  const steps: MermaidStep[] = order.map((id, i) => {
    const node = nodes.get(id)!;
    const step: MermaidStep = { id: ids.get(id)!, shape: node.shape, label: node.label };
    const out = edges.filter((e) => e.from === id);
    const following = order[i + 1];
    if (node.shape === 'decision') {
      let yes = out.find((e) => e.label && YES.test(e.label) && !NO.test(e.label));
      let no = out.find((e) => e !== yes && e.label && NO.test(e.label));
      const rest = out.filter((e) => e !== yes && e !== no);
      if (!yes && rest.length) yes = rest.shift();
      if (!no && rest.length) no = rest.shift();
      if (yes && (!yes.label || !YES.test(yes.label)) && out.length > 1)
        warnings.push(`ทางแยก ${node.label}: ไม่รู้ว่าทางไหนคือ "ใช่" ใช้ ${nodes.get(yes.to)?.label ?? yes.to} (which branch is "yes" is a guess)`);
      for (const extra of rest)
        warnings.push(`ทางแยก ${node.label}: มีทางออกเกินสองทาง ข้ามทางไป ${nodes.get(extra.to)?.label ?? extra.to} (more than two branches)`);
      // the arrow keeps its own words unless they are the default ใช่ / ไม่ใช่
      const target = (e: { to: string; label?: string }, standard: string) =>
        e.label && e.label !== standard ? { to: ids.get(e.to)!, label: e.label } : ids.get(e.to)!;
      if (yes) step.yes = target(yes, 'ใช่');
      if (no) step.no = target(no, 'ไม่ใช่');
      if (!yes || !no) warnings.push(`ทางแยก ${node.label}: ต้องมีสองทาง ใช่ และ ไม่ใช่ (a decision needs two branches)`);
      return step;
    }
    if (out.length > 1) warnings.push(`${node.label}: มีลูกศรออกหลายเส้น ใช้เส้นแรก (${out.length} arrows out; the first is kept)`);
    const first = out[0];
    if (first?.label) warnings.push(`${node.label}: ข้อความบนเส้น "${first.label}" ไม่แสดง (labels show on decision branches only)`);
    if (first) {
      if (first.to !== following) step.next = ids.get(first.to)!;
    } else if (following) step.next = null;
    return step;
  });
  return { steps, warnings };
}

/** The flowchart entry (MDX with frontmatter) for imported steps. */
export function flowchartEntry(steps: MermaidStep[], meta: { title: string; office: string; source: string }): string {
  const data = { title: meta.title, office: meta.office, steps };
  return `---\n# นำเข้าจาก Mermaid: ${meta.source} (imported from Mermaid)\n${stringify(data, { lineWidth: 0 })}---\n`;
}
