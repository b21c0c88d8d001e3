/**
 * The MDX body checks with the parser the build compiles with (satteri): problems point at the
 * element or the attribute, and what the checks let through is what Astro compiles.
 */
import { describe, expect, test } from 'vitest';
import { checkMdxBody } from '../../src/validate/mdx-body.ts';
import { SourceFile } from '../../src/validate/source-file.ts';

function check(text: string) {
  const file = new SourceFile('content/manuals/x.mdx', '/x.mdx');
  const refs = checkMdxBody(file, text);
  return { problems: file.problems.map((p) => `${p.line}:${p.column} ${p.code}`), refs };
}

describe('MDX bodies', () => {
  test('an attribute is located on its own line and column, past values that contain other names', () => {
    const text = '---\ntitle: x\n---\n\n# งาน\n\nข้อความ <Note title="onClick b" type="tip"\n   onClick="go()" /> ต่อ\n';
    expect(check(text).problems).toEqual(['7:33 invalid-value', '8:4 mdx-event-handler']);
  });

  test('expressions: only comments pass; literals, code and any {…} attribute value do not', () => {
    expect(check('# a\n\n{/* หมายเหตุ */}\n\nข้อความ {/* อีก */}\n').problems).toEqual([]);
    expect(check('# a\n\nค่า {1} และ {"ข้อความ"}\n').problems).toEqual(['3:5 mdx-expression', '3:13 mdx-expression']);
    expect(check('# a\n\nค่า {1 + 1}\n').problems).toEqual(['3:5 mdx-expression']);
    expect(check('# a\n\n{a) + (b}\n').problems).toEqual(['3:1 mdx-expression']);
    expect(check('# a\n\n<FlowTable id="flow-a" />\n').refs).toEqual([{ component: 'FlowTable', collection: 'flowcharts', id: 'flow-a', line: 3, column: 12 }]);
    expect(check('# a\n\n<FlowTable id={"flow-a"} />\n').problems).toEqual(['3:12 mdx-expression']);
    expect(check('# a\n\n<FlowTable id={`flow-a`} />\n').problems).toEqual(['3:12 mdx-expression']);
    expect(check('# a\n\n<FlowTable {...props} />\n').problems).toEqual(['3:12 mdx-expression', '3:1 missing-attribute']);
  });

  test('import/export, javascript: links and unknown components', () => {
    expect(check('import x from "y"\n\n# a\n').problems).toEqual(['1:1 mdx-import-export']);
    expect(check('# a\n\n[ลิงก์](javascript:alert(1))\n').problems).toEqual(['3:1 mdx-javascript-url']);
    expect(check('# a\n\n<Flowtable id="x" />\n').problems).toEqual(['3:1 unknown-component']);
  });

  test('a syntax error is located where the parser stops, with its words', () => {
    const file = new SourceFile('content/manuals/x.mdx', '/x.mdx');
    checkMdxBody(file, '# a\n\nข้อความ\n\n<Note>\n\nไม่ปิด\n');
    expect(file.problems.map((p) => [p.line, p.column, p.code])).toEqual([[5, 1, 'mdx-syntax']]);
    expect(file.problems[0]!.message).toContain('<Note>');
  });
});
