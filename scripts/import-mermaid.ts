/**
 * `npm run import:mermaid -- <file.mmd|file.md> [--id ID] [--title TITLE] [--office OFFICE]`:
 * turns a Mermaid flowchart (graph TD / flowchart TD; in a .md file, the first ```mermaid block)
 * into content/flowcharts/<id>.mdx, with warnings for what it cannot map. Never overwrites.
 */
import { contentDir } from '../src/content/content-dir.ts';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { refreshEditorIntellisense } from '../src/authoring/editor.ts';
import { flowchartEntry, parseMermaid } from '../src/authoring/mermaid.ts';
import { chooseOffice } from '../src/authoring/templates.ts';
import { ID_PATTERN } from '../src/content/schema/fields.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    title: { type: 'string' },
    office: { type: 'string' },
    content: { type: 'string', default: contentDir() },
  },
});

function main(): number {
  const file = positionals[0];
  if (!file || !existsSync(file)) {
    console.error(
      'ใช้: npm run import:mermaid -- <แฟ้ม.mmd> [--id รหัส] [--title ชื่อ] [--office หน่วยงาน]\n(usage: npm run import:mermaid -- <file.mmd> [--id ID] [--title TITLE] [--office OFFICE])',
    );
    return 2;
  }
  let source = readFileSync(file, 'utf8');
  const block = /```mermaid\s*\n([\s\S]*?)```/.exec(source);
  if (block) source = block[1]!;
  let parsed;
  try {
    parsed = parseMermaid(source);
  } catch (error) {
    console.error(`import:mermaid: ${(error as Error).message}`);
    return 1;
  }
  const content = resolve(values.content);
  const id =
    values.id ??
    basename(file, extname(file))
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  if (!ID_PATTERN.test(id)) {
    console.error(`รหัส \`${id}\` ใช้ไม่ได้ ระบุด้วย --id เช่น --id saraban-flow (give an ASCII id with --id)`);
    return 2;
  }
  const out = join(content, 'flowcharts', `${id}.mdx`);
  if (existsSync(out)) {
    console.error(`มีแฟ้ม ${relative(process.cwd(), out)} อยู่แล้ว จะไม่เขียนทับ (the file exists; nothing was written)`);
    return 1;
  }
  // the owning office: named, or the only one — never a silent pick among several
  const chosen = chooseOffice(
    existsSync(join(content, 'offices'))
      ? readdirSync(join(content, 'offices'))
          .filter((f) => !f.startsWith('.'))
          .map((f) => basename(f, extname(f)))
      : [],
    values.office,
  );
  if ('error' in chosen) {
    console.error(`import:mermaid: ${chosen.error}`);
    return 1;
  }
  const office = chosen.office;
  // a title: given, or a «…» placeholder the validator points out until it is written
  writeFileSync(out, flowchartEntry(parsed.steps, { title: values.title ?? `«ชื่อผังกระบวนการ ${id}»`, office, source: basename(file) }), { flag: 'wx' });
  refreshEditorIntellisense(content);
  console.log(`สร้าง ${relative(process.cwd(), out)} จาก ${parsed.steps.length} ขั้นตอน (created from ${parsed.steps.length} steps)`);
  for (const w of parsed.warnings) console.log(`คำเตือน (warning): ${w}`);
  console.log('ขั้นต่อไป: ตรวจชื่อ (title) และหน่วยงาน (office) แล้วรัน npm run validate (next: check the title and office, then npm run validate)');
  return 0;
}

process.exitCode = main();
