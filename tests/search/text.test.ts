import { describe, expect, test } from 'vitest';
import { snippet } from '../../src/search/engine.ts';
import { buildLexicon } from '../../src/search/lexicon.ts';
import { normalize, normalizeWithMap } from '../../src/search/normalize.ts';
import { termsOf, tokenize } from '../../src/search/tokenize.ts';

const terms = (s: string, words: string[] = []) => tokenize(normalize(s), new Set(words)).map((t) => t.term);

describe('normalize', () => {
  test.each([
    ['๒๕๖๔', '2564'],
    ['ส\u0e4d\u0e32นักงาน', 'สำนักงาน'],
    ['e – payment', 'e - payment'],
    ['GFMIS', 'gfmis'],
    ['ผล\u200bการ', 'ผลการ'],
    ['ธรรมาภิบาลฯ', 'ธรรมาภิบาล '],
  ])('%s → %s', (input, expected) => expect(normalize(input)).toBe(expected));

  test('maps every character back to the text as written', () => {
    const { text, map } = normalizeWithMap('ปี ๒๕๖๔ ส\u0e4d\u0e32นักงาน');
    const at = text.indexOf('สำนักงาน');
    expect('ปี ๒๕๖๔ ส\u0e4d\u0e32นักงาน'.slice(map[at], map[at + 'สำนักงาน'.length])).toBe('ส\u0e4d\u0e32นักงาน');
    expect('ปี ๒๕๖๔'.slice(map[3], map[7])).toBe('๒๕๖๔');
  });
});

describe('tokenize', () => {
  test('Thai words by the ICU dictionary, Latin lower-cased, digits whole', () => {
    expect(terms('ผลการดำเนินงาน ปี ๒๕๖๔ ระบบ GFMIS')).toEqual(['ผล', 'การ', 'ดำเนิน', 'งาน', 'ปี', '2564', 'ระบบ', 'gfmis']);
  });
  test('dotted abbreviations stay whole without their dots', () => {
    expect(terms('ตามพ.ร.บ.การจัดซื้อ')).toEqual(['ตาม', 'พรบ', 'การ', 'จัด', 'ซื้อ']);
    expect(terms('ของ สตง. ประจำปี')).toEqual(['ของ', 'สตง', 'ประจำ', 'ปี']);
    expect(terms('ต.ค. 2563')).toEqual(['ตค', '2563']);
  });
  test('a lexicon keeps dotless abbreviations whole', () => {
    expect(terms('พรบ', ['พรบ'])).toEqual(['พรบ']);
  });
  test('pairs of words written together (or hyphenated) become phrase terms; spaces separate', () => {
    expect(termsOf(tokenize(normalize('รับ-ส่งหนังสือ ราชการ')))).toEqual(['รับ', 'ส่ง', 'หนังสือ', 'ราชการ', 'รับ ส่ง', 'ส่ง หนังสือ']);
  });
});

describe('glossary lexicon', () => {
  test('abbreviations become words of the tokenizer; forms become phrases', () => {
    const lex = buildLexicon([
      ['สตง.', 'สำนักงานการตรวจเงินแผ่นดิน'],
      ['KPI', 'ตัวชี้วัด'],
    ]);
    expect(lex.words.has('สตง')).toBe(true);
    expect(lex.groups[0]![1]!.terms).toContain('การ ตรวจ');
  });
});

describe('snippet', () => {
  test('marks matches in the text as written and cuts around them', () => {
    const text = `${'ก'.repeat(300)} ผลการดำเนินงานปี ๒๕๖๔ ${'ข'.repeat(300)}`;
    const s = snippet(text, new Set(['2564']));
    expect(s.parts.find((p) => p.hit)?.text).toBe('๒๕๖๔');
    expect(s.parts[0]!.text).toBe('… ');
    expect(s.parts.map((p) => p.text).join('').length).toBeLessThan(200);
  });
});
