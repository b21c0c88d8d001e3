/**
 * Mutates the valid corpus (deleted lines, swapped types, corrupted bytes, truncated files) in
 * 1,200 seeded cases: the validator never throws, never reports an internal error, and every
 * problem has a file and a line.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { validateContent } from '../../src/validate/index.ts';
import { corpusWith } from '../helpers/corpus.ts';

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const corpus = corpusWith();
afterAll(() => corpus.cleanup());
const files = readdirSync(corpus.content, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath, e.name));
const originals = new Map(files.map((f) => [f, readFileSync(f)]));

const SWAPS: Array<[RegExp, string]> = [
  [/: \d+(\.\d+)?$/m, ': "ไม่ใช่ตัวเลข"'],
  [/: ([^\n[{]+)$/m, ': 42'],
  [/: ([^\n[{]+)$/m, ': [1, 2]'],
  [/: ([^\n[{]+)$/m, ': { a: 1 }'],
  [/: ([^\n[{]+)$/m, ': null'],
  [/: \[[^\n]*\]$/m, ': ข้อความ'],
  [/^(\s*)- /m, '$1'],
  [/^( +)/m, '$1\t'],
  [/---\n/, ''],
  [/<(\w+)/, '<$1 onload={alert(1)}'],
];

function mutate(bytes: Buffer, random: () => number): Buffer {
  const kind = Math.floor(random() * 5);
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  switch (kind) {
    case 0: {
      // delete one to three lines
      const at = Math.floor(random() * lines.length);
      lines.splice(at, 1 + Math.floor(random() * 3));
      return Buffer.from(lines.join('\n'));
    }
    case 1: {
      // swap a value's type or break the structure
      const [pattern, replacement] = SWAPS[Math.floor(random() * SWAPS.length)];
      const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => pattern.test(l));
      if (!candidates.length) return Buffer.from(text.replace(pattern, replacement));
      const [line, i] = candidates[Math.floor(random() * candidates.length)];
      lines[i] = line.replace(pattern, replacement);
      return Buffer.from(lines.join('\n'));
    }
    case 2: {
      // corrupt bytes
      const out = Buffer.from(bytes);
      for (let n = 0; n < 1 + Math.floor(random() * 4); n++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
      return out;
    }
    case 3:
      // truncate
      return bytes.subarray(0, Math.floor(random() * bytes.length));
    default: {
      // duplicate a line (duplicate keys, repeated items)
      const at = Math.floor(random() * lines.length);
      lines.splice(at, 0, lines[at]);
      return Buffer.from(lines.join('\n'));
    }
  }
}

test('1,200 mutated corpora: no throw, no internal error, every problem located', () => {
  const random = rng(20261124);
  let withProblems = 0;
  for (let i = 0; i < 1200; i++) {
    const file = files[Math.floor(random() * files.length)];
    const mutated = mutate(originals.get(file)!, random);
    writeFileSync(file, mutated);
    let result;
    try {
      result = validateContent(corpus.content, corpus.dir);
    } catch (error) {
      throw new Error(`case ${i}: validator threw on a mutation of ${file}:\n${mutated.toString('utf8')}\n${(error as Error).stack}`);
    }
    const internal = result.problems.find((p) => p.code === 'internal-error');
    if (internal) throw new Error(`case ${i}: internal error on ${file}:\n${mutated.toString('utf8')}\n${internal.message}`);
    for (const p of result.problems) {
      expect(p.file, `case ${i}`).toMatch(/^content\/.+/);
      expect(Number.isInteger(p.line) && p.line >= 1, `case ${i} line`).toBe(true);
      expect(Number.isInteger(p.column) && p.column >= 1, `case ${i} column`).toBe(true);
    }
    if (result.problems.length) withProblems++;
    writeFileSync(file, originals.get(file)!);
  }
  // the mutations are real: most of them must be caught
  expect(withProblems).toBeGreaterThan(600);
});
