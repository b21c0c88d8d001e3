/** Organisational data (YAML): offices, legal mandates and the missions under them. */
import { z } from 'zod';
import { refField, textField } from './fields.ts';

/** A person who signs for an office: full name and position. */
const SignatoryOfOffice = z.object({
  /** ชื่อ-นามสกุลเต็ม (full name) */
  name: textField().describe('ชื่อ-นามสกุลเต็ม (full name)'),
  /** ตำแหน่ง (position) */
  position: textField().describe('ตำแหน่ง (position)'),
});

export const OfficeSchema = z.object({
  /** ชื่อหน่วยงานเต็ม (full name) */
  name: textField().describe('ชื่อหน่วยงานเต็ม (full name)'),
  /** ชื่อย่อ เช่น สตป. (abbreviation) */
  shortName: textField().optional().describe('ชื่อย่อ (abbreviation)'),
  /** หน่วยงานต้นสังกัด (parent office) */
  parent: refField('offices').optional().describe('หน่วยงานต้นสังกัด (parent office)'),
  /** จังหวัดที่ตั้ง (province) */
  province: textField().optional().describe('จังหวัด (province)'),
  /** ที่อยู่ (address) */
  address: textField().optional().describe('ที่อยู่ (address)'),
  /** โทรศัพท์ (phone) */
  phone: textField().optional().describe('โทรศัพท์ (phone)'),
  /** หัวหน้าหน่วยงาน: ผู้อนุมัติของเล่มคู่มือของหน่วยงาน (head of office: approves the office's default volume) */
  head: SignatoryOfOffice.optional().describe('หัวหน้าหน่วยงาน: ผู้อนุมัติของเล่มคู่มือของหน่วยงาน (head of office)'),
  /** รองหัวหน้าหน่วยงาน: ผู้ตรวจสอบของเล่มคู่มือของหน่วยงาน (deputy: reviews the office's default volume) */
  deputy: SignatoryOfOffice.optional().describe('รองหัวหน้าหน่วยงาน: ผู้ตรวจสอบของเล่มคู่มือของหน่วยงาน (deputy head of office)'),
});
export type Office = z.output<typeof OfficeSchema>;
export type OfficeInput = z.input<typeof OfficeSchema>;

export const MandateSchema = z.object({
  /** กฎหมายที่ให้อำนาจ เช่น กฎกระทรวงแบ่งส่วนราชการ กรมบัญชีกลาง พ.ศ. ๒๕๖๒ (the law) */
  law: textField().describe('กฎหมายที่ให้อำนาจ (the law)'),
  /** ลำดับข้อในกฎหมาย เช่น 1 สำหรับ (๑) (item number) */
  item: z.number().int().min(1).describe('ลำดับข้อ (item number)'),
  /** ข้อความของข้อนั้น (text of the item) */
  title: textField().describe('ข้อความของข้อ (text of the item)'),
  /** หน่วยงานที่ได้รับมอบภารกิจ (office the mandate is given to) */
  office: refField('offices').optional().describe('หน่วยงาน (office)'),
});
export type Mandate = z.output<typeof MandateSchema>;
export type MandateInput = z.input<typeof MandateSchema>;

export const MissionSchema = z.object({
  /** ชื่อภารกิจ (mission title) */
  title: textField().describe('ชื่อภารกิจ (mission title)'),
  /** ภารกิจตามกฎกระทรวงข้อใด (the legal mandate it serves) */
  mandate: refField('mandates').describe('ภารกิจตามกฎหมาย (legal mandate)'),
  /** หน่วยงานที่รับผิดชอบ (responsible office) */
  office: refField('offices').describe('หน่วยงานที่รับผิดชอบ (office)'),
  /** ลำดับในหมวด ตามเอกสาร (order within the mandate) */
  order: z.number().int().min(1).describe('ลำดับในหมวด (order)'),
  /** เลขลำดับตามที่ต้นฉบับพิมพ์ ถ้าไม่ใช่เลขไทยของ order (number as printed) */
  number: textField().optional().describe('เลขลำดับตามที่พิมพ์ (number as printed)'),
  /** รหัสกระบวนงาน เช่น PM 3 (process code) */
  code: textField().optional().describe('รหัสกระบวนงาน (process code)'),
  /** หมายเหตุ (note) */
  note: textField().optional().describe('หมายเหตุ (note)'),
  /** ผังกระบวนการของภารกิจ (flowcharts of this mission) */
  flowcharts: z.array(refField('flowcharts')).default([]).describe('ผังกระบวนการ (flowcharts)'),
});
export type Mission = z.output<typeof MissionSchema>;
export type MissionInput = z.input<typeof MissionSchema>;
