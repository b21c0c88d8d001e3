/**
 * The PDF links of the site's pages say what they download — "ดาวน์โหลด PDF (๑๕ หน้า, ๑.๔ MB)" —
 * filled in after printing, since the pages are built before their PDFs are printed from them.
 * A link whose PDF this build did not print (another shard's, or `--no-pdf`) stays without it.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toThaiDigits } from '../domain/thai/index.ts';
import { listHtml } from '../search/build-index.ts';

export function pdfSizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Writes pages and size into every `<a … data-pdf="pdf/x.pdf">…<span class="pdf-info"></span>` of the built pages. */
export function annotatePdfLinks(siteDir: string, printed: ReadonlyArray<{ output: string; pages: number }>, thaiDigits: boolean, skip: string): number {
  const info = new Map<string, string>();
  for (const p of printed) {
    let size: number;
    try {
      size = statSync(join(siteDir, p.output)).size;
    } catch {
      continue;
    }
    const text = ` (${p.pages} หน้า, ${pdfSizeText(size)})`;
    info.set(p.output, thaiDigits ? toThaiDigits(text, { grouping: false }) : text);
  }
  let changed = 0;
  for (const rel of listHtml(siteDir, skip)) {
    if (rel.startsWith('print/')) continue;
    const file = join(siteDir, rel);
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pdf="')) continue;
    const out = html.replace(/(data-pdf="([^"]+)"[^>]*>[\s\S]*?<span class="pdf-info">)(<\/span>)/g, (whole, head: string, pdf: string, tail: string) => {
      const text = info.get(pdf);
      return text ? `${head}${text}${tail}` : whole;
    });
    if (out !== html) {
      writeFileSync(file, out);
      changed++;
    }
  }
  return changed;
}
