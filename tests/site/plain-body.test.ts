/** Which MDX bodies are rendered as Markdown when the content loads (src/site/plain-body.ts), and that it changes nothing on the page. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isPlainMarkdown } from '../../src/site/plain-body.ts';
import { buildSite } from '../helpers/build-site.ts';
import { corpusWith } from '../helpers/corpus.ts';

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

describe('in the build', () => {
  test('a plain body rendered when the content loads gives the same page as the same body compiled as MDX', () => {
    const corpus = corpusWith();
    try {
      const flowchart = readFileSync(join(corpus.content, 'flowcharts', 'receive-letters.mdx'), 'utf8').replace(/\n---\n[\s\S]*$/, '\n---\n');
      const body = '\n## ขั้นตอนโดยย่อ\n\nงานนี้ทำตาม **ระเบียบ** ว่าด้วยงานสารบรรณ ดู [ระเบียบ](https://example.go.th/a) และ _หมายเหตุ_\n\n1. รับเรื่องจากหน่วยงาน\n2. ลงทะเบียน "ด่วน"\n\n- ก -- ข\n  - ค...\n';
      writeFileSync(join(corpus.content, 'flowcharts', 'plain-a.mdx'), flowchart + body);
      // the same body with an inline comment, which only MDX reads and renders as nothing: compiled as MDX
      writeFileSync(join(corpus.content, 'flowcharts', 'mdx-b.mdx'), flowchart + body.replace('_หมายเหตุ_', '_หมายเหตุ_{/* ต้นฉบับ */}'));
      const site = buildSite(corpus.content, { pdf: false });
      try {
        const page = (id: string) => readFileSync(join(site.out, 'flowcharts', id, 'index.html'), 'utf8').replaceAll(id, 'X');
        expect(page('plain-a')).toContain('<li>รับเรื่องจากหน่วยงาน</li>');
        expect(page('plain-a')).toBe(page('mdx-b'));
        // only the plain one was rendered into the content store (the other is a compiled module)
        const store = readdirSync(dirname(site.out)).find((d) => d.startsWith('.dist-cache-') && !d.endsWith('-pdf'))!;
        const data = readFileSync(join(dirname(site.out), store, 'data-store.json'), 'utf8');
        expect(data.split('\\u003Cli>รับเรื่องจากหน่วยงาน\\u003C/li>').length - 1).toBe(1);
      } finally {
        site.cleanup();
      }
    } finally {
      corpus.cleanup();
    }
  }, 120_000);
});
