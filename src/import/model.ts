/**
 * What an imported document is made of, whatever it came from (Word or PDF): blocks in reading
 * order, each with where it was in the source (for the report), and the source's images and footnotes.
 */
export interface Where {
  /** `ย่อหน้าที่ 12` (Word), `หน้า 3` (PDF) */
  at: string;
}

export interface Heading extends Where {
  kind: 'heading';
  /** 1 = the document's top level */
  level: number;
  text: string;
  /** how it was recognised: by the paragraph's style, or guessed from the ก.พ.ร. outline words or numbering */
  by: 'style' | 'outline' | 'size' | 'numbering';
  /** a number written before it (`๑.`, `๓.๑`), kept as written */
  label?: string;
}

export interface Paragraph extends Where {
  kind: 'paragraph';
  text: string;
  /** a caption (`ภาพที่ ๑ …`) or a paragraph styled as one */
  caption?: boolean;
  /** the document's title page (cover) */
  cover?: boolean;
}

export interface ListItem extends Where {
  kind: 'item';
  /** 0 = top level */
  level: number;
  /** the number as the reader sees it (`๓.๑`, `(ก)`, `1.`); undefined for a bullet */
  label?: string;
  text: string;
  /** numbered by Word's numbering (numbering.xml) or typed by hand */
  by: 'numbering' | 'typed' | 'bullet';
}

export interface Cell {
  text: string;
  colspan: number;
  rowspan: number;
  /** text of drawn symbols (text boxes, shapes) in the cell, and their shapes (Word's preset geometry) */
  shapes: Array<{ text: string; geometry?: string }>;
}

export interface Table extends Where {
  kind: 'table';
  /** rows of cells; a cell covered by another's span is not repeated */
  rows: Cell[][];
  caption?: string;
}

export interface Image extends Where {
  kind: 'image';
  /** file name in the source (media/image1.png) */
  name: string;
  data: Buffer;
  alt: string;
}

export type Block = Heading | Paragraph | ListItem | Table | Image;

export interface ImportedDocument {
  blocks: Block[];
  /** footnote id → text; referenced in text as `[^id]` */
  footnotes: Map<string, string>;
  /** what the reader noticed about the source itself (scanned pages, unreadable parts) */
  notes: string[];
}
