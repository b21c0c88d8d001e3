/**
 * The trust store an office keeps: a folder of CA certificates (PEM or DER; .pem .crt .cer .der),
 * e.g. the Thai government CA's. `npm run pdf:verify --trust DIR` (or KHUMUE_TRUST_DIR) reads it,
 * and the build copies it into the /verify/ page (`trustStore` in content/site.yaml).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The certificates of PEM text (`-----BEGIN CERTIFICATE-----` blocks), as DER. */
export function pemCertificates(text: string): Buffer[] {
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
}

export function loadTrustStore(dir: string): Buffer[] {
  const out: Buffer[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(pem|crt|cer|der)$/i.test(name)) continue;
    const bytes = readFileSync(join(dir, name));
    const text = bytes.toString('latin1');
    const pems = pemCertificates(text);
    out.push(...(pems.length ? pems : text.includes('-----BEGIN') ? [] : [bytes]));
  }
  return out;
}
