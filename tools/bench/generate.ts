/**
 * A realistic benchmark corpus made from the seeds: N manuals across offices (about 20 each, in
 * departments) and missions, each manual with its own flowchart (a seed process, retitled), a KPI
 * and an annual work plan, with its body assembled from a varied choice of the seeds' sections —
 * not N copies of one file. Everything it writes is valid new content (no `source:`), so totals,
 * scores and dates are made consistent rather than copied.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { toThaiDigits } from '../../src/domain/thai/index.ts';

const SUBJECTS = [
  'งานสารบรรณ',
  'งานการเงินและบัญชี',
  'งานพัสดุ',
  'งานบริหารบุคคล',
  'งานแผนงานและงบประมาณ',
  'งานประชาสัมพันธ์',
  'งานเทคโนโลยีสารสนเทศ',
  'งานตรวจสอบภายใน',
  'งานนิติการ',
  'งานอาคารสถานที่',
  'งานยานพาหนะ',
  'งานประชุม',
  'งานรับเรื่องร้องเรียน',
  'งานฝึกอบรม',
  'งานสวัสดิการ',
  'งานเบิกจ่ายเงินสวัสดิการ',
  'งานควบคุมภายใน',
  'งานบริหารความเสี่ยง',
  'งานติดตามประเมินผล',
  'งานจัดเก็บเอกสาร',
  'งานบำเหน็จบำนาญ',
  'งานเงินเดือน',
  'งานจัดซื้อจัดจ้าง',
  'งานทะเบียนทรัพย์สิน',
  'งานให้บริการประชาชน',
];
const PROVINCES = [
  'เชียงใหม่',
  'ลำปาง',
  'ขอนแก่น',
  'อุบลราชธานี',
  'นครราชสีมา',
  'สงขลา',
  'ภูเก็ต',
  'ชลบุรี',
  'ระยอง',
  'พิษณุโลก',
  'นครสวรรค์',
  'สุราษฎร์ธานี',
  'อุดรธานี',
  'ตรัง',
  'เพชรบุรี',
  'กาญจนบุรี',
  'ลพบุรี',
  'สระบุรี',
  'ชัยนาท',
  'อุทัยธานี',
];
const DEPARTMENTS = ['กรมบัญชีกลาง', 'กรมธนารักษ์', 'สำนักงานปลัดกระทรวงการคลัง', 'กรมสรรพากร', 'สำนักงานเขตพื้นที่การศึกษา', 'กรมศุลกากร'];
const FIRST = ['สมชาย', 'สมหญิง', 'วิภาวดี', 'ประเสริฐ', 'กมลชนก', 'ธนพล', 'ณัฐวุฒิ', 'พรทิพย์', 'สุนทร', 'อรุณี'];
const LAST = ['ใจดี', 'รักงาน', 'ศรีสุข', 'มั่นคง', 'ทองดี', 'บุญมา', 'แก้วกาญจนา', 'พึ่งบุญ'];
const SPANS = ['ต.ค.-ธ.ค.', 'ม.ค.-มี.ค.', 'เม.ย.-มิ.ย.', 'ก.ค.-ก.ย.', 'ต.ค.-ก.ย.', 'พ.ย.', 'ก.พ.-เม.ย.', 'มิ.ย.-ส.ค.', 'ธ.ค.'];
const FISCAL_YEAR = 2569;

/** A small deterministic generator, so that the same N gives the same corpus. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const frontmatter = (text: string) => /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text)!;
const pad = (n: number) => String(n).padStart(4, '0');
const thaiNum = (n: number) => toThaiDigits(String(n));

export interface GeneratedCorpus {
  manuals: number;
  flowcharts: number;
  plans: number;
  kpis: number;
  missions: number;
  offices: number;
  files: number;
}

/** Sections (## … up to the next ##) of the seed manuals that stand on their own: no components, no tables from frontmatter. */
function sectionPool(seedContent: string): string[] {
  const pool: string[] = [];
  for (const f of readdirSync(join(seedContent, 'manuals'))) {
    const body = frontmatter(readFileSync(join(seedContent, 'manuals', f), 'utf8'))[2]!;
    for (const part of body.split(/^(?=## )/m)) {
      if (!part.startsWith('## ') || /<[A-Z]/.test(part) || part.length < 200) continue;
      // numbered items restart in a generated manual: keep the list numbering the seed has, no skips
      if (/^\s*(?:[-*]\s+)?[๐-๙\d]+\.[๐-๙\d]/m.test(part)) continue;
      pool.push(part.trim());
    }
  }
  return pool;
}

export function generateCorpus(seedContent: string, outDir: string, manuals: number): GeneratedCorpus {
  const rand = random(manuals);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  rmSync(outDir, { recursive: true, force: true });
  for (const d of ['offices', 'mandates', 'missions', 'manuals', 'flowcharts', 'plans', 'kpis']) mkdirSync(join(outDir, d), { recursive: true });
  const write = (dir: string, name: string, text: string) => writeFileSync(join(outDir, dir, name), text);
  let files = 0;
  const yamlFile = (dir: string, id: string, data: unknown) => {
    write(dir, `${id}.yaml`, stringify(data, { lineWidth: 0 }));
    files++;
  };
  const mdxFile = (dir: string, id: string, data: unknown, body: string) => {
    write(dir, `${id}.mdx`, `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`);
    files++;
  };
  writeFileSync(join(outDir, 'site.yaml'), readFileSync(join(seedContent, 'site.yaml')));
  writeFileSync(join(outDir, 'glossary.yaml'), readFileSync(join(seedContent, 'glossary.yaml')));

  const sections = sectionPool(seedContent);
  const flowSeeds = readdirSync(join(seedContent, 'flowcharts')).map(
    (f) => parse(frontmatter(readFileSync(join(seedContent, 'flowcharts', f), 'utf8'))[1]!) as Record<string, unknown>,
  );
  const ubon = parse(frontmatter(readFileSync(join(seedContent, 'plans', 'ubon-2564.mdx'), 'utf8'))[1]!) as {
    workplan: { groups: Array<{ title: string; items: Array<{ title: string; items?: Array<{ title: string }> }> }> };
  };
  const planTitles = ubon.workplan.groups.flatMap((g) => g.items.flatMap((i) => [i.title, ...(i.items ?? []).map((x) => x.title)]));
  const mandateTexts = readdirSync(join(seedContent, 'mandates')).map(
    (f) => parse(readFileSync(join(seedContent, 'mandates', f), 'utf8')) as { title: string; law: string },
  );

  // departments → offices (about 20 manuals each) → their mandates
  const officeCount = Math.max(1, Math.ceil(manuals / 20));
  const departmentCount = Math.min(DEPARTMENTS.length, Math.max(1, Math.ceil(officeCount / 10)));
  for (let d = 0; d < departmentCount; d++) {
    yamlFile('offices', `dept-${d + 1}`, { name: DEPARTMENTS[d]!, shortName: DEPARTMENTS[d]!.slice(0, 12) });
    for (let k = 0; k < 3; k++) {
      const m = mandateTexts[(d + k) % mandateTexts.length]!;
      yamlFile('mandates', `dept-${d + 1}-${k + 1}`, { law: m.law, item: k + 1, title: m.title, office: `dept-${d + 1}` });
    }
  }
  const offices: string[] = [];
  const person = () => `${pick(['นาย', 'นาง', 'นางสาว'])}${pick(FIRST)} ${pick(LAST)}`;
  for (let o = 0; o < officeCount; o++) {
    const id = `office-${pad(o + 1)}`;
    const province = PROVINCES[o % PROVINCES.length]!;
    const dept = `dept-${(o % departmentCount) + 1}`;
    yamlFile('offices', id, {
      name: `สำนักงาน${DEPARTMENTS[o % departmentCount]!.replace(/^กรม|^สำนักงาน/, '')}จังหวัด${province} แห่งที่ ${thaiNum(Math.floor(o / PROVINCES.length) + 1)}`,
      shortName: `สนง.${province} ${thaiNum(o + 1)}`,
      parent: dept,
      head: { name: person(), position: 'ผู้อำนวยการ' },
      deputy: { name: person(), position: 'รองผู้อำนวยการ' },
    });
    offices.push(id);
  }

  for (let i = 0; i < manuals; i++) {
    const n = pad(i + 1);
    const office = offices[i % officeCount]!;
    const dept = Number(/(\d+)$/.exec(office)![1]) - 1;
    const subject = `${SUBJECTS[i % SUBJECTS.length]!}${i >= SUBJECTS.length ? ` ชุดที่ ${thaiNum(Math.floor(i / SUBJECTS.length) + 1)}` : ''}`;

    // the flowchart: a seed process under this manual's subject
    const seed = flowSeeds[i % flowSeeds.length]!;
    mdxFile('flowcharts', `flow-${n}`, { ...seed, title: `${subject}: ${String(seed.title)}`, office }, `ผังกระบวนการของ${subject}`);

    // the KPI: five thresholds, quarters so far; scores are computed by the site, none reported
    const base = 20 + Math.floor(rand() * 60);
    const step = 5 + Math.floor(rand() * 20);
    const quarters = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, q) => ({ quarter: q + 1, value: base + Math.floor(rand() * step * 5) }));
    mdxFile(
      'kpis',
      `kpi-${n}`,
      {
        code: `ตช. ${n}`,
        name: `ระดับความสำเร็จของ${subject}`,
        office,
        fiscalYear: FISCAL_YEAR,
        unit: 'ร้อยละ',
        weight: 5 + Math.floor(rand() * 20),
        thresholds: [0, 1, 2, 3, 4].map((k) => base + k * step),
        target: base + 4 * step,
        quarters,
      },
      `วัดผลการดำเนินงานของ${subject} รายไตรมาส`,
    );

    // the annual work plan: a few items of the seed plan, in valid months
    const items = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => ({ title: pick(planTitles), when: pick(SPANS) }));
    mdxFile(
      'plans',
      `plan-${n}`,
      {
        title: `แผนปฏิบัติงาน${subject} ประจำปีงบประมาณ พ.ศ. ${thaiNum(FISCAL_YEAR)}`,
        office,
        fiscalYear: FISCAL_YEAR,
        workplan: { groups: [{ title: subject, items }] },
      },
      '',
    );

    // the mission the manual serves
    yamlFile('missions', `mission-${n}`, {
      title: `${subject} ของสำนักงาน`,
      mandate: `dept-${(dept % departmentCount) + 1}-${(i % 3) + 1}`,
      office,
      order: i + 1,
      flowcharts: [`flow-${n}`],
    });

    // the manual: 2 to 5 sections of the seeds, its flowchart and its KPI
    const chosen = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(sections));
    const body = [
      `## วัตถุประสงค์\n\nเพื่อให้การปฏิบัติ${subject}เป็นไปอย่างถูกต้อง รวดเร็ว และเป็นมาตรฐานเดียวกัน`,
      ...[...new Set(chosen)],
      `## ขั้นตอนการปฏิบัติงาน\n\n<FlowTable id="flow-${n}" />`,
      `## ตัวชี้วัด\n\n<KpiCard id="kpi-${n}" />`,
    ].join('\n\n');
    mdxFile(
      'manuals',
      `manual-${n}`,
      {
        title: `คู่มือการปฏิบัติงาน ${subject}`,
        code: `คม-${n}`,
        office,
        missions: [`mission-${n}`],
        owner: `กลุ่ม${subject}`,
        revision: Math.floor(rand() * 4),
        effective: `${FISCAL_YEAR - 543}-${String(1 + Math.floor(rand() * 9)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
        fiscalYear: FISCAL_YEAR,
        approvals: [
          { role: 'ผู้จัดทำ', name: person(), position: 'นักวิชาการ' },
          { role: 'ผู้ตรวจสอบ', name: person(), position: 'หัวหน้ากลุ่มงาน' },
          { role: 'ผู้อนุมัติ', name: person(), position: 'ผู้อำนวยการ' },
        ],
        print: { preface: `คู่มือ${subject}ฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทางในการปฏิบัติงานของบุคลากร` },
      },
      body,
    );
  }
  return { manuals, flowcharts: manuals, plans: manuals, kpis: manuals, missions: manuals, offices: officeCount + departmentCount, files };
}
