/**
 * How YAML content is read, by the validator and the site's loader alike: YAML 1.2 core schema,
 * strict, unique keys, aliases bounded (a "billion laughs" file is an error, not a hang).
 *
 * Two parsers, one meaning. The `yaml` package keeps every node's position, which the validator
 * needs to name a line; it is also ten times slower than js-yaml (10.4 s against 1.0 s for the
 * 37 MB of YAML in a 10,000-manual corpus). So the data is read with js-yaml (readFast) whenever
 * the text uses only the YAML both read the same way: block and flow sequences, block mappings,
 * plain, quoted and block scalars, with the core schema's scalars resolved by the `yaml` package's
 * own rules (FAST_SCHEMA copies its tests). Anything else (anchors and aliases, tags, flow
 * mappings, merge keys, complex or null keys, directives), and anything js-yaml refuses, goes to
 * the `yaml` package, whose errors the validator reports. Positions are found with the `yaml`
 * package only when a problem is reported (validate/source-file.ts). tests/content/yaml.test.ts
 * reads every seed, fixture and a list of edge cases both ways and compares.
 */
import jsyaml from 'js-yaml';
import { type LineCounter, parseDocument, type Document } from 'yaml';

/** More aliases than this in one file is refused: real content has none. */
export const MAX_YAML_ALIASES = 100;

export function parseYamlDocument(text: string, lineCounter?: LineCounter): Document.Parsed {
  return parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
}

/** The data of a parsed document; throws (a RangeError or the YAML library's error) on alias bombs. */
export function yamlData(doc: Document.Parsed): unknown {
  return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
}

/** A core-schema scalar type: its tests, and its value from the text and the test that matched. */
const core = (tag: string, tests: RegExp[], construct: (s: string, test: number) => unknown) =>
  new jsyaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string | null) => tests.some((t) => t.test(s ?? '')),
    construct: (s: string | null) =>
      construct(
        s ?? '',
        tests.findIndex((t) => t.test(s ?? '')),
      ),
  });

/**
 * The `yaml` package's core schema (yaml/dist/schema/core), test for test, in its order (js-yaml
 * keeps one type per tag, so each tag's tests are one type here).
 */
const INT = [/^0o[0-7]+$/, /^[-+]?[0-9]+$/, /^0x[0-9a-fA-F]+$/];
const FLOAT = [
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
const FAST_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    core('null', [/^(?:~|[Nn]ull|NULL)?$/], () => null),
    core('bool', [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/], (s) => s[0] === 't' || s[0] === 'T'),
    core('int', INT, (s, i) => (i === 0 ? parseInt(s.substring(2), 8) : i === 1 ? parseInt(s, 10) : parseInt(s.substring(2), 16))),
    core('float', FLOAT, (s, i) =>
      i > 0 ? parseFloat(s) : s.slice(-3).toLowerCase() === 'nan' ? Number.NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
    ),
  ],
});

/**
 * What only the `yaml` package reads: anchors and aliases (`&`, `*`: their count is bounded
 * there), tags (`!`), flow mappings (`{`), merge keys (`<<`), directives (`%`), complex keys
 * (`? `), and keys that are null (`~:`, `null:`, `:`), which the two turn into different names;
 * and what js-yaml reads more leniently: a comment right after a quote (`"a"#b`), an implicit key
 * longer than 1024 characters, a quoted scalar or a flow sequence over several lines (js-yaml
 * lets their lines start anywhere), a carriage return that does not end a line.
 */
const ONLY_SLOW =
  /[&*!{]|<<|^%|["']#|\r(?!\n)|\[[^\]\n]*$|^[^\n:]{1024}|^[ \t]*(?:-[ \t]+)*(?:(?:"[^"\n]*"|'[^'\n]*'|[^\s#'"][^\n]*?)[ \t]*:[ \t]+)?(?:"(?:[^"\\\n]|\\.)*|'(?:[^'\n]|'')*)$|^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)|^[ \t]*(?:-[ \t]+)*(?:~|[Nn]ull|NULL)?[ \t]*:(?:[ \t]|$)/m;

/** Marks "read this with the `yaml` package". */
export const SLOW = Symbol('slow');

/** The data of `text` read with js-yaml, or SLOW when the `yaml` package must read it. */
export function readFast(text: string): unknown {
  if (ONLY_SLOW.test(text)) return SLOW;
  try {
    const data = jsyaml.load(text, { schema: FAST_SCHEMA });
    // an empty document: js-yaml gives undefined, the yaml package null (let it say so)
    return data === undefined ? SLOW : data;
  } catch {
    return SLOW;
  }
}

/** Text → data, or undefined when the text is not valid YAML (the validator says why). */
export function readYamlData(text: string): unknown {
  const fast = readFast(text);
  if (fast !== SLOW) return fast;
  try {
    const doc = parseYamlDocument(text);
    if (doc.errors.length || doc.warnings.length) return undefined;
    return yamlData(doc);
  } catch {
    return undefined;
  }
}
