/**
 * `npm run import`: reads a Word or PDF manual, writes its entries into the content folder (never
 * over an existing file), validates the content at once, and prints a Thai report.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { refreshEditorIntellisense } from '../authoring/editor.ts';
import { chooseOffice } from '../authoring/templates.ts';
import { ID_PATTERN } from '../content/schema/fields.ts';
import { dateInBangkok } from '../domain/thai/index.ts';
import { formatProblems, validateContent } from '../validate/index.ts';
import { readDocx } from './docx.ts';
import type { ImportedDocument } from './model.ts';
import { readPdf } from './pdf.ts';
import { type ImportResult, toContent } from './to-content.ts';

export interface ImportRun {
  file: string;
  content: string;
  /** where images go: `<public>/images/<id>/` (the site serves public/ as it is) */
  publicDir: string;
  office?: string;
  id?: string;
  /** for tests: the date written in source.note */
  date?: string;
}

/** An id from the file name when it is Latin (`petty-cash.docx` → `petty-cash`); Thai names need --id. */
export function idFromName(file: string): string | undefined {
  const id = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id && ID_PATTERN.test(id) && /[a-z]/.test(id) ? id : undefined;
}

export function readSource(file: string): ImportedDocument {
  const ext = extname(file).toLowerCase();
  if (ext === '.docx') return readDocx(readFileSync(file));
  if (ext === '.pdf') return readPdf(file);
  if (ext === '.doc')
    throw new Error(
      'แฟ้ม .doc รุ่นเก่าอ่านไม่ได้ ให้เปิดใน Word แล้วบันทึกเป็น .docx ก่อน หรือ libreoffice --headless --convert-to docx แฟ้ม.doc (old .doc: save as .docx first)',
    );
  throw new Error(`อ่านได้เฉพาะ .docx และ .pdf ไม่ใช่ ${ext || 'แฟ้มไม่มีนามสกุล'} (only .docx and .pdf can be imported)`);
}

export function runImport(options: ImportRun): { code: number; out: string[]; result?: ImportResult } {
  const out: string[] = [];
  const file = resolve(options.file);
  if (!existsSync(file)) return { code: 1, out: [`import: ไม่พบแฟ้ม ${options.file} (no such file)`] };
  const content = resolve(options.content);
  const id = options.id ?? idFromName(file);
  if (!id) return { code: 1, out: [`import: ชื่อแฟ้มใช้เป็นรหัสไม่ได้ ให้ระบุ --id เช่น --id petty-cash (a-z 0-9 -) (give an --id)`] };
  if (!ID_PATTERN.test(id)) return { code: 1, out: [`import: รหัส ${id} ใช้ไม่ได้ ใช้ได้เฉพาะ a-z 0-9 และ - (bad id)`] };
  const offices = existsSync(join(content, 'offices'))
    ? readdirSync(join(content, 'offices'))
        .filter((f) => !f.startsWith('.'))
        .map((f) => basename(f, extname(f)))
    : [];
  const chosen = chooseOffice(offices, options.office);
  if ('error' in chosen) return { code: 1, out: [`import: ${chosen.error}`] };
  let doc: ImportedDocument;
  try {
    doc = readSource(file);
  } catch (error) {
    return { code: 1, out: [`import: อ่าน ${basename(file)} ไม่ได้: ${(error as Error).message}`] };
  }
  if (!doc.blocks.length) return { code: 1, out: [`import: ${basename(file)} ไม่มีข้อความให้นำเข้า`, ...doc.notes.map((n) => `  ${n}`)] };
  const result = toContent(doc, { id, office: chosen.office, sourceName: basename(file), date: options.date ?? dateInBangkok(), imagesUrl: `/images/${id}/` });
  // never over an existing file: every target is checked before anything is written
  const targets = result.files.map((f) => join(content, f.path));
  const imageDir = join(resolve(options.publicDir), 'images', id);
  const taken = [...targets.filter((t) => existsSync(t)), ...(result.images.length && existsSync(imageDir) ? [imageDir] : [])];
  if (taken.length)
    return {
      code: 1,
      out: [`import: มีแฟ้มนี้อยู่แล้ว จะไม่เขียนทับ เลือก --id อื่น (exists; nothing was written):`, ...taken.map((t) => `  ${relative(process.cwd(), t)}`)],
    };
  for (const [k, f] of result.files.entries()) {
    mkdirSync(join(targets[k]!, '..'), { recursive: true });
    writeFileSync(targets[k]!, f.text, { flag: 'wx' });
  }
  if (result.images.length) {
    mkdirSync(imageDir, { recursive: true });
    for (const image of result.images) writeFileSync(join(imageDir, image.name), image.data, { flag: 'wx' });
  }
  refreshEditorIntellisense(content);

  const shown = (p: string) => relative(process.cwd(), p) || p;
  out.push(`นำเข้า ${basename(file)} แล้ว (imported):`);
  for (const t of targets) out.push(`  ${shown(t)}`);
  if (result.images.length) out.push(`  ${shown(imageDir)}/ ภาพ ${result.images.length} ภาพ (images)`);
  const section = (kind: ImportResult['report'][number]['kind'], title: string) => {
    const lines = result.report.filter((r) => r.kind === kind);
    if (!lines.length) return;
    out.push('', title);
    for (const r of lines) out.push(`  ${r.at}: ${r.text}`);
  };
  section('mapped', 'อ่านได้ตามต้นฉบับ (mapped):');
  section('guessed', 'เดาจากรูปแบบ ให้ตรวจ (guessed — confirm):');
  section('check', 'ต้องให้คนตรวจ (needs a person):');
  for (const n of doc.notes) out.push(`  ${n}`);

  // the validator on the content at once: the imported files' problems in full, the totals after
  const validation = validateContent(content, resolve(content, '..'));
  const mine = new Set(result.files.map((f) => relative(resolve(content, '..'), join(content, f.path)).split('\\').join('/')));
  const problems = validation.problems.filter((p) => mine.has(p.file));
  out.push(
    '',
    'ตรวจเนื้อหาที่นำเข้า (validation of the imported files):',
    problems.length ? formatProblems(problems, 'text', { all: true }) : '  ไม่พบปัญหา (no problems)',
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors) out.push(`แฟ้มที่นำเข้ามีข้อผิดพลาด ${errors} รายการ ให้แก้ก่อนสร้างเว็บไซต์ (the imported files have errors)`);
  out.push('', `ขั้นต่อไป: ตรวจรายการข้างบน แก้แฟ้ม แล้ว npm run dev เปิดหน้า /manuals/${id}/ (next: check the list above, then npm run dev)`);
  return { code: errors ? 1 : 0, out, result };
}
