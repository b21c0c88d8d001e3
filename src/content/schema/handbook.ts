/**
 * Handbooks (content/handbooks/*.yaml): which manuals, plans, KPIs and flowcharts go into one
 * printed volume, in what order, with its cover, preface and signatories. Offices without a
 * handbook of their own get one by default (src/domain/handbooks.ts).
 */
import { z } from 'zod';
import { beYearField, refField, revisionsField, textField, thaiDateField } from './fields.ts';
import { ApprovalSchema } from './manual.ts';

/** One part of a volume: a manual, a plan, a KPI or a flowchart, by id. */
export const HandbookPartSchema = z.union([
  z.strictObject({ /** คู่มือ (a manual) */ manual: refField('manuals') }),
  z.strictObject({ /** แผนปฏิบัติงาน (a work plan) */ plan: refField('plans') }),
  z.strictObject({ /** ตัวชี้วัด (a KPI) */ kpi: refField('kpis') }),
  z.strictObject({ /** ผังกระบวนการ (a flowchart) */ flowchart: refField('flowcharts') }),
]);
export type HandbookPart = z.output<typeof HandbookPartSchema>;

export const HandbookSchema = z.strictObject({
  /** ชื่อเล่ม (title on the cover) */
  title: textField().describe('ชื่อเล่ม (title)'),
  /** ชื่อรอง (subtitle) */
  subtitle: textField().optional().describe('ชื่อรอง (subtitle)'),
  /** หน่วยงานเจ้าของเล่ม (office) */
  office: refField('offices'),
  /** ปีงบประมาณ พ.ศ. (fiscal year, BE) */
  fiscalYear: beYearField().optional(),
  /** ครั้งที่ปรับปรุง (revision) */
  revision: z.number().int().min(0).optional().describe('ครั้งที่ปรับปรุง (revision)'),
  /** วันที่มีผลบังคับใช้ (effective date) */
  effective: thaiDateField().optional(),
  /** คำนำ (preface; paragraphs separated by a blank line) */
  preface: textField().optional().describe('คำนำ (preface)'),
  /** เนื้อหาตามลำดับ (the parts, in order) */
  contents: z.array(HandbookPartSchema).min(1).describe('เนื้อหาตามลำดับ (parts in order)'),
  /** ภาคผนวก (appendix parts) */
  appendix: z.array(HandbookPartSchema).default([]).describe('ภาคผนวก (appendix)'),
  /** ผู้ลงนาม (signatories) */
  /** ประวัติการแก้ไข (authored revision record) */
  revisions: revisionsField(),
  approvals: z.array(ApprovalSchema).default([]).describe('ผู้ลงนาม (signatories)'),
});
export type Handbook = z.output<typeof HandbookSchema>;
