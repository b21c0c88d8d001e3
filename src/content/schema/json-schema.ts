/**
 * JSON Schemas of the content, generated from the zod schemas (zod 4 `toJSONSchema`, the input
 * side): for editors (VS Code offers fields, enum values and the Thai descriptions as hover text)
 * and other tools. Unknown fields are marked as not allowed, as the validator warns about them.
 */
import { z } from 'zod';
import { COLLECTIONS, SINGLE_FILES } from './index.ts';

export interface SchemaFile {
  /** file name under schemas/ */
  file: string;
  /** globs of the content files it describes (relative to the repository) */
  globs: string[];
  /** whether it describes YAML files (MDX frontmatter is described but not wired to the YAML extension) */
  yaml: boolean;
  schema: Record<string, unknown>;
}

function closeObjects(node: unknown): void {
  if (Array.isArray(node)) node.forEach(closeObjects);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'object' && o.properties && o.additionalProperties === undefined) o.additionalProperties = false;
    for (const v of Object.values(o)) closeObjects(v);
  }
}

function toJson(schema: z.ZodType, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  closeObjects(json);
  return { ...json, title };
}

export function jsonSchemas(): SchemaFile[] {
  return [
    ...COLLECTIONS.map((c) => ({
      file: `${c.name}.schema.json`,
      globs: c.format === 'yaml' ? [`content/${c.name}/*.yaml`, `content/${c.name}/*.yml`] : [`content/${c.name}/*.mdx`],
      yaml: c.format === 'yaml',
      schema: toJson(c.schema, `${c.label} (content/${c.name}${c.format === 'mdx' ? ', ส่วนหัว frontmatter' : ''})`),
    })),
    ...Object.entries(SINGLE_FILES).map(([name, schema]) => ({
      file: name.replace(/\.yaml$/, '.schema.json'),
      globs: [`content/${name}`],
      yaml: true,
      schema: toJson(schema, `content/${name}`),
    })),
  ];
}
