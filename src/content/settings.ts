/**
 * Site settings from content/site.yaml, read by the content rules (content/files.ts, yaml.ts).
 * The build has validated them; in `npm run dev` a setting the validator rejects (a `javascript:`
 * siteUrl, say) is left at its default instead of reaching a page, and the overlay says why.
 */
import { contentDir } from './content-dir.ts';
import { join } from 'node:path';
import { readEntryText } from './files.ts';
import { readYamlData } from './yaml.ts';
import { SiteSchema, type Site } from './schema/index.ts';

let cached: Site | undefined;

export function siteConfig(): Site {
  if (!cached) {
    const text = readEntryText(join(contentDir(), 'site.yaml'));
    const raw = text === undefined ? {} : readYamlData(text.replace(/^\uFEFF/, ''));
    const data: Record<string, unknown> = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...raw } : {};
    let parsed = SiteSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) delete data[String(issue.path[0])];
      parsed = SiteSchema.safeParse(data);
    }
    cached = parsed.success ? parsed.data : SiteSchema.parse({});
  }
  return cached;
}

/** Absolute URL of a site path, when the site URL is configured. */
export function absoluteUrl(path: string): string | undefined {
  const { siteUrl } = siteConfig();
  if (!siteUrl) return undefined;
  return new URL(path.replace(/^\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
