/** Small display helpers for components: Thai digits and dates as readers see them. */
import { siteConfig } from '../content/settings.ts';
import { formatThaiDate, toThaiDigits } from '../domain/thai/index.ts';

const ARABIC_GROUPED = new Intl.NumberFormat('en-US', { useGrouping: true, maximumFractionDigits: 10 });
const ARABIC = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 10 });

/** A number or numeric text in the site's numerals (Thai by default; a table or KPI may override). */
export function num(value: number | string | null | undefined, numerals: 'thai' | 'arabic' = siteConfig().numerals, grouping = true): string {
  if (value === null || value === undefined) return '';
  if (numerals === 'arabic') return typeof value === 'number' ? (grouping ? ARABIC_GROUPED : ARABIC).format(value) : value;
  return toThaiDigits(value, { grouping });
}

/** A BE date in the long form (`๙ มีนาคม ๒๕๖๔`). */
export function date(iso: string | undefined): string {
  return iso ? formatThaiDate(iso, 'long') : '';
}

/** A year or code without grouping. */
export function year(value: number): string {
  return toThaiDigits(value, { grouping: false });
}
