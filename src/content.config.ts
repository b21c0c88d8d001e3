/** Wires each content folder to its schema; the folder comes from KHUMUE_CONTENT_DIR (default content/). */
import { existsSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { glob } from 'astro/loaders';
import { FlowchartSchema, HandbookSchema, KpiSchema, ManualSchema, MandateSchema, MissionSchema, OfficeSchema, PlanSchema } from './schema/index.ts';

const base = (name: string) => `${process.env.KHUMUE_CONTENT_DIR ?? './content'}/${name}`;
const yaml = (name: string) => glob({ pattern: '*.{yaml,yml}', base: base(name) });
const mdx = (name: string) => glob({ pattern: '*.mdx', base: base(name) });

export const collections = {
  offices: defineCollection({ loader: yaml('offices'), schema: OfficeSchema }),
  mandates: defineCollection({ loader: yaml('mandates'), schema: MandateSchema }),
  missions: defineCollection({ loader: yaml('missions'), schema: MissionSchema }),
  manuals: defineCollection({ loader: mdx('manuals'), schema: ManualSchema }),
  flowcharts: defineCollection({ loader: mdx('flowcharts'), schema: FlowchartSchema }),
  plans: defineCollection({ loader: mdx('plans'), schema: PlanSchema }),
  kpis: defineCollection({ loader: mdx('kpis'), schema: KpiSchema }),
  handbooks: defineCollection({ loader: existsSync(base('handbooks')) ? yaml('handbooks') : () => [], schema: HandbookSchema }),
  // the author's guide (docs/, project documentation, not content), published under /guide/
  guide: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './docs' }),
    schema: z.object({ title: z.string(), order: z.number(), description: z.string().optional() }),
  }),
};
