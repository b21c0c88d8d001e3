/**
 * Word documents made the way offices make them, for the import tests: each is a structure (the
 * spec below) that the `docx` package writes as a .docx — Word's own numbering with Thai numerals
 * and letters, multi-level lists, numbering typed by hand, merged cells, a flowchart table with
 * drawn symbols, a cover with document-control and approval tables, images with captions,
 * footnotes. The same spec is what the import is measured against (expectedOf).
 * `node scripts/import-fixtures.ts DIR` writes them out to open in Word.
 */
import { crc32, deflateSync } from 'node:zlib';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ShapeRun } from 'docx/shapes';

type Format = 'thaiNumbers' | 'thaiLetters' | 'decimal' | 'bullet';
export interface SpecCell {
  text: string;
  colspan?: number;
  rowspan?: number;
  /** a drawn flowchart symbol holding the text (Word's preset geometry) */
  shape?: 'flowChartTerminator' | 'flowChartProcess' | 'flowChartDecision' | 'flowChartDocument';
}
export type SpecBlock =
  | { cover: string; subtitle?: string }
  | { h: 1 | 2 | 3; text: string }
  | { p: string }
  | { list: Format[]; texts: string[]; items: Array<{ level: number; text: string; label?: string }> }
  | { typed: Array<{ level: number; label: string; text: string }> }
  | { table: SpecCell[][]; role?: 'flowchart' | 'data' | 'control' | 'approvals' | 'toc' }
  | { image: string; caption: string; rgb: [number, number, number] }
  | { footnote: string; note: string };

export interface DocxFixture {
  name: string;
  blocks: SpecBlock[];
}

/** A small PNG of one colour (what a scanned logo or a chart would be, for the image path). */
export function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([r, g, b]))]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const OUTLINE = (title: string): SpecBlock[] => [
  { h: 1, text: 'วัตถุประสงค์' },
  { p: `เพื่อให้การปฏิบัติงาน${title}เป็นไปในแนวทางเดียวกัน ถูกต้องตามระเบียบ และตรวจสอบได้` },
  { h: 1, text: 'ขอบเขต' },
  { p: `ครอบคลุมตั้งแต่การรับเรื่อง การตรวจสอบเอกสาร จนถึงการรายงานผลการดำเนินงาน${title}ต่อผู้บังคับบัญชา` },
];

