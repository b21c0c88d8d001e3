/**
 * `npm run pdf:verify -- <file.pdf> [more.pdf …] [--trust DIR]`: the signer, the signing time, and
 * whether the signature is valid (digest and value, the certificate usable for signing at that
 * time, nothing but padding after it in /Contents), covers the whole file, and is made by a
 * certificate that chains to one in the trust store — the folder of CA certificates the office
 * keeps (`--trust DIR` or KHUMUE_TRUST_DIR). Works offline. Exit 0 only when every file is valid,
 * whole and trusted: a signature that is intact but not trusted is never reported as ถูกต้อง.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadTrustStore, verifyPdf } from '../src/print/pdf/sign.ts';

const { values, positionals } = parseArgs({ options: { trust: { type: 'string' } }, allowPositionals: true });
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
for (const file of files) {
  let v;
  try {
    v = await verifyPdf(readFileSync(file), { trustStore });
  } catch (error) {
    console.log(`${file}: อ่านแฟ้มไม่ได้ (cannot read): ${(error as Error).message}`);
    failed = true;
    continue;
  }
  const intact = v.signed && v.valid && v.wholeFile;
  const ok = intact && v.trusted === true;
  failed ||= !ok;
  const verdict = ok
    ? 'ลายมือชื่อถูกต้อง ครอบคลุมทั้งแฟ้ม ผู้ลงนามได้รับการรับรอง (signature valid, covers the whole file, signer trusted)'
    : intact && v.trusted === undefined
      ? 'ลายมือชื่อสมบูรณ์ แต่ยังไม่ได้ตรวจการรับรองผู้ลงนาม ให้ระบุ --trust โฟลเดอร์ใบรับรอง (intact, but the signer was not checked: give --trust DIR)'
      : intact
        ? 'ลายมือชื่อสมบูรณ์ แต่ผู้ลงนามไม่ได้รับการรับรอง (intact, but the signer is not trusted)'
        : 'ไม่ผ่าน (not valid)';
  console.log(`${file}: ${verdict}`);
  if (v.signer) console.log(`  ผู้ลงนาม (signer): ${v.signer}`);
  if (v.time) console.log(`  เวลาลงนาม (time): ${v.time}`);
  if (v.subFilter) console.log(`  รูปแบบ (format): ${v.subFilter}`);
  const yn = (x: boolean | undefined) => (x === undefined ? 'not checked' : x ? 'yes' : 'no');
  console.log(`  ถูกต้อง (valid): ${yn(v.valid)} · ครอบคลุมทั้งแฟ้ม (whole file): ${yn(v.wholeFile)} · ได้รับการรับรอง (trusted): ${yn(v.trusted)}`);
  for (const p of v.problems) console.log(`  - ${p}`);
}
process.exitCode = failed ? 1 : 0;
