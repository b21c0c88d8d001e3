/**
 * Document information for a printed PDF, without rewriting it (a rewrite by pdf-lib would drop
 * Chromium's structure tree): the clock dates Chromium wrote are replaced in place by the content's
 * date (same length, so no offset moves), and a full Info dictionary — title, author, subject,
 * keywords — is appended as an incremental update. Same input, same bytes.
 */

import { SIGNATORIES_KEY, type Signatory } from '../../domain/signatories.ts';
import { appendUpdate, readTrailer, textString } from './incremental.ts';
import { documentId, srgbProfile, streamObject, uuidOf, xmpPacket } from './pdfa.ts';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** ISO date the document is dated by (its content, never the clock) */
  date: string;
  /** who signs it, as its content declares (written as /KhumueSignatories for `npm run sign`) */
  signatories?: Signatory[];
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

/**
 * The document information, the page labels and the PDF/A-2u identification (XMP metadata, sRGB
 * output intent, file identifier), appended as one incremental update.
 */
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
  const producer = producerOf(text);
  const keywords = meta.keywords.join(', ');
  const info =
    `<</Title ${textString(meta.title)}\n/Author ${textString(meta.author)}\n/Subject ${textString(meta.subject)}\n` +
    `/Keywords ${textString(keywords)}\n/Creator (khumue)\n/Producer (${producer})\n/CreationDate (${date})\n/ModDate (${date})` +
    `${meta.signatories ? `\n/${SIGNATORIES_KEY} ${textString(JSON.stringify(meta.signatories))}` : ''}>>`;
  const id = documentId(Buffer.from(text, 'latin1'));
  const xmp = xmpPacket({
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    keywords,
    producer,
    creator: 'khumue',
    date: `${meta.date}T00:00:00+07:00`,
    documentId: uuidOf(id),
  });
  const [infoNum, xmpNum, iccNum] = [size, size + 1, size + 2];
  const objects = [
    { num: infoNum, gen: 0, value: info },
    { num: xmpNum, gen: 0, value: streamObject('/Type /Metadata\n/Subtype /XML', Buffer.from(xmp, 'utf8')) },
    { num: iccNum, gen: 0, value: streamObject('/N 3', srgbProfile()) },
  ];
  // the catalog again, with the page labels, the metadata and the output intent: Chromium writes it as a plain dictionary
  const [rootNum, rootGen] = trailer.root.split(' ').map(Number) as [number, number];
  const catalog = new RegExp(`(?:^|\\n)${rootNum} ${rootGen} obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`).exec(text)?.[1];
  if (!catalog || /\/(?:PageLabels|Metadata|OutputIntents)\b/.test(catalog)) throw new Error('finalizePdf: unexpected PDF catalog');
  const additions = [
    pageLabels?.length ? `/PageLabels ${pageLabelsDict(pageLabels)}` : '',
    `/Metadata ${xmpNum} 0 R`,
    `/OutputIntents [<</Type /OutputIntent\n/S /GTS_PDFA1\n/OutputConditionIdentifier (sRGB IEC61966-2.1)\n/Info (sRGB IEC61966-2.1)\n/DestOutputProfile ${iccNum} 0 R>>]`,
  ].filter(Boolean);
  objects.push({ num: rootNum, gen: rootGen, value: `${catalog.slice(0, -2)}\n${additions.join('\n')}>>` });
  return Buffer.from(appendUpdate(text, trailer, objects, { size: size + 3, info: `${infoNum} 0 R`, id: `[<${id}> <${id}>]` }), 'latin1');
}
