/** Data tables carried in frontmatter: typed columns, rows, and declared totals that are checked. */
import { z } from 'zod';
import { idField, textField } from './fields.ts';

export const TableColumnSchema = z.object({
  /** คีย์ของคอลัมน์ในแต่ละแถว (key of the column in each row) */
  key: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/)
    .describe('คีย์ของคอลัมน์ในแต่ละแถว (column key)'),
  /** หัวคอลัมน์ (column header) */
  label: z.string().trim().describe('หัวคอลัมน์ ว่างได้ถ้าต้นฉบับไม่มี (column header; may be empty as in the source)'),
  /** ชนิดข้อมูล: text, number, amount (เงิน), date (data type) */
  type: z.enum(['text', 'number', 'amount', 'date']).default('text').describe('ชนิดข้อมูล (data type)'),
  /** คอลัมน์นี้เป็นผลรวมของคอลัมน์อื่นในแถวเดียวกัน ซึ่งจะถูกตรวจ (this column is the row sum of these columns, checked) */
  sumOf: z.array(z.string()).optional().describe('ผลรวมของคอลัมน์ในแถว (row sum of these columns)'),
  /** หัวคอลัมน์ระดับบน สำหรับหัวตารางสองชั้น (a group header above this column) */
  group: textField().optional().describe('หัวคอลัมน์ระดับบน (group header)'),
});

const cell = z.union([z.string(), z.number(), z.null()]);

export const DataTableSchema = z.object({
  /** รหัสตาราง ใช้ฝังในเนื้อหาด้วย `<DataTable id="…" />` (table id) */
  id: idField(),
  /** ชื่อตาราง (caption) */
  caption: textField().optional().describe('ชื่อตาราง (caption)'),
  /** ตัวเลขไทยหรืออารบิก; ค่าเริ่มต้นตามการตั้งค่าเว็บไซต์ (numerals for this table) */
  numerals: z.enum(['thai', 'arabic']).optional().describe('ตัวเลขไทยหรืออารบิก (numerals)'),
  /** คอลัมน์ (columns) */
  columns: z.array(TableColumnSchema).min(1).describe('คอลัมน์ (columns)'),
  /**
   * แถวข้อมูล: แต่ละแถวเป็น คีย์: ค่า; `_level: 1` คือแถวย่อยของแถวก่อนหน้า ซึ่งต้องรวมได้เท่าแถวนั้น
   * และไม่นับในยอดรวม; `-` คือไม่มีค่า (rows keyed by column key; `_level: 1` marks detail rows of the
   * row above, which must add up to it and are not counted in the totals; `-` means none)
   */
  rows: z.array(z.record(z.string(), cell)).describe('แถวข้อมูล (rows)'),
  /** ยอดรวมที่ประกาศไว้ต่อคอลัมน์ ซึ่งจะถูกตรวจกับผลรวมจริง (declared totals, checked) */
  totals: z
    .record(z.string(), z.union([z.number(), z.string()]))
    .optional()
    .describe('ยอดรวมที่ประกาศ (declared totals)'),
  /** ป้ายแถวรวม (label of the totals row) */
  totalLabel: textField().default('รวม').describe('ป้ายแถวรวม (totals row label)'),
  /** หมายเหตุใต้ตาราง (notes under the table) */
  notes: z.array(textField()).optional().describe('หมายเหตุใต้ตาราง (notes)'),
});

export type DataTable = z.output<typeof DataTableSchema>;
export type DataTableInput = z.input<typeof DataTableSchema>;
