/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and
 * code are unchanged since the last build is copied from that build instead of rendered again.
 *
 * A key must change whenever anything the page shows could change, so it is made conservatively:
 *
 * - `shared`: everything any page may read about any document — every entry's fields (all of
 *   them, of every collection), what each MDX body embeds (its components and the flowcharts it
 *   names), site.yaml and glossary.yaml, the edition, the base path and the project's own code.
 *   A change to any document's fields therefore renders the whole site again.
 * - the bodies and git histories a page shows: a manual's page and print page show its own text
 *   and history; a volume's print page shows the text and history of each of its parts.
 *
 * So editing a manual's text (the common edit) renders again only that manual's pages and the
 * volumes it is part of; tests/build/incremental.test.ts builds both ways and compares the output.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { contentDir } from '../content/content-dir.ts';
import { isPublicEdition } from '../content/edition.ts';
import { partsOf } from '../content/rendered.ts';
import { historyOf } from './git-history.ts';

const COLLECTIONS = ['offices', 'mandates', 'missions', 'manuals', 'flowcharts', 'plans', 'kpis', 'handbooks', 'guide'] as const;

/** What a page shows of one entry beyond its fields: its body and its history. */
interface Shown {
  digest?: string | number;
  filePath?: string;
}

/** Every file of the project's own code (src/), in a stable order, hashed. */
function codeDigest(): string {
  const hash = createHash('sha256');
  const src = join(process.cwd(), 'src');
  let files: string[] = [];
  try {
    files = readdirSync(src, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .sort();
  } catch {
    // bundled without its sources: Astro's own module hash still covers the code
  }
  for (const f of files) hash.update(f).update(readFileSync(f));
  return hash.digest('hex');
}

let shared: Promise<string> | undefined;

/** The digest of what every page may read (see above), made once per build. */
export function sharedDigest(): Promise<string> {
  shared ??= (async () => {
    const hash = createHash('sha256');
    hash.update(codeDigest());
    hash.update(`${isPublicEdition() ? 'public' : 'intranet'}\n${import.meta.env.BASE_URL}\n`);
    for (const name of ['site.yaml', 'glossary.yaml']) {
      try {
        hash.update(name).update(readFileSync(join(contentDir(), name)));
      } catch {
        hash.update(`${name}: none`);
      }
    }
    for (const collection of COLLECTIONS) {
      for (const entry of await getCollection(collection)) {
        hash.update(`\n${collection}/${entry.id}\n${entry.filePath ?? ''}\n`);
        hash.update(JSON.stringify(entry.data));
        // what a body embeds: its components, with their props and what they hold
        if ('rendered' in entry && entry.rendered) hash.update(JSON.stringify(partsOf(entry).filter((p) => typeof p !== 'string')));
      }
    }
    return hash.digest('hex');
  })();
  return shared;
}

/** The cache key of a page that shows the fields of any entry and the bodies and histories of `shown`. */
export async function pageKey(...shown: Shown[]): Promise<string> {
  const hash = createHash('sha256').update(await sharedDigest());
  for (const s of shown) {
    hash.update(`\n${s.digest ?? ''}\n`);
    if (s.filePath) hash.update(JSON.stringify(historyOf(s.filePath)));
  }
  return hash.digest('hex').slice(0, 32);
}
