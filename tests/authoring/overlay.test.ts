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
