/**
 * Manuals (คู่มือการปฏิบัติงาน) and other official documents: MDX with typed frontmatter.
 * Document-control fields are optional because transcribed documents often do not state them;
 * the page and the PDF show only what is known.
 */
import { z } from 'zod';
import { beYearField, refField, revisionsField, intranetField, sourceField, textField, thaiDateField } from './fields.ts';
import { APPROVAL_ORDER } from '../../domain/signatories.ts';
import { DataTableSchema } from './table.ts';

/** The three roles of an approval block, in the order a document is signed. */
export const APPROVAL_ROLES = APPROVAL_ORDER;

export const ApprovalSchema = z.object({
  /** บทบาท: ผู้จัดทำ ผู้ตรวจสอบ หรือ ผู้อนุมัติ (role) */
  role: z.enum(APPROVAL_ROLES).describe('บทบาท: ผู้จัดทำ ผู้ตรวจสอบ หรือ ผู้อนุมัติ (role)'),
  /** ชื่อ-นามสกุลเต็ม (full name) */
  name: textField().describe('ชื่อ-นามสกุลเต็ม (full name)'),
  /** ตำแหน่ง (position) */
  position: textField().describe('ตำแหน่ง (position)'),
  /** วันที่ลงนาม (date signed) */
  date: thaiDateField().optional(),
});

export const PrintOptionsSchema = z.object({
  /** พิมพ์ปก (print a cover) */
  cover: z.boolean().default(true).describe('พิมพ์ปก (print a cover)'),
  /** ข้อความคำนำ (preface text) */
  preface: textField().optional().describe('คำนำ (preface)'),
  /** พิมพ์สารบัญ (print a table of contents) */
  toc: z.boolean().default(true).describe('พิมพ์สารบัญ (table of contents)'),
  /** พิมพ์หน้าอนุมัติ (print the approval page) */
  approvalPage: z.boolean().default(true).describe('พิมพ์หน้าอนุมัติ (approval page)'),
});

export const ManualSchema = z.object({
  /** ชื่อเอกสาร (title) */
  title: textField().describe('ชื่อเอกสาร (title)'),
  /** ชื่อรอง (subtitle) */
  subtitle: textField().optional().describe('ชื่อรอง (subtitle)'),
  /** ประเภทเอกสาร เช่น คู่มือการปฏิบัติงาน (document type) */
  docType: textField().default('คู่มือการปฏิบัติงาน').describe('ประเภทเอกสาร (document type)'),
  /** รหัสเอกสาร (document code) */
  code: textField().optional().describe('รหัสเอกสาร (document code)'),
  /** หน่วยงานเจ้าของ (office) */
  office: refField('offices'),
  /** ภารกิจที่เกี่ยวข้อง (missions) */
  missions: z.array(refField('missions')).default([]).describe('ภารกิจที่เกี่ยวข้อง (missions)'),
  /** ผู้รับผิดชอบเนื้อหา (owner) */
  owner: textField().optional().describe('ผู้รับผิดชอบเนื้อหา (owner)'),
  /** ครั้งที่ปรับปรุง (revision number) */
  revision: z.number().int().min(0).optional().describe('ครั้งที่ปรับปรุง (revision)'),
  /** วันที่มีผลบังคับใช้ (effective date) */
  effective: thaiDateField().optional(),
  /** ปีงบประมาณ พ.ศ. (fiscal year) */
  fiscalYear: beYearField().optional(),
  /** ผู้จัดทำ ผู้ตรวจสอบ ผู้อนุมัติ (approvals) */
  approvals: z.array(ApprovalSchema).default([]).describe('การอนุมัติ (approvals)'),
  /** เอกสารอ้างอิง (references) */
  references: z.array(textField()).default([]).describe('เอกสารอ้างอิง (references)'),
  /** ตัวเลือกการพิมพ์ (print options) */
  print: PrintOptionsSchema.default({ cover: true, toc: true, approvalPage: true }),
  /** ตารางข้อมูลที่มียอดรวมตรวจสอบได้ (data tables) */
  tables: z.array(DataTableSchema).default([]).describe('ตารางข้อมูล (data tables)'),
  /** เอกสารต้นฉบับ (transcribed source) */
  source: sourceField().optional(),
  intranet: intranetField(),
  /** ประวัติการแก้ไข (authored revision record) */
  revisions: revisionsField(),
});
export type Manual = z.output<typeof ManualSchema>;
export type ManualInput = z.input<typeof ManualSchema>;
