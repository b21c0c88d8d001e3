/**
 * Completion and Thai hover text for the frontmatter of MDX content in VS Code, through the Astro
 * extension's content IntelliSense (setting `astro.content-intellisense`, in .vscode/settings.json).
 * Its language server reads `.astro/collections/collections.json` (which file belongs to which
 * collection) and `.astro/collections/<name>.schema.json`; this writes both for the project's
 * content folder. Astro's own flag (`experimental.contentIntellisense`) is not used: it would write
 * the map of whichever content folder was built last (a test corpus, say), not the author's.
 * Run by `npm run setup`, `npm run new`, `npm run import:mermaid`, and `npm run dev` on every file added.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsonSchemas } from '../content/schema/json-schema.ts';
import { COLLECTIONS } from '../content/schema/index.ts';

const MDX = COLLECTIONS.filter((c) => c.format === 'mdx').map((c) => c.name);

export interface CollectionsManifest {
  collections: { hasSchema: boolean; name: string }[];
  entries: Record<string, string>;
}

/** The language server's map: every MDX file of a collection, by its lower-cased file URL. */
export function collectionsManifest(contentDir: string): CollectionsManifest {
  const entries: Record<string, string> = {};
  for (const name of MDX) {
    const folder = join(contentDir, name);
    if (!existsSync(folder)) continue;
    for (const f of readdirSync(folder, { recursive: true }).map(String).sort())
      if (f.endsWith('.mdx')) entries[pathToFileURL(join(folder, f)).href.toLowerCase()] = name;
  }
  return { collections: MDX.map((name) => ({ hasSchema: true, name })), entries };
}

const writeIfChanged = (file: string, text: string) => {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
};

/** Writes `.astro/collections/` for `contentDir` (default content/); returns how many files are mapped. */
export function writeEditorIntellisense(root: string, contentDir = join(root, 'content')): number {
  const dir = join(root, '.astro', 'collections');
  mkdirSync(dir, { recursive: true });
  for (const s of jsonSchemas()) {
    const name = s.file.replace(/\.schema\.json$/, '');
    if (MDX.includes(name as never)) writeIfChanged(join(dir, s.file), `${JSON.stringify(s.schema, null, 2)}\n`);
  }
  const manifest = collectionsManifest(resolve(contentDir));
  writeIfChanged(join(dir, 'collections.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return Object.keys(manifest.entries).length;
}

/**
 * After a file was added or removed: refreshes the map of the project `contentDir` belongs to (its
 * parent folder, when that holds a package.json: the repository's content/, not a loose test corpus).
 */
export function refreshEditorIntellisense(contentDir: string): void {
  const root = dirname(resolve(contentDir));
  if (!existsSync(join(root, 'package.json'))) return;
  try {
    writeEditorIntellisense(root, contentDir);
  } catch {
    // the editor map is a convenience: a read-only checkout still validates and builds
  }
}