export const DOCX_FIXTURES: DocxFixture[] = [
  {
    name: '01-outline',
    blocks: [
      { cover: 'คู่มือการปฏิบัติงาน', subtitle: 'งานสารบรรณของสำนักงานทดสอบ' },
      { h: 1, text: 'คำนำ' },
      { p: 'คู่มือการปฏิบัติงานฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทางในการปฏิบัติงานสารบรรณของสำนักงานทดสอบให้เป็นมาตรฐานเดียวกัน' },
      { h: 1, text: 'สารบัญ' },
      { p: 'วัตถุประสงค์ ๑' },
      { p: 'ขอบเขต ๑' },
      ...OUTLINE('งานสารบรรณ'),
      { h: 1, text: 'คำจำกัดความ' },
      { p: 'หนังสือราชการ หมายถึง เอกสารที่เป็นหลักฐานในราชการตามระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ' },
      { h: 1, text: 'หน้าที่ความรับผิดชอบ' },
      { h: 2, text: 'เจ้าหน้าที่ธุรการ' },
      { p: 'ลงทะเบียนรับหนังสือราชการและเสนอผู้บังคับบัญชาภายในหนึ่งวันทำการนับจากวันที่ได้รับ' },
      { h: 2, text: 'หัวหน้ากลุ่มงาน' },
      { p: 'ตรวจสอบความถูกต้องของหนังสือราชการก่อนเสนอผู้อำนวยการพิจารณาลงนาม' },
      { h: 3, text: 'กรณีเรื่องด่วนที่สุด' },
      { p: 'ให้เสนอผู้อำนวยการโดยตรงภายในวันเดียวกันพร้อมบันทึกการรับเรื่องไว้เป็นหลักฐาน' },
      { h: 1, text: 'มาตรฐานคุณภาพงาน' },
      { p: 'หนังสือราชการทุกฉบับได้รับการลงทะเบียนภายในหนึ่งวันทำการและค้นหาได้จากระบบสารบรรณอิเล็กทรอนิกส์' },
      { h: 1, text: 'ระบบติดตามประเมินผล' },
      { p: 'หัวหน้ากลุ่มงานตรวจสอบทะเบียนหนังสือรับทุกสัปดาห์และรายงานผลต่อผู้อำนวยการทุกไตรมาส' },
      { h: 1, text: 'เอกสารอ้างอิง' },
      { p: 'ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. ๒๕๒๖ และที่แก้ไขเพิ่มเติม' },
      { h: 1, text: 'แบบฟอร์มที่ใช้' },
      { p: 'แบบทะเบียนหนังสือรับและแบบบันทึกข้อความสำหรับเสนอผู้บังคับบัญชาพิจารณา' },
    ],
  },
  {
    name: '02-thai-numbering',
    blocks: [
      { cover: 'คู่มือการปฏิบัติงาน', subtitle: 'งานการเงินและบัญชี' },
      { h: 1, text: 'ขั้นตอนการปฏิบัติงาน' },
      {
        list: ['thaiNumbers', 'thaiNumbers', 'thaiNumbers'],
        texts: ['%1.', '%1.%2', '%1.%2.%3'],
        items: [
          { level: 0, label: '๑.', text: 'การรับเอกสารขอเบิกจ่ายเงินจากหน่วยงานในสังกัด' },
          { level: 1, label: '๑.๑', text: 'ตรวจสอบความครบถ้วนของเอกสารประกอบการเบิกจ่าย' },
          { level: 1, label: '๑.๒', text: 'ลงทะเบียนคุมเอกสารในระบบบริหารการเงินการคลังภาครัฐ' },
          { level: 2, label: '๑.๒.๑', text: 'บันทึกเลขที่เอกสารและวันที่รับเอกสารในทะเบียนคุม' },
          { level: 2, label: '๑.๒.๒', text: 'ส่งเอกสารให้ผู้ตรวจสอบฎีกาภายในวันเดียวกัน' },
          { level: 0, label: '๒.', text: 'การตรวจสอบฎีกาและการอนุมัติการเบิกจ่ายเงิน' },
          { level: 1, label: '๒.๑', text: 'ตรวจสอบความถูกต้องตามระเบียบการเบิกจ่ายเงินจากคลัง' },
          { level: 1, label: '๒.๒', text: 'เสนอผู้มีอำนาจอนุมัติการเบิกจ่ายภายในสามวันทำการ' },
          { level: 0, label: '๓.', text: 'การจ่ายเงินและการบันทึกบัญชีตามเกณฑ์คงค้าง' },
        ],
      },
    ],
  },
  {
    name: '03-thai-letters',
    blocks: [
      { cover: 'คู่มือการปฏิบัติงาน', subtitle: 'งานพัสดุ' },
      { h: 1, text: 'หน้าที่ความรับผิดชอบ' },
      {
        list: ['thaiNumbers', 'thaiLetters'],
        texts: ['%1.', '(%2)'],
        items: [
          { level: 0, label: '๑.', text: 'เจ้าหน้าที่พัสดุมีหน้าที่ดังต่อไปนี้' },
          { level: 1, label: '(ก)', text: 'จัดทำแผนการจัดซื้อจัดจ้างประจำปีงบประมาณ' },
          { level: 1, label: '(ข)', text: 'จัดทำรายงานขอซื้อขอจ้างเสนอหัวหน้าหน่วยงาน' },
          { level: 1, label: '(ค)', text: 'ตรวจรับพัสดุร่วมกับคณะกรรมการตรวจรับพัสดุ' },
          { level: 0, label: '๒.', text: 'หัวหน้าเจ้าหน้าที่มีหน้าที่ดังต่อไปนี้' },
          { level: 1, label: '(ก)', text: 'ตรวจสอบรายงานขอซื้อขอจ้างก่อนเสนอผู้มีอำนาจ' },
          { level: 1, label: '(ข)', text: 'ควบคุมการเบิกจ่ายพัสดุให้เป็นไปตามระเบียบ' },
        ],
      },
      { h: 1, text: 'เอกสารอ้างอิง' },
      {
        list: ['decimal'],
        texts: ['%1.'],
        items: [
          { level: 0, label: '1.', text: 'พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐' },
          { level: 0, label: '2.', text: 'ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐' },
        ],
      },
    ],
  },
  {
    name: '04-typed-numbering',
    blocks: [
      { cover: 'คู่มือการปฏิบัติงาน', subtitle: 'งานประชาสัมพันธ์' },
      { h: 1, text: 'ขั้นตอนการปฏิบัติงาน' },
      {
        typed: [
          { level: 0, label: '๑.', text: 'รวบรวมข้อมูลข่าวสารจากกลุ่มงานต่าง ๆ ภายในสำนักงาน' },
          { level: 1, label: '๑.๑', text: 'ประสานกลุ่มงานเพื่อขอข้อมูลผลการดำเนินงานประจำเดือน' },
          { level: 1, label: '๑.๒', text: 'คัดเลือกข้อมูลที่เป็นประโยชน์ต่อประชาชนและผู้รับบริการ' },
          { level: 2, label: '๑.๒.๑', text: 'ตรวจสอบความถูกต้องของข้อมูลกับเจ้าของเรื่องก่อนเผยแพร่' },
          { level: 0, label: '๒.', text: 'จัดทำข่าวประชาสัมพันธ์และเสนอผู้บังคับบัญชาพิจารณา' },
          { level: 1, label: '๒.๑', text: 'เผยแพร่ข่าวทางเว็บไซต์ของสำนักงานและสื่อสังคมออนไลน์' },
        ],
      },
    ],
  },
  {
    name: '05-merged-cells',
    blocks: [
      { cover: 'คู่มือการปฏิบัติงาน', subtitle: 'งานบริหารงานบุคคล' },
      { h: 1, text: 'อัตรากำลัง' },
      { p: 'ตารางที่ ๑ อัตรากำลังของสำนักงานจำแนกตามประเภทบุคลากร' },
      {
        table: [
          [
            { text: 'กลุ่มงาน', rowspan: 2 },
            { text: 'ข้าราชการ', colspan: 2 },
            { text: 'พนักงานราชการ', rowspan: 2 },
          ],
          [{ text: 'กรอบ' }, { text: 'คนครอง' }],
          [{ text: 'กลุ่มงานบริหารทั่วไปและงานสารบรรณ', rowspan: 2 }, { text: '๑๒' }, { text: '๑๐' }, { text: '๔' }],
          [{ text: '๓' }, { text: '๓' }, { text: '๑' }],
          [{ text: 'กลุ่มงานนโยบายและแผนยุทธศาสตร์' }, { text: '๘', colspan: 2 }, { text: '๒' }],
        ],
      },
    ],
  },
  {
    name: '06-flowchart',
    blocks: [
      { cover: 'คู่มือการปฏิบัติงาน', subtitle: 'งานรับหนังสือราชการ' },
      { h: 1, text: 'ผังกระบวนการ' },
      { p: 'ชื่องาน การรับหนังสือราชการจากภายนอก' },
      { p: 'ตัวชี้วัดที่สำคัญของกระบวนงาน ลงทะเบียนรับหนังสือภายในหนึ่งวันทำการ' },
      {
        role: 'flowchart',
        table: [
          [{ text: 'ลำดับ' }, { text: 'ผังกระบวนการ' }, { text: 'รายละเอียดงาน' }, { text: 'ระยะเวลา' }, { text: 'มาตรฐานคุณภาพงาน' }, { text: 'ผู้รับผิดชอบ' }],
          [
            { text: '๑' },
            { text: 'รับหนังสือ', shape: 'flowChartTerminator' },
            { text: 'รับหนังสือราชการจากไปรษณีย์และระบบสารบรรณอิเล็กทรอนิกส์' },
            { text: 'ตลอดเวลา' },
            { text: 'รับครบทุกฉบับ' },
            { text: 'เจ้าหน้าที่ธุรการ' },
          ],
          [
            { text: '๒' },
            { text: 'ลงทะเบียนรับ', shape: 'flowChartDocument' },
            { text: 'ลงทะเบียนรับในทะเบียนหนังสือรับพร้อมประทับตรารับ' },
            { text: '๑๕ นาที' },
            { text: 'ลงทะเบียนถูกต้อง' },
            { text: 'เจ้าหน้าที่ธุรการ' },
          ],
          [
            { text: '๓' },
            { text: 'เอกสารครบถ้วน?', shape: 'flowChartDecision' },
            { text: 'ตรวจสอบความครบถ้วนของเอกสารแนบก่อนเสนอผู้บังคับบัญชา' },
            { text: '๓๐ นาที' },
            { text: 'ตรวจครบทุกรายการ' },
            { text: 'หัวหน้ากลุ่มงาน' },
          ],
          [
            { text: '๔' },
            { text: 'เสนอผู้อำนวยการ', shape: 'flowChartProcess' },
            { text: 'เสนอผู้อำนวยการพิจารณาสั่งการภายในวันเดียวกัน' },
            { text: '๑ วัน' },
            { text: 'เสนอทันเวลา' },
            { text: 'หัวหน้ากลุ่มงาน' },
          ],
          [
            { text: '๕' },
            { text: 'จัดเก็บเข้าแฟ้ม', shape: 'flowChartTerminator' },
            { text: 'จัดเก็บหนังสือเข้าแฟ้มตามหมวดหมู่ที่กำหนด' },
            { text: '๑๕ นาที' },
            { text: 'ค้นหาได้ภายในห้านาที' },
            { text: 'เจ้าหน้าที่ธุรการ' },
          ],
        ],
      },
    ],
  },
  {
    name: '07-cover-approvals',
    blocks: [
      { cover: 'คู่มือการปฏิบัติงาน', subtitle: 'งานตรวจสอบภายใน' },
      {
        role: 'control',
        table: [
          [{ text: 'รหัสเอกสาร' }, { text: 'IA-001' }],
          [{ text: 'แก้ไขครั้งที่' }, { text: '๒' }],
          [{ text: 'วันที่บังคับใช้' }, { text: '๑ ต.ค. ๖๔' }],
        ],
      },
      {
        role: 'approvals',
        table: [
          [{ text: 'ผู้จัดทำ' }, { text: 'ผู้ตรวจสอบ' }, { text: 'ผู้อนุมัติ' }],
          [{ text: 'นางสาวสมใจ ตั้งใจดี' }, { text: 'นายสมชาย รักงาน' }, { text: 'นายประเสริฐ มั่นคง' }],
          [{ text: 'นักวิชาการตรวจสอบภายใน' }, { text: 'หัวหน้ากลุ่มตรวจสอบภายใน' }, { text: 'ผู้อำนวยการสำนักงาน' }],
        ],
      },
      ...OUTLINE('งานตรวจสอบภายใน'),
    ],
  },
  {
    name: '08-images',
    blocks: [
      { cover: 'คู่มือการปฏิบัติงาน', subtitle: 'งานอาคารสถานที่' },
      { h: 1, text: 'แผนผังอาคาร' },
      { p: 'สำนักงานตั้งอยู่บนอาคารสามชั้น แต่ละชั้นมีทางหนีไฟสองทางตามแผนผังด้านล่าง' },
      { image: 'แผนผังชั้นหนึ่ง', caption: 'ภาพที่ ๑ แผนผังชั้นหนึ่งและทางหนีไฟ', rgb: [31, 78, 140] },
      { image: 'แผนผังชั้นสอง', caption: 'ภาพที่ ๒ แผนผังชั้นสองและจุดรวมพล', rgb: [180, 35, 24] },
    ],
  },
  {
    name: '09-totals',
    blocks: [
      { cover: 'คู่มือการปฏิบัติงาน', subtitle: 'งานงบประมาณ' },
      { h: 1, text: 'งบประมาณที่ได้รับจัดสรร' },
      { p: 'ตารางที่ ๑ งบประมาณที่ได้รับจัดสรรจำแนกตามไตรมาส' },
      {
        role: 'data',
        table: [
          [{ text: 'ไตรมาส' }, { text: 'งบดำเนินงาน' }, { text: 'งบลงทุน' }],
          [{ text: 'ไตรมาสที่ ๑' }, { text: '๑๒๐,๐๐๐' }, { text: '๕๐,๐๐๐' }],
          [{ text: 'ไตรมาสที่ ๒' }, { text: '๙๘,๕๐๐' }, { text: '๐' }],
          [{ text: 'ไตรมาสที่ ๓' }, { text: '๑๑๐,๒๕๐' }, { text: '๒๕,๐๐๐' }],
          [{ text: 'รวม' }, { text: '๓๒๘,๗๕๐' }, { text: '๗๕,๐๐๐' }],
        ],
      },
    ],
  },
  {
    name: '10-footnotes-bullets',
    blocks: [
      { cover: 'คู่มือการปฏิบัติงาน', subtitle: 'งานรักษาความปลอดภัยสารสนเทศ' },
      { h: 1, text: 'แนวปฏิบัติ' },
      { footnote: 'ผู้ใช้งานต้องเปลี่ยนรหัสผ่านทุกเก้าสิบวันตามนโยบายความมั่นคงปลอดภัย', note: 'ประกาศสำนักงานเรื่องนโยบายการรักษาความมั่นคงปลอดภัยด้านสารสนเทศ' },
      {
        list: ['bullet', 'bullet'],
        texts: ['•', '◦'],
        items: [
          { level: 0, text: 'ห้ามเปิดเผยรหัสผ่านของตนให้ผู้อื่นทราบไม่ว่ากรณีใด' },
          { level: 1, text: 'รวมถึงผู้บังคับบัญชาและเจ้าหน้าที่ดูแลระบบสารสนเทศ' },
          { level: 0, text: 'ล็อกหน้าจอคอมพิวเตอร์ทุกครั้งที่ลุกจากที่นั่งทำงาน' },
        ],
      },
    ],
  },
  {
    name: '11-flowchart-wording',
    blocks: [
      { cover: 'คู่มือการปฏิบัติงาน', subtitle: 'งานยานพาหนะ' },
      { h: 1, text: 'ขั้นตอนการปฏิบัติงาน' },
      { p: 'ชื่องาน การขอใช้รถราชการ' },
      {
        role: 'flowchart',
        table: [
          [{ text: 'ที่' }, { text: 'ผังขั้นตอนการดำเนินงาน' }, { text: 'รายละเอียดงาน' }, { text: 'เวลาดำเนินการ' }, { text: 'ผู้รับผิดชอบ' }],
          [{ text: '๑' }, { text: 'เริ่มต้น ยื่นแบบขอใช้รถ' }, { text: 'ผู้ขอใช้รถยื่นแบบขอใช้รถล่วงหน้าอย่างน้อยหนึ่งวันทำการ' }, { text: '๕ นาที' }, { text: 'ผู้ขอใช้รถ' }],
          [
            { text: '๒' },
            { text: 'พิจารณาอนุมัติหรือไม่' },
            { text: 'หัวหน้างานยานพาหนะพิจารณาตามลำดับความจำเป็นของภารกิจ' },
            { text: '๓๐ นาที' },
            { text: 'หัวหน้างานยานพาหนะ' },
          ],
          [{ text: '๓' }, { text: 'จัดรถและพนักงานขับรถ' }, { text: 'จัดรถและพนักงานขับรถตามวันและเวลาที่ได้รับอนุมัติ' }, { text: '๑๐ นาที' }, { text: 'เจ้าหน้าที่ยานพาหนะ' }],
          [{ text: '๔' }, { text: 'สิ้นสุด บันทึกการใช้รถ' }, { text: 'บันทึกเลขไมล์และการใช้น้ำมันเชื้อเพลิงในสมุดประจำรถ' }, { text: '๕ นาที' }, { text: 'พนักงานขับรถ' }],
        ],
      },
    ],
  },
];

