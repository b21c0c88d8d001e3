/**
 * `npm run pdf:verify -- <file.pdf> [more.pdf …]`: the signer, the signing time, and whether the
 * signature is valid and covers the whole file. Exit 1 when any file is unsigned, invalid or only
 * partly covered.
 */
import { readFileSync } from 'node:fs';
import { verifyPdf } from '../src/print/pdf/sign.ts';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (!files.length) {
  console.error('ใช้: npm run pdf:verify -- <แฟ้ม.pdf> (usage: npm run pdf:verify -- <file.pdf>)');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  let v;
  try {
    v = await verifyPdf(readFileSync(file));
  } catch (error) {
    console.log(`${file}: อ่านแฟ้มไม่ได้ (cannot read): ${(error as Error).message}`);
    failed = true;
    continue;
  }
  const ok = v.signed && v.valid && v.wholeFile;
  failed ||= !ok;
  console.log(`${file}: ${ok ? 'ลายมือชื่อถูกต้อง ครอบคลุมทั้งแฟ้ม (signature valid, covers the whole file)' : 'ไม่ผ่าน (not valid)'}`);
  if (v.signer) console.log(`  ผู้ลงนาม (signer): ${v.signer}`);
  if (v.time) console.log(`  เวลาลงนาม (time): ${v.time}`);
  if (v.subFilter) console.log(`  รูปแบบ (format): ${v.subFilter}`);
  console.log(`  ถูกต้อง (valid): ${v.valid ? 'yes' : 'no'} · ครอบคลุมทั้งแฟ้ม (whole file): ${v.wholeFile ? 'yes' : 'no'}`);
  for (const p of v.problems) console.log(`  - ${p}`);
}
process.exitCode = failed ? 1 : 0;
