/**
 * `npm run sign [-- --out DIR]`: signs the PDFs a build printed (DIR/pdf/, default dist/), as a
 * step of its own. This is the only process that reads the signing key (KHUMUE_SIGN_P12 and
 * KHUMUE_SIGN_PASSWORD); it reads the finished PDFs as bytes and renders no content.
 *
 * The certificate must be the one the build was told (KHUMUE_SIGN_CERT), because the approval
 * pages, printed before signing, name its holder. Every PDF is signed into a temporary file
 * first; only when all are signed are they renamed into place, so a failure changes nothing.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SIGNER_FILE } from '../src/build/workspace.ts';
import { identityFromEnv, signerName, signerOf, signPdf, SigningError, type SignerCertificate } from '../src/print/pdf/sign.ts';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } }));
  } catch (error) {
    console.error(`sign: ${(error as Error).message}. Usage: npm run sign -- [--out DIR]`);
    return 2;
  }
  const out = resolve(values.out);
  const shown = relative(process.cwd(), out) || out;
  let identity;
  try {
    identity = identityFromEnv();
  } catch (error) {
    if (!(error instanceof SigningError)) throw error;
    console.error(`sign: ${error.message}\nไม่ได้ลงนาม PDF ใน ${shown}/ ไม่เปลี่ยน (nothing was signed)`);
    return 1;
  }
  if (!identity) {
    console.error('sign: ตั้ง KHUMUE_SIGN_P12 และ KHUMUE_SIGN_PASSWORD ก่อนลงนาม (set KHUMUE_SIGN_P12 and KHUMUE_SIGN_PASSWORD to sign)');
    return 1;
  }
  const manifest = join(out, SIGNER_FILE);
  if (!existsSync(manifest)) {
    console.error(
      `sign: ไม่พบ ${relative(process.cwd(), manifest)} หน้าอนุมัติจึงไม่ได้ระบุผู้ลงนาม ให้สร้างใหม่ด้วย KHUMUE_SIGN_CERT=<ใบรับรอง> npm run build (the PDFs were printed without naming a signer: build again with KHUMUE_SIGN_CERT set to the certificate)`,
    );
    return 1;
  }
  const printedFor = JSON.parse(readFileSync(manifest, 'utf8')) as SignerCertificate;
  const mine = signerOf(identity);
  if (printedFor.fingerprint !== mine.fingerprint) {
    console.error(
      `sign: หน้าอนุมัติระบุผู้ลงนาม ${printedFor.name} แต่กุญแจนี้เป็นของ ${mine.name} (the approval pages name ${printedFor.name}, but this key's certificate is ${mine.name}'s; build with its certificate in KHUMUE_SIGN_CERT)`,
    );
    return 1;
  }
  const files = readdirSync(join(out, 'pdf'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(out, 'pdf', f));
  const done: string[] = [];
  let skipped = 0;
  try {
    for (const file of files) {
      const bytes = readFileSync(file);
      if (bytes.includes('/ByteRange')) {
        skipped++; // signed already (a second signer is the official-record issue's)
        continue;
      }
      writeFileSync(`${file}.signing`, await signPdf(bytes, identity));
      done.push(file);
    }
  } catch (error) {
    for (const file of done) rmSync(`${file}.signing`, { force: true });
    console.error(`sign: ลงนามไม่สำเร็จ: ${(error as Error).message} (signing failed; no PDF was changed)`);
    return 1;
  }
  for (const file of done) renameSync(`${file}.signing`, file);
  console.log(
    `sign: ลงนาม PDF ${done.length} ฉบับ โดย ${signerName(identity)}${skipped ? ` ข้าม ${skipped} ฉบับที่ลงนามแล้ว` : ''} (signed ${done.length} PDFs${skipped ? `, ${skipped} already signed` : ''}; certificate ${mine.fingerprint.slice(0, 16)}…)`,
  );
  return 0;
}

process.exitCode = await main();
