/**
 * Turns an imported document (model.ts) into khumue content: a manual entry (MDX), a flowchart
 * entry for each flowchart table (ลำดับ | ผังกระบวนการ | รายละเอียดงาน | ระยะเวลา | มาตรฐาน |
 * ผู้รับผิดชอบ), data tables with checked totals where a row is labelled รวม, the document-control
 * fields and approvals from the cover and approval tables, images, footnotes — and a report of what
 * was mapped, what was guessed and what needs a person, by where it was in the source.
 */
import { stringify } from 'yaml';
import { parseThaiDate } from '../domain/thai/index.ts';
import { fixPasted } from '../validate/pasted.ts';
import { outlineHeading, typedBullet, typedNumber } from './classify.ts';
import { shapeOfGeometry } from './docx.ts';
import { DEFAULT_COLUMNS } from '../components/flow.ts';
import { joinLines } from './pdf.ts';
import type { Block, Cell, ImportedDocument, Table } from './model.ts';

export interface ReportLine {
  /** mapped: read as it is; guessed: read by a rule a person should confirm; check: a person must look */
  kind: 'mapped' | 'guessed' | 'check';
  at: string;
  text: string;
}

export interface ImportOptions {
  /** the manual's id; flowcharts are `<id>-flow`, `<id>-flow-2`, … */
  id: string;
  office: string;
  /** the source file's name, as `source.file` */
  sourceName: string;
  /** today, ISO (the import's date in `source.note`) */
  date: string;
  /** where the images go, as the site serves them (`/images/<id>/`) */
  imagesUrl: string;
}

export interface ImportResult {
  /** paths relative to the content folder */
  files: Array<{ path: string; text: string }>;
  /** paths relative to the images folder */
  images: Array<{ name: string; data: Buffer }>;
  report: ReportLine[];
  /** the document's title as read */
  title: string;
}

/** Text cleaned as `validate --fix` would: Word's special spaces and invisible characters. */
const clean = (s: string) =>
  fixPasted(s, 'mdx')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();

