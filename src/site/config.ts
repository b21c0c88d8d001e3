/** Site settings from content/site.yaml (already validated by the build; defaults when absent). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SiteSchema, type Site } from '../schema/index.ts';

let cached: Site | undefined;

export function siteConfig(): Site {
  if (!cached) {
    const file = join(process.env.KHUMUE_CONTENT_DIR ?? 'content', 'site.yaml');
    cached = SiteSchema.parse(existsSync(file) ? (parse(readFileSync(file, 'utf8')) ?? {}) : {});
  }
  return cached;
}

/** Absolute URL of a site path, when the site URL is configured. */
export function absoluteUrl(path: string): string | undefined {
  const { siteUrl } = siteConfig();
  if (!siteUrl) return undefined;
  return new URL(path.replace(/^\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
