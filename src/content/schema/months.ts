/** Month spans in work plans (`ต.ค.-ธ.ค.`), read into fiscal month indexes (ต.ค. = 0 … ก.ย. = 11). */
import { fiscalMonths } from '../../domain/thai/index.ts';

const norm = (s: string) => s.replace(/[\s.]/g, '');
const INDEX = new Map<string, number>();
for (const m of fiscalMonths(2564)) {
  INDEX.set(norm(m.short), m.index);
  INDEX.set(norm(m.long), m.index);
}

/** The fiscal month abbreviations in order, for messages and suggestions. */
export const FISCAL_MONTH_ABBREVIATIONS = fiscalMonths(2564).map((m) => m.short);

/** Fiscal index of a Thai month name or abbreviation, or -1. */
export function fiscalMonthIndex(text: string): number {
  return INDEX.get(norm(text)) ?? -1;
}

/** A parsed span, or the reason it cannot be read. */
export type MonthSpan = { from: number; to: number } | { error: 'invalid-month'; month: string } | { error: 'backwards-range'; from: string; to: string };

/** Reads `ต.ค.`, `ต.ค.-ธ.ค.` (dash variants allowed). */
export function parseMonthSpan(text: string): MonthSpan {
  const parts = text.split(/\s*[-–—]\s*/);
  if (parts.length > 2) return { error: 'invalid-month', month: text };
  const idx = parts.map(fiscalMonthIndex);
  const bad = idx.findIndex((i) => i < 0);
  if (bad >= 0) return { error: 'invalid-month', month: parts[bad] };
  if (idx.length === 2 && idx[1] < idx[0]) return { error: 'backwards-range', from: parts[0], to: parts[1] };
  return { from: idx[0], to: idx[idx.length - 1] };
}

/** Every span of an item's `when`, as a list. */
export function spansOf(when: string | string[] | undefined): string[] {
  return when === undefined ? [] : Array.isArray(when) ? when : [when];
}
