/** Field builders shared by the content schemas: ids, Thai dates, Buddhist-era years, money. */
import { z } from 'zod';
import { parseThaiDate } from '../../domain/thai/index.ts';

/**
 * ASCII kebab-case id: lower-case letters, digits and dashes (`saraban-receive`), at most 100
 * characters (an id names files: longer ones overflow file-name limits when printed), and not a
 * device name Windows reserves (`con`, `nul`, `aux`, `com1`, …), which no checkout could hold.
 */
export const ID_PATTERN = /^(?!(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$)(?=[a-z0-9-]{1,100}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const idField = () => z.string().regex(ID_PATTERN, { message: 'id-format' }).describe('รหัสอ้างอิง: ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด (ASCII kebab-case id)');

/** A reference to an entry of another collection, by its id (file name without extension). */
export const refField = (collection: string) =>
  idField().meta({ reference: collection }).describe(`รหัสของรายการใน ${collection} (id of a ${collection} entry)`);

/** A date as authors type it (`๙ มี.ค. ๖๔`, `9 มีนาคม 2564`, `2021-03-09`); the output is ISO. */
export const thaiDateField = () =>
  z
    .union([z.string(), z.date()])
    .transform((value, ctx) => {
      // YAML reads an unquoted 2021-03-09 as a timestamp; take its calendar date in UTC.
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      try {
        return parseThaiDate(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `invalid-date:${(error as Error).message}`, input: value });
        return z.NEVER;
      }
    })
    .describe('วันที่ เช่น `๙ มี.ค. ๖๔`, `๙ มีนาคม ๒๕๖๔` หรือ `2021-03-09` (a date, Thai or ISO)');

/** A Buddhist-era year such as 2564. */
export const beYearField = () => z.number().int().min(2400).max(2800).describe('ปี พ.ศ. เช่น 2564 (a Buddhist-era year)');

/** Non-empty text, trimmed. */
export const textField = () => z.string().trim().min(1);

/** Where a transcribed document comes from; its own inconsistencies are then warnings, not errors. */
export const sourceField = () =>
  z
    .object({
      /** ชื่อเอกสารต้นฉบับ (title of the original document) */
      title: textField().describe('ชื่อเอกสารต้นฉบับ (title of the original document)'),
      /** แฟ้มต้นฉบับ (file of the original, e.g. the extracted text) */
      file: textField().optional().describe('แฟ้มต้นฉบับ (file of the original)'),
      /** หมายเหตุการถอดความ (notes on the transcription) */
      note: textField().optional().describe('หมายเหตุการถอดความ (notes on the transcription)'),
    })
    .describe('เอกสารต้นฉบับที่ถอดความมา: ความไม่สอดคล้องที่มีอยู่ในต้นฉบับจะรายงานเป็นคำเตือน (transcribed source: its inconsistencies are warnings)');

/**
 * เฉพาะอินทราเน็ต: `true` keeps the whole document out of the public edition (`npm run build -- --public`);
 * a list of fields (`[owner.phone, approvals]`) keeps those fields out. Optional fields only (the validator checks).
 */
export const intranetField = () =>
  z
    .union([z.literal(true), z.array(z.string().regex(/^[A-Za-z]\w*(?:\.[A-Za-z]\w*)*$/, 'ชื่อช่อง เช่น owner.phone (a field path such as owner.phone)'))])
    .optional()
    .describe(
      'เฉพาะอินทราเน็ต: true = ทั้งเอกสารไม่อยู่ในฉบับเผยแพร่สาธารณะ หรือรายชื่อช่อง เช่น [owner.phone] (intranet only: the whole document, or these fields, left out of the public edition)',
    );

/** One entry of a document's authored revision record (ประวัติการแก้ไข): the official record, not git's. */
export const RevisionSchema = z.object({
  /** ครั้งที่ปรับปรุง: 0 for the first issue (revision number) */
  number: z.number().int().min(0).describe('ครั้งที่ปรับปรุง: ฉบับแรกคือ 0 (revision number; 0 is the first issue)'),
  /** วันที่ (date, Thai or ISO) */
  date: thaiDateField(),
  /** รายการแก้ไข (what changed, in Thai) */
  changes: textField().describe('รายการแก้ไข (what changed)'),
  /** ผู้อนุมัติการแก้ไข (approved by) */
  approvedBy: textField().optional().describe('ผู้อนุมัติการแก้ไข (approved by)'),
});

/** `revisions:` — the authored revision record, oldest first. */
export const revisionsField = () =>
  z.array(RevisionSchema).default([]).describe('ประวัติการแก้ไข เรียงจากเก่าไปใหม่: ครั้งที่ วันที่ รายการแก้ไข ผู้อนุมัติ (the authored revision record, oldest first)');

export type Revision = z.output<typeof RevisionSchema>;
