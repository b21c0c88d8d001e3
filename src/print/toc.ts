/**
 * Two-pass table of contents: after a print, read the page of every TOC target from the PDF's
 * named destinations (Chromium writes one for every internal link target), turn it into the label
 * printed on that page, and write the labels into the TOC's number slots.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { toThaiDigits } from '../domain/thai/digits.ts';
import { type OutlineEntry, outlineOfDocument } from './pdf/outline.ts';

/** Decodes a PDF name (`#E0#B8#AA` escapes; Chromium also percent-encodes) to text. */
function nameText(name: PDFName): string {
  const raw = name.asString().replace(/^\//, '');
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '#' && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(raw.charCodeAt(i));
  }
  const text = Buffer.from(bytes).toString('utf8');
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Zero-based page index of every named destination, the page count and the bookmarks. */
export async function destinationPages(pdf: Uint8Array): Promise<{ pages: Map<string, number>; count: number; outline: OutlineEntry[] }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const refs = doc.getPages().map((p) => p.ref);
  const index = (ref: PDFRef) => refs.findIndex((r) => r.objectNumber === ref.objectNumber && r.generationNumber === ref.generationNumber);
  const pages = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) {
    let target = doc.context.lookup(value);
    if (target instanceof PDFDict) target = target.lookup(PDFName.of('D'));
    if (!(target instanceof PDFArray)) continue;
    const page = target.get(0);
    if (page instanceof PDFRef) pages.set(nameText(key), index(page));
  }
  return { pages, count: refs.length, outline: outlineOfDocument(doc) };
}

const THAI_ALPHA = 'กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ';

/**
 * The label printed on a page: body pages count from the body's first page (๑, ๒, …), front-matter
 * pages from the first front page (ก, ข, …), the same rules as print.css.
 */
export function pageLabel(page: number, bodyStart: number, frontStart: number | undefined): string {
  if (page >= bodyStart) return toThaiDigits(String(page - bodyStart + 1));
  if (frontStart !== undefined && page >= frontStart) return THAI_ALPHA[(page - frontStart) % THAI_ALPHA.length];
  return '';
}
