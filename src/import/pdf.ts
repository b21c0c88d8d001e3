/**
 * Reads a text PDF into the import model (model.ts), with poppler's `pdftotext -bbox-layout` (the
 * print check needs poppler already): every line with its box. Lines are rejoined into paragraphs
 * (Thai runs on without a space), the extraction damage is repaired (repair.ts), page numbers and
 * running heads are left out, larger lines are headings, and tables are rebuilt where the lines
 * of several rows fall into the same columns. A PDF with no text (a scan) is reported: OCR first.
 */
import { execFileSync } from 'node:child_process';
import type { Block, Cell, ImportedDocument } from './model.ts';
import { repairThai } from './repair.ts';
import { descendants, type XmlElement } from './xml.ts';
import { parseXml } from './xml.ts';

interface Line {
  page: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  text: string;
  block: number;
}

const num = (e: XmlElement, k: string) => Number(e.attrs[k]);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

/** Joins two lines of one paragraph: Thai runs on (a line break inside a Thai phrase is no space). */
export function joinLines(a: string, b: string): string {
  if (!a) return b;
  // a number keeps its space (`๕ นาที`, `พ.ศ. ๒๕๖๔`)
  if (/[\u0e00-\u0e4f]$/.test(a) && /^[\u0e00-\u0e4f]/.test(b)) return a + b;
  return `${a} ${b}`;
}

/** A page number or a running number line: `- ๒ -`, `๒`, `หน้า ๒`, `2/10`. */
const PAGE_NUMBER = /^(?:[-–]\s*)?(?:หน้า\s*)?[0-9๐-๙]{1,4}(?:\s*[/จาก]+\s*[0-9๐-๙]{1,4})?(?:\s*[-–])?$/;

export function readPdf(file: string): ImportedDocument {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const root = parseXml(xhtml);
  const pages = descendants(root, 'page');
  const lines: Line[] = [];
  let blockNo = 0;
  pages.forEach((page, p) => {
    const height = num(page, 'height');
    for (const block of descendants(page, 'block')) {
      blockNo++;
      for (const line of descendants(block, 'line')) {
        // a line may run across table cells that sit close together: words further apart than a
        // few spaces are separate pieces of text (Thai words carry no spaces, so this is the cells' gap)
        const words = descendants(line, 'word').map((w) => ({
          x0: num(w, 'xMin'),
          x1: num(w, 'xMax'),
          y0: num(w, 'yMin'),
          y1: num(w, 'yMax'),
          text: w.children.filter((c) => typeof c === 'string').join(''),
        }));
        const pieces: Array<typeof words> = [];
        for (const w of words) {
          const last = pieces.at(-1);
          const prev = last?.at(-1);
          if (last && prev && w.x0 - prev.x1 < Math.max(5, (w.y1 - w.y0) * 0.45)) last.push(w);
          else pieces.push([w]);
        }
        for (const piece of pieces) {
          const text = repairThai(piece.map((w) => w.text).join(' ')).trim();
          if (!text) continue;
          const l: Line = {
            page: p + 1,
            x0: piece[0]!.x0,
            x1: piece.at(-1)!.x1,
            y0: Math.min(...piece.map((w) => w.y0)),
            y1: Math.max(...piece.map((w) => w.y1)),
            text,
            block: blockNo,
          };
          // page numbers in the top or bottom margin
          if ((l.y1 < height * 0.09 || l.y0 > height * 0.91) && PAGE_NUMBER.test(text)) continue;
          lines.push(l);
        }
      }
    }
  });
  const notes: string[] = [];
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  if (pages.length && chars / pages.length < 20) {
    notes.push(
      `PDF นี้แทบไม่มีข้อความ (${chars} ตัวอักษรใน ${pages.length} หน้า) น่าจะเป็นภาพสแกน ต้องทำ OCR ก่อน เช่น apt-get install -y ocrmypdf tesseract-ocr-tha แล้ว ocrmypdf -l tha แฟ้ม.pdf แฟ้ม-ocr.pdf (a scanned PDF: run OCR first)`,
    );
    return { blocks: [], footnotes: new Map(), notes };
  }
  // each page's rows, top to bottom, left to right: read once, for the body's measures and the blocks
  const byPage = Map.groupBy(lines, (l) => l.page);
  const pageRows = pages.map((_, i) => rowsOf((byPage.get(i + 1) ?? []).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)));
  // the body text's size: the line height most characters are set in, among lines that stand
  // alone in their row (a table's rows have several cells, often set smaller)
  const alone = pageRows.flatMap((rows) => rows.filter((r) => r.length === 1).flat());
  const body = alone.length ? alone : lines;
  const weight = new Map<number, number>();
  for (const l of body) {
    const h = Math.round((l.y1 - l.y0) * 2) / 2;
    weight.set(h, (weight.get(h) ?? 0) + l.text.length);
  }
  const bodyHeight = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? median(lines.map((l) => l.y1 - l.y0));
  // the text block's edges: where most lines start, and the furthest most lines reach
  const starts = new Map<number, number>();
  for (const l of body) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
  const ends = body.map((l) => l.x1).sort((a, b) => a - b);
  const margins = { left: [...starts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0, right: ends[Math.floor(ends.length * 0.95)] ?? 0 };
  const blocks = pageRows.flatMap((rows, i) => pageBlocks(rows, bodyHeight, i + 1, margins));
  // heading levels by size over the whole document: the largest lines are level 1
  const sizes = [...new Set(blocks.filter((b) => b.kind === 'heading').map((b) => Math.round((b as { _h?: number })._h ?? 0)))].sort((a, b) => b - a);
  for (const b of blocks) {
    if (b.kind === 'heading') b.level = sizes.indexOf(Math.round((b as { _h?: number })._h ?? 0)) + 1;
    delete (b as { _last?: Line })._last;
    delete (b as { _big?: boolean })._big;
    delete (b as { _h?: number })._h;
  }
  return { blocks: mergeTablesAcrossPages(blocks), footnotes: new Map(), notes };
}

