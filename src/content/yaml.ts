/**
 * How YAML content is read, by the validator and the site's loader alike: YAML 1.2 core schema,
 * strict, unique keys, aliases bounded (a "billion laughs" file is an error, not a hang).
 */
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

/** Text → data, or undefined when the text is not valid YAML (the validator says why). */
export function readYamlData(text: string): unknown {
  try {
    const doc = parseYamlDocument(text);
    if (doc.errors.length || doc.warnings.length) return undefined;
    return yamlData(doc);
  } catch {
    return undefined;
  }
}
