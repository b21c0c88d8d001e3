/**
 * Wires each content folder to its schema; the folder comes from KHUMUE_CONTENT_DIR (default
 * content/). Every collection is read by the project's own loader (src/content/loader.ts): the
 * validator's rules for files, frontmatter and YAML, and MDX bodies rendered as data — never
 * compiled — with the components of src/content/schema/components.ts.
 */
import { join } from 'node:path';
import { contentDir } from './content/content-dir.ts';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { contentLoader } from './content/loader.ts';
import { MDX_COMPONENTS, MDX_ELEMENTS, PAGE_IDS } from './content/schema/components.ts';
import { COLLECTION_REGISTRY, type CollectionName } from './content/schema/index.ts';

const base = (name: string) => join(contentDir(), name);
const body = { components: MDX_COMPONENTS, elements: new Set<string>(MDX_ELEMENTS), reservedIds: PAGE_IDS };
/** The project's loader for a collection of the registry (src/content/schema/index.ts). */
const loaderOf = (name: CollectionName) => {
  const { format } = COLLECTION_REGISTRY[name];
  return contentLoader({ folder: base(name), format, body: format === 'mdx' ? body : undefined });
};
const R = COLLECTION_REGISTRY;

// every collection of the registry, each with its own schema (the `satisfies` below fails the
// type check when one is missing)
export const collections = {
  offices: defineCollection({ loader: loaderOf('offices'), schema: R.offices.schema }),
  mandates: defineCollection({ loader: loaderOf('mandates'), schema: R.mandates.schema }),
  missions: defineCollection({ loader: loaderOf('missions'), schema: R.missions.schema }),
  manuals: defineCollection({ loader: loaderOf('manuals'), schema: R.manuals.schema }),
  flowcharts: defineCollection({ loader: loaderOf('flowcharts'), schema: R.flowcharts.schema }),
  plans: defineCollection({ loader: loaderOf('plans'), schema: R.plans.schema }),
  kpis: defineCollection({ loader: loaderOf('kpis'), schema: R.kpis.schema }),
  handbooks: defineCollection({ loader: loaderOf('handbooks'), schema: R.handbooks.schema }),
  // the author's guide (docs/, project documentation, not content), published under /guide/;
  // rendered the same way, with no components
  guide: defineCollection({
    loader: contentLoader({ folder: './docs', format: 'mdx', body: { components: {}, elements: new Set(['table']), reservedIds: PAGE_IDS } }),
    schema: z.object({ title: z.string(), order: z.number(), description: z.string().optional() }),
  }),
} satisfies Record<CollectionName, unknown> & { guide: unknown };
