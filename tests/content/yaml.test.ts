/**
 * The two YAML readers (content/yaml.ts) must read every text alike: js-yaml where the text uses
 * only what both read the same way, the `yaml` package for the rest and for every error. Each case
 * here is either left to the `yaml` package (SLOW) or read by js-yaml to exactly what the `yaml`
 * package reads; a text the `yaml` package refuses is never accepted by the fast reader.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/content/frontmatter.ts';
import { parseYamlDocument, readFast, readYamlData, SLOW, yamlData } from '../../src/content/yaml.ts';

/** What the `yaml` package reads: the data, or undefined when it reports an error or warning. */
function reference(text: string): { ok: boolean; data?: unknown } {
  try {
    const doc = parseYamlDocument(text);
    if (doc.errors.length || doc.warnings.length) return { ok: false };
    return { ok: true, data: yamlData(doc) };
  } catch {
    return { ok: false };
  }
}

function agree(text: string): 'slow' | 'fast' {
  const fast = readFast(text);
  if (fast === SLOW) return 'slow';
  const ref = reference(text);
  expect(ref.ok, `js-yaml accepted what the yaml package refuses:\n${text}`).toBe(true);
  expect(fast, text).toStrictEqual(ref.data);
  return 'fast';
}

const SCALARS = [
  '2569',
  '+12',
  '-7',
  '012',
  '0o17',
  '0o19',
  '0x1F',
  '0X1F',
  '0b101',
  '1_000',
  '1,000',
  '-0',
  '1.5',
  '1.50',
  '.5',
  '-.5',
  '5.',
  '1e3',
  '1E-3',
  '+1.5e+3',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'nan',
  'inf',
  'true',
  'True',
  'TRUE',
  'tRue',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  '',
  '2026-01-25',
  '2026-01-25T10:00:00Z',
  '12:30',
  '1:20:30',
  '๒๕๖๙',
  'ธ.ค.',
  "'2569'",
  '"2569"',
  '"true"',
  "'~'",
  '"\\u0e01\\x41\\t\\\\"',
  "'it''s'",
  '0x',
  '0o',
  '+',
  '-',
  '.',
  '-.',
  '99999999999999999999',
  '1e400',
  '0.1e1',
];

const CASES = [
  ...SCALARS.map((s) => `value: ${s}\n`),
  ...SCALARS.map((s) => `list:\n  - ${s}\n`),
  ...SCALARS.filter((s) => s && !s.startsWith('"') && !s.startsWith("'")).map((s) => `${s}: value\n`),
  'a: 1\na: 2\n',
  '1: a\n"1": b\n',
  'a:\n  b: 1\n  c:\n    - x\n    - y: 2\n      z: 3\n',
  'list: [a, b, 1, true, ~]\n',
  'list: [a: 1, b]\n',
  'list: [\n  a,\n  b\n]\n',
  'text: |\n  line one\n  line two\n\nnext: 1\n',
  'text: |-\n  kept\n\n\n',
  'text: |+\n  kept\n\n\nnext: 1\n',
  'text: >\n  folded\n  line\n\n  para\n',
  'text: >2\n   indented\n',
  'text: "multi\n  line\n\n  quoted"\n',
  "text: 'single\n  line'\n",
  'text: plain\n  continued\n  more\n',
  'a: b: c\n',
  'a: [b\n',
  'a: "unclosed\n',
  '- a\n- b\nc: d\n',
  'key: value # comment\n',
  'key: value#not-comment\n',
  'key: "value"#x\n',
  '# only a comment\n',
  '---\na: 1\n',
  '---\na: 1\n...\n',
  '---\na: 1\n---\nb: 2\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a: !custom x\n',
  'a: {b: 1}\n',
  '<<: {a: 1}\n',
  '%YAML 1.2\n---\na: 1\n',
  '? complex\n: key\n',
  '~: x\n',
  ': x\n',
  'null: x\n',
  '__proto__: 1\n',
  'constructor: {}\n',
  'a:\n\t- b\n',
  'a:\n  - b\n   - c\n',
  '  a: 1\n b: 2\n',
  'a: @b\n',
  'a: `b`\n',
  'a: -\n',
  'a: - b\n',
  '- - a\n  - b\n- c\n',
  '"quoted key": 1\n\'single\': 2\n',
  'a: x\r\nb: y\r\n',
  'ชื่อ: นายสมชาย ใจดี\nตำแหน่ง: "ผู้อำนวยการ: กอง"\n',
  `long: ${'ก'.repeat(2000)}\n`,
  `${'k'.repeat(1100)}: 1\n`,
  'a: 1\n b: 2\n',
  'a:\n- b\n- c\n',
  'a: "\\N\\_\\L\\P\\e\\0"\n',
  'a: "\\q"\n',
  "a: ''\n",
  'a: ""\n',
  'a:\n',
  'a: [ ]\n',
  'a: []\nb: [[1, 2], [3]]\n',
  '[a, b]\n',
  'just a string\n',
  '42\n',
];