/** Markdown and MDX that text must not turn into: `{`, `<`, `*`, `_`, `[`, `` ` ``, `\`, and `1.`/`#`/`-`/`>` at a line start. */
export function escapeMdx(text: string): string {
  return text
    .replace(/[\\`*_{}<>[\]|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}
/** The same text inside an HTML element of MDX: character references for what MDX would read. */
const escapeHtmlText = (text: string) =>
  text.replace(/[&<>{}]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '{': '&#123;', '}': '&#125;' })[c]!).replace(/\n/g, '<br />');

const CONTROL_LABELS: Array<[RegExp, 'code' | 'revision' | 'effective']> = [
  [/^(?:รหัส(?:เอกสาร|คู่มือ)?|เลขที่เอกสาร|document\s*code)\s*:?$/i, 'code'],
  [/^(?:แก้ไขครั้งที่|ปรับปรุงครั้งที่|ครั้งที่ปรับปรุง|ฉบับที่|revision)\s*:?$/i, 'revision'],
  [/^(?:วันที่(?:มีผล)?บังคับใช้|วันที่มีผล|วันที่ประกาศใช้|วันที่เริ่มใช้|effective\s*date)\s*:?$/i, 'effective'],
];
const ROLES = ['ผู้จัดทำ', 'ผู้ตรวจสอบ', 'ผู้อนุมัติ'] as const;
const ROLE_WORDS: Record<string, (typeof ROLES)[number]> = {
  ผู้จัดทำ: 'ผู้จัดทำ',
  ผู้เขียน: 'ผู้จัดทำ',
  ผู้ตรวจสอบ: 'ผู้ตรวจสอบ',
  ผู้ทบทวน: 'ผู้ตรวจสอบ',
  ผู้อนุมัติ: 'ผู้อนุมัติ',
  ผู้รับรอง: 'ผู้อนุมัติ',
};
const NAME_TITLE = /(?:นางสาว|นาง|นาย|น\.ส\.|ดร\.|ว่าที่)\s*[ก-๙]+(?:\s+[ก-๙]+)?/;

const cellText = (c: Cell | undefined) => clean(c?.text ?? '');
const isNumber = (s: string) => /^[-−]?[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?$/.test(s.trim());
const toNumber = (s: string) =>
  Number(
    s
      .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
      .replace(/[,\s]/g, '')
      .replace('−', '-'),
  );

/** The document-control fields a cover table states (รหัสเอกสาร | TST-001, แก้ไขครั้งที่ | ๒, …). */
function readControl(table: Table): Partial<{ code: string; revision: number; effective: string }> | undefined {
  const out: Partial<{ code: string; revision: number; effective: string }> = {};
  for (const row of table.rows)
    for (let i = 0; i + 1 < row.length; i++) {
      const label = cellText(row[i]);
      const value = cellText(row[i + 1]);
      const field = CONTROL_LABELS.find(([re]) => re.test(label))?.[1];
      if (!field || !value) continue;
      if (field === 'code') out.code = value;
      else if (field === 'revision' && isNumber(value)) out.revision = toNumber(value);
      else if (field === 'effective') {
        try {
          parseThaiDate(value);
          out.effective = value;
        } catch {
          // not a date the validator reads: left for a person (reported by the caller)
        }
      }
    }
  return Object.keys(out).length ? out : undefined;
}

/** Approvals from a table whose cells name the roles (ผู้จัดทำ …) with a name and a position beside or below. */
function readApprovals(table: Table): Array<{ role: (typeof ROLES)[number]; name: string; position: string }> | undefined {
  const found: Array<{ role: (typeof ROLES)[number]; name: string; position: string }> = [];
  const grid = table.rows.map((r) => r.map(cellText));
  for (let r = 0; r < grid.length; r++)
    for (let c = 0; c < grid[r]!.length; c++) {
      const text = grid[r]![c]!;
      const word = Object.keys(ROLE_WORDS).find((w) => text.replace(/\s/g, '').startsWith(w));
      if (!word) continue;
      // the name and position: in the same cell after the role, or the next cells of the row, or the cells below
      const candidates = [
        text.replace(/\s/g, '').slice(word.length) ? text.slice(text.indexOf(word[word.length - 1]!) + 1) : '',
        ...grid[r]!.slice(c + 1),
        ...grid.slice(r + 1).map((row) => row[c] ?? ''),
      ]
        .flatMap((t) => t.split('\n'))
        .map((t) =>
          t
            .replace(/^[:\s]+/, '')
            .replace(/^\(|\)$/g, '')
            .replace(/^ลงชื่อ\.*\s*/, '')
            .trim(),
        )
        .filter((t) => t && !/^\.+$/.test(t) && !Object.keys(ROLE_WORDS).some((w) => t.startsWith(w)));
      const name = candidates.find((t) => NAME_TITLE.test(t));
      if (!name) continue;
      const position = candidates[candidates.indexOf(name) + 1]?.replace(/^ตำแหน่ง\s*/, '') ?? '';
      const role = ROLE_WORDS[word]!;
      if (!found.some((f) => f.role === role)) found.push({ role, name: name.replace(/^\(|\)$/g, '').trim(), position: position || '«ตำแหน่ง»' });
    }
  return found.length ? found : undefined;
}

const FLOW_COLUMNS: Array<[RegExp, 'number' | 'chart' | 'detail' | 'time' | 'standard' | 'owner']> = [
  [/^(?:ลำดับ|ที่|ขั้นตอนที่)/, 'number'],
  [/ผัง/, 'chart'],
  [/รายละเอียด|ขั้นตอนการ(?:ปฏิบัติ|ดำเนิน)งาน|กิจกรรม/, 'detail'],
  [/ระยะเวลา|เวลา/, 'time'],
  [/มาตรฐาน|คุณภาพ/, 'standard'],
  [/ผู้รับผิดชอบ|ผู้ปฏิบัติ/, 'owner'],
];

/** The columns of a flowchart table by its header row, when it is one (a chart column and a detail or owner column). */
function flowColumns(table: Table): { header: number; columns: Map<number, (typeof FLOW_COLUMNS)[number][1]> } | undefined {
  for (let h = 0; h < Math.min(3, table.rows.length); h++) {
    const columns = new Map<number, (typeof FLOW_COLUMNS)[number][1]>();
    let at = 0;
    for (const cell of table.rows[h]!) {
      const text = cellText(cell).replace(/\s/g, '');
      const key = FLOW_COLUMNS.find(([re]) => re.test(text))?.[1];
      if (key && ![...columns.values()].includes(key)) columns.set(at, key);
      at += cell.colspan;
    }
    const keys = [...columns.values()];
    if (keys.includes('chart') && (keys.includes('detail') || keys.includes('owner'))) return { header: h, columns };
  }
  return undefined;
}

const DECISION_WORDS = /\?|หรือไม่|ถูกต้อง(?:ครบถ้วน)?หรือ|พิจารณา|อนุมัติ|เห็นชอบ|ตรวจสอบความถูกต้อง|ผ่าน|ตัดสินใจ/;
const TERMINATOR_WORDS = /^(?:เริ่ม|เริ่มต้น|สิ้นสุด|จบ|start|end)\b|^(?:เริ่ม|สิ้นสุด)/i;

/** A flowchart entry from a flowchart table: steps with their times, standards and owners; shapes from the drawn symbols, else guessed. */
function flowchartFrom(
  table: Table,
  found: NonNullable<ReturnType<typeof flowColumns>>,
  meta: { title: string; office: string; source: Record<string, string> },
  report: ReportLine[],
): { data: Record<string, unknown>; title: string } | undefined {
  const steps: Array<Record<string, unknown>> = [];
  const references: string[] = [];
  let guessed = 0;
  for (const row of table.rows.slice(found.header + 1)) {
    // a row that is not a step: the chart's references (เอกสารอ้างอิง: ๑. … ๒. …), kept as they are written
    const whole = clean(row.map((c) => c.text).join(' '));
    const refs = /^เอกสารอ้างอิง\s*:?\s*(.*)$/s.exec(whole);
    if (refs) {
      references.push(
        ...refs[1]!
          .split(/\s+(?=[0-9๐-๙]{1,2}\.\s)/)
          .map((r) => r.trim())
          .filter(Boolean),
      );
      continue;
    }
    const byKey: Record<string, Cell> = {};
    let at = 0;
    for (const cell of row) {
      const key = found.columns.get(at);
      if (key) byKey[key] = cell;
      at += cell.colspan;
    }
    const detail = cellText(byKey.detail);
    const chart = byKey.chart;
    const shapes = chart?.shapes.filter((s) => s.text || s.geometry) ?? [];
    const drawn = shapes.find((s) => s.text) ?? shapes[0];
    const chartText = clean(drawn?.text || cellText(chart));
    if (!detail && !chartText) continue;
    const label = chartText || detail.split(/\n|(?<=[ก-๙])\s(?=[ก-๙])/)[0]!.slice(0, 60);
    let shape = shapeOfGeometry(drawn?.geometry);
    if (!shape) {
      shape =
        steps.length === 0 && TERMINATOR_WORDS.test(label)
          ? 'terminator'
          : DECISION_WORDS.test(label)
            ? 'decision'
            : TERMINATOR_WORDS.test(label)
              ? 'terminator'
              : 'process';
      guessed++;
    }
    const step: Record<string, unknown> = { id: `s${steps.length + 1}`, shape, label };
    const number = cellText(byKey.number);
    if (number && !/^[0-9๐-๙]+\.?$/.test(number)) step.number = number;
    if (detail && detail !== label) step.detail = detail;
    for (const k of ['time', 'standard', 'owner'] as const) {
      const v = cellText(byKey[k]);
      if (v) step[k] = v;
    }
    steps.push(step);
  }
  if (!steps.length) return undefined;
  // the source's own column headers where they differ from the standard ones; columns it has not, hidden
  const columns: Record<string, string | false> = {};
  const headerAt = new Map<number, string>();
  let x = 0;
  for (const cell of table.rows[found.header]!) {
    headerAt.set(x, cellText(cell));
    x += cell.colspan;
  }
  for (const key of Object.keys(DEFAULT_COLUMNS) as Array<keyof typeof DEFAULT_COLUMNS>) {
    const at = [...found.columns].find(([, k]) => k === key)?.[0];
    const header = at === undefined ? undefined : headerAt.get(at);
    if (header === undefined) columns[key] = false;
    else if (header.replace(/\s+/g, '') !== DEFAULT_COLUMNS[key]) columns[key] = header;
  }
  // a decision goes on by yes and no: yes to the next step, no back to the one before (to be checked)
  steps.forEach((s, i) => {
    if (s.shape !== 'decision') return;
    const next = steps[i + 1]?.id;
    const back = steps[i - 1]?.id;
    if (!next || !back) {
      s.shape = 'process';
      return;
    }
    s.yes = next;
    s.no = back;
    report.push({
      kind: 'check',
      at: table.at,
      text: `ขั้นตอน «${String(s.label).slice(0, 40)}» เป็นการตัดสินใจ: ตั้งทาง ใช่ ไปขั้นต่อไป และ ไม่ใช่ ย้อนไปขั้นก่อน ให้ตรวจกับผังเดิม (decision branches set to next/previous: check them)`,
    });
  });
  if (guessed)
    report.push({
      kind: 'guessed',
      at: table.at,
      text: `สัญลักษณ์ของ ${guessed} ขั้นตอนเดาจากถ้อยคำ (ไม่มีรูปที่วาดไว้ในแฟ้ม) ให้ตรวจ shape (${guessed} shapes guessed from the wording)`,
    });
  return {
    data: { title: meta.title, office: meta.office, ...(Object.keys(columns).length ? { columns } : {}), steps, source: meta.source },
    title: meta.title,
  };
}

/** A data table when a row is labelled รวม and some columns are numbers: the totals become checked totals. */
function dataTableFrom(table: Table, id: string, caption: string | undefined): Record<string, unknown> | undefined {
  if (table.rows.some((r) => r.some((c) => c.rowspan > 1 || c.colspan > 1))) return undefined;
  const width = Math.max(...table.rows.map((r) => r.length));
  if (table.rows.some((r) => r.length !== width) || table.rows.length < 3) return undefined;
  const header = table.rows[0]!.map(cellText);
  const body = table.rows.slice(1);
  const totalIndex = body.findIndex((r) => /^รวม/.test(cellText(r[0]) || cellText(r[1])));
  if (totalIndex < 0 || totalIndex !== body.length - 1) return undefined;
  const data = body.slice(0, totalIndex);
  const total = body[totalIndex]!;
  const numeric = header.map(
    (_, c) => data.every((r) => isNumber(cellText(r[c])) || cellText(r[c]) === '-' || cellText(r[c]) === '') && data.some((r) => isNumber(cellText(r[c]))),
  );
  if (!numeric.some(Boolean)) return undefined;
  const keys = header.map((_, c) => `c${c + 1}`);
  const thai = table.rows.some((r) => r.some((c) => /[๐-๙]/.test(c.text)));
  const columns = header.map((label, c) => ({ key: keys[c], label, ...(numeric[c] ? { type: 'number' } : {}) }));
  const rows = data.map((r) =>
    Object.fromEntries(
      r.map((cell, c) => {
        const t = cellText(cell);
        return [keys[c], numeric[c] && isNumber(t) ? toNumber(t) : t];
      }),
    ),
  );
  const totals = Object.fromEntries(
    total.flatMap((cell, c) => {
      const t = cellText(cell);
      return numeric[c] && isNumber(t) ? [[keys[c]!, toNumber(t)]] : [];
    }),
  );
  const label = cellText(total[0]) || cellText(total[1]);
  return { id, ...(caption ? { caption } : {}), numerals: thai ? 'thai' : 'arabic', columns, rows, totals, ...(label !== 'รวม' ? { totalLabel: label } : {}) };
}

/** A table in the body: GFM when it is plain, HTML (kept spans, line breaks) when it is not. */
function tableMarkdown(table: Table): string {
  const plain =
    table.rows.every((r) => r.every((c) => c.colspan === 1 && c.rowspan === 1 && !c.text.includes('\n'))) &&
    new Set(table.rows.map((r) => r.length)).size === 1;
  if (plain) {
    const cell = (c: Cell) => escapeMdx(cellText(c)).replace(/\|/g, '\\|') || ' ';
    const [head, ...rest] = table.rows;
    return [`| ${head!.map(cell).join(' | ')} |`, `| ${head!.map(() => '---').join(' | ')} |`, ...rest.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
  }
  const attr = (c: Cell) => `${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`;
  const rows = table.rows.map(
    (r, i) =>
      `  <tr>${r.map((c) => `<${i === 0 ? 'th' : 'td'}${attr(c)}>${escapeHtmlText(c.text.split('\n').map(clean).join('\n'))}</${i === 0 ? 'th' : 'td'}>`).join('')}</tr>`,
  );
  return `<table>\n${rows.join('\n')}\n</table>`;
}

const yaml = (data: unknown) => stringify(data, { lineWidth: 0 });

/**
 * A line of an old contents list: it ends in a page number or a dotted leader, or is the column
 * head (หน้า) or the front matter's own entry (คำนำ, สารบัญ); `ส่วนที่ ๑` is a part's heading, not one.
 */
function tocEntry(text: string): boolean {
  const t = clean(text);
  if (/^(?:ส่วนที่|บทที่)\s*[0-9๐-๙]+$/.test(t)) return false;
  return /[0-9๐-๙]+\s*$/.test(t) || /\.{3,}|…/.test(t) || /^(?:หน้า|คำนำ|สารบัญ|page)$/i.test(t);
}

const NAME_LINE = /^ชื่อ(?:งาน|กระบวนงาน|กระบวนการ)\s*:?\s*(.+)$/;
const KPI_LINE = /^(ตัวชี้วัดที่สำคัญของกระบวน(?:การ)?(?:งาน)?)\s*:?\s*(.+)$/;

/** A flowchart's name and key indicator, written in the lines above its table or in the rows above its header. */
function namedAbove(blocks: Block[], index: number, table: Table, header: number): { title?: string; kpi?: string; kpiLabel?: string; used: Block[] } {
  const out: { title?: string; kpi?: string; kpiLabel?: string; used: Block[] } = { used: [] };
  const texts: Array<{ text: string; block?: Block }> = [
    ...blocks
      .slice(Math.max(0, index - 12), index)
      .filter((b) => b.kind === 'paragraph')
      .map((b) => ({ text: clean((b as { text: string }).text), block: b })),
    ...table.rows.slice(0, header).map((r) => ({ text: clean(r.map((c) => c.text).join(' ')) })),
  ];
  // the name line starts a run that ends at the table: the indicator may go on over several lines
  const start = texts.findLastIndex((t) => NAME_LINE.test(t.text));
  if (start < 0) return out;
  const run = texts.slice(start);
  out.title = NAME_LINE.exec(run[0]!.text)![1]!.trim();
  const k = run.findIndex((t) => KPI_LINE.test(t.text));
  if (k > 0) {
    const m = KPI_LINE.exec(run[k]!.text)!;
    out.kpi = [m[2]!, ...run.slice(k + 1).map((t) => t.text)].reduce(joinLines);
    if (m[1] !== 'ตัวชี้วัดที่สำคัญของกระบวนงาน') out.kpiLabel = m[1];
  } else if (k < 0 && run.length > 1) out.title = [out.title, ...run.slice(1).map((t) => t.text)].reduce(joinLines);
  out.used = run.flatMap((t) => (t.block ? [t.block] : []));
  return out;
}

export function toContent(doc: ImportedDocument, options: ImportOptions): ImportResult {
  const report: ReportLine[] = [];
  const blocks = doc.blocks.map((b) => ({ ...b })) as Block[];
  const source = { title: '', file: options.sourceName, note: `นำเข้าจาก ${options.sourceName} เมื่อ ${options.date} ด้วย npm run import (imported)` };

  // the cover: what comes before the first heading
  const firstHeading = blocks.findIndex((b) => b.kind === 'heading' || (b.kind === 'paragraph' && outlineHeading(b.text)));
  const coverEnd = firstHeading < 0 ? Math.min(blocks.length, 3) : firstHeading;
  const coverParagraphs = blocks.slice(0, coverEnd).filter((b) => b.kind === 'paragraph') as Array<Extract<Block, { kind: 'paragraph' }>>;
  const titled = coverParagraphs.find((p) => p.cover) ?? coverParagraphs[0];
  let title = titled ? clean(titled.text) : options.id;
  let subtitle: string | undefined;
  const consumed = new Set<Block>();
  if (titled) {
    consumed.add(titled);
    const next = coverParagraphs[coverParagraphs.indexOf(titled) + 1];
    if (next && clean(next.text).length <= 120 && !typedNumber(next.text)) {
      subtitle = clean(next.text);
      consumed.add(next);
    }
    report.push({ kind: 'guessed', at: titled.at, text: `ชื่อเอกสาร «${title}»${subtitle ? ` ชื่อรอง «${subtitle}»` : ''} จากปก (title from the cover)` });
  } else report.push({ kind: 'check', at: 'ปก', text: `ไม่พบชื่อเอกสารบนปก ใช้รหัส ${options.id} เป็นชื่อ ให้แก้ title (no title found)` });
  if (title.length > 200) title = title.slice(0, 200);
  source.title = subtitle ? `${title} ${subtitle}` : title;

  const front: Record<string, unknown> = { title, ...(subtitle ? { subtitle } : {}), office: options.office };
  let approvals: ReturnType<typeof readApprovals>;
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const control = readControl(b);
    if (control && !front.code && !front.revision && !front.effective) {
      Object.assign(front, control);
      consumed.add(b);
      report.push({ kind: 'mapped', at: b.at, text: `ตารางควบคุมเอกสาร: ${Object.keys(control).join(', ')} (document control)` });
      continue;
    }
    const a = readApprovals(b);
    if (a && !approvals) {
      approvals = a;
      consumed.add(b);
      report.push({ kind: 'mapped', at: b.at, text: `ตารางผู้ลงนาม: ${a.map((x) => `${x.role} ${x.name}`).join(', ')} (approvals)` });
      if (a.some((x) => x.position === '«ตำแหน่ง»'))
        report.push({ kind: 'check', at: b.at, text: 'ไม่พบตำแหน่งของผู้ลงนามบางคน ให้แทน «ตำแหน่ง» (a position is missing)' });
    }
  }

  // no approval table: a name with a title on the cover, and the position under it, is who prepared it
  if (!approvals) {
    const k = coverParagraphs.findIndex((p) => !consumed.has(p) && new RegExp(`^${NAME_TITLE.source}$`).test(clean(p.text)));
    const position = coverParagraphs[k + 1];
    if (k >= 0 && position && clean(position.text).length <= 80) {
      approvals = [{ role: 'ผู้จัดทำ', name: clean(coverParagraphs[k]!.text), position: clean(position.text) }];
      consumed.add(coverParagraphs[k]!);
      consumed.add(position);
      report.push({
        kind: 'guessed',
        at: coverParagraphs[k]!.at,
        text: `ผู้จัดทำ ${approvals[0]!.name} ${approvals[0]!.position} จากปก (the preparer, from the cover)`,
      });
    }
  }

  const body: string[] = [];
  const files: ImportResult['files'] = [];
  const images: ImportResult['images'] = [];
  const tables: Array<Record<string, unknown>> = [];
  let preface: string[] | undefined;
  let skipping: 'toc' | 'preface' | undefined;
  let tocAt: string | undefined;
  const headingLevels = blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map((h) => h.level);
  const top = headingLevels.length ? Math.min(...headingLevels) : 1;
  let lastLevel = 1;
  let flowcharts = 0;
  let listOpen = false;
  let lastListLevel = -1;
  let lastNumbered = false;
  const push = (md: string) => {
    if (listOpen) body.push('');
    listOpen = false;
    lastListLevel = -1;
    lastNumbered = false;
    body.push(md, '');
  };
  const heading = (level: number, text: string) => {
    const md = Math.min(6, Math.max(2, Math.min(level, lastLevel + 1)));
    lastLevel = md;
    push(`${'#'.repeat(md)} ${escapeMdx(text)}`);
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (consumed.has(b)) continue;
    // a heading by style, or a paragraph that is an outline word (guessed)
    const outline = b.kind === 'paragraph' && !b.cover ? outlineHeading(b.text) : undefined;
    // an outline word in the old contents list is an entry of it, not a heading
    if (skipping === 'toc' && outline && b.kind === 'paragraph' && tocEntry(b.text) && (!b.at.startsWith('หน้า') || b.at === tocAt)) continue;
    if (b.kind === 'heading' || outline) {
      const text = clean(b.kind === 'heading' ? `${b.label ? `${b.label} ` : ''}${b.text}` : (b as Extract<Block, { kind: 'paragraph' }>).text);
      const word = outlineHeading(text)?.word;
      skipping = undefined;
      if (skipping === undefined && tocAt !== undefined && b.at === tocAt && (word === 'คำนำ' || word === 'สารบัญ')) continue;
      if (word === 'สารบัญ') {
        skipping = 'toc';
        tocAt = b.at;
        report.push({ kind: 'mapped', at: b.at, text: 'สารบัญเดิมไม่นำเข้า ระบบทำสารบัญให้เองทั้งบนเว็บและใน PDF (the old table of contents is not imported)' });
        continue;
      }
      if (word === 'คำนำ' && !preface) {
        skipping = 'preface';
        preface = [];
        report.push({ kind: 'mapped', at: b.at, text: 'คำนำ → print.preface (preface)' });
        continue;
      }
      if (outline) report.push({ kind: 'guessed', at: b.at, text: `หัวข้อ «${text.slice(0, 50)}» จากคำในโครงร่าง ก.พ.ร. (a heading by the outline words)` });
      heading(b.kind === 'heading' ? b.level - top + 2 : typedNumber(text) ? 2 + typedNumber(text)!.level : 2, text);
      continue;
    }
    if (skipping === 'toc') {
      // the old contents list: short lines (entries, page numbers, dotted leaders) and tables of
      // them, on the page of its heading; it ends at a long paragraph or another page
      const entry =
        (b.kind === 'paragraph' && clean(b.text).length <= 120 && tocEntry(b.text)) ||
        (b.kind === 'table' && b.rows.every((r) => /^[0-9๐-๙\s\-–.]*$/.test(cellText(r.at(-1)))));
      if (entry && (tocAt === undefined || !b.at.startsWith('หน้า') || b.at === tocAt)) continue;
      skipping = undefined;
    }
    if (skipping === 'preface' && b.kind === 'paragraph') {
      preface!.push(clean(b.text));
      continue;
    }
    switch (b.kind) {
      case 'paragraph': {
        const text = clean(b.text);
        if (!text) break;
        const bullet = b.cover ? undefined : typedBullet(text);
        if (bullet !== undefined) {
          // a bullet typed by hand: an item; a number after it (`- ๑.๑ …`) nests it by its dots, else under the item above
          const numbered = typedNumber(bullet);
          const level = Math.min(numbered ? numbered.level : lastListLevel + (lastNumbered ? 1 : 0), lastListLevel + 1);
          if (!listOpen) body.push('');
          listOpen = true;
          lastListLevel = Math.max(0, level);
          lastNumbered = false;
          body.push(`${'  '.repeat(Math.max(0, level))}- ${escapeMdx(clean(bullet))}`);
          break;
        }
        const typed = b.cover ? undefined : typedNumber(text);
        if (typed) {
          // numbering typed by hand: a list item, nested by its dots (๓.๑ under ๓.)
          const level = Math.min(typed.level, lastListLevel + 1);
          if (!listOpen) body.push('');
          listOpen = true;
          lastListLevel = level;
          lastNumbered = true;
          body.push(`${'  '.repeat(level)}- ${escapeMdx(`${typed.label} ${clean(typed.rest)}`)}`);
          break;
        }
        push(escapeMdx(text));
        break;
      }
      case 'item': {
        const level = Math.min(b.level, lastListLevel + 1);
        if (!listOpen) body.push('');
        listOpen = true;
        lastListLevel = level;
        lastNumbered = b.by !== 'bullet';
        body.push(`${'  '.repeat(level)}- ${escapeMdx(`${b.label ? `${b.label} ` : ''}${clean(b.text)}`)}`);
        break;
      }
      case 'image': {
        const caption =
          blocks[i + 1]?.kind === 'paragraph' && /^(?:ภาพที่|รูปที่|แผนภาพที่|figure)/i.test(clean((blocks[i + 1] as { text: string }).text))
            ? clean((blocks[i + 1] as { text: string }).text)
            : undefined;
        const alt = caption ?? b.alt;
        const name = `${String(images.length + 1).padStart(2, '0')}-${b.name.replace(/[^A-Za-z0-9._-]/g, '_')}`;
        images.push({ name, data: b.data });
        push(`![${escapeMdx(alt || 'ภาพ')}](${options.imagesUrl}${name})`);
        if (!alt) report.push({ kind: 'check', at: b.at, text: `ภาพ ${b.name} ไม่มีคำบรรยาย ให้เขียนคำอธิบายภาพ (alt) (an image without a caption)` });
        break;
      }
      case 'table': {
        const previous = blocks[i - 1];
        const caption = previous?.kind === 'paragraph' && /^ตารางที่/.test(clean(previous.text)) ? clean(previous.text) : undefined;
        const flow = flowColumns(b);
        if (flow) {
          flowcharts++;
          const id = `${options.id}-flow${flowcharts > 1 ? `-${flowcharts}` : ''}`;
          // `ชื่องาน …` and `ตัวชี้วัดที่สำคัญของกระบวนงาน …` written above the table (or in its first rows)
          const named = namedAbove(blocks, i, b, flow.header);
          const titleOf =
            named.title ??
            caption ??
            [...body]
              .reverse()
              .find((l) => /^#+ /.test(l))
              ?.replace(/^#+ /, '')
              .replace(/\\(.)/g, '$1') ??
            title;
          const made = flowchartFrom(b, flow, { title: titleOf, office: options.office, source: { ...source, title: source.title } }, report);
          if (made) {
            if (named.kpi)
              made.data = {
                title: made.data.title,
                ...(named.kpiLabel ? { kpiLabel: named.kpiLabel } : {}),
                kpi: named.kpi,
                ...Object.fromEntries(Object.entries(made.data).filter(([k]) => k !== 'title')),
              };
            for (const used of named.used) {
              const at = body.lastIndexOf(escapeMdx(clean((used as { text: string }).text)));
              if (at >= 0) body.splice(at, 2);
            }
            files.push({ path: `flowcharts/${id}.mdx`, text: `---\n${yaml(made.data)}---\n` });
            push(`<FlowTable id="${id}" />`);
            report.push({
              kind: 'mapped',
              at: b.at,
              text: `ตารางผังกระบวนการ → content/flowcharts/${id}.mdx ${(made.data.steps as unknown[]).length} ขั้นตอน (flowchart table)`,
            });
            break;
          }
        }
        const tableId = `table-${tables.length + 1}`;
        const data = dataTableFrom(b, tableId, caption);
        if (data) {
          tables.push(data);
          push(`<DataTable id="${tableId}" />`);
          report.push({ kind: 'mapped', at: b.at, text: `ตารางที่มีแถวรวม → tables: ${tableId} ยอดรวมตรวจได้ (a table with totals, checked)` });
          break;
        }
        push(tableMarkdown(b));
        if (b.rows.some((r) => r.some((c) => c.colspan > 1 || c.rowspan > 1)))
          report.push({ kind: 'mapped', at: b.at, text: 'ตารางที่มีช่องผสาน → ตาราง HTML คงการผสานช่องไว้ (merged cells kept)' });
        break;
      }
    }
  }
  if (listOpen) body.push('');
  if (doc.footnotes.size) {
    for (const [id, text] of doc.footnotes) if (body.some((l) => l.includes(`\\[^${id}\\]`))) body.push(`[^${id}]: ${escapeMdx(clean(text))}`);
  }
  // footnote references were escaped with the text: make them references again
  const bodyText = body
    .join('\n')
    .replace(/\\\[\^(\w+)\\\]/g, '[^$1]')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (preface?.length) front.print = { preface: preface.join('\n\n') };
  if (approvals) front.approvals = approvals;
  else report.push({ kind: 'check', at: 'ทั้งเอกสาร', text: 'ไม่พบตารางผู้ลงนาม ให้เพิ่ม approvals (ผู้จัดทำ ผู้ตรวจสอบ ผู้อนุมัติ) (no approvals found)' });
  if (tables.length) front.tables = tables;
  front.source = source;
  files.unshift({ path: `manuals/${options.id}.mdx`, text: `---\n${yaml(front)}---\n\n${bodyText}\n` });
  for (const n of doc.notes) report.push({ kind: 'check', at: 'ทั้งเอกสาร', text: n });
  return { files, images, report, title };
}
