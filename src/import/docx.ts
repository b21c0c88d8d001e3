/**
 * Reads a Word document (.docx) into the import model (model.ts). Office Open XML is read here
 * directly (zip.ts, xml.ts) rather than through mammoth's HTML, because what an operation manual
 * needs is what that HTML loses: the numbering format and level text of every list (Word's
 * `thaiNumbers`/`thaiLetters`, `%1.%2` → `๓.๑`), the preset shape of each drawn flowchart symbol and
 * the text in it, merged cells (`gridSpan`, `vMerge`), and image descriptions.
 */
import { posix } from 'node:path';
import { toThaiDigits } from '../domain/thai/index.ts';
import type { Block, Cell, ImportedDocument, ListItem } from './model.ts';
import { childOf, childrenOf, descendants, isElement, parseXml, type XmlElement } from './xml.ts';
import { readZip } from './zip.ts';

interface Style {
  name: string;
  basedOn?: string;
  outline?: number;
  numId?: string;
  ilvl?: number;
}

interface Level {
  format: string;
  text: string;
  start: number;
}

const THAI_LETTERS = [...'กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ'];
const val = (e: XmlElement | undefined, attr = 'w:val') => e?.attrs[attr];

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'thaiNumbers':
      return toThaiDigits(String(n));
    case 'thaiLetters':
      return THAI_LETTERS[(n - 1) % THAI_LETTERS.length]!;
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
    case 'upperRoman': {
      const r = roman(n);
      return format === 'lowerRoman' ? r.toLowerCase() : r;
    }
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** Word's numbering: each list's levels, and the counters as the document goes on. */
class Numbering {
  private levels = new Map<string, Map<number, Level>>();
  private starts = new Map<string, Map<number, number>>();
  private counters = new Map<string, number[]>();

  constructor(xml: XmlElement | undefined) {
    if (!xml) return;
    const numbering = childOf(xml, 'w:numbering');
    const abstracts = new Map<string, Map<number, Level>>();
    for (const a of childrenOf(numbering, 'w:abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of childrenOf(a, 'w:lvl'))
        levels.set(Number(l.attrs['w:ilvl'] ?? 0), {
          format: val(childOf(l, 'w:numFmt')) ?? 'decimal',
          text: val(childOf(l, 'w:lvlText')) ?? '',
          start: Number(val(childOf(l, 'w:start')) ?? 1),
        });
      abstracts.set(a.attrs['w:abstractNumId']!, levels);
    }
    for (const n of childrenOf(numbering, 'w:num')) {
      const id = n.attrs['w:numId']!;
      this.levels.set(id, abstracts.get(val(childOf(n, 'w:abstractNumId')) ?? '') ?? new Map());
      const starts = new Map<number, number>();
      for (const o of childrenOf(n, 'w:lvlOverride')) {
        const s = val(childOf(o, 'w:startOverride'));
        if (s !== undefined) starts.set(Number(o.attrs['w:ilvl'] ?? 0), Number(s));
      }
      this.starts.set(id, starts);
    }
  }

  /** The label of the next paragraph of list `numId` at level `ilvl` (`๓.๑`), or undefined for a bullet. */
  next(numId: string, ilvl: number): { label?: string; bullet: boolean } {
    const levels = this.levels.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level || numId === '0') return { bullet: true };
    const start = (l: number) => this.starts.get(numId)?.get(l) ?? levels.get(l)?.start ?? 1;
    const counters = this.counters.get(numId) ?? [];
    counters[ilvl] = counters[ilvl] === undefined ? start(ilvl) : counters[ilvl]! + 1;
    for (let l = ilvl + 1; l < counters.length; l++) counters[l] = undefined as never;
    counters.length = ilvl + 1;
    for (let l = 0; l < ilvl; l++) if (counters[l] === undefined) counters[l] = start(l);
    this.counters.set(numId, counters);
    if (level.format === 'bullet' || level.format === 'none') return { bullet: level.format === 'bullet' };
    const label = level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counters[l] ?? start(l), levels.get(l)?.format ?? 'decimal');
    });
    return { label, bullet: false };
  }
}

