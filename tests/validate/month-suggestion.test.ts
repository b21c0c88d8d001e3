/** A Thai month typo's suggestion told by the document: มี.ย. is one letter from both มี.ค. and มิ.ย. */
import { expect, test } from 'vitest';
import { FISCAL_MONTH_ABBREVIATIONS } from '../../src/content/schema/months.ts';
import { closestMonth } from '../../src/validate/suggest.ts';

test('the month the neighbouring rows use wins; when they do not tell, both are offered', () => {
  expect(closestMonth('มี.ย.', FISCAL_MONTH_ABBREVIATIONS, 'พ.ค.-มิ.ย. · มิ.ย.-ก.ค.')).toBe('มิ.ย.');
  expect(closestMonth('มี.ย.', FISCAL_MONTH_ABBREVIATIONS, 'ก.พ.-มี.ค.')).toBe('มี.ค.');
  expect(closestMonth('มี.ย.', FISCAL_MONTH_ABBREVIATIONS, '')).toBe('มี.ค.` หรือ `มิ.ย.');
  // one letter from six months and no telling context: the first, as before
  expect(closestMonth('ค.ค.', FISCAL_MONTH_ABBREVIATIONS, 'ต.ค.-พ.ย. ม.ค.-ก.พ.')).toBe('ต.ค.');
  expect(closestMonth('ก.ค', FISCAL_MONTH_ABBREVIATIONS, '')).toBe('ก.ค.');
});
