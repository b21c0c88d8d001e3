/** Checks that span more than one field or file: references, flowchart graphs, plans, dates, KPIs, totals. */
import { flowGraph, reachable } from '../domain/flow-graph.ts';
import { computedScore, scoreKpi, scoresDiffer, weightedScore } from '../domain/kpi/index.ts';
import type { DataTable, Flowchart, Kpi, Plan } from '../content/schema/index.ts';
import { fiscalMonths, fiscalYearOf, fiscalYearRange, formatThaiDate, fromThaiDigits, parseThaiDate, toThaiDigits } from '../domain/thai/index.ts';
import { FISCAL_MONTH_ABBREVIATIONS, fiscalMonthIndex, parseMonthSpan, spansOf } from '../content/schema/months.ts';
import { numberPlanItems } from '../content/schema/plan-numbers.ts';
import type { SourceFile, Path } from './source-file.ts';
import { closest } from './suggest.ts';

const q = (v: unknown) => String(v);

/** Flowchart graph: unique ids, known targets, two-way decisions, reachability, an end. */
export function checkFlowchart(file: SourceFile, chart: Flowchart): void {
  const ids = new Map<string, number>();
  chart.steps.forEach((step, i) => {
    if (ids.has(step.id)) file.report('duplicate-step-id', ['steps', i, 'id'], { id: step.id });
    else ids.set(step.id, i);
  });
  const known = [...ids.keys()];
  // the graph the renderers draw (domain/flow-graph.ts): one rule for both
  const graph = flowGraph(chart.steps);
  for (const u of graph.unknown) {
    file.report('unknown-step', u.object ? ['steps', u.from, u.key, 'to'] : ['steps', u.from, u.key], { id: u.to }, { suggestion: closest(u.to, known) });
  }
  for (const i of graph.nextOnDecision) file.report('next-on-decision', ['steps', i, 'next'], {}, { at: 'key' });
  chart.steps.forEach((step, i) => {
    if (step.shape === 'decision') {
      for (const key of ['yes', 'no'] as const) if (step[key] === undefined) file.report('decision-branches', ['steps', i], { missing: key });
    } else {
      for (const key of ['yes', 'no'] as const) {
        if (step[key] !== undefined) file.report('branch-on-non-decision', ['steps', i, key], { shape: step.shape, key }, { at: 'key' });
      }
    }
    const max = 60;
    if ([...step.label].length > max) file.report('long-label', ['steps', i, 'label'], { length: [...step.label].length, max });
  });
  const seen = reachable(chart.steps, graph);
  chart.steps.forEach((_, i) => {
    if (!seen.has(i)) file.report('unreachable-step', ['steps', i, 'id']);
  });
  const ends = new Set(chart.steps.map((_, i) => i));
  for (const e of graph.edges) ends.delete(e.from);
  if (chart.steps.length && ![...seen].some((i) => ends.has(i))) file.report('no-end', ['steps']);
  const last = chart.steps[chart.steps.length - 1];
  if (last && last.shape !== 'terminator' && last.shape !== 'connector') {
    file.report('last-not-terminator', ['steps', chart.steps.length - 1, 'shape'], { shape: last.shape });
  }
}

/** Reports a month span that is not a month or runs backwards. */
function checkMonthSpan(file: SourceFile, text: string, path: Path): void {
  const span = parseMonthSpan(text);
  if (!('error' in span)) return;
  if (span.error === 'invalid-month')
    file.report('invalid-month', path, { month: span.month }, { suggestion: closest(span.month, FISCAL_MONTH_ABBREVIATIONS) });
  else file.report('backwards-range', path, { range: text, from: span.from, to: span.to });
}

export function checkPlan(file: SourceFile, plan: Plan): void {
  checkStrategyDates(file, plan);
  const wp = plan.workplan;
  if (!wp) return;
  wp.groups.forEach((group, g) => {
    for (const { item, expected, path } of numberPlanItems(group.items, ['workplan', 'groups', g, 'items'])) {
      if (item.number !== undefined && fromThaiDigits(item.number) !== fromThaiDigits(expected)) {
        file.report('number-skipped', [...path, 'number'], { received: item.number, expected });
      }
      const spans = spansOf(item.when);
      spans.forEach((span, k) => checkMonthSpan(file, span, Array.isArray(item.when) ? [...path, 'when', k] : [...path, 'when']));
    }
  });
  const months = fiscalMonths(plan.fiscalYear);
  wp.sourceMonthLabels?.forEach((labels, t) => {
    labels.forEach((label, i) => {
      const norm = fromThaiDigits(label)
        .replace(/[\s-]+/g, ' ')
        .trim();
      const want = months[i];
      const expected = `${want.short} ${String(want.yearBE % 100).padStart(2, '0')}`;
      if (norm !== expected) {
        file.report('month-label-mismatch', ['workplan', 'sourceMonthLabels', t, i], {
          index: toThaiDigits(String(i + 1)),
          received: label,
          year: toThaiDigits(String(plan.fiscalYear)),
          expected: want.label,
        });
      }
    });
  });
}

