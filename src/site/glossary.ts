/** The glossary (content/glossary.yaml; already validated by the build), for its page. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { GlossarySchema, type Glossary } from '../schema/glossary.ts';

export function glossary(): Glossary {
  const file = join(process.env.KHUMUE_CONTENT_DIR ?? 'content', 'glossary.yaml');
  return existsSync(file) ? GlossarySchema.parse(parse(readFileSync(file, 'utf8'))) : { terms: [] };
}