/** Rows of a page: lines whose vertical extents overlap. */
function rowsOf(lines: Line[]): Line[][] {
  const rows: Line[][] = [];
  for (const l of lines) {
    const row = rows.at(-1);
    const mid = (l.y0 + l.y1) / 2;
    if (row?.some((r) => mid > r.y0 && mid < r.y1)) row.push(l);
    else rows.push([l]);
  }
  for (const r of rows) r.sort((a, b) => a.x0 - b.x0);
  return rows;
}

function pageBlocks(rows: Line[][], bodyHeight: number, page: number, margins: { left: number; right: number }): Block[] {
  const at = `หน้า ${page}`;
  const { left, right } = margins;
  const near = (x: number, starts: number[]) => starts.some((c) => Math.abs(c - x) < 2.5);
  const out: Block[] = [];
  let i = 0;
  while (i < rows.length) {
    // a table: a row of two or more cells, and the rows below whose lines all start where its
    // columns start (the wrapped lines of a cell too); body text starts at the margin, cells inside their borders
    if (rows[i]!.length >= 2 && !rows[i]!.some((l) => l.y1 - l.y0 > bodyHeight * 1.25)) {
      const starts = rows[i]!.map((l) => l.x0);
      let j = i;
      let bottom = Math.max(...rows[i]!.map((l) => l.y1));
      while (j + 1 < rows.length) {
        const next = rows[j + 1]!;
        if (next.some((l) => l.y1 - l.y0 > bodyHeight * 1.25)) break;
        if (Math.min(...next.map((l) => l.y0)) - bottom > bodyHeight * 2.5) break;
        if (next.length >= 2 && next.filter((l) => near(l.x0, starts)).length >= 1) for (const l of next) if (!near(l.x0, starts)) starts.push(l.x0);
        if (!next.every((l) => near(l.x0, starts))) break;
        if (next.some((l) => Math.abs(l.x0 - left) < 1.5) && !starts.some((c) => Math.abs(c - left) < 1.5)) break;
        j++;
        bottom = Math.max(bottom, ...next.map((l) => l.y1));
      }
      const region = rows.slice(i, j + 1);
      if (region.filter((r) => r.length >= 2).length >= 2) {
        const built = buildTable(region, starts);
        out.push(Object.assign({ kind: 'table' as const, rows: built.rows, at }, { _columns: built.columns, _page: page }));
        i = j + 1;
        continue;
      }
    }
    // text: a line goes on the paragraph above when it follows closely, at the same size, the line
    // above ran to the right margin, and it does not start an item of its own
    const row = rows[i]!;
    for (const l of row) {
      const big = l.y1 - l.y0 > bodyHeight * 1.25;
      const prev = out.at(-1) as (Block & { _last?: Line; _big?: boolean }) | undefined;
      const last = prev?._last;
      const startsItem = /^(?:[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*[.)]|\(?[ก-ฮ][.)]|[•▪❑●➤✓-])\s/.test(l.text);
      const close = last !== undefined && l.y0 - last.y1 < bodyHeight * 0.35;
      const follows =
        last !== undefined &&
        prev!.kind === 'paragraph' &&
        !big &&
        !prev!._big &&
        close &&
        // the line above ran to the right margin, and this one starts at the margin, not as an item
        ((!startsItem && last.x1 > left + (right - left) * 0.78 && Math.abs(l.x0 - left) < bodyHeight * 3) ||
          // or both sit in one narrow column away from the margin (a cell a table lost, a text box)
          (Math.abs(l.x0 - last.x0) < 2 && l.x0 > left + 3 && last.x1 < left + (right - left) * 0.6));
      if (follows) {
        (prev as { text: string }).text = joinLines((prev as { text: string }).text, l.text);
        prev!._last = l;
      } else {
        const b =
          big && l.text.length < 100
            ? ({ kind: 'heading', level: 1, text: l.text, by: 'size', at } as Block)
            : ({ kind: 'paragraph', text: l.text, at } as Block);
        Object.assign(b, { _last: l, _big: big, _h: l.y1 - l.y0 });
        out.push(b);
      }
    }
    i++;
  }
  return out;
}