/** Numeric columns of a table. */
const isNumeric = (c: { type: string }) => c.type === 'number' || c.type === 'amount';
/** A column as a reader finds it: its group header and its own (`ข้าราชการ กรอบ`). */
const columnName = (c: { label: string; group?: string }) => (c.group ? `${c.group} ${c.label}` : c.label) || '(ไม่มีหัวคอลัมน์)';

/**
 * Tables: rows keyed by known columns; dates inside the fiscal year; numbers that add up, exactly
 * (in hundredths): declared totals against the top-level rows, rows against their detail rows
 * (`_level: 1`), and row-total columns (`sumOf`) against their parts. `-` and empty cells count as none.
 */
export function checkTables(file: SourceFile, tables: DataTable[], fiscalYear: number | undefined, base: Path): void {
  tables.forEach((table, t) => {
    const path = [...base, t];
    const columns = new Map(table.columns.map((c) => [c.key, c]));
    const keys = [...columns.keys()];
    const label = (row: Record<string, unknown>, r: number) => String(row[table.columns[0].key] ?? `#${r + 1}`);
    const sums = new Map<string, bigint>();
    /** parsed numeric cells of each row */
    const numbers: Array<Map<string, bigint>> = [];
    table.rows.forEach((row, r) => {
      const parsed = new Map<string, bigint>();
      numbers.push(parsed);
      for (const [key, value] of Object.entries(row)) {
        if (key.startsWith('_')) continue;
        const column = columns.get(key);
        if (!column) {
          file.report('unknown-column', [...path, 'rows', r, key], { key, table: table.id }, { at: 'key', suggestion: closest(key, keys) });
          continue;
        }
        if (value === null || value === '' || value === '-') continue;
        if (isNumeric(column)) {
          const cents = toCents(value);
          if (cents === undefined) file.report('not-a-number', [...path, 'rows', r, key], { received: q(value), column: columnName(column) });
          else parsed.set(key, cents);
        } else if (column.type === 'date' && typeof value === 'string') {
          checkDateCell(file, value, fiscalYear, [...path, 'rows', r, key]);
        }
      }
      if (!isDetail(row)) for (const [key, cents] of parsed) sums.set(key, (sums.get(key) ?? 0n) + cents);
    });
    // rows against their detail rows
    table.rows.forEach((row, r) => {
      if (isDetail(row)) return;
      const children: number[] = [];
      for (let c = r + 1; c < table.rows.length && isDetail(table.rows[c]); c++) children.push(c);
      if (!children.length) return;
      for (const column of table.columns.filter(isNumeric)) {
        const own = numbers[r].get(column.key);
        if (own === undefined || !children.some((c) => numbers[c].has(column.key))) continue;
        const sum = children.reduce((acc, c) => acc + (numbers[c].get(column.key) ?? 0n), 0n);
        if (sum !== own) {
          const declared = row[column.key];
          file.report('subtotal-mismatch', [...path, 'rows', r, column.key], {
            row: label(row, r),
            column: columnName(column),
            declared: q(declared),
            sum: formatCents(sum, column.type === 'amount', isThai(declared)),
          });
        }
      }
    });
    // row-total columns
    table.columns.forEach((column, c) => {
      column.sumOf?.forEach((k, i) => {
        if (!columns.has(k)) file.report('unknown-column', [...path, 'columns', c, 'sumOf', i], { key: k, table: table.id }, { suggestion: closest(k, keys) });
      });
    });
    for (const column of table.columns.filter((c) => c.sumOf)) {
      const parts = column.sumOf!;
      const check = (values: Map<string, bigint>, raw: Record<string, unknown>, where: Path, name: string) => {
        const own = values.get(column.key);
        if (own === undefined) return;
        const sum = parts.reduce((acc, k) => acc + (values.get(k) ?? 0n), 0n);
        if (sum !== own) {
          file.report('row-sum-mismatch', where, {
            row: name,
            column: columnName(column),
            declared: q(raw[column.key]),
            parts: parts.map((k) => `\`${columns.has(k) ? columnName(columns.get(k)!) : k}\``).join(' + '),
            sum: formatCents(sum, column.type === 'amount', isThai(raw[column.key])),
          });
        }
      };
      table.rows.forEach((row, r) => check(numbers[r], row, [...path, 'rows', r, column.key], label(row, r)));
      if (table.totals) {
        const values = new Map<string, bigint>();
        for (const [k, v] of Object.entries(table.totals)) {
          const cents = toCents(v);
          if (cents !== undefined) values.set(k, cents);
        }
        check(values, table.totals, [...path, 'totals', column.key], table.totalLabel);
      }
    }
    // declared totals against the top-level rows
    for (const [key, declared] of Object.entries(table.totals ?? {})) {
      const column = columns.get(key);
      const totalPath = [...path, 'totals', key];
      if (!column) {
        file.report('unknown-column', totalPath, { key, table: table.id }, { at: 'key', suggestion: closest(key, keys) });
        continue;
      }
      // A summary written in a text or date column (`Conference`, `ลงพื้นที่`) is shown, not summed.
      if (!isNumeric(column) || declared === '-' || declared === '') continue;
      const want = toCents(declared);
      if (want === undefined) {
        file.report('not-a-number', totalPath, { received: q(declared), column: columnName(column) });
        continue;
      }
      const sum = sums.get(key) ?? 0n;
      if (sum !== want) {
        file.report('total-mismatch', totalPath, {
          column: columnName(column),
          table: table.id,
          declared: q(declared),
          sum: formatCents(sum, column.type === 'amount' || (typeof declared === 'string' && /[.]/.test(declared)), isThai(declared)),
        });
      }
    }
  });
}

