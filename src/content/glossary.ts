/** The glossary (content/glossary.yaml; already validated by the build), for its page, read by the content rules. */
import { contentDir } from './content-dir.ts';
import { join } from 'node:path';
import { readEntryText } from './files.ts';
import { readYamlData } from './yaml.ts';
import { GlossarySchema, type Glossary } from './schema/glossary.ts';

export function glossary(): Glossary {
  const text = readEntryText(join(contentDir(), 'glossary.yaml'));
  const parsed = text === undefined ? undefined : GlossarySchema.safeParse(readYamlData(text.replace(/^\uFEFF/, '')));
  return parsed?.success ? parsed.data : { terms: [] };
}