describe('the fast YAML reader reads as the yaml package does', () => {
  it('on edge cases: either left to the yaml package, or the same data', () => {
    let fast = 0;
    for (const text of CASES) if (agree(text) === 'fast') fast++;
    // most cases are read fast (the check would be empty otherwise)
    expect(fast).toBeGreaterThan(CASES.length / 2);
  });

  it('leaves anchors, tags, flow mappings, merge keys, directives and null keys to the yaml package', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: {b: 1}\n',
      '<<: x\n',
      '%YAML 1.2\n---\na: 1\n',
      '? a\n: b\n',
      '~: x\n',
      ': x\n',
      'null: x\n',
      '',
    ]) {
      expect(readFast(text), text).toBe(SLOW);
    }
  });

  it('an alias bomb is refused, not expanded', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ].join('\n');
    expect(readYamlData(bomb)).toBeUndefined();
  });

  it('on every YAML text of the content, the seeds and the fixtures', () => {
    let n = 0;
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ya?ml|mdx?)$/.test(name)) {
          let text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
          if (/\.mdx?$/.test(name)) {
            const split = splitFrontmatter(text);
            if (!split.ok) continue;
            text = split.yaml;
          }
          agree(text);
          n++;
        }
      }
    };
    walk('content');
    walk('tests/fixtures');
    walk('tests/seeds');
    expect(n).toBeGreaterThan(100);
  });
});

describe('on damaged YAML (the content, mutated where YAML is fragile)', () => {
  it('3,000 mutations: never accepted by the fast reader when the yaml package refuses them, never read differently', () => {
    let seed = 20261201;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const bases: string[] = [];
    for (const collection of ['manuals', 'plans', 'kpis', 'flowcharts', 'offices', 'missions'])
      for (const name of readdirSync(join('content', collection))) {
        let text = readFileSync(join('content', collection, name), 'utf8');
        if (name.endsWith('.mdx')) {
          const split = splitFrontmatter(text);
          if (!split.ok) continue;
          text = split.yaml;
        }
        bases.push(text.slice(0, 3000));
      }
    const PIECES = [
      ':',
      ': ',
      '-',
      '- ',
      "'",
      '"',
      '#',
      ' #',
      '|',
      '>',
      '\n',
      ' ',
      '  ',
      '[',
      ']',
      ',',
      '\\',
      '\t',
      '"\\',
      '|-',
      '>+',
      '~',
      '0x1',
      '1e3',
      '\n  ',
      '\n- ',
      '---',
      '...',
      '\r',
    ];
    let fast = 0;
    for (let i = 0; i < 3000; i++) {
      let text = bases[Math.floor(random() * bases.length)]!;
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * text.length);
        const cut = Math.floor(random() * 3);
        text = text.slice(0, at) + (random() < 0.7 ? PIECES[Math.floor(random() * PIECES.length)] : '') + text.slice(at + cut);
      }
      if (agree(text) === 'fast') fast++;
    }
    expect(fast).toBeGreaterThan(1000);
  });
});
