/**
 * `npm run pdf:verify -- <file.pdf> [more.pdf …] [--trust DIR] [--json]`: every signature of each
 * file — role, signer, time, timestamp (time, authority), PAdES level, whether it matches the
 * revision it covers, whether what follows is only later signatures, the certificate's validity
 * at the signing time and its key usage, the chain against the trust store (the folder of CA
 * certificates the office keeps: `--trust DIR` or KHUMUE_TRUST_DIR) and the revocation status
 * from the data the file embeds. Works offline: the same code runs on the site's /verify/ page.
 * Exit 0 only when every file is valid and trusted: intact but not trusted is never ถูกต้อง.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadTrustStore } from '../src/print/pdf/trust-store.ts';
import { reportLines, verifyPdfSignatures } from '../src/print/pdf/verify.ts';

let parsed;
try {
  parsed = parseArgs({ options: { trust: { type: 'string' }, json: { type: 'boolean', default: false } }, allowPositionals: true });
} catch (error) {
  console.error(`pdf:verify: ${(error as Error).message} (usage: npm run pdf:verify -- <file.pdf> [--trust DIR] [--json])`);
  process.exit(2);
}
const { values, positionals } = parsed;
const files = positionals.filter((a) => a !== '--');
if (!files.length) {
  console.error('ใช้: npm run pdf:verify -- <แฟ้ม.pdf> [--trust โฟลเดอร์ใบรับรอง] (usage: npm run pdf:verify -- <file.pdf> [--trust DIR])');
  process.exit(2);
}
const trustDir = values.trust ?? process.env.KHUMUE_TRUST_DIR;
let trustStore: Buffer[] | undefined;
try {
  trustStore = trustDir ? loadTrustStore(trustDir) : undefined;
} catch (error) {
  console.error(`pdf:verify: อ่านโฟลเดอร์ใบรับรอง ${trustDir} ไม่ได้: ${(error as Error).message} (cannot read the trust store)`);
  process.exit(2);
}
let failed = false;
const json: unknown[] = [];
for (const file of files) {
  let v;
  try {
    v = await verifyPdfSignatures(readFileSync(file), { trustStore });
  } catch (error) {
    console.log(`${file}: อ่านแฟ้มไม่ได้ (cannot read): ${(error as Error).message}`);
    failed = true;
    continue;
  }
  failed ||= v.verdict !== 'valid';
  if (values.json) {
    json.push({ file, ...v });
    continue;
  }
  console.log(`${file}: ${v.summary}`);
  for (const r of v.signatures) for (const [i, line] of reportLines(r).entries()) console.log(`${i ? '    ' : '  '}${line}`);
}
if (values.json) console.log(JSON.stringify(json, null, 2));
process.exitCode = failed ? 1 : 0;
