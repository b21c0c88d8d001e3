/** KPIs (ตัวชี้วัด): thresholds, weight, baselines and quarterly results with the scores as reported. */
import { z } from 'zod';
import { beYearField, refField, revisionsField, intranetField, sourceField, textField } from './fields.ts';

export const ContactSchema = z.object({
  /** ชื่อ (name) */
  name: textField(),
  /** เบอร์ติดต่อ (phone) */
  phone: textField().optional(),
});

export const QuarterSchema = z.object({
  /** ไตรมาสที่ ๑–๔ (quarter) */
  quarter: z.number().int().min(1).max(4).describe('ไตรมาสที่ (quarter 1–4)'),
  /** ผลการดำเนินงาน (result as a number) */
  value: z.number().nullable().describe('ผลการดำเนินงาน (result)'),
  /** ผลตามที่ต้นฉบับเขียน ถ้าไม่ใช่ตัวเลขเดียว เช่น 4-5 (result as written) */
  valueText: textField().optional().describe('ผลตามที่เขียน (result as written)'),
  /** รายละเอียดการดำเนินงาน (details) */
  detail: textField().optional().describe('รายละเอียดการดำเนินงาน (details)'),
  /** ไฟล์เอกสาร/หลักฐาน (evidence) */
  evidence: z.array(textField()).default([]).describe('หลักฐาน (evidence)'),
  /** คะแนนที่รายงานในต้นฉบับ ใช้ตรวจกับคะแนนที่คำนวณ (scores as reported) */
  reported: z
    .object({
      score: z.number().optional().describe('คะแนนตัวชี้วัดที่รายงาน (reported score)'),
      weighted: z.number().optional().describe('คะแนนถ่วงน้ำหนักที่รายงาน (reported weighted score)'),
    })
    .optional(),
});

export const KpiSchema = z.object({
  /** รหัสตัวชี้วัด เช่น สตป. 02 (code) */
  code: textField().optional().describe('รหัสตัวชี้วัด (code)'),
  /** ชื่อตัวชี้วัด (name) */
  name: textField().describe('ชื่อตัวชี้วัด (name)'),
  /** หน่วยงาน (office) */
  office: refField('offices'),
  /** ภารกิจ (missions) */
  missions: z.array(refField('missions')).default([]),
  /** ปีงบประมาณ (fiscal year) */
  fiscalYear: beYearField(),
  /** หน่วยวัด (unit) */
  unit: textField().optional().describe('หน่วยวัด (unit)'),
  /** น้ำหนัก ร้อยละ (weight, percent) */
  weight: z.number().min(0).max(100).optional().describe('น้ำหนัก ร้อยละ (weight)'),
  /** thresholds = คะแนนจากเกณฑ์ห้าระดับ; milestone = ผลคือระดับขั้นที่ทำได้ (scoring method) */
  scoring: z.enum(['thresholds', 'milestone']).default('thresholds').describe('วิธีให้คะแนน (scoring)'),
  /** เกณฑ์ห้าระดับ จากระดับ ๑ ถึง ๕ (five thresholds, level 1 to 5) */
  thresholds: z.array(z.number()).optional().describe('เกณฑ์ห้าระดับ (five thresholds)'),
  /** คำอธิบายแต่ละระดับ (level descriptions) */
  levels: z.array(textField()).optional().describe('คำอธิบายระดับ (level descriptions)'),
  /** เป้าหมายปีปัจจุบัน (target) */
  target: z.number().optional().describe('เป้าหมาย (target)'),
  /** ข้อมูลพื้นฐานย้อนหลัง (baselines) */
  baselines: z
    .array(z.object({ yearsBack: z.number().int().min(1).max(10), value: z.number(), unit: textField().optional() }))
    .default([])
    .describe('ข้อมูลพื้นฐานย้อนหลัง (baselines)'),
  /** คำอธิบาย (description) */
  description: textField().optional(),
  /** เกณฑ์เชิงคุณภาพ เช่น ระดับคุณภาพ ระดับมาตรฐาน (qualitative criteria) */
  criteria: z.array(z.object({ level: textField(), text: textField() })).default([]),
  /** บริบทเชิงยุทธศาสตร์: แผน ประเด็น มิติ เป้าประสงค์ (strategic context) */
  context: z.array(z.object({ label: textField(), text: textField() })).default([]),
  /** แหล่งข้อมูล/วิธีการจัดเก็บ (data source) */
  dataSource: textField().optional(),
  /** ผู้รับผิดชอบตัวชี้วัด (owner) */
  owner: ContactSchema.optional(),
  /** ผู้สนับสนุน (supporters) */
  supporters: z.array(ContactSchema).default([]),
  /** ผลรายไตรมาส (quarterly results) */
  quarters: z.array(QuarterSchema).default([]).describe('ผลรายไตรมาส (quarterly results)'),
  /** รายงานผลฉบับอื่นของไตรมาสเดียวกัน ซึ่งต้องตรงกับผลหลัก (other reports of the same quarters, cross-checked) */
  otherReports: z
    .array(
      z.object({
        /** ชื่อรายงาน (title) */
        title: textField(),
        quarters: z.array(QuarterSchema.pick({ quarter: true, value: true, valueText: true, detail: true })).min(1),
      }),
    )
    .default([])
    .describe('รายงานผลฉบับอื่น (other reports)'),
  /** เงื่อนไข (conditions) */
  conditions: textField().optional().describe('เงื่อนไข (conditions)'),
  /** ตัวเลขที่แสดง: ไทยหรืออารบิก ตามต้นฉบับ (numerals shown) */
  numerals: z.enum(['thai', 'arabic']).optional().describe('ตัวเลขไทยหรืออารบิก (numerals)'),
  /** หมายเหตุ (notes) */
  notes: z.array(textField()).default([]),
  /** เอกสารต้นฉบับ (source) */
  source: sourceField().optional(),
  intranet: intranetField(),
  /** ประวัติการแก้ไข (authored revision record) */
  revisions: revisionsField(),
});
export type Kpi = z.output<typeof KpiSchema>;
export type KpiInput = z.input<typeof KpiSchema>;