const FONT = { ascii: 'TH Sarabun New', cs: 'TH Sarabun New', hAnsi: 'TH Sarabun New' };

/** The fixture as a .docx, as Word would save it. */
export async function makeDocx(fixture: DocxFixture): Promise<Buffer> {
  const numbering: Array<{ reference: string; levels: Array<{ level: number; format: string; text: string; alignment: string; start?: number }> }> = [];
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  const children: Array<Paragraph | Table> = [];
  const run = (text: string, bold = false) => new TextRun({ text, font: FONT, size: 32, bold });
  const cell = (c: SpecCell) =>
    new TableCell({
      columnSpan: c.colspan,
      rowSpan: c.rowspan,
      children: [
        new Paragraph({
          children: c.shape
            ? [new ShapeRun({ type: c.shape, text: c.text, transformation: { width: 120, height: c.shape === 'flowChartDecision' ? 70 : 40 } } as never)]
            : [run(c.text)],
        }),
      ],
    });
  for (const b of fixture.blocks) {
    if ('cover' in b) {
      children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [run(b.cover, true)] }));
      if (b.subtitle) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(b.subtitle, true)] }));
    } else if ('h' in b) {
      children.push(
        new Paragraph({ heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][b.h - 1], children: [run(b.text, true)] }),
      );
    } else if ('p' in b) children.push(new Paragraph({ children: [run(b.p)] }));
    else if ('list' in b) {
      const reference = `list-${numbering.length + 1}`;
      const formats: Record<Format, string> = {
        thaiNumbers: LevelFormat.THAI_NUMBERS,
        thaiLetters: LevelFormat.THAI_LETTERS,
        decimal: LevelFormat.DECIMAL,
        bullet: LevelFormat.BULLET,
      };
      numbering.push({
        reference,
        levels: b.list.map((f, level) => ({ level, format: formats[f], text: b.texts[level]!, alignment: AlignmentType.START, start: 1 })),
      });
      for (const item of b.items) children.push(new Paragraph({ numbering: { reference, level: item.level }, children: [run(item.text)] }));
    } else if ('typed' in b) {
      for (const t of b.typed) children.push(new Paragraph({ indent: { left: 360 * (t.level + 1) }, children: [run(`${t.label} ${t.text}`)] }));
    } else if ('table' in b) {
      children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: b.table.map((r) => new TableRow({ children: r.map(cell) })) }));
    } else if ('image' in b) {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: png(64, 40, b.rgb),
              transformation: { width: 320, height: 200 },
              altText: { name: b.image, title: b.image, description: b.image },
            }),
          ],
        }),
      );
      children.push(new Paragraph({ style: 'Caption', children: [run(b.caption)] }));
    } else if ('footnote' in b) {
      const id = Object.keys(footnotes).length + 1;
      footnotes[id] = { children: [new Paragraph({ children: [run(b.note)] })] };
      children.push(new Paragraph({ children: [run(b.footnote), new FootnoteReferenceRun(id)] }));
    }
  }
  const doc = new Document({
    creator: 'khumue tests',
    title: fixture.name,
    numbering: { config: numbering as never },
    footnotes,
    styles: { paragraphStyles: [{ id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { italics: true } }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

export interface Expected {
  headings: Array<{ level: number; text: string }>;
  items: Array<{ level: number; label?: string; text: string }>;
  cells: Array<{ text: string; colspan: number; rowspan: number }>;
  /** flowchart steps: label and shape, for tables with drawn symbols */
  steps: Array<{ label: string; shape?: string }>;
  texts: string[];
}

const SHAPES: Record<string, string> = {
  flowChartTerminator: 'terminator',
  flowChartProcess: 'process',
  flowChartDecision: 'decision',
  flowChartDocument: 'document',
};

/** What the import must give back: the generator's own structure. */
export function expectedOf(fixture: DocxFixture): Expected {
  const e: Expected = { headings: [], items: [], cells: [], steps: [], texts: [] };
  let contents = false;
  for (const b of fixture.blocks) {
    if ('h' in b) contents = b.text === 'สารบัญ';
    // the old contents list is not imported: the build makes its own
    if (contents && 'p' in b) continue;
    if ('cover' in b) e.texts.push(b.cover, ...(b.subtitle ? [b.subtitle] : []));
    else if ('h' in b) {
      // คำนำ becomes the preface and สารบัญ is made again: neither is a heading of the body
      if (b.text !== 'คำนำ' && b.text !== 'สารบัญ') e.headings.push({ level: b.h, text: b.text });
      if (b.text !== 'สารบัญ') e.texts.push(b.text);
    } else if ('p' in b) e.texts.push(b.p);
    else if ('list' in b)
      for (const i of b.items) {
        e.items.push(i);
        e.texts.push(i.text);
      }
    else if ('typed' in b)
      for (const t of b.typed) {
        e.items.push({ level: t.level, label: t.label, text: t.text });
        e.texts.push(t.text);
      }
    else if ('table' in b) {
      // a document-control or approval table's labels become the site's own (รหัสเอกสาร, ผู้จัดทำ …): its values are the text
      for (const r of b.table)
        for (const [k, c] of r.entries()) if (!(b.role === 'control' && k === 0) && !(b.role === 'approvals' && r === b.table[0])) e.texts.push(c.text);
      if (!b.role) for (const r of b.table) for (const c of r) e.cells.push({ text: c.text, colspan: c.colspan ?? 1, rowspan: c.rowspan ?? 1 });
      if (b.role === 'flowchart') for (const r of b.table.slice(1)) e.steps.push({ label: r[1]!.text, shape: r[1]!.shape ? SHAPES[r[1]!.shape] : undefined });
    } else if ('image' in b) e.texts.push(b.caption);
    else if ('footnote' in b) e.texts.push(b.footnote, b.note);
  }
  return e;
}
