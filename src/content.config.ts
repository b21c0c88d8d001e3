/** Wires each content folder to its schema; the folder comes from KHUMUE_CONTENT_DIR (default content/). */
import { existsSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { glob, type Loader } from 'astro/loaders';
import { isPlainMarkdown } from './site/plain-body.ts';
import { FlowchartSchema, HandbookSchema, KpiSchema, ManualSchema, MandateSchema, MissionSchema, OfficeSchema, PlanSchema } from './schema/index.ts';

const base = (name: string) => `${process.env.KHUMUE_CONTENT_DIR ?? './content'}/${name}`;
const yaml = (name: string) => glob({ pattern: '*.{yaml,yml}', base: base(name) });
/**
 * MDX files, with the bodies that are plain Markdown (see site/plain-body.ts) rendered here, at
 * load time, instead of each becoming a module Vite compiles; the others stay MDX.
 */
const mdx = (name: string): Loader => {
  const files = glob({ pattern: '*.mdx', base: base(name) });
  return {
    name: 'khumue-mdx',
    async load(context) {
      await files.load(context);
      for (const entry of context.store.values()) {
        if (!entry.deferredRender || !isPlainMarkdown(entry.body)) continue;
        let rendered;
        try {
          rendered = await context.renderMarkdown(entry.body ?? '');
        } catch {
          continue; // left to the MDX compiler, which reports it in its own words
        }
        rendered.html = rendered.html.replace(/\n$/, ''); // as MDX renders it
        // same digest, so that the next build keeps this rendering while the file is unchanged
        context.store.delete(entry.id);
        context.store.set({ id: entry.id, data: entry.data, body: entry.body, filePath: entry.filePath, digest: entry.digest, rendered });
      }
    },
  };
};

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
