/**
 * Wires each content folder to its schema; the folder comes from KHUMUE_CONTENT_DIR (default
 * content/). Every collection is read by the project's own loader (src/content/loader.ts): the
 * validator's rules for files, frontmatter and YAML, and MDX bodies rendered as data — never
 * compiled — with the components of src/schema/components.ts.
 */
import { join } from 'node:path';
import { contentDir } from './content/content-dir.ts';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { contentLoader } from './content/loader.ts';
import { MDX_COMPONENTS, PAGE_IDS } from './schema/components.ts';
import { FlowchartSchema, HandbookSchema, KpiSchema, ManualSchema, MandateSchema, MissionSchema, OfficeSchema, PlanSchema } from './schema/index.ts';

const base = (name: string) => join(contentDir(), name);
const body = { components: MDX_COMPONENTS, elements: new Set(['table']), reservedIds: PAGE_IDS };
const yaml = (name: string) => contentLoader({ folder: base(name), format: 'yaml' });
const mdx = (name: string) => contentLoader({ folder: base(name), format: 'mdx', body });

export const collections = {
  offices: defineCollection({ loader: yaml('offices'), schema: OfficeSchema }),
  mandates: defineCollection({ loader: yaml('mandates'), schema: MandateSchema }),
  missions: defineCollection({ loader: yaml('missions'), schema: MissionSchema }),
  manuals: defineCollection({ loader: mdx('manuals'), schema: ManualSchema }),
  flowcharts: defineCollection({ loader: mdx('flowcharts'), schema: FlowchartSchema }),
  plans: defineCollection({ loader: mdx('plans'), schema: PlanSchema }),
  kpis: defineCollection({ loader: mdx('kpis'), schema: KpiSchema }),
  handbooks: defineCollection({ loader: yaml('handbooks'), schema: HandbookSchema }),
  // the author's guide (docs/, project documentation, not content), published under /guide/;
  // rendered the same way, with no components
  guide: defineCollection({
    loader: contentLoader({ folder: './docs', format: 'mdx', body: { components: {}, elements: new Set(['table']), reservedIds: PAGE_IDS } }),
    schema: z.object({ title: z.string(), order: z.number(), description: z.string().optional() }),
  }),
};
