/** Default per-office volumes take their signatories from their own office, never from another. */
import { describe, expect, test } from 'vitest';
import { resolveHandbooks } from '../../src/domain/handbooks.ts';
import { dateInBangkok } from '../../src/domain/thai/index.ts';
import { commitDate } from '../../src/site/git-history.ts';

describe('default volumes and their signatories', () => {
  const offices = [
    { id: 'a', data: { name: 'สำนักงาน ก', head: { name: 'นายหัวหน้า ก', position: 'ผู้อำนวยการ ก' }, deputy: { name: 'นางรอง ก', position: 'รองผู้อำนวยการ ก' } } },
    { id: 'b', data: { name: 'สำนักงาน ข', head: { name: 'นายหัวหน้า ข', position: 'ผู้อำนวยการ ข' } } },
    { id: 'c', data: { name: 'สำนักงาน ค' } },
  ];
  const volumes = resolveHandbooks({
    manuals: [
      { id: 'm-a', data: { office: 'a' } },
      { id: 'm-b', data: { office: 'b' } },
      { id: 'm-c', data: { office: 'c' } },
    ],
    plans: [],
    kpis: [],
    flowcharts: [],
    offices,
    handbooks: [],
  });
  const of = (office: string) => volumes.find((v) => v.data.office === office)!.data.approvals;

  test("each office's volume is signed by its own deputy (ผู้ตรวจสอบ) and head (ผู้อนุมัติ)", () => {
    expect(of('a')).toEqual([
      { role: 'ผู้ตรวจสอบ', name: 'นางรอง ก', position: 'รองผู้อำนวยการ ก' },
      { role: 'ผู้อนุมัติ', name: 'นายหัวหน้า ก', position: 'ผู้อำนวยการ ก' },
    ]);
    expect(of('b')).toEqual([{ role: 'ผู้อนุมัติ', name: 'นายหัวหน้า ข', position: 'ผู้อำนวยการ ข' }]);
  });

  test("a volume never carries another office's signatory, even when its own office names none", () => {
    expect(of('c')).toEqual([]);
    for (const v of volumes) {
      const own = offices.find((o) => o.id === v.data.office)!;
      const allowed = [own.data.head?.name, own.data.deputy?.name].filter(Boolean);
      for (const a of v.data.approvals) expect(allowed).toContain(a.name);
    }
  });
});

describe('dates of the record are Thailand dates', () => {
  test('a commit made late in the evening in New York is the next day in Bangkok', () => {
    expect(commitDate('2026-11-30T20:15:00-05:00')).toBe('2026-12-01');
    expect(commitDate('2026-12-01T00:30:00+07:00')).toBe('2026-12-01');
  });
  test('today in Bangkok, whatever the machine zone', () => {
    expect(dateInBangkok(new Date('2026-11-30T17:30:00Z'))).toBe('2026-12-01');
  });
});