const isDetail = (row: Record<string, unknown>) => row._level === 1;
const isThai = (v: unknown) => typeof v === 'string' && /[๐-๙]/.test(v);

function checkDateCell(file: SourceFile, text: string, fiscalYear: number | undefined, path: Path): void {
  // A cell may hold a day range such as `๒๒ - ๒๓ มี.ค. ๖๔`: check the last day written.
  const single = text.replace(/^(\d+|[๐-๙]+)\s*-\s*(?=(\d+|[๐-๙]+)\s)/, '');
  let iso: string;
  try {
    iso = parseThaiDate(single);
  } catch (error) {
    file.report('invalid-date', path, { reason: (error as Error).message });
    return;
  }
  if (fiscalYear !== undefined && fiscalYearOf(iso).year !== fiscalYear) {
    const range = fiscalYearRange(fiscalYear);
    file.report('date-outside-fiscal-year', path, {
      date: text,
      year: toThaiDigits(String(fiscalYear)),
      start: formatThaiDate(range.start, 'short'),
      end: formatThaiDate(range.end, 'short'),
    });
  }
}

/** A number or a numeric text (Thai digits, grouping) as hundredths; undefined if not numeric. */
function toCents(value: unknown): bigint | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? fromThaiDigits(value.trim()) : '';
  const m = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  const cents = BigInt(m[2].replace(/,/g, '')) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -cents : cents;
}

/** Writes hundredths back as a number, in Thai digits when the declared figure used them. */
function formatCents(cents: bigint, withDecimals: boolean, thai: boolean): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const int = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (abs % 100n).toString().padStart(2, '0');
  const text = `${negative ? '-' : ''}${int}${withDecimals || frac !== '00' ? `.${frac}` : ''}`;
  return thai ? toThaiDigits(text) : text;
}

/** KPIs: usable thresholds, one result per quarter, reported scores equal computed ones (±0.0001). */
export function checkKpi(file: SourceFile, kpi: Kpi): void {
  let thresholdsOk = false;
  if (kpi.scoring === 'thresholds') {
    if (!kpi.thresholds) file.report('missing-thresholds', [], {}, { at: 'key' });
    else {
      try {
        scoreKpi({ thresholds: kpi.thresholds, value: 0 });
        thresholdsOk = true;
      } catch (error) {
        file.report('bad-thresholds', ['thresholds'], { reason: (error as Error).message });
      }
    }
  }
  checkKpiDetails(file, kpi);
  const seen = new Set<number>();
  kpi.quarters.forEach((quarter, i) => {
    const path: Path = ['quarters', i];
    if (seen.has(quarter.quarter)) file.report('duplicate-quarter', [...path, 'quarter'], { quarter: toThaiDigits(String(quarter.quarter)) });
    seen.add(quarter.quarter);
    if (!quarter.reported || quarter.value === null) return;
    const computed = kpi.scoring === 'milestone' || thresholdsOk ? computedScore(kpi, quarter.value) : undefined;
    if (computed === undefined) return;
    const { score, weighted } = quarter.reported;
    if (score !== undefined && scoresDiffer(score, computed)) {
      file.report('score-mismatch', [...path, 'reported', 'score'], {
        quarter: toThaiDigits(String(quarter.quarter)),
        reported: score,
        value: quarter.value,
        computed,
      });
    }
    if (weighted !== undefined) {
      if (kpi.weight === undefined) file.report('missing-weight', [...path, 'reported', 'weighted']);
      else {
        const w = weightedScore(score ?? computed, kpi.weight);
        const wc = weightedScore(computed, kpi.weight);
        if (scoresDiffer(weighted, w)) {
          file.report('weighted-score-mismatch', [...path, 'reported', 'weighted'], {
            quarter: toThaiDigits(String(quarter.quarter)),
            reported: weighted,
            computed: score !== undefined ? w : wc,
          });
        }
      }
    }
  });
}

