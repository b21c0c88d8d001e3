/** Work plans (แผนปฏิบัติงาน): fiscal-year Gantt tables and strategy tables. */
import { z } from 'zod';
import { beYearField, refField, revisionsField, intranetField, sourceField, textField } from './fields.ts';

/** A month or a month range in Thai abbreviations: `ต.ค.`, `ต.ค.-ก.ย.`; several as a list. */
export const MonthSpanSchema = z
  .union([textField(), z.array(textField()).min(1)])
  .describe('เดือนหรือช่วงเดือน เช่น `ต.ค.-ธ.ค.` หรือรายการ (month or range, Thai abbreviations)');

export interface PlanItemInput {
  title: string;
  number?: string;
  deadline?: string;
  when?: string | string[];
  monitoring?: string;
  owner?: string;
  items?: PlanItemInput[];
}

export const PlanItemSchema = z.object({
  /** งาน/โครงการ/กิจกรรม (task) */
  title: textField().describe('งาน/โครงการ/กิจกรรม (task)'),
  /** ลำดับที่ ถ้าต่างจากลำดับอัตโนมัติ เช่น ๓.๔ (number, when not automatic) */
  number: textField().optional().describe('ลำดับที่ (number override)'),
  /** กำหนดระยะเวลา (deadline text) */
  deadline: textField().optional().describe('กำหนดระยะเวลา (deadline)'),
  /** ช่วงเดือนที่ดำเนินการ (months of work) */
  when: MonthSpanSchema.optional(),
  /** การตรวจติดตาม ประเมินผลความสำเร็จของงาน (monitoring) */
  monitoring: textField().optional().describe('การตรวจติดตาม ประเมินผล (monitoring)'),
  /** ผู้รับผิดชอบ (owner) */
  owner: textField().optional().describe('ผู้รับผิดชอบ (owner)'),
  /** งานย่อย (sub-items) */
  get items(): z.ZodOptional<z.ZodArray<typeof PlanItemSchema>> {
    return z.array(PlanItemSchema).optional();
  },
});

export const PlanGroupSchema = z.object({
  /** ชื่อกลุ่มงาน; ลำดับเริ่มใหม่ในแต่ละกลุ่ม (group title; numbering restarts) */
  title: textField().describe('ชื่อกลุ่มงาน (group title)'),
  /** งานในกลุ่ม (items) */
  items: z.array(PlanItemSchema).min(1),
});

export const WorkPlanSchema = z.object({
  /** ชื่อตาราง (title) */
  title: textField().optional().describe('ชื่อตาราง (title)'),
  /** หัวเดือนตามที่ต้นฉบับพิมพ์ไว้ ใช้ตรวจกับเดือนของปีงบประมาณ (month headers as printed in the source) */
  sourceMonthLabels: z.array(z.array(textField()).length(12)).optional().describe('หัวเดือนตามต้นฉบับ (source month headers)'),
  /** หัวคอลัมน์ที่ต้องการเปลี่ยน (column header overrides) */
  columns: z
    .object({
      deadline: textField().optional(),
      monitoring: textField().optional(),
      owner: textField().optional(),
    })
    .optional(),
  /** กลุ่มงาน (groups) */
  groups: z.array(PlanGroupSchema).min(1),
});

export const StrategyRowSchema = z.object({
  /** ภารกิจ (mission) */
  mission: z.string().trim().default('').describe('ภารกิจ ว่างได้ถ้าต้นฉบับไม่ระบุ (mission; may be empty as in the source)'),
  /** บริบทการดำเนินงาน (context) */
  context: z.array(textField()).default([]).describe('บริบทการดำเนินงาน (context)'),
  /** กลยุทธ์ (strategies) */
  strategy: z.array(textField()).default([]).describe('กลยุทธ์ (strategies)'),
});

export const StrategyTableSchema = z.object({
  /** ชื่อตาราง เช่น แผนการปฏิบัติงานด้าน… (title) */
  title: textField().describe('ชื่อตาราง (title)'),
  /** แถว (rows) */
  rows: z.array(StrategyRowSchema).min(1),
});

export const PlanSchema = z.object({
  /** ชื่อแผน (title) */
  title: textField().describe('ชื่อแผน (title)'),
  /** หน่วยงาน (office) */
  office: refField('offices'),
  /** ภารกิจ (missions) */
  missions: z.array(refField('missions')).default([]),
  /** ปีงบประมาณ พ.ศ. (fiscal year) */
  fiscalYear: beYearField(),
  /** หัวเรื่องของชุดตารางกลยุทธ์ (heading above the strategy tables) */
  strategiesTitle: textField().optional().describe('หัวเรื่องตารางกลยุทธ์ (strategy tables heading)'),
  /** ตารางกลยุทธ์ (strategy tables) */
  strategies: z.array(StrategyTableSchema).default([]).describe('ตารางกลยุทธ์ (strategy tables)'),
  /** แผนปฏิบัติงานแบบแกนต์ (Gantt work plan) */
  workplan: WorkPlanSchema.optional(),
  /** เอกสารต้นฉบับ (source) */
  source: sourceField().optional(),
  intranet: intranetField(),
  /** ประวัติการแก้ไข (authored revision record) */
  revisions: revisionsField(),
});
export type Plan = z.output<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
export type PlanItem = z.output<typeof PlanItemSchema>;
