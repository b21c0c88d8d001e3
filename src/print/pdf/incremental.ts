/**
 * The one incremental-update writer: appends objects to a PDF after its last byte with a new
 * cross-reference section and trailer (ISO 32000-1 §7.5.6), so that what Chromium printed —
 * tags, bookmarks, links — stays byte for byte as it was. The document information
 * (print/pdf/metadata.ts) and the signature (print/pdf/sign.ts) are both written through it.
 */

/** What an update needs of the last trailer. */
export interface Trailer {
  /** offset of the last cross-reference section */
  startxref: number;
  /** the trailer's /Size: the next free object number */
  size: number;
  /** `n g R` of the catalog */
  root: string;
  /** `n g R` of the document information, if any */
  info?: string;
  /** the file identifier array, if any */
  id?: string;
}

/** Reads the last trailer of a PDF with a classic cross-reference table; undefined otherwise. */
export function readTrailer(text: string): Trailer | undefined {
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  if (!Number.isFinite(startxref) || !Number.isFinite(size) || !root) return undefined;
  return { startxref, size, root, info: /\/Info (\d+ \d+ R)/.exec(trailer)?.[1], id: /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1] };
}

/** A PDF text string: UTF-16BE with a byte-order mark, as hex (characters past the BMP as surrogate pairs). */
export function textString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

export interface UpdateObject {
  num: number;
  gen: number;
  /** the object's value, e.g. a dictionary `<<…>>` */
  value: string;
}

/**
 * Appends `objects` to the PDF text (latin1) after `trailer`, with a cross-reference section of
 * consecutive subsections and a trailer of /Size, /Root, /Info (`info`, or the old one when
 * `keepInfo`), /ID (`id`, or the old one when `keepId`) and /Prev.
 */
export function appendUpdate(
  text: string,
  trailer: Trailer,
  objects: readonly UpdateObject[],
  options: { size: number; info?: string; keepInfo?: boolean; keepId?: boolean; id?: string },
): string {
  let body = text.endsWith('\n') ? text : `${text}\n`;
  const offsets = new Map<number, [number, number]>();
  for (const o of objects) {
    offsets.set(o.num, [Buffer.byteLength(body, 'latin1'), o.gen]);
    body += `${o.num} ${o.gen} obj\n${o.value}\nendobj\n`;
  }
  const xrefOffset = Buffer.byteLength(body, 'latin1');
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const [offset, gen] = offsets.get(nums[k]!)!;
      xref += `${String(offset).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  const info = options.info ?? (options.keepInfo ? trailer.info : undefined);
  const id = options.id ?? (options.keepId ? trailer.id : undefined);
  return `${body}${xref}trailer\n<</Size ${options.size}\n/Root ${trailer.root}${info ? `\n/Info ${info}` : ''}${id ? `\n/ID ${id}` : ''}\n/Prev ${trailer.startxref}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
}
