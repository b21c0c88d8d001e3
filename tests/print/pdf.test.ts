/**
 * The printed PDFs themselves, checked with poppler (pdfinfo, pdffonts, pdftotext) and pdf-lib:
 * A4 pages, landscape pages where the work plan is, every font Sarabun and embedded, Thai text that
 * extracts as written, page labels "- ๒ -" in the top band, every TOC number equal to the page its
 * heading is on, bookmarks, a tagged PDF.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { outlineOf } from '../../src/print/pdf/outline.ts';
import { corpusWith, FIXTURES } from '../helpers/corpus.ts';
import { SYMBOLS } from '../../src/site/typeset.ts';

const root = join(import.meta.dirname, '..', '..');
const fixture = buildSite(join(FIXTURES, 'valid', 'content'));
const real = buildSite(join(root, 'content'));
afterAll(() => {
  fixture.cleanup();
  real.cleanup();
});

/** The seed build's PDFs, relative to its pdf/ folder, in order. */
const seedPdfs = () =>
  readdirSync(join(real.out, 'pdf'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.pdf'))
    .sort();
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
const pageText = (pdf: string, n: number) => run('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-']);
/** Text in the top band of a page (above the 2.5 cm top margin). */
const topBand = (pdf: string, n: number, portrait = true) =>
  run('pdftotext', ['-f', String(n), '-l', String(n), '-x', '0', '-y', '0', '-W', portrait ? '595' : '842', '-H', '60', pdf, '-']).trim();
/** Text without spaces and dots; symbols khumue draws as SVG (➤ ●) are drawn, not text, and leave with them. */
const compact = (s: string) => s.replace(/[\s.\u200b]+/g, '').replace(new RegExp(`[${Object.keys(SYMBOLS).join('')}]`, 'gu'), '');

/** Printed label of every page, read back from the top band: cover '', front ก ข, body ๑ (blank), ๒, ๓ … */
function labels(pdf: string): string[] {
  const n = pageCount(pdf);
  const sizes = run('pdfinfo', ['-f', '1', '-l', String(n), pdf]);
  const landscape = new Set(
    [...sizes.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].filter((m) => Number(m[2]) > Number(m[3])).map((m) => Number(m[1])),
  );
  return Array.from({ length: n }, (_, i) => topBand(pdf, i + 1, !landscape.has(i + 1)));
}

/** Every TOC entry's printed number is the page where that heading is (read back from the PDF). */
function expectTocMatchesPages(pdf: string, minEntries = 4): void {
  const l = labels(pdf);
  const bodyStart = l.findIndex((x) => compact(x) === '-๒-') - 1; // the page before "- ๒ -" is ๑
  const labelOf = (i: number) => (i >= bodyStart ? String(i - bodyStart + 1).replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d))) : l[i]);
  const n = pageCount(pdf);
  const tocPages = Array.from({ length: n }, (_, i) => i + 1).filter((p) => p - 1 < bodyStart && /สารบัญ/.test(pageText(pdf, p)));
  const entries: Array<[string, string]> = [];
  for (const p of tocPages) {
    for (const line of pageText(pdf, p).split('\n')) {
      // the dot leaders are drawn, not typed: an entry is its title, a gap, and its number
      const m = /^\s*(.+?)\s{2,}([๐-๙]+|[ก-ฮ])\s*$/.exec(line);
      if (m) entries.push([m[1].trim(), m[2]]);
    }
  }
  expect(entries.length).toBeGreaterThanOrEqual(minEntries);
  for (const [title, number] of entries) {
    const page = Array.from({ length: n }, (_, i) => i).find((i) => labelOf(i) === number);
    expect(page, `${title} → ${number}`).toBeDefined();
    // a wrapped heading may continue on the next line: its first 12 characters are enough
    expect(compact(pageText(pdf, page! + 1)), `${title} on page ${number}`).toContain(compact(title).slice(0, 12));
  }
}

