import type { DataTable } from '../../content/schema/index.ts';
import { fiscalYearOf, fiscalYearRange, formatThaiDate, fromThaiDigits, parseThaiDate, toThaiDigits } from '../../domain/thai/index.ts';
import type { SourceFile, Path } from '../source-file.ts';
import { closest } from '../suggest.ts';

const q = (v: unknown) => String(v);

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
