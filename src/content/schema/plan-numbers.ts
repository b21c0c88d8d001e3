/**
 * Numbering of work-plan items, the one rule the Gantt displays and the validator checks: items
 * count ๑, ๒ … per group, sub-items ๑.๑, ๑.๒ …; an author's `number` overrides, and the count
 * continues from it (so one skipped number is reported once, not on every following item).
 */
import { fromThaiDigits, toThaiDigits } from '../../domain/thai/index.ts';
import type { PlanItem } from './plan.ts';

export interface NumberedItem {
  item: PlanItem;
  /** the number shown: the author's, or the automatic one */
  number: string;
  /** the number that would follow the item before it */
  expected: string;
  depth: number;
  /** field path of the item inside `items` */
  path: Array<string | number>;
}

/** The next number after `prev` at the same level: `๓.๒` → `๓.๓`. */
function nextNumber(prev: string): string {
  const parts = fromThaiDigits(prev).split('.');
  const last = Number(parts.pop());
  return toThaiDigits([...parts, String(last + 1)].join('.'));
}

/** Every item and sub-item in reading order, with its number. */
export function numberPlanItems(items: PlanItem[], path: Array<string | number> = [], parent = '', depth = 0): NumberedItem[] {
  const out: NumberedItem[] = [];
  let expected = parent ? `${parent}.๑` : '๑';
  items.forEach((item, i) => {
    const number = item.number ?? expected;
    out.push({ item, number, expected, depth, path: [...path, i] });
    if (item.items) out.push(...numberPlanItems(item.items, [...path, i, 'items'], number, depth + 1));
    expected = nextNumber(number);
  });
  return out;
}
