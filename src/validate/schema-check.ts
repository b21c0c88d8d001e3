/** Runs a zod schema over parsed data and turns its issues into located, Thai problems. */
import { fromThaiDigits } from '../domain/thai/index.ts';
import { z } from 'zod';
import type { SourceFile, Path } from './source-file.ts';
import { formatPath } from './problem.ts';
import { closest } from './suggest.ts';

const TYPE_TH: Record<string, string> = {
  string: 'ข้อความ (string)',
  number: 'ตัวเลข (number)',
  int: 'จำนวนเต็ม (integer)',
  boolean: 'ค่า true/false (boolean)',
  array: 'รายการ (list)',
  object: 'ชุดข้อมูล คีย์: ค่า (mapping)',
  record: 'ชุดข้อมูล คีย์: ค่า (mapping)',
  null: 'ค่าว่าง (null)',
  date: 'วันที่ (date)',
  undefined: 'ไม่มีค่า (nothing)',
  nan: 'ตัวเลขที่ไม่ใช่ตัวเลข (NaN)',
};

/** Describes the type of a received value, in Thai with English. */
export function describeType(value: unknown): string {
  if (value === null) return TYPE_TH.null;
  if (Array.isArray(value)) return TYPE_TH.array;
  if (typeof value === 'number' && !Number.isInteger(value)) return 'ตัวเลขทศนิยม (decimal number)';
  if (typeof value === 'object') return TYPE_TH.object;
  return TYPE_TH[typeof value] ?? typeof value;
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

type Issue = z.core.$ZodIssue;

/** Reports one zod issue on the file. */
function reportIssue(file: SourceFile, issue: Issue, base: Path): void {
  const path = [...base, ...(issue.path as Array<string | number>)];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) {
        const key = path[path.length - 1];
        file.report('missing-field', path.slice(0, -1), { key: String(key) }, { at: 'key' });
        // report() locates the parent; the field name is the missing key
        file.problems[file.problems.length - 1].field = formatPath(path);
        return;
      }
      const expected = TYPE_TH[issue.expected] ?? issue.expected;
      // a number typed in Thai digits (weight: ๒๐): say how to write it
      const digits =
        issue.expected === 'number' && typeof input === 'string' && /^\s*-?[๐-๙0-9][๐-๙0-9,]*(?:\.[๐-๙0-9]+)?\s*$/.test(input)
          ? fromThaiDigits(input).replace(/[,\s]/g, '')
          : undefined;
      file.report(
        'wrong-type',
        path,
        { expected: ` ${expected}`, received: ` ${describeType(input)} \`${preview(input)}\`` },
        digits ? { suggestion: digits } : {},
      );
      return;
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      file.report(
        'invalid-value',
        path,
        { received: preview(input), expected: values.map((v) => `\`${v}\``).join(', ') },
        { suggestion: typeof input === 'string' ? closest(input, values) : undefined },
      );
      return;
    }
    case 'invalid_format': {
      if (issue.message === 'id-format' && typeof input === 'string') {
        const slug = input
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '');
        file.report('bad-id', path, { received: input }, { suggestion: slug && slug !== input ? slug : undefined });
      } else if (issue.format === 'url') {
        file.report('wrong-type', path, { expected: ' ที่อยู่เว็บที่ขึ้นต้นด้วย http:// หรือ https:// (an http or https URL)', received: ` \`${preview(input)}\`` });
      } else {
        file.report('wrong-type', path, { expected: ` รูปแบบ \`${issue.format}\``, received: ` \`${preview(input)}\`` });
      }
      return;
    }
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return void file.report('empty-text', path);
      const what = issue.origin === 'array' ? 'มีจำนวนรายการ' : issue.origin === 'string' ? 'มีความยาว' : 'มีค่า';
      file.report('too-small', path, { what, min: `${issue.minimum} (ได้ ${preview(Array.isArray(input) ? input.length : input)})` });
      return;
    }
    case 'too_big': {
      const what = issue.origin === 'array' ? 'มีจำนวนรายการ' : issue.origin === 'string' ? 'มีความยาว' : 'มีค่า';
      file.report('too-big', path, { what, max: `${issue.maximum} (ได้ ${preview(Array.isArray(input) ? input.length : input)})` });
      return;
    }
    case 'not_multiple_of':
      file.report('wrong-type', path, { expected: ` ผลคูณของ ${issue.divisor}`, received: ` \`${preview(input)}\`` });
      return;
    case 'invalid_union': {
      // Report the issues of the branch whose type matched; a plain type error if none did.
      const branches = issue.errors.filter((errs) => errs.length && !errs.some((e) => e.code === 'invalid_type' && e.path.length === 0));
      if (branches.length) {
        const best = branches.sort((a, b) => a.length - b.length)[0];
        for (const e of best) reportIssue(file, e, path);
        return;
      }
      const expected = issue.errors.map((errs) => (errs[0]?.code === 'invalid_type' ? errs[0].expected : '')).filter(Boolean);
      file.report('wrong-type', path, {
        expected: ` ${[...new Set(expected)].map((e) => TYPE_TH[e] ?? e).join(' หรือ ')}`,
        received: ` ${describeType(input)} \`${preview(input)}\``,
      });
      return;
    }
    case 'invalid_element':
      for (const e of issue.issues) reportIssue(file, e, path);
      return;
    case 'custom': {
      const [kind, ...rest] = issue.message.split(':');
      const reason = rest.join(':');
      if (kind === 'invalid-date') return void file.report('invalid-date', path, { reason });
      file.report('wrong-type', path, { expected: '', received: ` ${issue.message}` });
      return;
    }
    default:
      file.report('wrong-type', path, { expected: '', received: ` ${(issue as Issue).message}` });
  }
}

