/** The glossary (content/glossary.yaml; already validated by the build), for its page, read by the content rules. */
import { join } from 'node:path';
import { readEntryText } from '../content/files.ts';
import { readYamlData } from '../content/yaml.ts';
import { GlossarySchema, type Glossary } from '../schema/glossary.ts';

export function glossary(): Glossary {
  const text = readEntryText(join(process.env.KHUMUE_CONTENT_DIR ?? 'content', 'glossary.yaml'));
  const parsed = text === undefined ? undefined : GlossarySchema.safeParse(readYamlData(text.replace(/^\uFEFF/, '')));
  return parsed?.success ? parsed.data : { terms: [] };
}
