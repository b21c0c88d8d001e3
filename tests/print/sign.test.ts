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
import forge from 'node-forge';
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

  test('npm run pdf:verify reports signer, time, validity and trust; exit 0 only with the signer in the trust store', () => {
    const untrusted = verifyCli(pdfs[0]!);
    expect(untrusted.status).toBe(1);
    expect(untrusted.stdout).toContain('ยังไม่ได้ตรวจการรับรองผู้ลงนาม');
    expect(untrusted.stdout).not.toContain('ลายมือชื่อถูกต้อง');
    const r = verifyCli(pdfs[0]!, '--trust', keys);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`ผู้ลงนาม (signer): ${SIGNER}, ${ORG}`);
    expect(r.stdout).toMatch(/เวลาลงนาม \(time\): \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+07:00/);
    expect(r.stdout).toContain('valid): yes · ครอบคลุมทั้งแฟ้ม (whole file): yes · ได้รับการรับรอง (trusted): yes');
    expect(r.stdout).toContain('ลายมือชื่อถูกต้อง ครอบคลุมทั้งแฟ้ม ผู้ลงนามได้รับการรับรอง');
  });
});

describe('what verification must not accept (issue: official record)', () => {
  /** A throwaway identity made with node-forge, for what openssl here cannot make: past validity, odd key usage. */
  function forgeIdentity(options: { cn: string; org: string; notBefore: Date; notAfter: Date; keyUsage?: Record<string, boolean> }) {
    const keys = forge.pki.rsa.generateKeyPair(2048);
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = '01';
    cert.validity.notBefore = options.notBefore;
    cert.validity.notAfter = options.notAfter;
    const attrs = [
      { name: 'countryName', value: 'TH' },
      { name: 'organizationName', value: forge.util.encodeUtf8(options.org), valueTagClass: forge.asn1.Type.UTF8 },
      { name: 'commonName', value: forge.util.encodeUtf8(options.cn), valueTagClass: forge.asn1.Type.UTF8 },
    ];
    cert.setSubject(attrs as forge.pki.CertificateField[]);
    cert.setIssuer(attrs as forge.pki.CertificateField[]);
    if (options.keyUsage) cert.setExtensions([{ name: 'keyUsage', ...options.keyUsage }]);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
    const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], 'pw', { algorithm: '3des' });
    const p12File = join(keys_dir(), `${options.cn.length}-${Math.random().toString(36).slice(2)}.p12`);
    writeFileSync(p12File, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
    return {
      identity: { name: options.cn, organization: options.org, certificate: der, chain: [], privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey) },
      p12File,
    };
  }
  let scratch: string | undefined;
  const keys_dir = () => (scratch ??= mkdtempSync(join(tmpdir(), 'khumue-forge-')));
  afterAll(() => scratch && rmSync(scratch, { recursive: true, force: true }));
  const now = Date.now();
  const day = 86_400_000;

  test('a same-name self-signed forgery of a changed PDF is intact but not trusted: exit 1, never ถูกต้อง', async () => {
    const unsigned = unsignedOf(readFileSync(pdfs[0]!));
    const forged = forgeIdentity({ cn: SIGNER, org: ORG, notBefore: new Date(now - day), notAfter: new Date(now + 30 * day) });
    // the document changed (same length, so its cross-reference still holds), then signed again under the same Thai name
    const changed = Buffer.from(unsigned.toString('latin1').replace('khumue)', 'khumuX)'), 'latin1');
    expect(changed.equals(unsigned)).toBe(false);
    const file = join(keys_dir(), 'forged.pdf');
    writeFileSync(file, await signPdf(changed, forged.identity));
    const v = await verifyPdf(readFileSync(file), { trustStore: [readCertDer(CERT)] });
    expect(v.valid).toBe(true);
    expect(v.trusted).toBe(false);
    const r = verifyCli(file, '--trust', keys);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('ผู้ลงนามไม่ได้รับการรับรอง');
    expect(r.stdout).not.toContain('ลายมือชื่อถูกต้อง');
  });

  test('an expired certificate, or one without digitalSignature usage, is refused for signing and reported not valid', async () => {
    const expired = forgeIdentity({ cn: 'นายหมดอายุ ทดสอบ', org: ORG, notBefore: new Date(now - 60 * day), notAfter: new Date(now - 30 * day) });
    expect(() => loadIdentity(expired.p12File, 'pw')).toThrow(SigningError);
    expect(() => loadIdentity(expired.p12File, 'pw')).toThrow(/expired or not yet valid/);
    const unsigned = unsignedOf(readFileSync(pdfs[0]!));
    const a = await verifyPdf(await signPdf(unsigned, expired.identity));
    expect(a.valid).toBe(false);
    expect(a.problems.join('\n')).toContain('not valid at the signing time');
    const wrongUsage = forgeIdentity({
      cn: 'นายเข้ารหัส ทดสอบ',
      org: ORG,
      notBefore: new Date(now - day),
      notAfter: new Date(now + 30 * day),
      keyUsage: { keyEncipherment: true },
    });
    expect(() => loadIdentity(wrongUsage.p12File, 'pw')).toThrow(/key usage/);
    const b = await verifyPdf(await signPdf(unsigned, wrongUsage.identity));
    expect(b.valid).toBe(false);
    expect(b.problems.join('\n')).toContain('key usage');
  });

  test('an EC (P-256) PKCS#12 signs: valid for pdf:verify and for pdfsig, Thai signer intact', async () => {
    const dir = keys_dir();
    const [key, cert, p12] = ['ec-key.pem', 'ec-cert.pem', 'ec.p12'].map((f) => join(dir, f)) as [string, string, string];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '30',
        '-utf8',
        '-subj',
        `/C=TH/O=${ORG}/CN=นายวงรี ทดสอบ`,
      ],
      { stdio: 'pipe' },
    );
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:รหัสผ่านไทย'], { stdio: 'pipe' });
    const id = loadIdentity(p12, 'รหัสผ่านไทย');
    expect(id.name).toBe('นายวงรี ทดสอบ');
    expect(() => loadIdentity(p12, 'wrong')).toThrow(/does not open this PKCS#12/);
    const file = join(dir, 'ec-signed.pdf');
    writeFileSync(file, await signPdf(unsignedOf(readFileSync(pdfs[0]!)), id));
    const v = await verifyPdf(readFileSync(file), { trustStore: [readCertDer(cert)] });
    expect(v.problems).toEqual([]);
    expect(v.valid && v.trusted && v.wholeFile).toBe(true);
    expect(v.signer).toBe(`นายวงรี ทดสอบ, ${ORG}`);
    const sig = pdfsig(file).stdout;
    expect(sig).toContain('Signature Validation: Signature is Valid.');
  });

  test('bytes hidden in the /Contents padding after the CMS make the signature not valid', async () => {
    const bytes = readFileSync(pdfs[0]!);
    const text = bytes.toString('latin1');
    const at = text.lastIndexOf('/Contents <') + '/Contents <'.length;
    const end = text.indexOf('>', at);
    const padding = text.slice(at, end).search(/0{64}$/);
    expect(padding).toBeGreaterThan(0);
    const edited = Buffer.from(bytes);
    edited.write('41', at + text.slice(at, end).length - 8, 'latin1');
    const v = await verifyPdf(edited, { trustStore: [readCertDer(CERT)] });
    expect(v.valid).toBe(false);
    expect(v.problems.join('\n')).toContain('zero padding');
    expect((await verifyPdf(bytes, { trustStore: [readCertDer(CERT)] })).valid).toBe(true);
  });
});

/** The PDF as it was before its signature: everything up to the end of the revision before it. */
function unsignedOf(signed: Buffer): Buffer {
  const text = signed.toString('latin1');
  const last = text.lastIndexOf('%%EOF');
  return signed.subarray(0, text.lastIndexOf('%%EOF', last - 1) + '%%EOF\n'.length);
}

function readCertDer(pem: string): Buffer {
  return Buffer.from(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END/.exec(readFileSync(pem, 'utf8'))![1]!.replace(/\s+/g, ''), 'base64');
}

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
    // a fixed moment inside the throwaway certificate's validity (it is valid from the minute it was made)
    const time = new Date(Math.floor(Date.now() / 1000) * 1000);
    const a = await signPdf(base, id, { time });
    const b = await signPdf(base, id, { time });
    expect(a.equals(b)).toBe(true);
    expect((await verifyPdf(a)).valid).toBe(true);
  });
});
