/**
 * Templates of `npm run new -- <type> <id>`: a valid entry of each type with Thai placeholder text
 * (in «…», to be replaced) and comments that explain each field. References point at entries that
 * exist in the content folder (the first office, mandate, manual), to be changed by the author.
 */
import { dateInBangkok, fiscalYearOf, formatThaiDate } from '../domain/thai/index.ts';

/** The three signatories of an approval page, in the order a document is signed (manuals and handbooks). */
const SIGNATORIES = `  - role: ผู้จัดทำ
    name: «ชื่อ-นามสกุล»
    position: «ตำแหน่ง»
  - role: ผู้ตรวจสอบ
    name: «ชื่อ-นามสกุลผู้ตรวจสอบ»
    position: «ตำแหน่ง»
  - role: ผู้อนุมัติ
    name: «ชื่อ-นามสกุลผู้อนุมัติ»
    position: «ตำแหน่ง»`;

export const TYPES = ['manual', 'flowchart', 'plan', 'kpi', 'mission', 'office', 'handbook'] as const;
export type EntryType = (typeof TYPES)[number];

export const FOLDER: Record<EntryType, string> = {
  manual: 'manuals',
  flowchart: 'flowcharts',
  plan: 'plans',
  kpi: 'kpis',
  mission: 'missions',
  office: 'offices',
  handbook: 'handbooks',
};
export const EXTENSION: Record<EntryType, string> = {
  manual: 'mdx',
  flowchart: 'mdx',
  plan: 'mdx',
  kpi: 'mdx',
  mission: 'yaml',
  office: 'yaml',
  handbook: 'yaml',
};
/** The page where an entry shows in the site (`npm run dev`). */
export const PAGE: Record<EntryType, (id: string, office: string) => string> = {
  manual: (id) => `/manuals/${id}/`,
  flowchart: (id) => `/flowcharts/${id}/`,
  plan: (id) => `/plans/${id}/`,
  kpi: (id) => `/kpis/${id}/`,
  mission: (id) => `/missions/${id}/`,
  office: (id) => `/offices/${id}/`,
  handbook: (_id, office) => `/offices/${office}/`,
};

export interface Context {
  office: string;
  mandate: string;
  manual?: string;
  /** ISO date of today, for the fiscal year */
  today: string;
  /** the next free order number for a mission */
  order?: number;
  /** the title given with --title (else a «…» placeholder the validator points out) */
  title?: string;
}

