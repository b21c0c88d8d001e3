/**
 * The dev overlay shows content errors as text: Astro's overlay puts the message in as HTML, so a
 * tag an author wrote (`<Note>`, `<img onerror>`) must arrive escaped — never as markup in the
 * author's browser, never swallowed from the message.
 */
import { expect, test } from 'vitest';
import { overlayError } from '../../src/build/dev-validate.ts';

test('a message with tags from content is escaped for the overlay, and keeps every character', () => {
  const err = overlayError(
    [
      {
        file: 'content/manuals/x.mdx',
        line: 3,
        column: 1,
        severity: 'error',
        code: 'mdx-syntax',
        field: '',
        message: 'ไม่ได้ปิดแท็ก <Note> (Expected a closing tag for <Note>) <img src=x onerror="alert(1)"> & more',
      },
    ],
    '/repo',
  );
  expect(err.message).not.toMatch(/<img|<Note>/);
  expect(err.message).toContain('&lt;Note&gt;');
  expect(err.message).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; more');
  expect(err.stack).toBe('');
  expect(err.loc).toEqual({ file: '/repo/content/manuals/x.mdx', line: 3, column: 1 });
});

test('the dev terminal shows every problem once, then only the new ones and how many were fixed', async () => {
  const { devReport } = await import('../../src/build/dev-validate.ts');
  const p = (line: number, code: string, severity: 'error' | 'warning' = 'warning') => ({
    file: 'content/manuals/x.mdx',
    line,
    column: 1,
    severity,
    code,
    field: '',
    message: `ข้อความ ${code} (message)`,
  });
  const first = devReport([p(1, 'a'), p(2, 'b')], undefined);
  expect(first.text).toContain('[a]');
  expect(first.text).toContain('[b]');
  // saved again, nothing changed: nothing printed
  expect(devReport([p(1, 'a'), p(2, 'b')], first.keys).text).toBe('');
  // one new error, one fixed
  const next = devReport([p(1, 'a'), p(3, 'c', 'error')], first.keys);
  expect(next.text).not.toContain('[a]');
  expect(next.text).toContain('[c]');
  expect(next.text).toContain('แก้แล้ว 1 รายการ');
  expect(next.text).toContain('ยังเหลือข้อผิดพลาด 1 รายการ คำเตือน 1 รายการ');
  expect(devReport([], next.keys).text).toContain('แก้แล้ว 2 รายการ');
  expect(devReport([], next.keys).text).toContain('ไม่พบปัญหา');
});

test('the payload is marked as Astro’s own, so Astro does not escape the escaped message a second time', async () => {
  const { overlayPayload } = await import('../../src/build/dev-validate.ts');
  const payload = overlayPayload(
    [{ file: 'content/manuals/x.mdx', line: 1, column: 1, severity: 'error', code: 'mdx-syntax', field: '', message: 'แท็ก <Note> ไม่ได้ปิด' }],
    '/repo',
  );
  expect(payload.type).toBe('error');
  expect(payload.__isEnhancedAstroErrorPayload).toBe(true);
  expect(payload.err.message).toContain('แท็ก &lt;Note&gt; ไม่ได้ปิด');
});