/** A table from its lines: a column per start, a new row where the gap above is wider than between the lines of one cell. */
function buildTable(rows: Line[][], starts: number[]): { rows: Cell[][]; columns: number[] } {
  const columns = [...new Set(starts.map((x) => Math.round(x * 2) / 2))].sort((a, b) => a - b).filter((x, k, all) => k === 0 || x - all[k - 1]! >= 2.5);
  const columnOf = (x: number) => {
    let k = 0;
    for (let c = 0; c < columns.length; c++) if (x >= columns[c]! - 2.5) k = c;
    return k;
  };
  const lines = rows.flat().sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const height = median(lines.map((l) => l.y1 - l.y0));
  const table: string[][] = [];
  let current: string[] | undefined;
  let bottom = -Infinity;
  for (const r of rows) {
    const top = Math.min(...r.map((l) => l.y0));
    // the next table row: its cells' first lines start below the whole row above, past its padding and border
    if (!current || top - bottom > height * 0.45) {
      current = columns.map(() => '');
      table.push(current);
    }
    for (const l of r) {
      const k = columnOf(l.x0);
      current[k] = current[k] ? joinLines(current[k]!, l.text) : l.text;
    }
    bottom = Math.max(bottom, ...r.map((l) => l.y1));
  }
  return { rows: table.map((row) => row.map((text) => ({ text, colspan: 1, rowspan: 1, shapes: [] }))), columns };
}

/**
 * A table that goes on over a page break is one table: the last block of a page and the first of
 * the next, both tables, whose columns start at the same places (a column left empty on one page
 * is simply missing there). A header repeated on the new page is not a row again.
 */
function mergeTablesAcrossPages(blocks: Block[]): Block[] {
  type PdfTable = Extract<Block, { kind: 'table' }> & { _columns?: number[]; _page?: number };
  const out: Block[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k] as PdfTable;
    const prev = out.at(-1) as PdfTable | undefined;
    const firstOnPage = k === 0 || (blocks[k - 1] as PdfTable)._page !== b._page || blocks[k - 1]!.at !== b.at;
    if (b.kind === 'table' && prev?.kind === 'table' && prev._columns && b._columns && firstOnPage && prev.at !== b.at) {
      const map = b._columns.map((x) => prev._columns!.findIndex((c) => Math.abs(c - x) < 3));
      if (map.every((m) => m >= 0)) {
        const header = prev.rows[0]!.map((c) => c.text).join('|');
        for (const row of b.rows) {
          const full: Cell[] = prev._columns.map(() => ({ text: '', colspan: 1, rowspan: 1, shapes: [] }));
          row.forEach((cell, c) => (full[map[c]!] = cell));
          if (full.map((c) => c.text).join('|') === header) continue;
          prev.rows.push(full);
        }
        continue;
      }
    }
    out.push(b);
  }
  for (const b of out) {
    delete (b as PdfTable)._columns;
    delete (b as PdfTable)._page;
  }
  return out;
}
