/**
 * `npm run new -- <manual|flowchart|plan|kpi|mission|office|handbook> <id>`: creates a valid entry
 * from a template with Thai placeholder text (in «…») and comments; never overwrites a file; says
 * what to do next.
 */
import { contentDir } from '../src/content/content-dir.ts';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { refreshEditorIntellisense } from '../src/authoring/editor.ts';
import { chooseOffice, EXTENSION, FOLDER, PAGE, template, TYPES, type EntryType } from '../src/authoring/templates.ts';
import { ID_PATTERN } from '../src/content/schema/fields.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { content: { type: 'string', default: contentDir() }, office: { type: 'string' }, title: { type: 'string' } },
});
const [type, id] = positionals as [string | undefined, string | undefined];
const usage = `ใช้: npm run new -- <${TYPES.join('|')}> <รหัส> [--office หน่วยงาน] [--title ชื่อ]  เช่น npm run new -- manual budget-disbursement --office cgd-region-6\n(usage: npm run new -- <type> <id> [--office ID] [--title TITLE]; the id is lower-case ASCII words joined by '-'; --office is needed when there are several offices)`;

function firstId(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .map((f) => basename(f, extname(f)))
    .sort()[0];
}

function main(): number {
  if (!type || !id) {
    console.error(usage);
    return 2;
  }
  if (!TYPES.includes(type as EntryType)) {
    console.error(`ไม่รู้จักชนิด \`${type}\` ใช้ได้: ${TYPES.join(', ')} (unknown type)\n${usage}`);
    return 2;
  }
  if (!ID_PATTERN.test(id)) {
    console.error(`รหัส \`${id}\` ใช้ไม่ได้: ใช้ตัวอักษรอังกฤษตัวเล็ก ตัวเลข และ - เท่านั้น เช่น saraban-2570 (the id must be lower-case ASCII words joined by '-')`);
    return 2;
  }
  const t = type as EntryType;
  const content = resolve(values.content);
  const folder = join(content, FOLDER[t]);
  const file = join(folder, `${id}.${EXTENSION[t]}`);
  const existing = (existsSync(folder) ? readdirSync(folder, { withFileTypes: true }) : []).find((f) => basename(f.name, extname(f.name)) === id);
  if (existsSync(file) || existing) {
    console.error(
      `มีแฟ้ม ${relative(process.cwd(), existing ? join(folder, existing.name) : file)} อยู่แล้ว จะไม่เขียนทับ เลือกรหัสอื่น (the file exists; nothing was written)`,
    );
    return 1;
  }
  const offices = existsSync(join(content, 'offices'))
    ? readdirSync(join(content, 'offices'))
        .filter((f) => !f.startsWith('.'))
        .map((f) => basename(f, extname(f)))
    : [];
  // a new office needs none; everything else belongs to one, named or unambiguous
  const chosen = t === 'office' && !offices.length ? { office: '' } : chooseOffice(offices, values.office);
  if ('error' in chosen) {
    console.error(`new: ${chosen.error}`);
    return 1;
  }
  const office = chosen.office;
  const mandate = firstId(join(content, 'mandates'));
  if (t === 'mission' && !mandate) {
    console.error('ต้องมีภารกิจตามกฎหมายใน content/mandates/ ก่อน (a mission needs a legal mandate in content/mandates/ first)');
    return 1;
  }
  const today = new Date().toISOString().slice(0, 10);
  mkdirSync(folder, { recursive: true });
  const missions = existsSync(join(content, 'missions')) ? readdirSync(join(content, 'missions')).length : 0;
  writeFileSync(
    file,
    template(t, id, { office, mandate: mandate ?? '', manual: firstId(join(content, 'manuals')), today, order: missions + 1, title: values.title }),
    {
      flag: 'wx',
    },
  );
  refreshEditorIntellisense(content);
  const shown = relative(process.cwd(), file);
  console.log(`สร้าง ${shown} แล้ว (created)`);
  console.log(`ขั้นต่อไป (next):`);
  console.log(`  ๑. แก้ข้อความใน «…» ใน ${shown}${t === 'mission' || t === 'office' ? '' : ' และตรวจรหัสหน่วยงาน office'}`);
  console.log(`  ๒. npm run dev แล้วเปิด http://localhost:4321${PAGE[t](id, office)}`);
  console.log(`  ๓. npm run validate เพื่อตรวจทุกแฟ้ม แล้วส่ง pull request`);
  return 0;
}

process.exitCode = main();
