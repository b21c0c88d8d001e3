/**
 * Document information for a printed PDF, without rewriting it (a rewrite by pdf-lib would drop
 * Chromium's structure tree): the clock dates Chromium wrote are replaced in place by the content's
 * date (same length, so no offset moves), and a full Info dictionary — title, author, subject,
 * keywords — is appended as an incremental update. Same input, same bytes.
 */

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** ISO date the document is dated by (its content, never the clock) */
  date: string;
}

/** A PDF text string: UTF-16BE with a byte-order mark, as hex. */
function textString(s: string): string {
  // charCodeAt walks UTF-16 code units, so characters outside the BMP come out as surrogate pairs
  const hex: string[] = ['FEFF'];
  for (let i = 0; i < s.length; i++) hex.push(s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase());
  return `<${hex.join('')}>`;
}

/** `D:YYYYMMDD000000+07'00'` — midnight in Bangkok of the content date (23 characters, like Chromium's). */
function pdfDate(iso: string): string {
  return `D:${iso.replace(/-/g, '')}000000+07'00'`;
}

export function finalizePdf(input: Uint8Array, meta: PdfMetadata): Buffer {
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
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  if (!Number.isFinite(startxref) || !Number.isFinite(size) || !root) throw new Error('finalizePdf: unexpected PDF trailer');
  const body = text.endsWith('\n') ? text : `${text}\n`;
  const info =
    `${size} 0 obj\n<</Title ${textString(meta.title)}\n/Author ${textString(meta.author)}\n/Subject ${textString(meta.subject)}\n` +
    `/Keywords ${textString(meta.keywords.join(', '))}\n/Creator (khumue)\n/Producer (Skia/PDF m156, khumue)\n/CreationDate (${date})\n/ModDate (${date})>>\nendobj\n`;
  const infoOffset = Buffer.byteLength(body, 'latin1');
  const xrefOffset = infoOffset + Buffer.byteLength(info, 'latin1');
  const update = `xref\n${size} 1\n${String(infoOffset).padStart(10, '0')} 00000 n \ntrailer\n<</Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R\n/Prev ${startxref}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body + info + update, 'latin1');
}