/** Counts written in a detail: `จำนวน 37 หน่วย` → 37; and a stated `รวมทั้งสิ้น 826` total. */
function countsIn(detail: string | undefined): { parts: number[]; total?: number } {
  const text = fromThaiDigits(detail ?? '');
  const parts = [...text.matchAll(/จำนวน\s*([\d,]+)\s*หน่วย/g)].map((m) => Number(m[1].replace(/,/g, '')));
  const total = /รวมทั้งสิ้น\s*([\d,]+)/.exec(text)?.[1];
  return { parts, total: total === undefined ? undefined : Number(total.replace(/,/g, '')) };
}

/**
 * Quarterly details that count units must add up to the result (or to the total they state),
 * and another report of the same quarter must give the same result and the same counts.
 */
function checkKpiDetails(file: SourceFile, kpi: Kpi): void {
  const check = (q: { quarter: number; value: number | null; detail?: string }, path: Path) => {
    const { parts, total } = countsIn(q.detail);
    if (parts.length < 2) return;
    const sum = parts.reduce((a, b) => a + b, 0);
    const want = total ?? q.value;
    if (want !== null && want !== undefined && sum !== want) {
      file.report('detail-sum-mismatch', [...path, 'detail'], { quarter: toThaiDigits(String(q.quarter)), parts: parts.join(' + '), sum, value: want });
    }
  };
  kpi.quarters.forEach((q, i) => check(q, ['quarters', i]));
  kpi.otherReports.forEach((report, r) => {
    report.quarters.forEach((other, i) => {
      const path: Path = ['otherReports', r, 'quarters', i];
      check(other, path);
      const main = kpi.quarters.find((q) => q.quarter === other.quarter);
      if (!main) return;
      const quarter = toThaiDigits(String(other.quarter));
      if (main.value !== other.value) {
        file.report('report-mismatch', [...path, 'value'], {
          quarter,
          what: 'ผลการดำเนินงาน',
          title: report.title,
          other: String(other.value),
          main: String(main.value),
        });
      }
      const a = countsIn(main.detail).parts.join(', ');
      const b = countsIn(other.detail).parts.join(', ');
      if (a && b && a !== b)
        file.report('report-mismatch', [...path, 'detail'], { quarter, what: 'จำนวนหน่วยในรายละเอียด', title: report.title, other: b, main: a });
    });
  });
}

/** A month and a Buddhist-era year written in text: `(ต.ค. 2564)`, `พ.ย.-ธ.ค.2563`, `(มี.ย. 2564)`. */
const MONTH_YEAR = /(?<![ก-๛])([ก-ฮ][ิีุู]?\.[ก-ฮ]{1,2}\.?)\s*(25\d\d|๒๕[๐-๙][๐-๙])/g;

/** Strategy tables of a plan: months named in the text exist, and fall inside the plan's fiscal year. */
function checkStrategyDates(file: SourceFile, plan: Plan): void {
  plan.strategies.forEach((table, t) => {
    table.rows.forEach((row, r) => {
      for (const key of ['context', 'strategy'] as const) {
        row[key].forEach((text, i) => {
          const path: Path = ['strategies', t, 'rows', r, key, i];
          for (const m of text.matchAll(MONTH_YEAR)) {
            if (/^[พค]\.ศ\.?$/.test(m[1])) continue; // พ.ศ. 2561 is an era, not a month
            const index = fiscalMonthIndex(m[1]);
            if (index < 0) {
              file.report('invalid-month', path, { month: m[1] }, { suggestion: closest(m[1], FISCAL_MONTH_ABBREVIATIONS) });
              continue;
            }
            const yearBE = Number(fromThaiDigits(m[2]));
            const fiscal = index < 3 ? yearBE + 1 : yearBE; // ต.ค.–ธ.ค. belong to the next fiscal year
            if (fiscal !== plan.fiscalYear) {
              const range = fiscalYearRange(plan.fiscalYear);
              file.report('date-outside-fiscal-year', path, {
                date: m[0].trim(),
                year: toThaiDigits(String(plan.fiscalYear)),
                start: formatThaiDate(range.start, 'short'),
                end: formatThaiDate(range.end, 'short'),
              });
            }
          }
        });
      }
    });
  });
}
