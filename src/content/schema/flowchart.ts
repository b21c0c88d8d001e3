/** Flowcharts: steps with ISO 5807 shapes, rendered as a Thai flowchart table or a diagram. */
import { z } from 'zod';
import { beYearField, idField, refField, revisionsField, intranetField, sourceField, textField } from './fields.ts';

/** Flowchart symbols (ISO 5807 names). */
export const SHAPES = ['terminator', 'process', 'decision', 'document', 'data', 'subprocess', 'connector'] as const;

/** A branch target: a step id, or `{ to, label }` to change the label (ใช่ / ไม่ใช่ by default). */
export const BranchSchema = z.union([
  idField(),
  z.object({
    /** ขั้นตอนปลายทาง (target step) */
    to: idField(),
    /** ข้อความบนเส้น (label on the arrow) */
    label: textField().describe('ข้อความบนเส้น (label on the arrow)'),
  }),
]);

export const StepSchema = z.object({
  /** รหัสขั้นตอน ใช้เป็นจุดยึด #step-… (step id) */
  id: idField(),
  /** ลำดับที่ที่แสดง ถ้าไม่ใช้ลำดับอัตโนมัติ (displayed number) */
  number: textField().optional().describe('ลำดับที่ (displayed number)'),
  /** สัญลักษณ์ (shape) */
  shape: z.enum(SHAPES).describe('สัญลักษณ์: terminator process decision document data subprocess connector (shape)'),
  /** ข้อความสั้นในสัญลักษณ์ (short label in the symbol) */
  label: textField().describe('ข้อความสั้นในสัญลักษณ์ (label)'),
  /** รายละเอียดงาน (details) */
  detail: textField().optional().describe('รายละเอียดงาน (details)'),
  /** เวลาดำเนินการ (time) */
  time: textField().optional().describe('เวลาดำเนินการ (time)'),
  /** มาตรฐานคุณภาพงาน (quality standard) */
  standard: textField().optional().describe('มาตรฐานคุณภาพงาน (quality standard)'),
  /** ผู้รับผิดชอบ (owner) */
  owner: textField().optional().describe('ผู้รับผิดชอบ (owner)'),
  /** ขั้นตอนถัดไป ถ้าไม่ใช่ขั้นตอนที่ตามมา; null = ไม่มีลูกศร (next step) */
  next: z.union([idField(), z.null()]).optional().describe('ขั้นตอนถัดไป (next step)'),
  /** ทางเลือก ใช่ (yes branch) */
  yes: BranchSchema.optional().describe('ทางเลือก ใช่ (yes branch)'),
  /** ทางเลือก ไม่ใช่ (no branch) */
  no: BranchSchema.optional().describe('ทางเลือก ไม่ใช่ (no branch)'),
});
export type Step = z.output<typeof StepSchema>;

export const COLUMN_KEYS = ['number', 'chart', 'detail', 'time', 'standard', 'owner'] as const;

export const FlowchartSchema = z.object({
  /** ชื่องาน (process title) */
  title: textField().describe('ชื่องาน (process title)'),
  /** หน่วยงาน (office) */
  office: refField('offices').optional(),
  /** ภารกิจ (missions) */
  missions: z.array(refField('missions')).default([]).describe('ภารกิจ (missions)'),
  /** ปีงบประมาณ (fiscal year) */
  fiscalYear: beYearField().optional(),
  /** ตัวชี้วัดที่สำคัญของกระบวนงาน (process KPI) */
  kpi: textField().optional().describe('ตัวชี้วัดที่สำคัญของกระบวนงาน (process KPI)'),
  /** ป้ายหน้าตัวชี้วัด ถ้าต่างจาก "ตัวชี้วัดที่สำคัญของกระบวนงาน" (label before the KPI) */
  kpiLabel: textField().optional().describe('ป้ายหน้าตัวชี้วัด (label before the KPI)'),
  /** table = ตารางผังงาน, diagram = ผังงานอิสระ (how to render) */
  render: z.enum(['table', 'diagram']).default('table').describe('table = ตารางผังงาน, diagram = ผังงานอิสระ (render)'),
  /** หัวคอลัมน์ที่ต้องการเปลี่ยน หรือ false เพื่อซ่อน (column headers to override or hide) */
  columns: z
    .partialRecord(z.enum(COLUMN_KEYS), z.union([textField(), z.literal(false)]))
    .optional()
    .describe('หัวคอลัมน์ (column overrides)'),
  /** ขั้นตอน (steps) */
  steps: z.array(StepSchema).min(1).describe('ขั้นตอน (steps)'),
  /** เอกสารอ้างอิง (references) */
  references: z.array(textField()).default([]).describe('เอกสารอ้างอิง (references)'),
  /** เอกสารต้นฉบับ (source) */
  source: sourceField().optional(),
  intranet: intranetField(),
  /** ประวัติการแก้ไข (authored revision record) */
  revisions: revisionsField(),
});
export type Flowchart = z.output<typeof FlowchartSchema>;
export type FlowchartInput = z.input<typeof FlowchartSchema>;
