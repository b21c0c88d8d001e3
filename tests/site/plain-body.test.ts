/** Which MDX bodies are rendered as Markdown when the content loads (src/site/plain-body.ts). */
import { describe, expect, test } from 'vitest';
import { isPlainMarkdown } from '../../src/site/plain-body.ts';

describe('isPlainMarkdown', () => {
  test('prose, lists, headings, links, emphasis and empty bodies are plain Markdown', () => {
    for (const body of ['', '\n', 'ผังกระบวนการของงานสารบรรณ\n', '## ขั้นตอน\n\n1. รับเรื่อง\n2. ลงทะเบียน\n\n- ก\n  - ข\n', 'ดู [ระเบียบ](https://example.go.th/a) และ **สำคัญ** _มาก_\n', 'ราคา 1,000 บาท (ร้อยละ 5)\n']) {
      expect(isPlainMarkdown(body), JSON.stringify(body)).toBe(true);
    }
  });

  test('anything MDX reads differently, or the site renders through a component, stays MDX', () => {
    for (const body of [
      '<FlowTable id="x" />\n',
      'ข้อความ <b>หนา</b>\n',
      'ค่า {1}\n',
      'import x from "y"\n',
      'export const a = 1\n',
      '<https://example.go.th>\n',
      'ก\n\n    โค้ดย่อหน้า\n',
      '| ก | ข |\n| --- | --- |\n| 1 | 2 |\n',
      'ก | ข\n--- | ---\n1 | 2\n',
      'ก > ข\n',
    ]) {
      expect(isPlainMarkdown(body), JSON.stringify(body)).toBe(false);
    }
  });
});