export function template(type: EntryType, id: string, ctx: Context): string {
  const fy = fiscalYearOf(ctx.today).year;
  switch (type) {
    case 'manual':
      return `---
# คู่มือการปฏิบัติงาน: แทนข้อความใน «…» ด้วยของจริง ช่องที่ขึ้นต้นด้วย # เป็นคำอธิบาย ลบได้
title: ${ctx.title ?? 'คู่มือการปฏิบัติงาน «ชื่องาน»'}
office: ${ctx.office}            # รหัสหน่วยงานเจ้าของคู่มือ (ดูรายการใน content/offices/)
missions: []                  # ภารกิจที่เกี่ยวข้อง เช่น [region6-1-1] (content/missions/)
owner: «กลุ่มงานที่รับผิดชอบ»
revision: 0                   # ครั้งที่ปรับปรุง
fiscalYear: ${fy}              # ปีงบประมาณ พ.ศ.
# effective: ๑ ต.ค. ${String(fy - 1).slice(2)}        # วันที่มีผลบังคับใช้ (เอาเครื่องหมาย # ออกเมื่อทราบ)
approvals:                    # ผู้จัดทำ ผู้ตรวจสอบ ผู้อนุมัติ พิมพ์เป็นช่องลงนามในหน้าอนุมัติ
${SIGNATORIES}
revisions:                    # ประวัติการแก้ไข เรียงจากเก่าไปใหม่ ครั้งล่าสุดต้องตรงกับ revision
  - number: 0
    date: ${formatThaiDate(dateInBangkok(), 'short')}             # วันที่จัดทำ
    changes: จัดทำฉบับแรก
print:
  preface: |-
    «คำนำ: คู่มือนี้จัดทำขึ้นเพื่อ…»
---

## วัตถุประสงค์

๑. «เพื่อให้การปฏิบัติงาน…เป็นไปอย่างถูกต้องและเป็นมาตรฐานเดียวกัน»

## ขอบเขต

«คู่มือนี้ครอบคลุมตั้งแต่…จนถึง…»

## คำจำกัดความ

- **«คำ»** หมายถึง «ความหมาย»

## หน้าที่ความรับผิดชอบ

- **«ตำแหน่ง»** «รับผิดชอบ…»

## ผังกระบวนการปฏิบัติงาน

«ใส่ผังกระบวนการด้วยบรรทัด \`<FlowTable id="รหัสผังกระบวนการ" />\` (สร้างผังด้วย \`npm run new -- flowchart รหัส\`)»

## ขั้นตอนการปฏิบัติงาน

๑. «ขั้นตอนแรก…»

## มาตรฐานงาน

«ระยะเวลา ความถูกต้อง หรือตัวชี้วัดของงาน»

## ระบบติดตามประเมินผล

«ผู้ติดตาม วิธีการ และความถี่ในการติดตามผลการปฏิบัติงานตามคู่มือ»

## เอกสารอ้างอิง

- «ระเบียบ กฎหมาย หรือหนังสือสั่งการที่เกี่ยวข้อง»

## แบบฟอร์มที่ใช้

- «ชื่อแบบฟอร์ม»
`;
    case 'flowchart':
      return `---
# ผังกระบวนการ: แต่ละขั้นตอนมีรหัส (id) รูปทรง (shape) ข้อความ (label) และขั้นตอนถัดไป (next)
# รูปทรง: terminator (เริ่ม/สิ้นสุด) process (กิจกรรม) decision (ตัดสินใจ มี yes/no) document (เอกสาร)
title: ${ctx.title ?? '«ชื่องาน»'}
office: ${ctx.office}
kpi: «ตัวชี้วัดที่สำคัญของกระบวนการ»
steps:
  - id: start
    shape: terminator
    label: «จุดเริ่มต้น เช่น รับเรื่อง»
    time: «เวลาที่ใช้ เช่น ๑๐ นาที»
    owner: «ผู้รับผิดชอบ»
  - id: check
    shape: decision
    label: «เอกสารครบถ้วนหรือไม่»
    yes: approve
    no: { to: fix, label: ไม่ครบ }
  - id: fix
    shape: process
    label: «แจ้งให้แก้ไข»
    next: check
  - id: approve
    shape: process
    label: «เสนอผู้มีอำนาจพิจารณา»
    standard: «มาตรฐานคุณภาพงาน»
  - id: end
    shape: terminator
    label: «จัดเก็บเรื่อง»
---

«คำอธิบายเพิ่มเติม (ถ้ามี)»
`;
    case 'plan':
      return `---
# แผนปฏิบัติงานประจำปีงบประมาณ: เดือนเขียนแบบย่อ ต.ค. … ก.ย. เป็นช่วง (ต.ค.-ธ.ค.) หรือหลายช่วง
title: แผนปฏิบัติงาน «หน่วยงาน» ประจำปีงบประมาณ พ.ศ. ${fy}
office: ${ctx.office}
fiscalYear: ${fy}
workplan:
  groups:
    - title: «กลุ่มงาน»
      items:
        - title: «งานประจำ»
          items:
            - title: «รายงานประจำเดือน»
              when: ต.ค.-ก.ย.
            - title: «ประชุมรายไตรมาส»
              when: [ต.ค., ม.ค., เม.ย., ก.ค.]
        - title: «สรุปผลการดำเนินงานประจำปี»
          when: ก.ย.
          deadline: «ภายใน ๓๐ ก.ย.»
---

«คำอธิบายแผน (ถ้ามี)»
`;
    case 'kpi':
      return `---
# ตัวชี้วัด: เกณฑ์การให้คะแนน ๕ ระดับ (thresholds: ค่าที่ได้คะแนน ๑ ถึง ๕) น้ำหนัก และผลรายไตรมาส
code: «รหัสตัวชี้วัด»
name: «ชื่อตัวชี้วัด»
office: ${ctx.office}
fiscalYear: ${fy}
unit: «หน่วยนับ»
weight: 10                    # น้ำหนัก (ร้อยละ)
thresholds: [20, 40, 60, 80, 100]   # ค่าที่ได้ระดับคะแนน ๑ ๒ ๓ ๔ ๕
target: 100
quarters: []                  # ผลรายไตรมาส เช่น - { quarter: 1, value: 30 } ระบบคำนวณคะแนนให้
---

«คำอธิบายตัวชี้วัด วิธีเก็บข้อมูล และแหล่งข้อมูล»
`;
    case 'mission':
      return `# ภารกิจ: อยู่ภายใต้ภารกิจตามกฎหมาย (mandate) ของหน่วยงาน
title: «ชื่อภารกิจ»
mandate: ${ctx.mandate}          # ภารกิจตามกฎหมาย (content/mandates/)
office: ${ctx.office}
order: ${ctx.order ?? 1}                       # ลำดับในภารกิจตามกฎหมาย
flowcharts: []                 # ผังกระบวนการของภารกิจ เช่น [${id}-flow]
`;
    case 'office':
      return `# หน่วยงาน
name: «ชื่อหน่วยงานเต็ม»
shortName: «ชื่อย่อ»
# parent: ${ctx.office}          # หน่วยงานต้นสังกัด (เอาเครื่องหมาย # ออกถ้ามี)
head:                          # หัวหน้าหน่วยงาน: ผู้อนุมัติเล่มคู่มือของหน่วยงาน
  name: «ชื่อ-นามสกุล»
  position: «ตำแหน่ง»
deputy:                        # รองหัวหน้าหน่วยงาน: ผู้ตรวจสอบเล่มคู่มือของหน่วยงาน
  name: «ชื่อ-นามสกุล»
  position: «ตำแหน่ง»
`;
    case 'handbook':
      return `# เล่มคู่มือสำหรับพิมพ์: เอกสารที่รวมในเล่มตามลำดับ (manual, plan, kpi, flowchart)
title: «ชื่อเล่ม»
office: ${ctx.office}
fiscalYear: ${fy}
preface: |-
  «คำนำของเล่ม»
contents:
  - manual: ${ctx.manual ?? '«รหัสคู่มือ»'}
appendix: []                   # ภาคผนวก รูปแบบเดียวกับ contents
approvals:                     # ผู้ลงนามของเล่ม: ผู้จัดทำ ผู้ตรวจสอบ ผู้อนุมัติ
${SIGNATORIES}
`;
  }
}

/**
 * The office a new entry belongs to: the one named (`--office`), which must exist; else the only
 * office there is; else an error that lists them — never a silent pick among several.
 */
export function chooseOffice(offices: readonly string[], named: string | undefined): { office: string } | { error: string } {
  const list = [...offices].sort();
  if (named !== undefined) {
    if (list.includes(named)) return { office: named };
    return { error: `ไม่มีหน่วยงาน \`${named}\` ใน content/offices/ มี: ${list.join(', ') || '(ไม่มี)'} (no such office; the offices are listed)` };
  }
  if (list.length === 1) return { office: list[0]! };
  if (!list.length) return { error: 'ต้องมีหน่วยงานใน content/offices/ ก่อน: เริ่มด้วย npm run new -- office รหัส (create an office first)' };
  return {
    error: `ระบุหน่วยงานเจ้าของด้วย --office รหัส เช่น --office ${list[0]} มี: ${list.join(', ')} (name the owning office with --office; the offices are listed)`,
  };
}
