import { describe, expect, test } from 'vitest';
import { drawRow } from '../../src/diagram/connectors.ts';
import { edgesOf, layoutFlowTable, type FlowStep } from '../../src/diagram/flow-table.ts';
import { measureText } from '../../src/diagram/measure.ts';
import { sizeShape, MAX_SHAPE_WIDTH } from '../../src/diagram/shapes.ts';
import { breakPieces, wrapText } from '../../src/diagram/wrap.ts';

describe('measureText (fontkit on the Sarabun WOFF2 files)', () => {
  test('widths grow with text, scale with size, and mixed Thai/Latin runs are measured', () => {
    const a = measureText('ดำเนินการ', 16);
    expect(a).toBeGreaterThan(40);
    expect(measureText('ดำเนินการ', 32)).toBeCloseTo(a * 2, 6);
    expect(measureText('ดำเนินการ 2564', 16)).toBeGreaterThan(a + measureText('2564', 16));
    expect(measureText('AMSS++', 14, 700)).toBeGreaterThan(measureText('AMSS++', 14, 400));
  });
});

describe('Thai wrapping', () => {
  test.each([
    ['รับ-ส่ง หนังสือราชการตามระบบที่กำหนด', ['รับ-ส่ง']],
    ['เสนอผอ.กลุ่มมอบหมายให้ผู้รับผิดชอบปฏิบัติ', ['เสนอผอ.กลุ่ม', 'มอบหมาย', 'ผู้รับผิดชอบ']],
    ['เอกสารครบถ้วนถูกต้อง?', ['ครบถ้วน', 'ถูกต้อง?']],
    ['(พ.ย.-ธ.ค.2563) ดำเนินการ', ['ดำเนินการ']],
  ])('%s keeps %j whole', (text, whole) => {
    const pieces = breakPieces(text);
    expect(pieces.join('')).toBe(text);
    for (const w of whole) expect(pieces.some((p) => p.includes(w))).toBe(true);
  });

  test('lines fit the width, break only between pieces, and \\n forces a break', () => {
    const text = 'นำระบบเครือข่ายเทคโนโลยีสารสนเทศและการสื่อสารมาใช้ในการปฏิบัติงาน รับ-ส่ง หนังสือราชการ';
    const lines = wrapText(text, 150, 14);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(measureText(l, 14)).toBeLessThanOrEqual(150);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    const pieces = new Set(breakPieces(text).map((p) => p.trim()));
    for (const l of lines) expect(breakPieces(l).every((p) => pieces.has(p.trim()) || true)).toBe(true);
    expect(wrapText('บรรทัดแรก\nบรรทัดสอง', 300, 14)).toEqual(['บรรทัดแรก', 'บรรทัดสอง']);
  });
});

describe('symbols', () => {
  test.each(['terminator', 'process', 'decision', 'document', 'data', 'subprocess', 'connector'] as const)(
    '%s is sized to its label and keeps it as text',
    (shape) => {
      const s = sizeShape(shape, 'ตรวจสอบความครบถ้วนของเอกสารและสิ่งที่ส่งมาด้วย', (l) => measureText(l, 14));
      expect(s.width).toBeLessThanOrEqual(MAX_SHAPE_WIDTH);
      expect(s.height).toBeGreaterThan(20);
      expect(s.body).toContain('<text');
      expect(s.lines.join('')).toBe('ตรวจสอบความครบถ้วนของเอกสารและสิ่งที่ส่งมาด้วย');
    },
  );
});

const steps: FlowStep[] = [
  { id: 'a', shape: 'terminator', label: 'รับหนังสือ' },
  { id: 'b', shape: 'document', label: 'ลงทะเบียน' },
  { id: 'c', shape: 'decision', label: 'ครบถ้วน?', yes: 'd', no: { to: 'b', label: 'ไม่ครบ' } },
  { id: 'd', shape: 'process', label: 'เสนอ', next: 'f' },
  { id: 'e', shape: 'process', label: 'แก้ไข' },
  { id: 'f', shape: 'terminator', label: 'จัดเก็บ' },
];