describe('the fixture manual', () => {
  const pdf = join(fixture.out, 'pdf', 'test-manual.pdf');

  test('A4 portrait, with the work plan and the flowchart table on A4 landscape pages', () => {
    const n = pageCount(pdf);
    const info = run('pdfinfo', ['-f', '1', '-l', String(n), pdf]);
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes.length).toBe(n);
    for (const [w, h] of sizes) {
      const [short, long] = [Math.min(w, h), Math.max(w, h)];
      expect(Math.abs(short - 595.28)).toBeLessThan(1);
      expect(Math.abs(long - 841.89)).toBeLessThan(1);
    }
    const landscape = sizes.map(([w, h], i) => (w > h ? i + 1 : 0)).filter(Boolean);
    expect(landscape.length).toBeGreaterThan(0);
    const texts = landscape.map((p) => pageText(pdf, p));
    for (const t of texts) expect(t).toMatch(/ระยะเวลาดำเนินงาน ปีงบประมาณ พ\.ศ\. ๒๕๖๔|ผังขั้นตอนการดำเนินงาน|เอกสารอ้างอิง/);
    expect(texts.some((t) => t.includes('ระยะเวลาดำเนินงาน ปีงบประมาณ พ.ศ. ๒๕๖๔'))).toBe(true);
    expect(texts.some((t) => t.includes('ผังขั้นตอนการดำเนินงาน'))).toBe(true);
    expect(run('pdfinfo', [pdf])).toMatch(/Tagged:\s+yes/);
  });

  test('every font is Sarabun, embedded and subset, with Unicode maps', () => {
    const rows = run('pdffonts', [pdf]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+Sarabun-(Regular|Bold)\s/);
      expect(row).toMatch(/\syes\s+yes\s+yes\s/);
    }
  });

  test('page labels: cover blank, front matter ก, body from ๒ as "- ๒ -" in the top band', () => {
    const l = labels(pdf);
    expect(l[0]).toBe(''); // cover
    expect(l[1]).toBe('ก'); // table of contents (no preface in the fixture)
    expect(l[2]).toBe(''); // first body page: no number
    // pdftotext drops the spaces of the centred label; the glyphs are "- ๒ -"
    expect(compact(l[3])).toBe('-๒-');
    for (let i = 4; i < l.length; i++) expect(compact(l[i])).toBe(`-${String(i - 1).replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)))}-`);
  });

  test('approval page: signature block with the full name, position and a BE date line', () => {
    const text = compact(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain(compact('หน้าอนุมัติ'));
    expect(text).toContain(compact('ลงชื่อ'));
    expect(text).toContain(compact('(นายทดสอบ ระบบดี)'));
    expect(text).toContain(compact('ตำแหน่ง ผู้อำนวยการ'));
    expect(text).toContain(compact('วันที่มีผลบังคับใช้ ๙ มีนาคม ๒๕๖๔'));
  });
});

describe.each(['esa-cm5-admin', 'opm-organization-profile-2561', 'smart-operational-system', 'stp-process-plan-2564'])('the seed manual %s', (id) => {
  const pdf = join(real.out, 'pdf', `${id}.pdf`);

  test("every TOC entry's printed number is the page where that heading is", () => expectTocMatchesPages(pdf));

  test('Thai text extracts as written (sara am intact) and bookmarks mirror the headings', async () => {
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/สำนักงาน|ดำเนิน/);
    expect(text).not.toMatch(/ส านัก|ด าเนิน/);
    const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
    const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
    expect(outlines).toBeDefined();
    expect(Number(outlines!.get(PDFName.of('Count'))?.toString() ?? '0')).not.toBe(0);
    // every bookmark lands on the page where its heading is printed
    const marks = bookmarks(doc);
    expect(marks.length).toBeGreaterThan(3);
    for (const { title, page } of marks) {
      expect(page, title).toBeGreaterThanOrEqual(0);
      expect(compact(pageText(pdf, page + 1)), `bookmark ${title} → page ${page + 1}`).toContain(compact(title).slice(0, 12));
    }
  });
});

/** The outline as [title, zero-based page index] (depth first). */
function bookmarks(doc: PDFDocument): Array<{ title: string; page: number }> {
  const refs = doc.getPages().map((p) => p.ref);
  const out: Array<{ title: string; page: number }> = [];
  const walk = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = (node.lookup(PDFName.of('Title')) as PDFHexString | PDFString).decodeText();
      let dest = node.lookup(PDFName.of('Dest'));
      if (!dest) dest = node.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('D'));
      if (dest instanceof PDFName || dest instanceof PDFString || dest instanceof PDFHexString) {
        const names = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
        dest = names?.lookup(dest instanceof PDFName ? dest : PDFName.of((dest as PDFString).decodeText()));
        if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
      }
      const target = dest instanceof PDFArray ? dest.get(0) : undefined;
      out.push({ title, page: target instanceof PDFRef ? refs.findIndex((r) => r.objectNumber === target.objectNumber) : -1 });
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return out;
}