/** Word's preset shapes (DrawingML) and VML shape types of flowchart symbols, by the project's names. */
const GEOMETRY: Record<string, string> = {
  flowChartProcess: 'process',
  flowChartAlternateProcess: 'process',
  rect: 'process',
  flowChartDecision: 'decision',
  diamond: 'decision',
  flowChartTerminator: 'terminator',
  roundRect: 'terminator',
  ellipse: 'terminator',
  flowChartDocument: 'document',
  flowChartMultidocument: 'document',
  flowChartPredefinedProcess: 'subprocess',
  flowChartInputOutput: 'data',
  flowChartManualInput: 'data',
  flowChartMagneticDisk: 'database',
  flowChartConnector: 'connector',
  flowChartOffpageConnector: 'connector',
  // VML shape types: o:spt numbers
  '109': 'process',
  '110': 'decision',
  '116': 'terminator',
  '114': 'document',
  '112': 'subprocess',
  '111': 'data',
  '132': 'database',
  '120': 'connector',
};

export function shapeOfGeometry(geometry: string | undefined): string | undefined {
  return geometry ? GEOMETRY[geometry] : undefined;
}

interface Context {
  styles: Map<string, Style>;
  numbering: Numbering;
  rels: Map<string, string>;
  zip: Map<string, () => Buffer>;
  images: Map<string, { name: string; data: Buffer; alt: string }>;
}