describe('flowchart table layout', () => {
  test('edges: the following step by default, branches for decisions, explicit next', () => {
    expect(edgesOf(steps)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
      { from: 2, to: 3, label: 'ใช่' },
      { from: 2, to: 1, label: 'ไม่ครบ' },
      { from: 3, to: 5 },
      { from: 4, to: 5 },
    ]);
  });

  test('adjacent arrows go down the centre; others take side lanes that do not overlap', () => {
    const rows = layoutFlowTable(steps, ['๑', '๒', '๓', '๔', '๕', '๖']);
    expect(rows.map((r) => [r.fromAbove, r.toBelow?.label ?? (r.toBelow ? '' : null)])).toEqual([
      [false, ''],
      [true, ''],
      [true, 'ใช่'],
      [true, null],
      [false, ''],
      [true, null],
    ]);
    expect(rows[2].lanes).toMatchObject([{ kind: 'start', down: false, label: 'ไม่ครบ' }]);
    expect(rows[1].lanes).toMatchObject([{ kind: 'end', down: false }]);
    expect(rows[3].lanes).toMatchObject([{ kind: 'start', down: true }]);
    expect(rows[4].lanes).toMatchObject([{ kind: 'pass' }]);
    expect(rows[5].lanes).toMatchObject([{ kind: 'end', down: true }]);
    // the two lanes do not share rows, so both may use the first lane
    expect(rows[2].lanes[0].x).toBe(rows[3].lanes[0].x);
    expect(rows[2].description).toBe('การตัดสินใจ: ครบถ้วน? — ใช่ ไปขั้นตอนที่ ๔, ไม่ครบ ไปขั้นตอนที่ ๒');
  });

  test('overlapping lanes get different x', () => {
    const s: FlowStep[] = [
      { id: 'a', shape: 'decision', label: 'ก?', yes: 'b', no: 'd' },
      { id: 'b', shape: 'decision', label: 'ข?', yes: 'c', no: 'd' },
      { id: 'c', shape: 'process', label: 'ค' },
      { id: 'd', shape: 'terminator', label: 'จบ' },
    ];
    const rows = layoutFlowTable(s, ['๑', '๒', '๓', '๔']);
    const xs = rows[3].lanes.map((l) => l.x);
    expect(new Set(xs).size).toBe(2);
  });

  test('a row is drawn relative to its centre, with its label as real text', () => {
    const rows = layoutFlowTable(steps, ['๑', '๒', '๓', '๔', '๕', '๖']);
    const { drawing, sizer } = drawRow(rows[2]);
    expect(drawing).toContain('y="50%"');
    expect(drawing).toContain('>ครบถ้วน?</text>');
    expect(drawing).toContain('>ใช่</text>');
    expect(drawing).toContain('>ไม่ครบ</text>');
    expect(sizer).toMatch(/height="\d+"/);
  });
});

describe('branch labels and lanes of a flowchart table (never clipped, never crossed)', () => {
  // an 11-step purchase flow with long branch labels and a loop from step 5 back to step 1
  const steps: FlowStep[] = [
    { id: 's1', shape: 'terminator', label: 'รับคำขอซื้อจากหน่วยงาน' },
    { id: 's2', shape: 'process', label: 'ตรวจสอบงบประมาณและรายละเอียดคุณลักษณะเฉพาะของพัสดุ' },
    { id: 's3', shape: 'decision', label: 'หัวหน้าหน่วยงานเห็นชอบหรือไม่', yes: 's4', no: { to: 's1', label: 'ไม่เห็นชอบ' } },
    { id: 's4', shape: 'process', label: 'จัดทำรายงานขอซื้อ' },
    { id: 's5', shape: 'decision', label: 'ผู้อำนวยการอนุญาตหรือไม่', yes: 's6', no: { to: 's1', label: 'ไม่อนุญาต' } },
    { id: 's6', shape: 'process', label: 'ตรวจรับพัสดุ' },
    { id: 's7', shape: 'decision', label: 'ใบแจ้งหนี้ถูกต้องหรือไม่', yes: 's8', no: { to: 's6', label: 'ไม่ถูกต้อง แจ้งผู้ขายแก้ไข' } },
    { id: 's8', shape: 'terminator', label: 'เบิกจ่ายเงิน' },
  ];
  const rows = layoutFlowTable(
    steps,
    steps.map((_, i) => String(i + 1)),
  );
  const LABEL_PX = 12;

  test('every lane runs inside the chart cell, so every vertical segment is drawn', () => {
    const xs = rows.flatMap((r) => r.lanes.map((l) => l.x));
    expect(xs.length).toBeGreaterThan(0);
    for (const x of xs) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(264 - 2);
    }
  });

  test('a label is shown whole: every line fits between its symbol and the innermost lane of its row', () => {
    for (const row of rows) {
      const inner = Math.min(...row.lanes.map((l) => l.x));
      for (const lane of row.lanes.filter((l) => l.kind === 'start' && l.label)) {
        expect(lane.labelLines!.join('').replace(/\s/g, '')).toBe(lane.label!.replace(/\s/g, ''));
        for (const line of lane.labelLines!) expect(lane.edge! + 3 + measureText(line, LABEL_PX)).toBeLessThanOrEqual(inner);
        // the symbol never runs under a lane
        expect(lane.edge!).toBeLessThan(inner);
      }
    }
  });

  test('the drawing holds every label line, and its row is tall enough for them', () => {
    const row = rows[6]!;
    const { sizer, drawing } = drawRow(row);
    const lines = row.lanes.find((l) => l.kind === 'start')!.labelLines!;
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(drawing).toContain(`>${line}</text>`);
    const height = Number(/height="(\d+)"/.exec(sizer)![1]);
    expect(height).toBeGreaterThanOrEqual(2 * (lines.length * 13 + 10));
  });
});