test('seed text extracts from the PDF exactly as in the content (sample paragraphs)', () => {
  const text = compact(execFileSync('pdftotext', [join(real.out, 'pdf', 'esa-cm5-admin.pdf'), '-'], { encoding: 'utf8' }));
  for (const sample of [
    'ผู้จัดทำหวังว่าคู่มือปฏิบัติงานฉบับนี้ จะเกิดประโยชน์ต่อบุคลากรและผู้สนใจสำหรับใช้เป็นแนวทางในการปฏิบัติงาน เพื่อให้เกิดประสิทธิภาพและประสิทธิผลต่อไป',
    '๑. ศึกษาวิเคราะห์สภาพของกลุ่มนโยบายและแผน และออกแบบระบบงานสารบรรณให้เหมาะสม และสอดคล้องกับระบบงานสารบรรณของสำนักงานเขตพื้นที่การศึกษา',
  ]) {
    expect(text).toContain(compact(sample));
  }
});

test('document information comes from the content, and the same input prints the same bytes', () => {
  const pdf = join(fixture.out, 'pdf', 'test-manual.pdf');
  const info = run('pdfinfo', ['-isodates', pdf]);
  expect(info).toMatch(/Title:\s+คู่มือการปฏิบัติงานทดสอบ/);
  expect(info).toMatch(/Author:\s+สำนักงานทดสอบ/);
  expect(info).toMatch(/Subject:\s+คู่มือการปฏิบัติงาน/);
  expect(info).toMatch(/Keywords:\s+TST-001, ภารกิจรับหนังสือราชการ/);
  // the effective date ๙ มี.ค. ๖๔, midnight in Bangkok
  expect(info).toMatch(/CreationDate:\s+2021-03-09T00:00:00\+07/);
  const again = buildSite(join(FIXTURES, 'valid', 'content'));
  try {
    expect(readFileSync(join(again.out, 'pdf', 'test-manual.pdf')).equals(readFileSync(pdf))).toBe(true);
  } finally {
    again.cleanup();
  }
});

test('links to other pages point at the configured site, never at the local print server', () => {
  const raw = readFileSync(join(fixture.out, 'pdf', 'test-manual.pdf'), 'latin1');
  expect(raw).not.toMatch(/127\.0\.0\.1|localhost/);
  for (const uri of raw.matchAll(/\/URI \(([^)]*)\)/g)) expect(uri[1]).toMatch(/^https:\/\/intranet\.example\.go\.th\/khumue\//);
});

test('no script URL anywhere in the built site, and the PDFs link only to http(s), mailto and tel (seed content and the fixture)', () => {
  for (const site of [real, fixture]) {
    for (const f of readdirSync(site.out, { recursive: true }).map(String)) {
      const file = join(site.out, f);
      if (!/\.(?:html|js|json|xml|txt|svg|css)$/.test(f)) continue;
      expect(readFileSync(file, 'utf8'), f).not.toMatch(/javascript:|vbscript:/i);
    }
    for (const f of readdirSync(join(site.out, 'pdf'), { recursive: true })
      .map(String)
      .filter((x) => x.endsWith('.pdf'))) {
      const raw = readFileSync(join(site.out, 'pdf', f), 'latin1');
      expect(raw, f).not.toMatch(/\/S\s*\/(?:JavaScript|Launch|SubmitForm|ImportData)|\/JS\s*[(<]/);
      for (const uri of raw.matchAll(/\/URI\s*\(([^)]*)\)/g)) expect(uri[1], f).toMatch(/^(?:https?:\/\/|mailto:|tel:)/);
    }
  }
});

test('no heading is split across pages: every bookmark of every seed PDF opens the page its whole title is on', async () => {
  const problems: string[] = [];
  const files = seedPdfs();
  for (const f of files) {
    const file = join(real.out, 'pdf', f);
    for (const entry of await outlineOf(file)) {
      if (!compact(pageText(file, entry.page)).includes(compact(entry.title))) problems.push(`${f} p${entry.page}: ${entry.title}`);
    }
  }
  expect(problems).toEqual([]);
});

