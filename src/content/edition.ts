/**
 * The public edition (`npm run build -- --public`, for the office's web site — ITA o10 asks for the
 * manuals there): what the intranet has, less what content marks intranet-only — `<Intranet>`
 * blocks (components/Intranet.astro), documents with `intranet: true`, and the fields an
 * `intranet: [owner.phone, …]` list names. The loader, the print list and the pages read it here.
 */
import { z } from 'zod';

/** Whether this render is the public edition (the build sets KHUMUE_PUBLIC for it). */
export const isPublicEdition = (): boolean => process.env.KHUMUE_PUBLIC === '1';

type Data = Record<string, unknown>;

/** The whole document is intranet-only. */
export const intranetOnly = (data: unknown): boolean => (data as { intranet?: unknown } | undefined)?.intranet === true;

/** Removes one dotted field path (`owner.phone`; through lists: `approvals.name` from every approval). */
function drop(node: unknown, path: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) drop(item, path);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const [key, ...rest] = path;
  const o = node as Data;
  if (!key || !Object.hasOwn(o, key)) return;
  if (rest.length) drop(o[key], rest);
  else delete o[key];
}

/** The data as the public edition has it: a copy without the fields the document lists as intranet-only. */
export function publicData<T>(data: T): T {
  const fields = (data as { intranet?: unknown }).intranet;
  if (!Array.isArray(fields)) return data;
  const copy = structuredClone(data) as Data;
  for (const f of fields) if (typeof f === 'string') drop(copy, f.split('.'));
  return copy as T;
}

/** The entries of the public edition: intranet-only documents left out, intranet-only fields removed. */
export function publicEntries<E extends { data: unknown }>(entries: readonly E[]): E[] {
  return entries.filter((e) => !intranetOnly(e.data)).map((e) => ({ ...e, data: publicData(e.data) }));
}

/** The field a dotted path names in a schema, when there is one: `undefined` for an unknown field. */
function fieldAt(schema: z.ZodType, path: string[]): z.ZodType | undefined {
  let node: z.ZodType = schema;
  for (const key of path) {
    // through optional, default and list wrappers to the object that holds the key
    for (let unwrapped = true; unwrapped; ) {
      unwrapped = false;
      if (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault) {
        node = node.unwrap() as z.ZodType;
        unwrapped = true;
      } else if (node instanceof z.ZodArray) {
        node = node.element as z.ZodType;
        unwrapped = true;
      }
    }
    if (!(node instanceof z.ZodObject)) return undefined;
    const next = (node.shape as Record<string, z.ZodType>)[key];
    if (!next) return undefined;
    node = next;
  }
  return node;
}

/** Why a listed field cannot be left out: not a field of the schema, or one a document must have. */
export function intranetFieldProblem(schema: z.ZodType, path: string): 'unknown' | 'required' | undefined {
  const field = fieldAt(schema, path.split('.'));
  if (!field) return 'unknown';
  return field.safeParse(undefined).success ? undefined : 'required';
}
