/**
 * Signing as a workflow (issue: the official record). A throwaway CA with a Thai name, signers it
 * issued, a time-stamping authority on 127.0.0.1 and a CRL, all made here with openssl
 * (tests/helpers/pki.ts); one fixture build; poppler's pdfsig and `openssl ts -verify` as the
 * independent verifiers; pdftoppm to see the appearances; the /verify/ page in Chromium.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appearanceLines, renderAppearances } from '../../src/print/pdf/appearance.ts';
import { loadIdentity, SigningError, signPdf } from '../../src/print/pdf/sign.ts';
import { verifyPdfSignatures } from '../../src/print/pdf/verify.ts';
import { openSite } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { FIXTURES } from '../helpers/corpus.ts';
import { makePki, PKI_PASSWORD, startTsa } from '../helpers/pki.ts';

const root = join(import.meta.dirname, '..', '..');
const PREPARER = 'นางสาวจัดทำ ทดสอบดี';
const REVIEWER = 'นายตรวจสอบ ทดสอบดี';
const APPROVER = 'นายทดสอบ ระบบดี';
const STRANGER = 'นายอื่น ไม่ใช่';
const REVOKED = 'นายเพิกถอน ทดสอบ';
const pki = makePki([PREPARER, REVIEWER, APPROVER, STRANGER, REVOKED]);
const site = buildSite(join(FIXTURES, 'valid', 'content'));
const printed = join(site.out, 'pdf', 'test-manual.pdf');
const work = mkdtempSync(join(tmpdir(), 'khumue-signing-'));
const exec = promisify(execFile);
let tsa: Awaited<ReturnType<typeof startTsa>>;

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}
/** `npm run sign` — asynchronously, so that the TSA in this process can answer. */
async function signCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  try {
    const r = await exec(process.execPath, ['scripts/sign.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, KHUMUE_SIGN_PASSWORD: PKI_PASSWORD, ...env },
    });
    return { status: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { status: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
const verifyCli = (...args: string[]) => spawnSync(process.execPath, ['scripts/pdf-verify.ts', ...args], { cwd: root, encoding: 'utf8' });
const verdictOf = (file: string, trust?: string) => {
  const r = verifyCli(file, '--json', ...(trust ? ['--trust', trust] : []));
  return (JSON.parse(r.stdout) as Array<{ verdict: string }>)[0]!.verdict;
};
const pdfsig = (file: string) => spawnSync('pdfsig', ['-nocert', '-no-ocsp', file], { encoding: 'utf8' }).stdout;
const file = (name: string) => join(work, name);

/** The files the workflow makes, shared by the tests below (made once). */
const made = {
  one: file('one.pdf'),
  two: file('two.pdf'),
  three: file('three.pdf'),
  /** the third signature with the validation data after it (B-LT) */
  lt: file('lt.pdf'),
};

beforeAll(async () => {
  tsa = await startTsa(pki);
  const common = ['--tsa', tsa.url];
  const steps: Array<[string, string, string, string]> = [
    [printed, made.one, 'ผู้จัดทำ', PREPARER],
    [made.one, made.two, 'ผู้ตรวจสอบ', REVIEWER],
    [made.two, made.three, 'ผู้อนุมัติ', APPROVER],
  ];
  for (const [input, output, role, name] of steps) {
    const r = await signCli([input, '--role', role, '--p12', pki.p12(name), '--out', output, ...common]);
    if (r.status !== 0) throw new Error(`npm run sign failed:\n${r.stdout}\n${r.stderr}`);
  }
  const lt = await signCli([made.two, '--role', 'ผู้อนุมัติ', '--p12', pki.p12(APPROVER), '--out', made.lt, ...common, '--crl', pki.crl]);
  if (lt.status !== 0) throw new Error(`npm run sign --crl failed:\n${lt.stdout}\n${lt.stderr}`);
}, 240_000);

afterAll(async () => {
  await tsa?.close();
  site.cleanup();
  pki.cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** The signature fields of a PDF: name, page index and rectangle of each widget. */
async function widgets(path: string) {
  const doc = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  const pages = doc.getPages();
  const form = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  return form
    .lookup(PDFName.of('Fields'), PDFArray)
    .asArray()
    .map((ref) => {
      const f = doc.context.lookup(ref as PDFRef, PDFDict);
      const rect = f
        .lookup(PDFName.of('Rect'), PDFArray)
        .asArray()
        .map((n) => Number(n.toString())) as [number, number, number, number];
      const page = pages.findIndex((p) => p.ref === f.get(PDFName.of('P')));
      return { name: f.get(PDFName.of('T'))!.toString(), page, rect, doc, dict: f };
    });
}

/** A page rendered by pdftoppm in grey (PGM), as rows of 0–255. */
function renderGrey(path: string, page: number, dpi = 50): { width: number; height: number; at: (x: number, y: number) => number } {
  const out = join(work, `grey-${Math.random().toString(36).slice(2)}`);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page + 1), '-l', String(page + 1), '-singlefile', path, out]);
  const pgm = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = pgm.subarray(header[0].length);
  return { width, height, at: (x, y) => data[y * width + x]! };
}

/** The mean darkness difference of two renders inside a PDF rectangle (points, origin bottom-left). */
function regionDifference(a: ReturnType<typeof renderGrey>, b: ReturnType<typeof renderGrey>, rect: readonly number[], dpi = 50): number {
  const s = dpi / 72;
  const [x1, y1, x2, y2] = rect as [number, number, number, number];
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(a.height - y2 * s); y < Math.ceil(a.height - y1 * s); y++)
    for (let x = Math.floor(x1 * s); x < Math.ceil(x2 * s); x++) {
      sum += Math.abs(a.at(x, y) - b.at(x, y));
      n++;
    }
  return sum / n;
}

describe('three signers in turn: ผู้จัดทำ, ผู้ตรวจสอบ, ผู้อนุมัติ', () => {
  test('pdfsig: three valid signatures, each in its role field, the last covering the whole file', () => {
    const out = pdfsig(made.three);
    expect(out.match(/Signature is Valid\./g)?.length).toBe(3);
    expect(out).toContain('Signature Field Name: sig-prepared');
    expect(out).toContain('Signature Field Name: sig-reviewed');
    expect(out).toContain('Signature Field Name: sig-approved');
    for (const name of [PREPARER, REVIEWER, APPROVER]) expect(out).toContain(`Signer Certificate Common Name: ${name}`);
    const parts = out.split(/Signature #\d+:/).slice(1);
    expect(parts[0]).toContain('Not total document signed');
    expect(parts[1]).toContain('Not total document signed');
    expect(parts[2]).toContain('Total document signed');
  });

  test('each appearance is visible on its block, nothing else on the page changed', async () => {
    const fields = await widgets(made.three);
    expect(fields.map((f) => f.name)).toEqual(['(sig-prepared)', '(sig-reviewed)', '(sig-approved)']);
    const page = fields[0]!.page;
    const before = renderGrey(printed, page);
    const after = renderGrey(made.three, page);
    for (const f of fields) {
      expect(f.page).toBe(page);
      // a 2 cm signing area, 5 cm wide, in the lower half of an A4 page
      expect(f.rect[2] - f.rect[0]).toBeGreaterThan(100);
      expect(f.rect[3] - f.rect[1]).toBeGreaterThan(45);
      expect(regionDifference(before, after, f.rect), f.name).toBeGreaterThan(8);
    }
    // the page's heading and document-control table are as they were
    expect(regionDifference(before, after, [0, 600, 595, 842])).toBeLessThan(0.5);
  });

  test('each signature is the one its block declares: the appearance names the signer and the position, in Thai that extracts', async () => {
    const time = new Date('2026-12-01T06:05:00Z');
    const [pdf] = await renderAppearances([{ role: 'ผู้ตรวจสอบ', name: REVIEWER, position: 'หัวหน้ากลุ่มงาน', time, width: 150, height: 56 }]);
    const path = file('appearance.pdf');
    writeFileSync(path, pdf!);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(appearanceLines({ role: 'ผู้ตรวจสอบ', name: REVIEWER, position: 'หัวหน้ากลุ่มงาน', time })).toEqual([
      'ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์',
      REVIEWER,
      'หัวหน้ากลุ่มงาน',
      'วันที่ ๑ ธ.ค. ๒๕๖๙ เวลา ๑๓:๐๕ น.',
    ]);
    for (const line of ['ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์', REVIEWER, 'หัวหน้ากลุ่มงาน', 'วันที่ ๑ ธ.ค. ๒๕๖๙ เวลา ๑๓:๐๕ น.']) expect(text).toContain(line);
    expect(execFileSync('pdffonts', [path], { encoding: 'utf8' })).toMatch(/Sarabun/);
    // the widget's appearance in the signed file is that page, with its font's ToUnicode map
    const fields = await widgets(made.three);
    const ap = fields[1]!.dict.lookup(PDFName.of('AP'), PDFDict).get(PDFName.of('N'));
    expect(ap).toBeInstanceOf(PDFRef);
    const xobject = fields[1]!.doc.context.lookup(ap as PDFRef);
    expect(xobject).toBeInstanceOf(PDFRawStream);
    const resources = (xobject as PDFRawStream).dict.lookup(PDFName.of('Resources'), PDFDict);
    const fonts = resources.lookup(PDFName.of('Font'), PDFDict);
    const font = fonts.lookup(fonts.keys()[0]!, PDFDict);
    expect(font.has(PDFName.of('ToUnicode'))).toBe(true);
  });

  test('the Thai in the signature dictionaries is UTF-16BE with a BOM', () => {
    const text = readFileSync(made.three).toString('latin1');
    const utf16 = (s: string) => `<FEFF${[...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()).join('')}>`;
    expect(text).toContain(`/Reason ${utf16('ผู้ตรวจสอบ')}`);
    expect(text).toContain(`/Name ${utf16(REVIEWER)}`);
  });

  test('the first signature certifies the document: DocMDP, form filling and signing allowed', async () => {
    const doc = await PDFDocument.load(readFileSync(made.three), { updateMetadata: false });
    const perms = doc.catalog.lookup(PDFName.of('Perms'), PDFDict);
    const sig = doc.context.lookup(perms.get(PDFName.of('DocMDP')) as PDFRef, PDFDict);
    expect(sig.lookup(PDFName.of('Reason'))?.toString()).toContain('FEFF0E1C0E390E490E080E310E140E170E33'); // ผู้จัดทำ
    expect(sig.toString()).toMatch(/\/TransformMethod \/DocMDP[\s\S]*\/P 2/);
  });

  test('one byte of the printed document changed: every signature is invalid', async () => {
    const bytes = Buffer.from(readFileSync(made.three));
    bytes[3000] = bytes[3000]! ^ 0x01;
    const path = file('tampered.pdf');
    writeFileSync(path, bytes);
    expect(pdfsig(path).match(/Digest Mismatch/g)?.length).toBe(3);
    const v = await verifyPdfSignatures(bytes, { trustStore: [pemDer(pki.caPem)] });
    expect(v.signatures.filter((s) => s.kind === 'signature').map((s) => s.valid)).toEqual([false, false, false]);
    expect(v.verdict).toBe('invalid');
  });

  test('a certificate whose holder is not the role declared is refused, unless --no-name-check', async () => {
    const r = await signCli([made.one, '--role', 'ผู้ตรวจสอบ', '--p12', pki.p12(STRANGER), '--out', file('stranger.pdf')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`ใบรับรองเป็นของ ${STRANGER} แต่เอกสารระบุผู้ตรวจสอบเป็น ${REVIEWER}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const forced = await signCli([made.one, '--role', 'ผู้ตรวจสอบ', '--p12', pki.p12(STRANGER), '--out', file('stranger.pdf'), '--no-name-check']);
    expect(forced.status, forced.stderr).toBe(0);
    const again = await signCli([made.three, '--role', 'ผู้อนุมัติ', '--p12', pki.p12(APPROVER), '--out', file('again.pdf')]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('ผู้อนุมัติลงนามในเอกสารนี้แล้ว');
  });
});

describe('PDF/A-2u identification, kept through signing', () => {
  test.each([
    ['printed', printed],
    ['signed three times', made.three],
  ])(
    '%s: XMP with pdfaid 2/U agreeing with the document information, an sRGB output intent, /ID, tagged, bookmarks, fonts embedded with ToUnicode',
    async (_, path) => {
      const bytes = readFileSync(path);
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      const metadata = doc.context.lookup(doc.catalog.get(PDFName.of('Metadata')) as PDFRef) as PDFRawStream;
      expect(metadata.dict.get(PDFName.of('Subtype'))?.toString()).toBe('/XML');
      const xmp = Buffer.from(metadata.getContents()).toString('utf8');
      expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(xmp).toContain('<pdfaid:conformance>U</pdfaid:conformance>');
      const info = doc.context.lookup(doc.context.trailerInfo.Info) as PDFDict;
      const title = (info.lookup(PDFName.of('Title')) as unknown as { decodeText(): string }).decodeText();
      expect(xmp).toContain(`<rdf:li xml:lang="x-default">${title.replace(/&/g, '&amp;')}</rdf:li>`);
      const created = info.lookup(PDFName.of('CreationDate'))!.toString();
      const m = /D:(\d{4})(\d{2})(\d{2})/.exec(created)!;
      expect(xmp).toContain(`<xmp:CreateDate>${m[1]}-${m[2]}-${m[3]}T00:00:00+07:00</xmp:CreateDate>`);
      const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
      const intent = intents.lookup(0, PDFDict);
      expect(intent.get(PDFName.of('S'))?.toString()).toBe('/GTS_PDFA1');
      const icc = Buffer.from((doc.context.lookup(intent.get(PDFName.of('DestOutputProfile')) as PDFRef) as PDFRawStream).getContents());
      expect(icc.readUInt32BE(0)).toBe(icc.length);
      expect(icc.subarray(36, 40).toString('latin1')).toBe('acsp');
      expect(icc.subarray(12, 24).toString('latin1')).toBe('mntrRGB XYZ ');
      expect(bytes.toString('latin1')).toMatch(/\/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]/);
      expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
      const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
      expect(Number(outlines?.get(PDFName.of('Count'))?.toString() ?? '0')).not.toBe(0);
      const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    },
  );
});

describe('timestamps and long-term validation, with the local TSA and CA', () => {
  test('every signature has a timestamp token that openssl ts -verify accepts against the TSA', async () => {
    const bytes = readFileSync(made.three);
    const text = bytes.toString('latin1');
    const values = [...text.matchAll(/\/SubFilter \/ETSI\.CAdES\.detached\n\/ByteRange \[[^\]]*\] *\n\/Contents <([0-9A-F]+)>/g)].map((m) =>
      Buffer.from(m[1]!, 'hex'),
    );
    expect(values.length).toBe(3);
    for (const [i, cms] of values.entries()) {
      const parsed = asn1js.fromBER(cms.buffer.slice(cms.byteOffset, cms.byteOffset + cms.length) as ArrayBuffer);
      const sd = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
      const info = sd.signerInfos[0]!;
      const token = info.unsignedAttrs!.attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.14')!.values[0]!;
      const tokenFile = file(`token-${i}.der`);
      const dataFile = file(`value-${i}.bin`);
      writeFileSync(tokenFile, Buffer.from(token.toBER()));
      writeFileSync(dataFile, Buffer.from(info.signature.valueBlock.valueHexView));
      const r = spawnSync('openssl', ['ts', '-verify', '-in', tokenFile, '-token_in', '-data', dataFile, '-CAfile', pki.caPem, '-untrusted', pki.tsaPem], {
        encoding: 'utf8',
      });
      expect(r.stdout + r.stderr, `signature ${i + 1}`).toContain('Verification: OK');
    }
    expect(tsa.requests()).toBeGreaterThanOrEqual(3);
  });

  test('the DSS holds the chain (signers, CA, TSA) and the CRL', async () => {
    const doc = await PDFDocument.load(readFileSync(made.lt), { updateMetadata: false });
    const dss = doc.catalog.lookup(PDFName.of('DSS'), PDFDict);
    const streams = (key: string) =>
      dss
        .lookup(PDFName.of(key), PDFArray)
        .asArray()
        .map((r) => Buffer.from((doc.context.lookup(r as PDFRef) as PDFRawStream).getContents()));
    const certs = streams('Certs');
    const ca = pemDer(pki.caPem);
    expect(certs.some((c) => c.equals(ca))).toBe(true);
    expect(certs.some((c) => c.equals(pemDer(pki.tsaPem)))).toBe(true);
    for (const name of [PREPARER, REVIEWER, APPROVER])
      expect(
        certs.some((c) => c.equals(pemDer(pki.certPem(name)))),
        name,
      ).toBe(true);
    expect(streams('CRLs').some((c) => c.equals(readFileSync(pki.crl)))).toBe(true);
  });

  test('pdf:verify: B-T, or B-LT with the DSS, per signature, timestamp time and authority, revocation — and trusted only with the CA in the trust store', () => {
    const bt = verifyCli(made.three, '--trust', pki.trustDir);
    expect(bt.status, bt.stdout).toBe(0);
    expect(bt.stdout.match(/ระดับ \(PAdES level\): B-T\n/g)?.length).toBe(3);
    expect(bt.stdout.match(/การเพิกถอน \(revocation\): ไม่มีข้อมูลการเพิกถอนในแฟ้ม/g)?.length).toBe(3);
    const r = verifyCli(made.lt, '--trust', pki.trustDir);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('ถูกต้อง: ลายมือชื่อ 3 รายการตรงกับเอกสาร ครอบคลุมทั้งแฟ้ม ผู้ลงนามได้รับการรับรอง');
    expect(r.stdout.match(/ระดับ \(PAdES level\): B-LT\n/g)?.length).toBe(3);
    expect(r.stdout).toContain('ลายมือชื่อที่ 2 — ผู้ตรวจสอบ');
    expect(r.stdout).toMatch(/ประทับเวลา \(timestamp\): \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+07:00 โดย หน่วยประทับเวลาทดสอบ, สำนักงานทดสอบ · ถูกต้อง ใช่/);
    expect(r.stdout.match(/การเพิกถอน \(revocation\): ไม่ถูกเพิกถอน \(good\)/g)?.length).toBe(3);
    expect(r.stdout).toContain('ฉบับปรับปรุงที่ 3 จาก');
    // another CA in the trust store: intact, never ถูกต้อง
    const other = join(work, 'other-trust');
    mkdirSync(other, { recursive: true });
    cpSync(pki.certPem(STRANGER), join(other, 'stranger.pem'));
    const untrusted = verifyCli(made.lt, '--trust', other);
    expect(untrusted.status).toBe(1);
    expect(untrusted.stdout).toContain('ผู้ลงนามไม่ได้รับการรับรอง');
    expect(untrusted.stdout).not.toContain('ถูกต้อง: ลายมือชื่อ');
    // no trust store at all: trust not checked, exit 1
    const unchecked = verifyCli(made.three);
    expect(unchecked.status).toBe(1);
    expect(unchecked.stdout).toContain('ยังไม่ได้ตรวจการรับรองผู้ลงนาม');
  });

  test('--archive adds a document timestamp: B-LTA', async () => {
    const out = file('archived.pdf');
    const r = await signCli([made.two, '--role', 'ผู้อนุมัติ', '--p12', pki.p12(APPROVER), '--out', out, '--tsa', tsa.url, '--crl', pki.crl, '--archive']);
    expect(pdfsig(made.lt)).toContain('Not total document signed'); // the DSS follows the last signature
    expect(r.status, r.stderr).toBe(0);
    const v = await verifyPdfSignatures(readFileSync(out), { trustStore: [pemDer(pki.caPem)] });
    expect(v.verdict).toBe('valid');
    expect(v.signatures.map((s) => s.kind)).toEqual(['signature', 'signature', 'signature', 'document-timestamp']);
    expect(v.signatures.slice(0, 3).map((s) => s.level)).toEqual(['B-LTA', 'B-LTA', 'B-LTA']);
    expect(pdfsig(out).match(/Signature is Valid\./g)?.length).toBe(3);
  });

  test('a certificate the CRL lists as revoked before the signing is not valid', async () => {
    pki.revoke(REVOKED);
    const out = file('revoked.pdf');
    const r = await signCli([printed, '--role', 'ผู้จัดทำ', '--p12', pki.p12(REVOKED), '--out', out, '--tsa', tsa.url, '--crl', pki.crl, '--no-name-check']);
    expect(r.status, r.stderr).toBe(0);
    const v = await verifyPdfSignatures(readFileSync(out), { trustStore: [pemDer(pki.caPem)] });
    expect(v.signatures[0]!.revocation).toBe('revoked');
    expect(v.signatures[0]!.valid).toBe(false);
    expect(v.verdict).toBe('invalid');
  });
});

describe('what verification must not accept', () => {
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
    const p12File = file(`forge-${Math.random().toString(36).slice(2)}.p12`);
    writeFileSync(p12File, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
    return {
      identity: { name: options.cn, organization: options.org, certificate: der, chain: [], privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey) },
      p12File,
    };
  }
  const now = Date.now();
  const day = 86_400_000;
  const ca = () => [pemDer(pki.caPem)];

  test('a same-name self-signed forgery of a changed PDF is intact but not trusted: exit 1, never ถูกต้อง', async () => {
    const forged = forgeIdentity({ cn: APPROVER, org: 'สำนักงานทดสอบ', notBefore: new Date(now - day), notAfter: new Date(now + 30 * day) });
    const changed = Buffer.from(readFileSync(printed).toString('latin1').replace('khumue)', 'khumuX)'), 'latin1');
    const path = file('forged.pdf');
    writeFileSync(path, await signPdf(changed, forged.identity, { role: 'ผู้อนุมัติ' }));
    const v = await verifyPdfSignatures(readFileSync(path), { trustStore: ca() });
    expect(v.signatures[0]!.intact).toBe(true);
    expect(v.signatures[0]!.trusted).toBe(false);
    expect(v.verdict).toBe('untrusted');
    const r = verifyCli(path, '--trust', pki.trustDir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('ผู้ลงนามไม่ได้รับการรับรอง');
    expect(r.stdout).not.toContain('ถูกต้อง: ลายมือชื่อ');
  });

  test('an expired certificate, or one without digitalSignature usage, is refused for signing and reported not valid', async () => {
    const expired = forgeIdentity({ cn: 'นายหมดอายุ ทดสอบ', org: 'สำนักงานทดสอบ', notBefore: new Date(now - 60 * day), notAfter: new Date(now - 30 * day) });
    expect(() => loadIdentity(expired.p12File, 'pw')).toThrow(SigningError);
    expect(() => loadIdentity(expired.p12File, 'pw')).toThrow(/expired or not yet valid/);
    const pathA = file('expired.pdf');
    writeFileSync(pathA, await signPdf(readFileSync(printed), expired.identity, { role: 'ผู้จัดทำ', nameCheck: false }));
    const a = await verifyPdfSignatures(readFileSync(pathA), { trustStore: ca() });
    expect(a.signatures[0]!.valid).toBe(false);
    expect(a.signatures[0]!.problems.join('\n')).toContain('not valid at the signing time');
    const wrongUsage = forgeIdentity({
      cn: 'นายเข้ารหัส ทดสอบ',
      org: 'สำนักงานทดสอบ',
      notBefore: new Date(now - day),
      notAfter: new Date(now + 30 * day),
      keyUsage: { keyEncipherment: true },
    });
    expect(() => loadIdentity(wrongUsage.p12File, 'pw')).toThrow(/key usage/);
    const b = await verifyPdfSignatures(await signPdf(readFileSync(printed), wrongUsage.identity, { role: 'ผู้จัดทำ', nameCheck: false }));
    expect(b.signatures[0]!.valid).toBe(false);
    expect(b.signatures[0]!.problems.join('\n')).toContain('key usage');
  });

  test('an EC (P-256) PKCS#12 signs: valid for pdf:verify and for pdfsig, Thai signer intact', async () => {
    const [key, cert, p12] = ['ec-key.pem', 'ec-cert.pem', 'ec.p12'].map((f) => file(f)) as [string, string, string];
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
        '/C=TH/O=สำนักงานทดสอบ/CN=นายวงรี ทดสอบ',
      ],
      { stdio: 'pipe' },
    );
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:รหัสผ่านไทย'], { stdio: 'pipe' });
    const id = loadIdentity(p12, 'รหัสผ่านไทย');
    expect(id.name).toBe('นายวงรี ทดสอบ');
    expect(() => loadIdentity(p12, 'wrong')).toThrow(/does not open this PKCS#12/);
    const path = file('ec-signed.pdf');
    writeFileSync(path, await signPdf(readFileSync(printed), id, { role: 'ผู้จัดทำ', nameCheck: false }));
    const v = await verifyPdfSignatures(readFileSync(path), { trustStore: [pemDer(cert)] });
    expect(v.signatures[0]!.problems).toEqual([]);
    expect(v.verdict).toBe('valid');
    expect(v.signatures[0]!.signer).toBe('นายวงรี ทดสอบ, สำนักงานทดสอบ');
    expect(pdfsig(path)).toContain('Signature Validation: Signature is Valid.');
  });

  test('bytes hidden in the /Contents padding after the CMS make the signature not valid', async () => {
    const bytes = readFileSync(made.one);
    const text = bytes.toString('latin1');
    const at = text.lastIndexOf('/Contents <') + '/Contents <'.length;
    const end = text.indexOf('>', at);
    expect(text.slice(at, end)).toMatch(/0{64}$/);
    const edited = Buffer.from(bytes);
    edited.write('41', end - 8, 'latin1');
    writeFileSync(file('padding.pdf'), edited);
    const v = await verifyPdfSignatures(edited, { trustStore: ca() });
    expect(v.signatures[0]!.valid).toBe(false);
    expect(v.signatures[0]!.problems.join('\n')).toContain('zero padding');
    expect((await verifyPdfSignatures(bytes, { trustStore: ca() })).verdict).toBe('valid');
  });

  test('bytes appended after the last signature, or a page changed in a later update, are reported', async () => {
    const appended = Buffer.concat([readFileSync(made.three), Buffer.from('%appended\n')]);
    writeFileSync(file('appended.pdf'), appended);
    expect(pdfsig(file('appended.pdf'))).toContain('Not total document signed');
    const v = await verifyPdfSignatures(appended, { trustStore: ca() });
    expect(v.verdict).toBe('invalid');
    expect(v.signatures.at(-1)!.problems.join('\n')).toContain('bytes that are not a PDF update follow the signed revision');
    // an incremental update that rewrites the approval page's content after the signatures
    const doc = await PDFDocument.load(readFileSync(made.three), { updateMetadata: false });
    const page = doc.getPages()[(await widgets(made.three))[0]!.page]!;
    const text = readFileSync(made.three).toString('latin1');
    const trailer = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)!;
    const size = Number([...text.matchAll(/\/Size (\d+)/g)].at(-1)![1]);
    const root = [...text.matchAll(/\/Root (\d+ \d+ R)/g)].at(-1)![1];
    const changedPage = page.node.clone();
    changedPage.set(PDFName.of('Contents'), PDFRef.of(size));
    const body = `${text}${size} 0 obj\n<</Length 24>>\nstream\nBT /F1 12 Tf (X) Tj ET\n\nendstream\nendobj\n${page.ref.objectNumber} 0 obj\n${changedPage.toString()}\nendobj\n`;
    const xrefAt = Buffer.byteLength(body, 'latin1');
    const offsetOf = (marker: string) => String(Buffer.byteLength(body.slice(0, body.lastIndexOf(marker)), 'latin1')).padStart(10, '0');
    const update = `${body}xref\n${page.ref.objectNumber} 1\n${offsetOf(`${page.ref.objectNumber} 0 obj`)} 00000 n \n${size} 1\n${offsetOf(`${size} 0 obj`)} 00000 n \ntrailer\n<</Size ${size + 1}\n/Root ${root}\n/Prev ${trailer[1]}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const changed = Buffer.from(update, 'latin1');
    writeFileSync(file('changed-page.pdf'), changed);
    const c = await verifyPdfSignatures(changed, { trustStore: ca() });
    expect(c.verdict).toBe('invalid');
    expect(c.signatures.every((s) => !s.onlyLaterSignatures)).toBe(true);
    expect(c.signatures[0]!.problems.join('\n')).toContain('a page was changed after signing');
  });

  test('an unsigned PDF does not pass', async () => {
    const v = await verifyPdfSignatures(readFileSync(printed));
    expect(v.verdict).toBe('unsigned');
    expect(verifyCli(printed).status).toBe(1);
  });
});

describe('npm run sign in a build folder, and its refusals', () => {
  test('--dist signs, for one role, only the PDFs whose content declares this certificate holder; the others are left unchanged', async () => {
    const copy = join(work, 'dist-copy');
    cpSync(site.out, copy, { recursive: true });
    const all = readdirSync(join(copy, 'pdf'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.pdf'))
      .sort();
    const before = new Map(all.map((f) => [f, readFileSync(join(copy, 'pdf', f))]));
    const r = await signCli(['--dist', copy, '--role', 'ผู้อนุมัติ', '--p12', pki.p12(APPROVER)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('signed 1 PDF as ผู้อนุมัติ');
    expect(pdfsig(join(copy, 'pdf', 'test-manual.pdf'))).toContain('Signature is Valid.');
    for (const f of all.filter((x) => x !== 'test-manual.pdf')) expect(readFileSync(join(copy, 'pdf', f)).equals(before.get(f)!), f).toBe(true);
  });

  test('a wrong password or a missing file is a clear error, and no PDF changes', async () => {
    const copy = join(work, 'dist-wrong');
    cpSync(site.out, copy, { recursive: true });
    const before = readFileSync(join(copy, 'pdf', 'test-manual.pdf'));
    const r = await signCli(['--dist', copy, '--role', 'ผู้อนุมัติ', '--p12', pki.p12(APPROVER)], { KHUMUE_SIGN_PASSWORD: 'wrong' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('KHUMUE_SIGN_PASSWORD does not open this PKCS#12 file');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(copy, 'pdf', 'test-manual.pdf')).equals(before)).toBe(true);
    const missing = await signCli([printed, '--role', 'ผู้อนุมัติ', '--p12', join(work, 'none.p12')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const noRole = await signCli([printed, '--p12', pki.p12(APPROVER)]);
    expect(noRole.status).toBe(2);
    expect(noRole.stderr).toContain('give --role');
  });

  test('the build refuses the signing key or its password in its environment, before anything is made', () => {
    const before = readFileSync(printed);
    for (const env of [
      { KHUMUE_SIGN_P12: pki.p12(APPROVER), KHUMUE_SIGN_PASSWORD: PKI_PASSWORD },
      { KHUMUE_SIGN_PASSWORD: PKI_PASSWORD },
      { KHUMUE_SIGN_P12: pki.p12(APPROVER) },
    ]) {
      const r = spawnSync(process.execPath, ['scripts/build.ts', '--content', join(FIXTURES, 'valid', 'content'), '--out', site.out], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("signing secrets must not be in the build's environment");
      expect(r.stdout).not.toContain('validated');
      expect(readFileSync(printed).equals(before)).toBe(true);
    }
  });

  test('signing is deterministic apart from its time: the same time gives the same bytes', async () => {
    const id = loadIdentity(pki.p12(APPROVER), PKI_PASSWORD);
    const time = new Date(Math.floor(Date.now() / 1000) * 1000);
    const a = await signPdf(readFileSync(printed), id, { role: 'ผู้อนุมัติ', time });
    const b = await signPdf(readFileSync(printed), id, { role: 'ผู้อนุมัติ', time });
    expect(a.equals(b)).toBe(true);
    expect((await verifyPdfSignatures(a)).verdict).toBe('not-checked');
  });
});

describe('/verify/ in Chromium gives the verdict of pdf:verify', () => {
  test('on nine files: valid, tampered, appended, untrusted, expired, three signers without trust, timestamped, unsigned, changed page', async () => {
    const cases: Array<[string, boolean]> = [
      [made.three, true],
      [file('tampered.pdf'), true],
      [file('appended.pdf'), true],
      [file('forged.pdf'), true],
      [file('expired.pdf'), true],
      [made.three, false],
      [made.one, true],
      [printed, true],
      [file('changed-page.pdf'), true],
    ];
    const expected = cases.map(([path, trusted]) => verdictOf(path, trusted ? pki.trustDir : undefined));
    expect(new Set(expected)).toEqual(new Set(['valid', 'invalid', 'untrusted', 'not-checked', 'unsigned']));
    const { browser, origin, close } = await openSite(site.out);
    try {
      const seen: string[] = [];
      for (const [i, [path, trusted]] of cases.entries()) {
        const page = await browser.newPage();
        await page.goto(`${origin}/verify/`);
        if (trusted) await (await page.$('input#verify-ca'))!.uploadFile(pki.caPem);
        await (await page.$('input#verify-file'))!.uploadFile(path);
        await page.waitForFunction(
          () => {
            const v = document.querySelector<HTMLElement>('.verify-result')?.dataset.verdict;
            return v !== undefined && v !== '';
          },
          { timeout: 60_000 },
        );
        const verdict = await page.$eval('.verify-result', (el) => (el as HTMLElement).dataset.verdict ?? '');
        const shown = await page.$eval('.verify-result', (el) => el.textContent ?? '');
        seen.push(verdict);
        expect(verdict, `${path} (case ${i + 1})`).toBe(expected[i]);
        if (verdict === 'valid') expect(shown).toContain('ถูกต้อง');
        else expect(shown).not.toMatch(/^ถูกต้อง/);
        await page.close();
      }
      expect(seen).toEqual(expected);
    } finally {
      await close();
    }
  }, 180_000);
});

function pemDer(pem: string): Buffer {
  return Buffer.from(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END/.exec(readFileSync(pem, 'utf8'))![1]!.replace(/\s+/g, ''), 'base64');
}
