/**
 * The typeset step remembers texts it did (src/site/typeset.ts): a text is typeset the same
 * whether it is new, remembered, or forgotten and done again after many others pushed it out.
 */
import { describe, expect, test } from 'vitest';
import { typesetText } from '../../src/site/typeset.ts';

describe('typesetText with its memory of texts', () => {
  test('the same result new, remembered and after being pushed out of memory', () => {
    const sample = 'กรมบัญชีกลางจัดทำคู่มือการปฏิบัติงานตามระบบบริหารการเงินการคลังภาครัฐ';
    const first = typesetText(sample, false);
    expect(first).toContain('<k-w>');
    expect(first.replace(/<\/?k-w>/g, '')).toBe(sample);
    expect(typesetText(sample, false)).toBe(first);
    // some 25 million characters of other texts: more than both halves of the memory hold
    const filler = 'ข้อความของเอกสารหน้าอื่นที่ต่างกันทุกครั้ง ';
    for (let i = 0; i < 200_000; i++) typesetText(`${filler}${i}`, false);
    expect(typesetText(sample, false)).toBe(first);
    // a remembered text moves to the young half and survives the next turn over
    for (let i = 0; i < 50_000; i++) typesetText(`${filler}b${i}`, false);
    expect(typesetText(sample, false)).toBe(first);
    // with symbols: kept apart from the same text without
    expect(typesetText(`${sample} ●`, true)).toContain('<svg');
    expect(typesetText(`${sample} ●`, false)).not.toContain('<svg');
  }, 120_000);
});
