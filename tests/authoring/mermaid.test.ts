/** Mermaid flowcharts → flowchart entries: shapes, branches, warnings, and the command line. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseMermaid } from '../../src/authoring/mermaid.ts';
import { corpusWith, FIXTURES } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');

describe('parseMermaid', () => {
  test('stadium, box, diamond and document shapes; labelled branches become yes/no', () => {
    const { steps, warnings } = parseMermaid(readFileSync(join(FIXTURES, 'mermaid', 'saraban.mmd'), 'utf8'));
    expect(steps.map((s) => [s.id, s.shape])).toEqual([
      ['start', 'terminator'],
      ['reg', 'document'],
      ['check', 'decision'],
      ['propose', 'process'],
      ['done', 'terminator'],
    ]);
    expect(steps[2]).toMatchObject({ label: 'เอกสารครบถ้วน?', yes: 'propose', no: { to: 'reg', label: 'ไม่ครบ' } });
    // the next step follows: no `next` needed
    expect(steps[0]!.next).toBeUndefined();
    expect(warnings.some((w) => w.includes('classDef'))).toBe(true);
    expect(warnings.some((w) => w.includes('style propose'))).toBe(true);
  });

  test('chains, "-- text -->" labels, & groups, quoted labels, and jumps that need next', () => {
    const { steps, warnings } = parseMermaid(`graph TB
      A(["เริ่ม"]) --> B[ตรวจสอบ] --> C{"ถูกต้อง?"}
      C -- Yes --> D[[อนุมัติ]]
      C -- No --> E[/แก้ไขข้อมูล/]
      E --> B
      D & E --> F((จบ))`);
    expect(steps.map((s) => s.shape)).toEqual(['terminator', 'process', 'decision', 'subprocess', 'data', 'connector']);
    expect(steps[2]).toMatchObject({ yes: { to: 'd', label: 'Yes' }, no: { to: 'e', label: 'No' } });
    expect(steps[4]!.next).toBe('b'); // E → B: not the following step
    expect(steps[3]!.next).toBe('f');
    expect(warnings.some((w) => w.includes('หลายเส้น'))).toBe(true); // E has two arrows out
  });

  test('what cannot be mapped is a warning; a non-flowchart is an error', () => {
    const { warnings } = parseMermaid('flowchart LR\n  a[x] --> b>flag]\n  subgraph s\n  end\n  c@{ shape: hex, label: "h" }');
    expect(warnings.join('\n')).toMatch(/ทิศทาง LR/);
    expect(warnings.join('\n')).toMatch(/รูปธง/);
    expect(warnings.join('\n')).toMatch(/subgraph/);
    expect(warnings.join('\n')).toMatch(/รูปทรง hex/);
    expect(() => parseMermaid('sequenceDiagram\n  A->>B: hi')).toThrow(/graph TD/);
  });
});

describe('npm run import:mermaid', () => {
  const corpus = corpusWith();
  afterAll(() => corpus.cleanup());
  const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });

  test('writes a flowchart entry that validates, never overwriting', () => {
    const args = [join(FIXTURES, 'mermaid', 'saraban.mmd'), '--id', 'saraban-imported', '--title', 'งานรับหนังสือราชการ', '--content', corpus.content];
    const r = run('scripts/import-mermaid.ts', ...args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('จาก 5 ขั้นตอน');
    expect(r.stdout).toContain('คำเตือน (warning)');
    const validated = run('scripts/validate.ts', '--content', corpus.content);
    expect(validated.status, validated.stdout).toBe(0);
    expect(validated.stdout).toContain('ไม่พบปัญหา');
    const again = run('scripts/import-mermaid.ts', ...args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('จะไม่เขียนทับ');
  });
});