test('a rebuild with one changed manual re-prints only that manual and the handbook containing it', () => {
  const corpus = corpusWith();
  const root2 = join(import.meta.dirname, '..', '..');
  const out = join(corpus.dir, 'dist');
  // a second office with a KPI of its own: a second volume, which the change must not touch
  writeFileSync(join(corpus.content, 'offices', 'other-office.yaml'), 'name: สำนักงานอื่น\n');
  const kpi = readFileSync(join(corpus.content, 'kpis', 'test-kpi.mdx'), 'utf8').replace('office: test-office', 'office: other-office');
  writeFileSync(join(corpus.content, 'kpis', 'other-kpi.mdx'), kpi);
  const build = () => execFileSync(process.execPath, ['scripts/build.ts', '--content', corpus.content, '--out', out], { cwd: root2, encoding: 'utf8' });
  const printed = (log: string) => [...log.matchAll(/pdf: \d+\/\d+ (\S+) — (?!ไม่เปลี่ยน)/g)].map((m) => m[1]).sort();
  try {
    expect(printed(build())).toEqual(['pdf/handbooks/office-other-office.pdf', 'pdf/handbooks/office-test-office.pdf', 'pdf/test-manual.pdf']);
    const first = readFileSync(join(out, 'pdf', 'test-manual.pdf'));
    const other = readFileSync(join(out, 'pdf', 'handbooks', 'office-other-office.pdf'));
    const again = build();
    expect(again).toContain('0 printed, 3 unchanged');
    expect(readFileSync(join(out, 'pdf', 'test-manual.pdf')).equals(first)).toBe(true);
    const file = join(corpus.content, 'manuals', 'test-manual.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ตรวจสอบทุกครั้ง', 'ตรวจสอบทุกครั้งก่อนส่ง'));
    const changed = build();
    expect(changed).toContain('2 printed, 1 unchanged');
    expect(printed(changed)).toEqual(['pdf/handbooks/office-test-office.pdf', 'pdf/test-manual.pdf']);
    expect(readFileSync(join(out, 'pdf', 'handbooks', 'office-other-office.pdf')).equals(other)).toBe(true);
    expect(execFileSync('pdftotext', [join(out, 'pdf', 'test-manual.pdf'), '-'], { encoding: 'utf8' })).toContain('ตรวจสอบทุกครั้งก่อนส่ง');
    expect(execFileSync('pdftotext', [join(out, 'pdf', 'handbooks', 'office-test-office.pdf'), '-'], { encoding: 'utf8' })).toContain('ตรวจสอบทุกครั้งก่อนส่ง');
  } finally {
    corpus.cleanup();
  }
}, 300_000); // two builds with PDFs: about 27 s on an idle machine

describe('handbooks (เล่มคู่มือ)', () => {
  const dir = join(real.out, 'pdf', 'handbooks');
  test('one volume per content/handbooks entry, and by default one per office that owns documents', () => {
    const files = readdirSync(dir).sort();
    expect(files).toContain('mof-inspection-2564.pdf');
    // the office with a handbook of its own gets no default one
    expect(files).not.toContain('office-mof-inspection.pdf');
    for (const office of ['cgd-region-6', 'esa-chiangmai-5-policy', 'mof-opm', 'ubon-treasury']) expect(files).toContain(`office-${office}.pdf`);
  });

  test('a volume has cover, คำนำ, สารบัญ with true page numbers, its parts in order, ภาคผนวก and the approval page', () => {
    const pdf = join(dir, 'mof-inspection-2564.pdf');
    expectTocMatchesPages(pdf);
    const text = run('pdftotext', ['-layout', pdf, '-']);
    const at = (s: string) => text.indexOf(s);
    expect(at('คำนำ')).toBeGreaterThan(-1);
    expect(at('แผนกระบวนการตามภารกิจของของสำนักตรวจสอบและประเมินผล')).toBeGreaterThan(at('สารบัญ'));
    const appendix = text.lastIndexOf('ภาคผนวก');
    expect(appendix).toBeGreaterThan(at('๑. ชื่อกระบวนการปรับปรุงประสิทธิภาพ'));
    expect(text.lastIndexOf('สตป. 02')).toBeGreaterThan(appendix);
    expect(text.lastIndexOf('หน้าอนุมัติ')).toBeGreaterThan(text.lastIndexOf('สตป. 02'));
    expect(run('pdfinfo', [pdf])).toMatch(/Tagged:\s+yes/);
    expect(run('pdfinfo', [pdf])).toMatch(/Title:\s+แผนกระบวนการตามภารกิจและตัวชี้วัด สำนักตรวจสอบและประเมินผล/);
  });

  test('the work plan of a volume prints on A4 landscape pages, with its page labels', () => {
    const pdf = join(dir, 'office-ubon-treasury.pdf');
    const n = pageCount(pdf);
    const info = run('pdfinfo', ['-f', '1', '-l', String(n), pdf]);
    const landscape = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].filter((m) => Number(m[2]) > Number(m[3])).map((m) => Number(m[1]));
    expect(landscape.length).toBeGreaterThan(0);
    expect(landscape.some((p) => pageText(pdf, p).includes('ระยะเวลาดำเนินงาน'))).toBe(true);
    expectTocMatchesPages(pdf, 2);
  });
});

