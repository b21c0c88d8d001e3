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

/** Every collection, in the order the validator reports and the site lists them. */
export const COLLECTIONS: readonly CollectionDef[] = [
  { name: 'offices', format: 'yaml', schema: OfficeSchema, label: 'หน่วยงาน' },
  { name: 'mandates', format: 'yaml', schema: MandateSchema, label: 'ภารกิจตามกฎหมาย' },
  { name: 'missions', format: 'yaml', schema: MissionSchema, label: 'ภารกิจ' },
  { name: 'manuals', format: 'mdx', schema: ManualSchema, label: 'คู่มือ' },
  { name: 'flowcharts', format: 'mdx', schema: FlowchartSchema, label: 'ผังกระบวนการ' },
  { name: 'plans', format: 'mdx', schema: PlanSchema, label: 'แผนปฏิบัติงาน' },
  { name: 'kpis', format: 'mdx', schema: KpiSchema, label: 'ตัวชี้วัด' },
  { name: 'handbooks', format: 'yaml', schema: HandbookSchema, label: 'เล่มคู่มือ' },
];

/** Single YAML files in the content root, each with its schema. */
export const SINGLE_FILES: Readonly<Record<string, z.ZodType>> = { 'site.yaml': SiteSchema, 'glossary.yaml': GlossarySchema };

export type CollectionName = 'offices' | 'mandates' | 'missions' | 'manuals' | 'flowcharts' | 'plans' | 'kpis' | 'handbooks';
export * from './plan-numbers.ts';