/** A paragraph's text, with its drawn shapes and images apart. */
function paragraphParts(p: XmlElement, ctx: Context): { text: string; shapes: Cell['shapes']; images: Array<{ name: string; data: Buffer; alt: string }> } {
  let text = '';
  const shapes: Cell['shapes'] = [];
  const images: Array<{ name: string; data: Buffer; alt: string }> = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (!isElement(c)) continue;
      switch (c.name) {
        case 'w:pPr':
        case 'w:rPr':
        case 'w:delText':
        case 'w:instrText':
        case 'mc:Fallback': // the same drawing again, for older readers
          break;
        case 'w:t':
          text += c.children.filter((x) => typeof x === 'string').join('');
          break;
        case 'w:tab':
          text += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          text += '\n';
          break;
        case 'w:noBreakHyphen':
          text += '-';
          break;
        case 'w:footnoteReference':
          text += `[^${c.attrs['w:id']}]`;
          break;
        case 'wps:wsp':
        case 'v:shape':
        case 'v:rect':
        case 'v:roundrect':
        case 'v:oval': {
          // a drawn symbol: its shape and its text box
          const geometry =
            descendants(c, 'a:prstGeom')[0]?.attrs.prst ??
            (c.name === 'v:rect'
              ? 'rect'
              : c.name === 'v:roundrect'
                ? 'roundRect'
                : c.name === 'v:oval'
                  ? 'ellipse'
                  : (c.attrs['o:spt'] ?? c.attrs.type?.replace(/^#_x0000_t/, '')));
          const box = descendants(c, 'w:txbxContent')[0];
          const inside = box
            ? childrenOf(box, 'w:p')
                .map((q) => paragraphParts(q, ctx).text.trim())
                .filter(Boolean)
                .join(' ')
            : '';
          shapes.push({ text: inside, geometry });
          break;
        }
        case 'w:drawing': {
          const doc = descendants(c, 'wp:docPr')[0];
          const blip = descendants(c, 'a:blip')[0];
          const target = blip ? ctx.rels.get(blip.attrs['r:embed'] ?? '') : undefined;
          if (target) {
            const path = posix.normalize(posix.join('word', target));
            const data = ctx.zip.get(path)?.();
            if (data) images.push({ name: posix.basename(path), data, alt: (doc?.attrs.descr || doc?.attrs.title || '').trim() });
          }
          walk(c);
          break;
        }
        default:
          walk(c);
      }
    }
  };
  walk(p);
  return { text, shapes, images };
}

function styleChain(ctx: Context, id: string | undefined): Style[] {
  const chain: Style[] = [];
  for (let s = id ? ctx.styles.get(id) : undefined, n = 0; s && n < 10; s = s.basedOn ? ctx.styles.get(s.basedOn) : undefined, n++) chain.push(s);
  return chain;
}

/** A heading level from the style (Heading 1, หัวเรื่อง 1, an outline level), else undefined. */
function headingLevel(ctx: Context, p: XmlElement): number | 'title' | undefined {
  const pPr = childOf(p, 'w:pPr');
  const outline = val(childOf(pPr, 'w:outlineLvl'));
  if (outline !== undefined && Number(outline) < 9) return Number(outline) + 1;
  for (const s of styleChain(ctx, val(childOf(pPr, 'w:pStyle')))) {
    const name = s.name.toLowerCase();
    if (name === 'title' || name === 'ชื่อเรื่อง') return 'title';
    const m = /^(?:heading|หัวเรื่อง)\s*(\d)$/.exec(name);
    if (m) return Number(m[1]);
    if (s.outline !== undefined && s.outline < 9) return s.outline + 1;
  }
  return undefined;
}

const isCaptionStyle = (ctx: Context, p: XmlElement) =>
  styleChain(ctx, val(childOf(childOf(p, 'w:pPr'), 'w:pStyle'))).some((s) => /^(caption|คำอธิบายภาพ|คำบรรยายภาพ)$/i.test(s.name));

function numberingOf(ctx: Context, p: XmlElement): { numId: string; ilvl: number } | undefined {
  const pPr = childOf(p, 'w:pPr');
  const numPr = childOf(pPr, 'w:numPr');
  if (numPr) {
    const numId = val(childOf(numPr, 'w:numId'));
    if (numId !== undefined) return { numId, ilvl: Number(val(childOf(numPr, 'w:ilvl')) ?? 0) };
  }
  for (const s of styleChain(ctx, val(childOf(pPr, 'w:pStyle')))) if (s.numId) return { numId: s.numId, ilvl: s.ilvl ?? 0 };
  return undefined;
}

/** A table's rows with spans: `gridSpan` columns, `vMerge` rows (a continued cell adds to the one above). */
function readTable(tbl: XmlElement, ctx: Context): Cell[][] {
  const rows: Cell[][] = [];
  // the cell that starts at each grid column, in the row it started
  const startedAt = new Map<number, Cell>();
  for (const tr of childrenOf(tbl, 'w:tr')) {
    const row: Cell[] = [];
    let column = 0;
    for (const tc of childrenOf(tr, 'w:tc')) {
      const tcPr = childOf(tc, 'w:tcPr');
      const span = Number(val(childOf(tcPr, 'w:gridSpan')) ?? 1);
      const merge = childOf(tcPr, 'w:vMerge');
      if (merge && (merge.attrs['w:val'] ?? 'continue') === 'continue' && startedAt.has(column)) {
        startedAt.get(column)!.rowspan++;
        column += span;
        continue;
      }
      const texts: string[] = [];
      const shapes: Cell['shapes'] = [];
      for (const c of tc.children) {
        if (!isElement(c)) continue;
        if (c.name === 'w:p') {
          const parts = paragraphParts(c, ctx);
          const n = numberingOf(ctx, c);
          const label = n ? ctx.numbering.next(n.numId, n.ilvl).label : undefined;
          const line = `${label ? `${label} ` : ''}${parts.text}`.trim();
          if (line) texts.push(line);
          shapes.push(...parts.shapes);
        } else if (c.name === 'w:tbl') {
          // a table in a cell: its text, row by row
          for (const r of readTable(c, ctx)) texts.push(r.map((x) => x.text).join(' '));
        }
      }
      const cell: Cell = { text: texts.join('\n'), colspan: span, rowspan: 1, shapes };
      row.push(cell);
      for (let k = 0; k < span; k++) startedAt.set(column + k, cell);
      column += span;
    }
    rows.push(row);
  }
  return rows;
}

/** Stands for Word's table-of-contents field in the blocks: the import reads it as the old สารบัญ. */
export const WORD_TOC = 'สารบัญ';

export function readDocx(data: Buffer): ImportedDocument {
  const zip = readZip(data);
  const xml = (name: string) => {
    const f = zip.get(name);
    return f ? parseXml(f().toString('utf8')) : undefined;
  };
  const document = xml('word/document.xml');
  if (!document) throw new Error('ไม่พบ word/document.xml: ไม่ใช่เอกสาร Word (no word/document.xml: not a Word document)');
  const styles = new Map<string, Style>();
  for (const s of descendants(xml('word/styles.xml') ?? { name: '', attrs: {}, children: [] }, 'w:style')) {
    const pPr = childOf(s, 'w:pPr');
    const numPr = childOf(pPr, 'w:numPr');
    styles.set(s.attrs['w:styleId'] ?? '', {
      name: val(childOf(s, 'w:name')) ?? s.attrs['w:styleId'] ?? '',
      basedOn: val(childOf(s, 'w:basedOn')),
      outline: val(childOf(pPr, 'w:outlineLvl')) !== undefined ? Number(val(childOf(pPr, 'w:outlineLvl'))) : undefined,
      numId: val(childOf(numPr, 'w:numId')),
      ilvl: val(childOf(numPr, 'w:ilvl')) !== undefined ? Number(val(childOf(numPr, 'w:ilvl'))) : undefined,
    });
  }
  const rels = new Map<string, string>();
  for (const r of descendants(xml('word/_rels/document.xml.rels') ?? { name: '', attrs: {}, children: [] }, 'Relationship'))
    rels.set(r.attrs.Id ?? '', r.attrs.Target ?? '');
  const ctx: Context = { styles, numbering: new Numbering(xml('word/numbering.xml')), rels, zip, images: new Map() };

  const footnotes = new Map<string, string>();
  for (const f of descendants(xml('word/footnotes.xml') ?? { name: '', attrs: {}, children: [] }, 'w:footnote')) {
    if (f.attrs['w:type'] && f.attrs['w:type'] !== 'normal') continue;
    footnotes.set(
      f.attrs['w:id'] ?? '',
      childrenOf(f, 'w:p')
        .map((p) => paragraphParts(p, ctx).text.trim())
        .join(' ')
        .trim(),
    );
  }

  const blocks: Block[] = [];
  let paragraphs = 0;
  let tables = 0;
  const body = childOf(childOf(document, 'w:document'), 'w:body');
  const visit = (e: XmlElement | undefined) => {
    for (const c of e?.children ?? []) {
      if (!isElement(c)) continue;
      if (c.name === 'w:sdt') visit(childOf(c, 'w:sdtContent'));
      else if (c.name === 'w:tbl') {
        tables++;
        blocks.push({ kind: 'table', rows: readTable(c, ctx), at: `ตารางที่ ${tables} (ต่อจากย่อหน้าที่ ${paragraphs})` });
      } else if (c.name === 'w:p') {
        paragraphs++;
        const at = `ย่อหน้าที่ ${paragraphs}`;
        const parts = paragraphParts(c, ctx);
        for (const image of parts.images) blocks.push({ kind: 'image', ...image, at });
        const text = parts.text.replace(/\t+/g, ' ').trim();
        for (const s of parts.shapes) if (s.text) blocks.push({ kind: 'paragraph', text: s.text, at });
        if (!text) continue;
        // Word's own table of contents (a field whose paragraphs are styled TOC 1, TOC 2 …): made again by the build
        if (styleChain(ctx, val(childOf(childOf(c, 'w:pPr'), 'w:pStyle'))).some((st) => /^toc\s*\d$/i.test(st.name))) {
          if (!blocks.some((b) => b.kind === 'paragraph' && b.text === WORD_TOC)) blocks.push({ kind: 'paragraph', text: WORD_TOC, at });
          continue;
        }
        const level = headingLevel(ctx, c);
        const n = numberingOf(ctx, c);
        const numbered = n ? ctx.numbering.next(n.numId, n.ilvl) : undefined;
        if (level === 'title') blocks.push({ kind: 'paragraph', text, cover: true, at });
        else if (level !== undefined) blocks.push({ kind: 'heading', level, text, by: 'style', label: numbered?.label, at });
        else if (numbered) {
          const item: ListItem = { kind: 'item', level: n!.ilvl, label: numbered.label, text, by: numbered.bullet ? 'bullet' : 'numbering', at };
          blocks.push(item);
        } else blocks.push({ kind: 'paragraph', text, caption: isCaptionStyle(ctx, c) || undefined, at });
      }
    }
  };
  visit(body);
  return { blocks, footnotes, notes: [] };
}
