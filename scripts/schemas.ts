/**
 * `npm run schemas`: writes schemas/*.schema.json from the zod schemas and wires the YAML ones into
 * .vscode/settings.json (yaml.schemas). `--check` exits 1 when the committed files are out of date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { jsonSchemas } from '../src/content/schema/json-schema.ts';
import { writeEditorIntellisense } from '../src/authoring/editor.ts';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const files = new Map<string, string>();
const schemas = jsonSchemas();
for (const s of schemas) files.set(join('schemas', s.file), `${JSON.stringify(s.schema, null, 2)}\n`);
const settingsFile = join('.vscode', 'settings.json');
const settings = existsSync(join(root, settingsFile)) ? (JSON.parse(readFileSync(join(root, settingsFile), 'utf8')) as Record<string, unknown>) : {};
// MDX frontmatter: the Astro extension's content IntelliSense, fed by .astro/collections/ (src/authoring/editor.ts)
settings['astro.content-intellisense'] = true;
settings['yaml.schemas'] = Object.fromEntries(schemas.filter((s) => s.yaml).map((s) => [`./schemas/${s.file}`, s.globs]));
files.set(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);

let stale = 0;
for (const [file, text] of files) {
  const path = join(root, file);
  const same = existsSync(path) && readFileSync(path, 'utf8') === text;
  if (check) {
    if (!same) {
      stale++;
      console.error(`schemas: ${file} ไม่ตรงกับ schema ปัจจุบัน ให้รัน npm run schemas (out of date; run npm run schemas)`);
    }
    continue;
  }
  mkdirSync(join(path, '..'), { recursive: true });
  if (!same) writeFileSync(path, text);
}
if (!check) {
  const mapped = writeEditorIntellisense(root);
  console.log(`schemas: เขียน ${schemas.length} แฟ้มใน schemas/ และ ${settingsFile} (wrote ${schemas.length} JSON Schemas and the VS Code settings)`);
  console.log(
    `schemas: VS Code เติมคำและแสดงคำอธิบายในส่วนหัวของแฟ้ม MDX ${mapped} แฟ้ม (.astro/collections/: completion and hover for the frontmatter of ${mapped} MDX files)`,
  );
}
process.exitCode = stale ? 1 : 0;