describe('approver-grade layout of the seed PDFs (issue: print check)', () => {
  test('every seed PDF and volume passes the print check with 0 problems', async () => {
    const { checkPdf, formatPrintProblems } = await import('../../src/print/check.ts');
    const problems = [];
    for (const f of seedPdfs()) problems.push(...(await checkPdf(join(real.out, 'pdf', f), { pdf: f })));
    expect(formatPrintProblems(problems, 'text')).toBe('');
    expect(seedPdfs().length).toBe(9);
  });

  test('/PageLabels: the viewer shows the number printed on each page (ปก, ก ข, ๑ ๒ …)', async () => {
    const pdf = join(real.out, 'pdf', 'esa-cm5-admin.pdf');
    const text = readFileSync(pdf).toString('latin1');
    const nums = /\/PageLabels <<\/Nums \[([^\]]*)\]>>/.exec(text.slice(text.lastIndexOf('/PageLabels')))![1]!;
    const declared = [...nums.matchAll(/<FEFF([0-9A-F]*)>/g)].map((m) => Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
    const printed = labels(pdf).map((l) => compact(l).replace(/-/g, ''));
    expect(declared.length).toBe(pageCount(pdf));
    expect(declared[0]).toBe('ปก');
    declared.forEach((d, i) => {
      if (printed[i]) expect(d, `page ${i + 1}`).toBe(printed[i]);
    });
    expect(declared).toContain('ก');
  });

  test('symbols (➤ ● ✓ ▪) print as SVG at the size of the text, never in a fallback font', () => {
    const html = readFileSync(join(real.out, 'print', 'opm-organization-profile-2561', 'index.html'), 'utf8');
    expect(html).toMatch(/<svg class="sym" viewBox="0 0 10 10" role="img" aria-label="➤">/);
    for (const f of ['opm-organization-profile-2561.pdf', 'handbooks/office-mof-opm.pdf', 'handbooks/office-ubon-treasury.pdf'])
      expect(run('pdffonts', [join(real.out, 'pdf', f)])).not.toMatch(/DejaVu|Liberation|Noto/);
  });

  test('the สารบัญ of a volume lists the headings that components make (strategy tables)', () => {
    const pdf = join(real.out, 'pdf', 'handbooks', 'office-ubon-treasury.pdf');
    const toc = compact(pageText(pdf, 3));
    for (const title of ['แผนปฏิบัติงานกลุ่มงานวิชาการ', 'แผนการปฏิบัติงานด้านการอบรมพัฒนาบุคลากร(USTM)', 'แผนการปฏิบัติงานการกำหนดพื้นที่พิเศษ(USTM)'])
      expect(toc).toContain(title);
    expectTocMatchesPages(pdf, 14);
  });

  test('a table too wide for portrait prints landscape, its totals once; names and dates never break', () => {
    const pdf = join(real.out, 'pdf', 'stp-process-plan-2564.pdf');
    const sizes = run('pdfinfo', ['-f', '1', '-l', String(pageCount(pdf)), pdf]);
    const landscape = [...sizes.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].filter((m) => Number(m[2]) > Number(m[3])).map((m) => Number(m[1]));
    // the inspection table (ผู้ตรวจราชการกระทรวงการคลัง … ค่าใช้จ่าย) is on landscape pages
    const tablePages = Array.from({ length: pageCount(pdf) }, (_, i) => i + 1).filter(
      (p) => /ผู้ตรวจราชการ/.test(pageText(pdf, p)) && /ค่าใช้จ่าย/.test(pageText(pdf, p)),
    );
    expect(tablePages.length).toBeGreaterThan(0);
    for (const p of tablePages) expect(landscape).toContain(p);
    const text = run('pdftotext', ['-layout', pdf, '-']);
    expect(text).not.toMatch(/นายบุญ\s*\n\s*ชัย/);
    expect(text).not.toMatch(/[๐-๙]{1,2}\s*\n\s*(?:มี\.ค\.|ส\.ค\.|ก\.ย\.)/);
  });

  test('a heading that introduces a landscape flowchart table is on the landscape page with it (the one the source has no chart for stays portrait)', () => {
    const pdf = join(real.out, 'pdf', 'esa-cm5-admin.pdf');
    const sizes = run('pdfinfo', ['-f', '1', '-l', String(pageCount(pdf)), pdf]);
    const isLandscape = (p: number) => {
      const m = new RegExp(`Page\\s+${p} size:\\s+([\\d.]+) x ([\\d.]+)`).exec(sizes)!;
      return Number(m[1]) > Number(m[2]);
    };
    const pages = Array.from({ length: pageCount(pdf) }, (_, i) => i + 1).filter(
      (p) => /Flow Chart การปฏิบัติงาน/.test(pageText(pdf, p)) && !/สารบัญ/.test(pageText(pdf, p)) && !/ไม่มีตารางผังงาน/.test(pageText(pdf, p)),
    );
    expect(pages.length).toBe(2);
    for (const p of pages) expect(isLandscape(p), `page ${p}`).toBe(true);
  });

  test('the work plan packs its rows: 34 rows of the Ubon plan on at most 6 landscape pages', () => {
    const pdf = join(real.out, 'pdf', 'handbooks', 'office-ubon-treasury.pdf');
    const pages = Array.from({ length: pageCount(pdf) }, (_, i) => i + 1).filter((p) => /ระยะเวลาดำเนินงาน/.test(pageText(pdf, p)));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(6);
  });

  test('Thai compounds and names stay whole at line ends (กระทรวงการ|คลัง, รับผิด|ชอบ, น้ำ|หนัก)', async () => {
    const { breaksInsideWord } = await import('../../src/domain/thai/line-break.ts');
    const broken: string[] = [];
    for (const f of seedPdfs()) {
      const xml = run('pdftotext', ['-bbox-layout', join(real.out, 'pdf', f), '-']);
      for (const block of xml.matchAll(/<block[^>]*>([\s\S]*?)<\/block>/g)) {
        const lines = [...block[1]!.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((l) =>
          [...l[1]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
        );
        for (let i = 1; i < lines.length; i++)
          if (breaksInsideWord(lines[i - 1]!, lines[i]!)) broken.push(`${f}: ${lines[i - 1]!.slice(-10)}|${lines[i]!.slice(0, 10)}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('the official record on the printed pages (issue: official record, part 1)', () => {
  test('no PDF prints a git commit subject or author; the revision record is the authored one, labelled when the source states none', () => {
    const subjects = execFileSync('git', ['log', '--format=%s%n%an', '--', 'content'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((s) => s.length > 12);
    for (const f of seedPdfs()) {
      const text = run('pdftotext', [join(real.out, 'pdf', f), '-']);
      for (const s of subjects) expect(text, `${f}: ${s}`).not.toContain(s.slice(0, 40));
      expect(text, f).not.toMatch(/maintainers|Seed coverage/);
      expect(compact(text), f).toContain(compact('ประวัติการแก้ไข: ต้นฉบับไม่ระบุประวัติการแก้ไข'));
    }
    const fixtureText = run('pdftotext', [join(fixture.out, 'pdf', 'test-manual.pdf'), '-']);
    expect(compact(fixtureText)).toContain(compact('ปรับปรุงขั้นตอนการลงทะเบียนรับหนังสือ'));
  });

  test('every approval page has ผู้จัดทำ, ผู้ตรวจสอบ and ผู้อนุมัติ, on one page', () => {
    for (const f of [...seedPdfs().map((x) => join(real.out, 'pdf', x)), join(fixture.out, 'pdf', 'test-manual.pdf')]) {
      const last = pageText(f, pageCount(f));
      for (const role of ['หน้าอนุมัติ', 'ผู้จัดทำ', 'ผู้ตรวจสอบ', 'ผู้อนุมัติ']) expect(last, `${f}: ${role}`).toContain(role);
    }
  });

  test("the fixture office's default volume is signed by its own head and deputy", () => {
    const pdf = join(fixture.out, 'pdf', 'handbooks', 'office-test-office.pdf');
    const last = compact(pageText(pdf, pageCount(pdf)));
    expect(last).toContain(compact('(นางรอง ทดสอบดี)'));
    expect(last).toContain(compact('(นายหัวหน้า ทดสอบดี)'));
  });
});
