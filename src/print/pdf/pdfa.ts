/**
 * PDF/A-2u identification of a printed PDF, written in the same incremental update as its
 * document information (print/pdf/metadata.ts): an XMP metadata stream with pdfaid part 2,
 * conformance U and the document information's title, author, subject, keywords, tool and dates
 * (the same values, as ISO 19005-2 §6.6.2.3 asks); an sRGB output intent (GTS_PDFA1) with an ICC
 * profile made here; the file identifier (/ID).
 *
 * This identifies the file as PDF/A and meets the requirements listed in README ("PDF/A"); it
 * does not prove conformance: no validator (veraPDF) runs here, so nothing claims more.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../content/body.ts';

const s15 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(Math.round(v * 65536));
  return b;
};
const xyz = (x: number, y: number, z: number) => Buffer.concat([Buffer.from('XYZ \0\0\0\0', 'latin1'), s15(x), s15(y), s15(z)]);
const pad4 = (b: Buffer) => (b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b);

/** The sRGB transfer function, as a 1024-point ICC curve. */
function srgbCurve(): Buffer {
  const n = 1024;
  const b = Buffer.alloc(12 + n * 2);
  b.write('curv', 0, 'latin1');
  b.writeUInt32BE(n, 8);
  for (let i = 0; i < n; i++) {
    const v = i / (n - 1);
    const lin = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    b.writeUInt16BE(Math.round(lin * 65535), 12 + i * 2);
  }
  return b;
}

function textDescription(text: string): Buffer {
  const ascii = Buffer.from(`${text}\0`, 'latin1');
  const head = Buffer.alloc(12);
  head.write('desc', 0, 'latin1');
  head.writeUInt32BE(ascii.length, 8);
  // Unicode and ScriptCode parts empty: language 0, count 0; script code 0, count 0, 67 bytes
  return Buffer.concat([head, ascii, Buffer.alloc(8), Buffer.alloc(3 + 67)]);
}

let profile: Buffer | undefined;
/**
 * An ICC v2 display profile for sRGB (IEC 61966-2-1): D50-adapted primaries (Bradford), D50
 * white point, the sRGB curve — the values of the profile the colour standard publishes, made in
 * code so that nothing of unknown licence is shipped. About 2.5 KB.
 */
export function srgbProfile(): Buffer {
  if (profile) return profile;
  const curve = srgbCurve();
  const tags: Array<[string, Buffer]> = [
    ['desc', textDescription('sRGB IEC61966-2.1')],
    ['cprt', Buffer.concat([Buffer.from('text\0\0\0\0', 'latin1'), Buffer.from('No copyright, use freely\0', 'latin1')])],
    ['wtpt', xyz(0.9642, 1.0, 0.8249)],
    ['rXYZ', xyz(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyz(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyz(0.1431, 0.0606, 0.7141)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const tableSize = 4 + tags.length * 12;
  let offset = 128 + tableSize;
  const table = Buffer.alloc(tableSize);
  table.writeUInt32BE(tags.length, 0);
  const data: Buffer[] = [];
  const placed = new Map<Buffer, number>();
  tags.forEach(([sig, body], i) => {
    let at = placed.get(body);
    if (at === undefined) {
      at = offset;
      placed.set(body, at);
      const padded = pad4(body);
      data.push(padded);
      offset += padded.length;
    }
    table.write(sig, 4 + i * 12, 'latin1');
    table.writeUInt32BE(at, 8 + i * 12);
    table.writeUInt32BE(body.length, 12 + i * 12);
  });
  const header = Buffer.alloc(128);
  header.writeUInt32BE(offset, 0);
  header.writeUInt32BE(0x02100000, 8); // version 2.1
  header.write('mntrRGB XYZ ', 12, 'latin1');
  // date: 2000-01-01 00:00:00 (fixed, so the bytes never change)
  [2000, 1, 1, 0, 0, 0].forEach((v, i) => header.writeUInt16BE(v, 24 + i * 2));
  header.write('acsp', 36, 'latin1');
  s15(0.9642).copy(header, 68);
  s15(1.0).copy(header, 72);
  s15(0.8249).copy(header, 76);
  profile = Buffer.concat([header, table, ...data]);
  return profile;
}

const xml = escapeHtml;

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  producer: string;
  creator: string;
  /** ISO date-time with zone, e.g. 2024-10-01T00:00:00+07:00 */
  date: string;
  documentId: string;
}

/** The XMP packet (UTF-8) of a PDF/A-2u document. */
export function xmpPacket(f: XmpFields): string {
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>U</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(f.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(f.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(f.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>th</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>${xml(f.keywords)}</pdf:Keywords>
   <pdf:Producer>${xml(f.producer)}</pdf:Producer>
   <xmp:CreatorTool>${xml(f.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>${f.date}</xmp:CreateDate>
   <xmp:ModifyDate>${f.date}</xmp:ModifyDate>
   <xmp:MetadataDate>${f.date}</xmp:MetadataDate>
   <xmpMM:DocumentID>uuid:${f.documentId}</xmpMM:DocumentID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** A stream object's value (dictionary entries without << >>, binary data) for appendUpdate, in latin1. */
export function streamObject(entries: string, data: Buffer): string {
  return `<<${entries}\n/Length ${data.length}>>\nstream\n${data.toString('latin1')}\nendstream`;
}

/** A file identifier from the bytes Chromium printed: same input, same identifier. */
export function documentId(printed: Uint8Array): string {
  return createHash('md5').update(printed).digest('hex').toUpperCase();
}

/** `8-4-4-4-12` of a 32-digit hex identifier. */
export const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`.toLowerCase();
