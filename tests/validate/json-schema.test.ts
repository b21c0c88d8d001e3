/**
 * The generated JSON Schemas (schemas/*.schema.json, `npm run schemas`): up to date with the zod
 * schemas, accept every committed content file, and reject the broken fixtures whose fault is one a
 * schema can see (a field missing, of the wrong type, unknown, or with a value not allowed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, VALID_CONTENT } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validators = new Map(
  readdirSync(join(root, 'schemas')).map((f) => [f.replace('.schema.json', ''), ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', f), 'utf8')))]),
);

/** The data of a content file (YAML, or an MDX file's frontmatter) and the schema that describes it. */
function dataOf(contentDir: string, file: string): { schema: string; data: unknown } | undefined {
  const rel = relative(contentDir, file).split('/');
  const text = readFileSync(file, 'utf8');
  const schema = rel.length === 1 ? rel[0]!.replace(/\.ya?ml$/, '') : rel[0]!;
  if (!validators.has(schema)) return undefined;
  if (file.endsWith('.mdx')) {
    const m = /^---\n([\s\S]*?)\n---/.exec(text);
    return { schema, data: m ? parse(m[1]!) : undefined };
  }
  return { schema, data: parse(text) };
}
const filesIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile() && /\.(ya?ml|mdx)$/.test(f));

test('npm run schemas -- --check: the committed schemas and VS Code settings match the zod schemas', () => {
  const r = spawnSync(process.execPath, ['scripts/schemas.ts', '--check'], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('the schemas carry the Thai descriptions for hover text', () => {
  const manuals = JSON.parse(readFileSync(join(root, 'schemas', 'manuals.schema.json'), 'utf8')) as { properties: Record<string, { description?: string }> };
  expect(manuals.properties.title!.description).toBe('ชื่อเอกสาร (title)');
  const settings = JSON.parse(readFileSync(join(root, '.vscode', 'settings.json'), 'utf8')) as Record<string, Record<string, string[]>>;
  expect(settings['yaml.schemas']!['./schemas/offices.schema.json']).toContain('content/offices/*.yaml');
});

describe('every committed content file is valid against its JSON Schema', () => {
  for (const [label, dir] of [
    ['content', join(root, 'content')],
    ['valid fixture', VALID_CONTENT],
  ] as const) {
    test(label, () => {
      const problems: string[] = [];
      let checked = 0;
      for (const file of filesIn(dir)) {
        const d = dataOf(dir, file);
        if (!d) continue;
        checked++;
        const validate = validators.get(d.schema)!;
        if (!validate(d.data)) problems.push(`${relative(root, file)}: ${ajv.errorsText(validate.errors)}`);
      }
      expect(checked).toBeGreaterThan(5);
      expect(problems).toEqual([]);
    });
  }
});

// faults a JSON Schema can see; the others (totals, graphs, dates, MDX bodies, files) are the validator's
const SCHEMA_FAULTS = ['missing-field', 'wrong-type', 'wrong-type-list', 'invalid-value', 'unknown-field', 'not-a-mapping', 'bad-id'];

test('the broken fixtures with a schema-level fault are rejected', () => {
  const rejected: string[] = [];
  for (const code of readdirSync(join(FIXTURES, 'broken')).sort()) {
    const overlay = join(FIXTURES, 'broken', code, 'content');
    if (!existsSync(overlay)) continue; // made at test time (make.json): nothing to read here
    for (const file of filesIn(overlay)) {
      let d;
      try {
        d = dataOf(overlay, file);
      } catch {
        continue; // not even YAML: the validator's yaml-syntax, not a schema's
      }
      if (d && !validators.get(d.schema)!(d.data)) rejected.push(code);
    }
  }
  for (const code of SCHEMA_FAULTS) expect(rejected, code).toContain(code);
});
