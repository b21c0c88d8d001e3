/**
 * Document information for a printed PDF, without rewriting it (a rewrite by pdf-lib would drop
 * Chromium's structure tree): the clock dates Chromium wrote are replaced in place by the content's
 * date (same length, so no offset moves), and a full Info dictionary — title, author, subject,
 * keywords — is appended as an incremental update. Same input, same bytes.
 */

import { appendUpdate, readTrailer, textString } from './incremental.ts';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** ISO date the document is dated by (its content, never the clock) */
  date: string;
}

/**
 * /PageLabels (ISO 32000-1 §12.4.2) from the label printed on each page (ปก, ก, ข, ๑, ๒, …): one
 * range per page with the label as its prefix — PDF has no Thai numbering style — so a viewer's page
 * box says "๓" where the page reads "- ๓ -".
 */
export function pageLabelsDict(labels: readonly string[]): string {
  return `<</Nums [${labels.map((l, i) => `${i} <</P ${textString(l)}>>`).join(' ')}]>>`;
}

/** `D:YYYYMMDD000000+07'00'` — midnight in Bangkok of the content date (23 characters, like Chromium's). */
function pdfDate(iso: string): string {
  return `D:${iso.replace(/-/g, '')}000000+07'00'`;
}

/**
 * The producer: the PDF library the browser printed with, as it wrote itself into the file
 * (`Skia/PDF m156` for Chromium 156), and khumue — read from the PDF, never hard-coded.
 */
function producerOf(text: string): string {
  const printer = /\/Producer \(([^()\\]{1,60})\)/.exec(text)?.[1];
  return printer ? `${printer}, khumue` : 'khumue';
}

export function finalizePdf(input: Uint8Array, meta: PdfMetadata, pageLabels?: readonly string[]): Buffer {
  let text = Buffer.from(input).toString('latin1');
  const date = pdfDate(meta.date);
  text = text.replace(/\/(CreationDate|ModDate) \(D:[^)]{21}\)/g, (_, key: string) => `/${key} (${date})`);
  // Structure elements carry Chromium's DOM node ids (node00000060), which depend on the order the
  // browser happened to number nodes in; renumber them by first appearance, same length, same offsets.
  const ids = new Map<string, string>();
  text = text.replace(/\(node(\d{8})\)/g, (_, old: string) => {
    if (!ids.has(old)) ids.set(old, String(ids.size + 1).padStart(8, '0'));
    return `(node${ids.get(old)})`;
  });
  const trailer = readTrailer(text);
  if (!trailer) throw new Error('finalizePdf: unexpected PDF trailer');
  const { size } = trailer;
  const info =
    `<</Title ${textString(meta.title)}\n/Author ${textString(meta.author)}\n/Subject ${textString(meta.subject)}\n` +
    `/Keywords ${textString(meta.keywords.join(', '))}\n/Creator (khumue)\n/Producer (${producerOf(text)})\n/CreationDate (${date})\n/ModDate (${date})>>`;
  const objects = [{ num: size, gen: 0, value: info }];
  if (pageLabels?.length) {
    // the catalog again, with /PageLabels: Chromium writes it as a plain dictionary
    const [rootNum, rootGen] = trailer.root.split(' ').map(Number) as [number, number];
    const catalog = new RegExp(`(?:^|\\n)${rootNum} ${rootGen} obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`).exec(text)?.[1];
    if (!catalog || catalog.includes('/PageLabels')) throw new Error('finalizePdf: unexpected PDF catalog');
    objects.push({ num: rootNum, gen: rootGen, value: `${catalog.slice(0, -2)}\n/PageLabels ${pageLabelsDict(pageLabels)}>>` });
  }
  return Buffer.from(appendUpdate(text, trailer, objects, { size: size + 1, info: `${size} 0 R` }), 'latin1');
}
