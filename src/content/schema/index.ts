/** The content model: one entry per collection, with its folder, file format and schema. */
import type { z } from 'zod';
import { FlowchartSchema } from './flowchart.ts';
import { KpiSchema } from './kpi.ts';
import { ManualSchema } from './manual.ts';
import { MandateSchema, MissionSchema, OfficeSchema } from './org.ts';
import { PlanSchema } from './plan.ts';
import { GlossarySchema } from './glossary.ts';
import { HandbookSchema } from './handbook.ts';
import { SiteSchema } from './site.ts';

export * from './fields.ts';
export * from './table.ts';
export * from './manual.ts';
export * from './flowchart.ts';
export * from './plan.ts';
export * from './kpi.ts';
export * from './org.ts';
export * from './site.ts';
export * from './glossary.ts';
export * from './handbook.ts';

/** How a collection is stored: MDX with frontmatter, or one YAML document per file. */
export type CollectionFormat = 'mdx' | 'yaml';

export interface CollectionDef {
  /** Folder under content/, also the collection id. */
  name: string;
  format: CollectionFormat;
  schema: z.ZodType;
  /** Thai name for messages and pages. */
  label: string;
}

/**
 * THE collection registry: folder (= collection id), file format, zod schema, Thai label. The
 * site's collections (src/content.config.ts), the validator, the JSON Schemas and the author's
 * guide are all made from it; each entry keeps its own schema type, so pages get typed data.
 */
export const COLLECTION_REGISTRY = {
  offices: { name: 'offices', format: 'yaml', schema: OfficeSchema, label: 'หน่วยงาน' },
  mandates: { name: 'mandates', format: 'yaml', schema: MandateSchema, label: 'ภารกิจตามกฎหมาย' },
  missions: { name: 'missions', format: 'yaml', schema: MissionSchema, label: 'ภารกิจ' },
  manuals: { name: 'manuals', format: 'mdx', schema: ManualSchema, label: 'คู่มือ' },
  flowcharts: { name: 'flowcharts', format: 'mdx', schema: FlowchartSchema, label: 'ผังกระบวนการ' },
  plans: { name: 'plans', format: 'mdx', schema: PlanSchema, label: 'แผนปฏิบัติงาน' },
  kpis: { name: 'kpis', format: 'mdx', schema: KpiSchema, label: 'ตัวชี้วัด' },
  handbooks: { name: 'handbooks', format: 'yaml', schema: HandbookSchema, label: 'เล่มคู่มือ' },
} as const satisfies Record<string, CollectionDef>;

export type CollectionName = keyof typeof COLLECTION_REGISTRY;
/** The data of an entry of a collection, as its schema outputs it. */
export type CollectionData<C extends CollectionName> = z.output<(typeof COLLECTION_REGISTRY)[C]['schema']>;

/** Every collection, in the order the validator reports and the site lists them. */
export const COLLECTIONS: readonly CollectionDef[] = Object.values(COLLECTION_REGISTRY);

/** Single YAML files in the content root, each with its schema. */
export const SINGLE_FILES: Readonly<Record<string, z.ZodType>> = { 'site.yaml': SiteSchema, 'glossary.yaml': GlossarySchema };

export * from './plan-numbers.ts';
