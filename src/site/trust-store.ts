/**
 * The CA certificates the site's /verify/ page trusts: `trustStore` in content/site.yaml, a folder
 * inside content/ (never a path outside it: content cannot make the build read the machine's
 * files). Only what parses as an X.509 certificate is kept — public data; anything else in the
 * folder is ignored.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as pkijs from 'pkijs';
import { contentDir } from '../content/content-dir.ts';
import { siteConfig } from '../content/settings.ts';
import { loadTrustStore } from '../print/pdf/trust-store.ts';

export interface TrustedCa {
  /** the CA's name (CN, O) */
  name: string;
  /** DER, base64 */
  der: string;
}

export function siteTrustStore(): TrustedCa[] {
  const folder = siteConfig().trustStore;
  if (!folder) return [];
  const root = resolve(contentDir());
  const dir = resolve(root, folder);
  if (relative(root, dir).startsWith('..') || !existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return loadTrustStore(join(dir)).flatMap((der) => {
    try {
      const cert = pkijs.Certificate.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer);
      const field = (oid: string) => cert.subject.typesAndValues.find((t) => t.type === oid)?.value.valueBlock.value as string | undefined;
      return [{ name: [field('2.5.4.3'), field('2.5.4.10')].filter(Boolean).join(', ') || 'ไม่ระบุชื่อ', der: der.toString('base64') }];
    } catch {
      return [];
    }
  });
}
