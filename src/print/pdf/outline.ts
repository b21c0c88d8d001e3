/** The bookmarks (outline) of a PDF with the page each one opens: read with pdf-lib, no renderer. */
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** 1-based page the bookmark opens */
  page: number;
  depth: number;
}

export async function outlineOf(file: string | Uint8Array): Promise<OutlineEntry[]> {
  return outlineOfDocument(await PDFDocument.load(typeof file === 'string' ? readFileSync(file) : file, { updateMetadata: false }));
}

/** The bookmarks of a loaded PDF (the printer has it loaded already for the two-pass TOC). */
export function outlineOfDocument(doc: PDFDocument): OutlineEntry[] {
  const pages = doc.getPages().map((p) => p.ref.toString());
  const ctx = doc.context;
  const named = new Map<string, PDFArray>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const walkNames = (node: PDFDict | undefined) => {
    if (!node) return;
    const list = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (list)
      for (let i = 0; i + 1 < list.size(); i += 2) {
        const key = list.lookup(i);
        const value = list.lookup(i + 1);
        const dest = value instanceof PDFDict ? value.lookupMaybe(PDFName.of('D'), PDFArray) : value instanceof PDFArray ? value : undefined;
        const text = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : String(key);
        if (dest) named.set(text, dest);
      }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walkNames(kids.lookup(i, PDFDict));
  };
  walkNames(names);
  const pageOf = (dest: unknown): number => {
    let array: PDFArray | undefined;
    if (dest instanceof PDFArray) array = dest;
    else if (dest instanceof PDFName) array = named.get(dest.decodeText());
    else if (dest instanceof PDFString || dest instanceof PDFHexString) array = named.get(dest.decodeText());
    const ref = array?.get(0);
    return ref instanceof PDFRef ? pages.indexOf(ref.toString()) + 1 : 0;
  };
  const out: OutlineEntry[] = [];
  const walk = (item: PDFDict | undefined, depth: number) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookup(PDFName.of('Title'));
      const dest = node.get(PDFName.of('Dest'))
        ? ctx.lookup(node.get(PDFName.of('Dest')))
        : node.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('D'));
      out.push({ title: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '', page: pageOf(dest), depth });
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return out;
}
