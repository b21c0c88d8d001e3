/**
 * The reverse of coverage: every piece of Thai text (12+ Thai characters) in an entry transcribed
 * from a seed appears in that repaired seed. Nothing is invented; only the damage is repaired.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { entryTexts } from '../helpers/content-text.ts';
import { comparable, repairSeedText, thaiLength } from '../helpers/seed-repair.ts';

const root = join(import.meta.dirname, '..', '..');
const content = join(root, 'content');
const transcribed = readdirSync(content, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(mdx|ya?ml)$/.test(e.name))
  .map((e) => join(e.parentPath, e.name))
  .map((path) => {
    const text = readFileSync(path, 'utf8');
    const yamlText = path.endsWith('.mdx') ? (/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') : text;
    const file = (parse(yamlText) as { source?: { file?: string } } | null)?.source?.file;
    return { path: path.slice(root.length + 1), text, seed: file };
  })
  .filter((e): e is { path: string; text: string; seed: string } => Boolean(e.seed));

test('the seed conversions declare their source', () => {
  expect(transcribed.length).toBeGreaterThanOrEqual(5);
});

const seedText = new Map<string, string>();
const seedOf = (file: string) => {
  if (!seedText.has(file)) {
    const repaired = repairSeedText(readFileSync(join(root, file), 'utf8')).replace(/<[^>]+>/g, ' ');
    seedText.set(file, comparable(repaired));
  }
  return seedText.get(file)!;
};

describe.each(transcribed)('$path', ({ path, text, seed }) => {
  test('says nothing its seed does not say', () => {
    const source = seedOf(seed);
    const invented = entryTexts(path, text)
      .map((l) => l.trim())
      .filter((l) => thaiLength(l) >= 12 && !source.includes(comparable(l)));
    expect(invented).toEqual([]);
  });
});
