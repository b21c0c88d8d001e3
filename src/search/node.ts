/** Search from Node: the glossary file, the index of a site folder, and a loader over the file system. */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { GlossarySchema, glossaryGroups } from '../content/schema/glossary.ts';
import { IndexBuilder, type IndexStats } from './build-index.ts';
import { SearchIndex } from './engine.ts';

/** The folder, inside a site, that holds its search index. */
export const INDEX_FOLDER = 'search-index';

/** Glossary groups from a glossary.yaml (none when the file does not exist). */
export function readGlossary(file: string): string[][] {
  if (!existsSync(file)) return [];
  return glossaryGroups(GlossarySchema.parse(parse(readFileSync(file, 'utf8'))));
}

/** Indexes every HTML page of `siteDir` into `siteDir/search-index/`. */
export function indexSite(siteDir: string, glossaryFile: string): IndexStats {
  const dir = resolve(siteDir);
  const out = join(dir, INDEX_FOLDER);
  const builder = new IndexBuilder(readGlossary(glossaryFile));
  builder.readFolder(dir, out);
  return builder.write(out);
}

/** Opens the index of a built site folder. */
export function openSiteIndex(siteDir: string): Promise<SearchIndex> {
  const base = join(resolve(siteDir), INDEX_FOLDER);
  return SearchIndex.open((file) => readFile(join(base, file), 'utf8'));
}
