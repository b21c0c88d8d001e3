/**
 * Signing: a throwaway certificate with a Thai subject (made here with openssl, never stored in the
 * repository), a build told the certificate alone (KHUMUE_SIGN_CERT) and then `npm run sign` with
 * the key, poppler's pdfsig as the independent verifier, one byte tampered, bytes appended, the
 * clear errors for a wrong password or a missing file, and a build that refuses the key.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, describe, expect, test } from 'vitest';
import { loadIdentity, SigningError, signPdf, verifyPdf } from '../../src/print/pdf/sign.ts';
import { FIXTURES } from '../helpers/corpus.ts';
import { buildSite } from '../helpers/build-site.ts';

const root = join(import.meta.dirname, '..', '..');
const keys = mkdtempSync(join(tmpdir(), 'khumue-keys-'));
const PASSWORD = 'รหัสผ่าน-ทดสอบ-123';
const SIGNER = 'นางสาวทดสอบ ลงนามดี';
const ORG = 'สำนักงานทดสอบระบบ';
/** A throwaway PKCS#12 identity (openssl; never stored), in `dir`: cert.pem, key.pem, id.p12. */
function makeIdentity(dir: string, cn: string, org: string, password: string): string {
  const [key, cert, p12] = ['key.pem', 'cert.pem', 'id.p12'].map((f) => join(dir, f)) as [string, string, string];
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-utf8', '-subj', `/C=TH/O=${org}/CN=${cn}`],
    { stdio: 'pipe' },
  );
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${password}`], { stdio: 'pipe' });
  return p12;
}
makeIdentity(keys, SIGNER, ORG, PASSWORD);
const P12 = join(keys, 'id.p12');

const CERT = join(keys, 'cert.pem');
const signCli = (out: string, env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, ['scripts/sign.ts', '--out', out], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
const site = buildSite(join(FIXTURES, 'valid', 'content'), { env: { KHUMUE_SIGN_CERT: CERT } });
const signed = signCli(site.out, { KHUMUE_SIGN_P12: P12, KHUMUE_SIGN_PASSWORD: PASSWORD });
if (signed.status !== 0) throw new Error(`npm run sign failed:\n${signed.stdout}\n${signed.stderr}`);
const pdfs = readdirSync(join(site.out, 'pdf'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.pdf'))
  .sort()
  .map((f) => join(site.out, 'pdf', f));
const pdfsig = (file: string) => spawnSync('pdfsig', ['-no-ocsp', file], { encoding: 'utf8' });
const verifyCli = (...files: string[]) => spawnSync(process.execPath, ['scripts/pdf-verify.ts', ...files], { cwd: root, encoding: 'utf8' });

afterAll(() => {
  site.cleanup();
  rmSync(keys, { recursive: true, force: true });
});

describe('a build with KHUMUE_SIGN_CERT, then npm run sign with KHUMUE_SIGN_P12 and KHUMUE_SIGN_PASSWORD', () => {
  test('signs every PDF: pdfsig says valid, whole document, PAdES (ETSI.CAdES.detached), Thai signer intact', () => {
    expect(pdfs.length).toBeGreaterThan(0);
    for (const file of pdfs) {
      const out = pdfsig(file).stdout;
      expect(out, file).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain('Total document signed');
      expect(out).toContain('Signature Type: ETSI.CAdES.detached');
      expect(out).toContain(`Signer Certificate Common Name: ${SIGNER}`);
      expect(out).toContain('Signing Hash Algorithm: SHA-256');
    }
  });

  test('the signed PDF is still tagged and keeps its bookmarks', async () => {
    const file = pdfs[0]!;
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
    expect(Number(outlines?.get(PDFName.of('Count'))?.toString() ?? '0')).not.toBe(0);
    expect(doc.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
  });

  test('the approval page, printed before signing, names the digital signer from the certificate', () => {
    const text = execFileSync('pdftotext', [pdfs[0]!, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain(`ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์โดย ${SIGNER} ${ORG}`);
  });

  test('npm run pdf:verify reports signer, time and validity; exit 0', () => {
    const r = verifyCli(pdfs[0]!);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`ผู้ลงนาม (signer): ${SIGNER}, ${ORG}`);
    expect(r.stdout).toMatch(/เวลาลงนาม \(time\): \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+07:00/);
    expect(r.stdout).toContain('valid): yes · ครอบคลุมทั้งแฟ้ม (whole file): yes');
  });
});

describe('tampering', () => {
  test('one byte changed: pdfsig reports a digest mismatch and pdf:verify exits 1', () => {
    const bytes = readFileSync(pdfs[0]!);
    const dir = mkdtempSync(join(tmpdir(), 'khumue-tamper-'));
    try {
      const tampered = Buffer.from(bytes);
      tampered[2000] ^= 0x01;
      writeFileSync(join(dir, 'tampered.pdf'), tampered);
      expect(pdfsig(join(dir, 'tampered.pdf')).stdout).toContain('Digest Mismatch');
      const r = verifyCli(join(dir, 'tampered.pdf'));
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('ไม่ผ่าน (not valid)');
      writeFileSync(join(dir, 'appended.pdf'), Buffer.concat([bytes, Buffer.from('%appended\n')]));
      expect(pdfsig(join(dir, 'appended.pdf')).stdout).toContain('Not total document signed');
      const appended = verifyCli(join(dir, 'appended.pdf'));
      expect(appended.status).toBe(1);
      expect(appended.stdout).toContain('does not cover the whole file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unsigned PDF does not pass', async () => {
    const unsigned = await PDFDocument.create();
    unsigned.addPage();
    const v = await verifyPdf(await unsigned.save());
    expect(v.signed).toBe(false);
  });
});

describe('the signing identity', () => {
  test('a Thai password opens the PKCS#12 file; the name comes from the certificate', () => {
    const id = loadIdentity(P12, PASSWORD);
    expect(id.name).toBe(SIGNER);
    expect(id.organization).toBe(ORG);
  });

  test('a wrong password or a missing file is a clear error, and npm run sign changes no PDF', () => {
    expect(() => loadIdentity(P12, 'wrong')).toThrow(SigningError);
    expect(() => loadIdentity(P12, 'wrong')).toThrow(/KHUMUE_SIGN_PASSWORD does not open/);
    expect(() => loadIdentity(join(keys, 'none.p12'), PASSWORD)).toThrow(/no such file/);
    const before = pdfs.map((f) => readFileSync(f));
    const r = signCli(site.out, { KHUMUE_SIGN_P12: P12, KHUMUE_SIGN_PASSWORD: 'wrong' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('KHUMUE_SIGN_PASSWORD does not open this PKCS#12 file');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    pdfs.forEach((f, i) => expect(readFileSync(f).equals(before[i]!)).toBe(true));
  });

  test('a key whose certificate is not the one the approval pages name is refused', () => {
    const other = mkdtempSync(join(tmpdir(), 'khumue-keys-'));
    try {
      makeIdentity(other, 'นายอื่น ไม่ใช่', ORG, 'x');
      const r = signCli(site.out, { KHUMUE_SIGN_P12: join(other, 'id.p12'), KHUMUE_SIGN_PASSWORD: 'x' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`the approval pages name ${SIGNER}, but this key's certificate is นายอื่น ไม่ใช่'s`);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  test('the build refuses the signing key or its password in its environment, before anything is made', () => {
    const before = readFileSync(pdfs[0]!);
    for (const env of [{ KHUMUE_SIGN_P12: P12, KHUMUE_SIGN_PASSWORD: PASSWORD }, { KHUMUE_SIGN_PASSWORD: PASSWORD }, { KHUMUE_SIGN_P12: P12 }]) {
      const r = spawnSync(process.execPath, ['scripts/build.ts', '--content', join(FIXTURES, 'valid', 'content'), '--out', site.out], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("signing secrets must not be in the build's environment");
      expect(r.stdout).not.toContain('validated'); // stopped before validation, Astro or Chromium started
      expect(readFileSync(pdfs[0]!).equals(before)).toBe(true);
    }
  });

  test('signing is deterministic apart from its time: the same time gives the same bytes', async () => {
    const id = loadIdentity(P12, PASSWORD);
    const doc = await PDFDocument.create();
    doc.addPage();
    const base = Buffer.from(await doc.save({ useObjectStreams: false }));
    const time = new Date('2026-10-01T03:00:00Z');
    const a = await signPdf(base, id, { time });
    const b = await signPdf(base, id, { time });
    expect(a.equals(b)).toBe(true);
    expect((await verifyPdf(a)).valid).toBe(true);
  });
});
