/**
 * The site's content loader: reads a collection folder with the validator's own rules
 * (content/files.ts, frontmatter.ts, yaml.ts, limits.ts) and renders every MDX body as data
 * (body.ts). It replaces Astro's `glob()` loader, whose frontmatter split and YAML reading
 * differ from the validator's and which hands `.mdx` files to the MDX compiler — turning author
 * text into JavaScript that runs in the build. Here no author byte is ever compiled.
 *
 * A file the validator would reject is skipped (the build has stopped on it already; `npm run
 * dev` shows the validator's message in the overlay).
 */
import { intranetOnly, isPublicEdition, publicData } from './edition.ts';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { renderBody, type BodyOptions } from './body.ts';
import { judgeEntryFile, lstatOrUndefined, readEntryText, type FileFormat } from './files.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { checkMdxLimits, checkYamlLimits } from './limits.ts';
import { readYamlData } from './yaml.ts';

/**
 * The renderer's own code and the schemas are part of every entry's digest: a changed renderer
 * renders again, and a changed schema (a new field with its default) parses every entry again.
 */
const RENDERER = (() => {
  const hash = createHash('sha256');
  let schemas: string[] = [];
  try {
    schemas = readdirSync(new URL('./schema/', import.meta.url))
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => `schema/${f}`);
  } catch {
    // bundled without its sources: the file names alone
  }
  for (const file of ['body.ts', 'url-policy.ts', 'loader.ts', ...schemas]) {
    try {
      hash.update(readFileSync(new URL(`./${file}`, import.meta.url)));
    } catch {
      hash.update(file);
    }
  }
  return hash.digest('hex').slice(0, 16);
})();

export interface ReadEntry {
  id: string;
  absolute: string;
  data: Record<string, unknown>;
  body?: string;
  rendered?: ReturnType<typeof renderBody>;
  text: string;
}

/**
 * Parses one entry file's text as the validator reads it; undefined when the validator would
 * report a problem that stops it (frontmatter, YAML, limits, MDX syntax).
 */
export function parseEntry(raw: string, absolute: string, id: string, format: FileFormat, body?: BodyOptions): ReadEntry | undefined {
  const text = raw.replace(/^\uFEFF/, '');
  if (format === 'yaml') {
    if (checkYamlLimits(text)) return undefined;
    const data = readYamlData(text);
    return isMapping(data) ? { id, absolute, data, text } : undefined;
  }
  const split = splitFrontmatter(text);
  if (!split.ok || checkYamlLimits(split.yaml, 1) || checkMdxLimits(split.padded)) return undefined;
  const data = readYamlData(split.yaml);
  if (!isMapping(data)) return undefined;
  let rendered;
  try {
    rendered = renderBody(split.padded, body ?? { components: {} });
  } catch {
    return undefined; // an MDX syntax error: the validator reports it with its line
  }
  return { id, absolute, data, body: split.body, rendered, text };
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entry files of a folder, by the validator's rules. */
export function entryFiles(folder: string, format: FileFormat): Array<{ id: string; absolute: string }> {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  const out: Array<{ id: string; absolute: string }> = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const absolute = join(folder, name);
    const stats = lstatOrUndefined(absolute);
    if (!stats) continue;
    const verdict = judgeEntryFile(name, stats, format);
    if (verdict.ok) out.push({ id: verdict.id, absolute });
  }
  return out;
}

/** An Astro loader for one collection folder. */
export function contentLoader(options: { folder: string; format: FileFormat; body?: BodyOptions }): Loader {
  return {
    name: 'khumue-content',
    async load(context: LoaderContext) {
      const folder = resolve(options.folder);
      const root = fileURLToPath(context.config.root);
      // what the body is rendered with is part of every digest too: a changed component list renders again
      // … and so is the edition: the public one leaves out intranet-only documents and fields (content/edition.ts)
      const publicEdition = isPublicEdition();
      const renderedWith = `${RENDERER}\n${publicEdition ? 'public' : 'intranet'}\n${JSON.stringify(options.body ?? null, (_, v) => (v instanceof Set ? [...v] : v))}`;
      const loadAll = async () => {
        const seen = new Set<string>();
        for (const file of entryFiles(folder, options.format)) {
          const text = readEntryText(file.absolute);
          if (text === undefined) continue;
          const digest = context.generateDigest(`${renderedWith}\n${text}`);
          const filePath = relative(root, file.absolute).split(sep).join('/');
          const existing = context.store.get(file.id);
          if (existing && existing.digest === digest && existing.filePath === filePath) {
            seen.add(file.id);
            continue;
          }
          const entry = parseEntry(text, file.absolute, file.id, options.format, options.body);
          if (!entry) continue;
          let data: Record<string, unknown>;
          try {
            data = await context.parseData({ id: file.id, data: entry.data, filePath });
            if (publicEdition) {
              if (intranetOnly(data)) continue;
              data = publicData(data);
            }
          } catch {
            // the validator reports schema problems in the author's words; the page is left out
            context.logger.warn(`${filePath}: ข้ามแฟ้มนี้เพราะเนื้อหาไม่ผ่านการตรวจ (skipped: the content has errors — see the validator's report)`);
            continue;
          }
          seen.add(file.id);
          context.store.set({
            id: file.id,
            data,
            filePath,
            digest,
            // the body as parts only: the MDX text itself was two thirds of the data store, which the
            // build holds three times (its file, the module Astro makes of it, the entries)
            ...(entry.rendered ? { rendered: { html: '', metadata: { headings: entry.rendered.headings, parts: entry.rendered.parts } } } : {}),
          });
        }
        for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
      };
      await loadAll();
      const watcher = context.watcher;
      if (watcher) {
        watcher.add(folder);
        let timer: NodeJS.Timeout | undefined;
        const onChange = (path: string) => {
          if (!resolve(path).startsWith(folder + sep)) return;
          clearTimeout(timer);
          timer = setTimeout(() => void loadAll(), 50);
        };
        watcher.on('add', onChange);
        watcher.on('change', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}