interface Visitor {
  unknownKey(path: Path, key: string, known: string[]): void;
  reference(path: Path, collection: string, value: string): void;
}

type AnySchema = z.core.$ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Unwraps optional/default/pipe wrappers to the schema that decides the shape. */
function unwrap(s: AnySchema): AnySchema {
  for (;;) {
    const def = s._zod.def;
    if ('innerType' in def && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type))
      s = def.innerType as AnySchema;
    else if (def.type === 'pipe') s = def.in as AnySchema;
    else if (def.type === 'lazy') s = (def.getter as () => AnySchema)();
    else return s;
  }
}

/** Walks data alongside its schema: unknown keys, and fields that reference other entries. */
export function walkSchema(schema: AnySchema, value: unknown, path: Path, visitor: Visitor): void {
  const meta = z.globalRegistry.get(schema as unknown as z.ZodType) as { reference?: string } | undefined;
  if (meta?.reference && typeof value === 'string') visitor.reference(path, meta.reference, value);
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return walkSchema(def.innerType as AnySchema, value, path, visitor);
    case 'pipe':
      return walkSchema(def.in as AnySchema, value, path, visitor);
    case 'lazy':
      return walkSchema((def.getter as () => AnySchema)(), value, path, visitor);
    case 'object': {
      if (!isObject(value)) return;
      const shape = (schema as unknown as { shape: Record<string, AnySchema> }).shape;
      for (const key of Object.keys(value)) {
        if (key in shape) walkSchema(shape[key], value[key], [...path, key], visitor);
        else visitor.unknownKey(path, key, Object.keys(shape));
      }
      return;
    }
    case 'array':
      if (Array.isArray(value)) value.forEach((v, i) => walkSchema(def.element as AnySchema, v, [...path, i], visitor));
      return;
    case 'record':
      if (isObject(value)) for (const [k, v] of Object.entries(value)) walkSchema(def.valueType as AnySchema, v, [...path, k], visitor);
      return;
    case 'union': {
      const options = def.options as AnySchema[];
      const wanted = Array.isArray(value) ? 'array' : isObject(value) ? 'object' : typeof value;
      const candidates = options.filter((o) => {
        const t = unwrap(o)._zod.def.type;
        return t === wanted || (wanted === 'object' && t === 'record');
      });
      // among objects, the option whose fields the value uses (a handbook part: manual | plan | kpi | flowchart)
      const keys = isObject(value) ? Object.keys(value) : [];
      const shape = (o: AnySchema) => (unwrap(o)._zod.def as { shape?: Record<string, unknown> }).shape;
      const match = candidates.find((o) => keys.length > 0 && keys.some((k) => shape(o) && k in shape(o)!)) ?? candidates[0];
      if (match) walkSchema(match, value, path, visitor);
      return;
    }
    default:
      return;
  }
}

/** A reference found in the data, to be checked once every collection is loaded. */
export interface FoundReference {
  path: Path;
  collection: string;
  id: string;
}

/**
 * Validates data against a schema: reports every issue, warns on unknown fields with a
 * suggestion, and returns the parsed output (undefined when invalid) and the references found.
 */
export function checkSchema(file: SourceFile, schema: z.ZodType, data: unknown): { output: unknown; references: FoundReference[] } {
  const references: FoundReference[] = [];
  walkSchema(schema as unknown as AnySchema, data, [], {
    unknownKey(path, key, known) {
      file.report('unknown-field', [...path, key], { key }, { at: 'key', suggestion: closest(key, known) });
    },
    reference(path, collection, id) {
      references.push({ path, collection, id });
    },
  });
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) reportIssue(file, issue, []);
    return { output: undefined, references };
  }
  return { output: result.data, references };
}
