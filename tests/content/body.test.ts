/**
 * MDX bodies rendered as data (src/content/body.ts): the HTML is made and escaped here, components
 * come out as parts with literal props, and whatever the allow-lists do not name is not rendered.
 */
import { describe, expect, test } from 'vitest';
import { partsToText, renderBody } from '../../src/content/body.ts';
import { MDX_COMPONENTS, PAGE_IDS } from '../../src/content/schema/components.ts';

const options = { components: MDX_COMPONENTS, elements: new Set(['table']), reservedIds: PAGE_IDS };
const render = (body: string) => renderBody(body, options);
const html = (body: string) => partsToText(render(body).parts);

describe('Markdown', () => {
  test.each([
    ['# หัวข้อ\n\nย่อหน้า **หนา** *เอียง* `โค้ด`', '<h1 id="หัวข้อ">หัวข้อ</h1>\n<p>ย่อหน้า <strong>หนา</strong> <em>เอียง</em> <code>โค้ด</code></p>'],
    ['ก < ข & ค > ง', '<p>ก &lt; ข &amp; ค &gt; ง</p>'],
    ['[ลิงก์](https://a.example/?x=1&y="2")', '<p><a href="https://a.example/?x=1&amp;y=%222%22">ลิงก์</a></p>'],
    ['- ก\n- ข', '<ul>\n<li>ก</li>\n<li>ข</li>\n</ul>'],
    ['3. ค\n4. ง', '<ol start="3">\n<li>ค</li>\n<li>ง</li>\n</ol>'],
    ['บรรทัด<br />ต่อ', '<p>บรรทัด<br>ต่อ</p>'],
    ['"คำพูด"', '<p>“คำพูด”</p>'],
  ])('%j', (body, expected) => {
    expect(html(body)).toBe(expected);
  });

  test('headings get ids and are listed for the table of contents; a page id is never taken', () => {
    const r = render('## main\n\n### ขั้นตอน ๑\n\n## ขั้นตอน ๑');
    expect(r.headings).toEqual([
      { depth: 2, slug: 'main-1', text: 'main' },
      { depth: 3, slug: 'ขั้นตอน-๑', text: 'ขั้นตอน ๑' },
      { depth: 2, slug: 'ขั้นตอน-๑-1', text: 'ขั้นตอน ๑' },
    ]);
  });

  test('a Markdown table is a part for the Table component, without the whitespace between its rows', () => {
    const [table] = render('| ก | ข |\n|---|--:|\n| ๑ | ๒ |').parts;
    expect(table).toMatchObject({ component: 'table', props: {} });
    expect(partsToText([table!])).toBe(
      '<thead><tr><th>ก</th><th style="text-align: right">ข</th></tr></thead><tbody><tr><td>๑</td><td style="text-align: right">๒</td></tr></tbody>',
    );
  });

  test('footnotes are labelled in Thai', () => {
    expect(html('ข้อความ[^1]\n\n[^1]: ที่มา')).toContain('<h2 class="sr-only" id="footnote-label">เชิงอรรถ</h2>');
  });

  test('rendering is a pure function of the text: twice gives the same parts', () => {
    const body = '# ก\n\n<Note type="warning" title="ระวัง">\nข้อความ\n</Note>\n\n<KpiCard id="x" />';
    expect(render(body)).toEqual(render(body));
  });
});

describe('components', () => {
  test('a provided component is a part with its declared props, written as quoted strings', () => {
    expect(render('<FlowTable id="flow-a" />').parts).toEqual([{ component: 'FlowTable', props: { id: 'flow-a' }, children: [] }]);
    const [note] = render('<Note type="warning" title="ระวัง">\nข้อความ *เอียง*\n</Note>').parts;
    expect(note).toEqual({ component: 'Note', props: { type: 'warning', title: 'ระวัง' }, children: ['<p>ข้อความ <em>เอียง</em></p>'] });
  });

  test('props that are expressions, spreads, directives or undeclared are not passed', () => {
    const [part] = render('<KpiCard id={`x`} heading="h" set:html="<b>" {...{ id: "y" }} client:load />').parts;
    expect(part).toEqual({ component: 'KpiCard', props: {}, children: [] });
  });

  test('an unknown component renders nothing at all', () => {
    expect(render('<Evil id="x">ข้อความ</Evil>').parts).toEqual([]);
  });
});

describe('what is not on the allow-lists is not rendered', () => {
  test.each([
    ['{process.exit(1)}', ''],
    ['export const x = 1', ''],
    ['ข้อความ {"literal"} ต่อ', '<p>ข้อความ  ต่อ</p>'],
    ['<script>{"alert(1)"}</script>', ''],
    ['<div set:html="<img src=x onerror=alert(1)>">ก</div>', '<div>ก</div>'],
    ['<span id="main" class="x" style="color:red" onclick="alert(1)" title="t">ก</span>', '<span title="t">ก</span>'],
    ['<a href="javascript:alert(1)">ก</a>', '<a>ก</a>'],
    ['<a href="  JaVa\tScRiPt:alert(1)">ก</a>', '<a>ก</a>'],
    [
      '[ก](vbscript:x) [ข](file:///etc/passwd) [ค](//evil.example/) [ง](mailto:a@b.c) [จ](#x) [ฉ](/manuals/x/)',
      '<p><a>ก</a> <a>ข</a> <a>ค</a> <a href="mailto:a@b.c">ง</a> <a href="#x">จ</a> <a href="/manuals/x/">ฉ</a></p>',
    ],
    ['[ก][x]\n\n[x]: javascript&colon;alert(1)', '<p><a>ก</a></p>'],
    ['![ภาพ](https://evil.example/p.png) ![ภาพ](/img/a.png)', '<p><img alt="ภาพ"> <img src="/img/a.png" alt="ภาพ"></p>'],
    ['<input type="password" />', ''],
    ['<section>ก</section>', ''],
  ])('%j', (body, expected) => {
    expect(html(body)).toBe(expected);
  });
});
