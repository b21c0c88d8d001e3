/** The glossary (content/glossary.yaml): abbreviations and synonyms, shown on the glossary page and used to expand searches. */
import { z } from 'zod';
import { textField } from './fields.ts';

export const GlossaryEntrySchema = z.strictObject({
  /** คำหรือคำย่อที่เป็นหัวเรื่อง (the headword, often an abbreviation) */
  term: textField().describe('คำหรือคำย่อ เช่น สตง. (the headword)'),
  /** คำเต็มและคำอื่นที่ใช้แทนกันได้ (full forms and synonyms; searching any finds all) */
  forms: z.array(textField()).min(1).describe('คำเต็มและคำที่ใช้แทนกันได้ (full forms and synonyms)'),
  /** หมายเหตุ (note shown on the glossary page) */
  note: textField().optional().describe('หมายเหตุ (note)'),
});

export const GlossarySchema = z.strictObject({
  /** รายการคำ (entries) */
  terms: z.array(GlossaryEntrySchema).describe('รายการคำ (entries)'),
});
export type Glossary = z.output<typeof GlossarySchema>;

/** The glossary as search uses it: each entry's headword and forms, one group of equivalents. */
export function glossaryGroups(glossary: Glossary | undefined): string[][] {
  return (glossary?.terms ?? []).map((e) => [e.term, ...e.forms]);
}
