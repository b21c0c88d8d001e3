/**
 * PAdES baseline B-B signatures on the printed PDFs, as the last step of the build, and their
 * verification (`npm run pdf:verify`).
 *
 * - The identity comes from a PKCS#12 file (KHUMUE_SIGN_P12, KHUMUE_SIGN_PASSWORD); the key never
 *   lives in the repository. Certificates with Thai names work: the certificate's DER is used as
 *   it is (some signers re-encode the issuer name and break Thai DNs), and Thai passwords work
 *   (OpenSSL 3 derives PBES2 keys from the password's UTF-8 bytes).
 * - The CMS is detached (SubFilter ETSI.CAdES.detached) with the signed attributes content-type,
 *   message-digest and ESS signing-certificate-v2, no signing-time attribute (PAdES puts the time
 *   in the signature dictionary's /M); SHA-256.
 * - The signature is an incremental update: the printed bytes stay as they are (tags, bookmarks,
 *   links), a signature field and its dictionary are appended, and the ByteRange covers the whole
 *   file except the signature value.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, sign as cryptoSign, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { appendUpdate, readTrailer, textString } from './incremental.ts';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
};
/** bytes reserved for the CMS (hex doubles it) */
const CONTENTS_BYTES = 16384;
/** id-ce-keyUsage */
const KEY_USAGE = '2.5.29.15';

export class SigningError extends Error {}

export interface SigningIdentity {
  /** the certificate subject's common name (CN), e.g. นายสมชาย ใจดี */
  name: string;
  organization?: string;
  certificate: Buffer;
  chain: Buffer[];
  privateKeyPem: string;
}

const toArrayBuffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** The signing identity named by the environment, or undefined when signing is not configured. */
export function identityFromEnv(env: NodeJS.ProcessEnv = process.env): SigningIdentity | undefined {
  const file = env.KHUMUE_SIGN_P12;
  if (!file) return undefined;
  if (env.KHUMUE_SIGN_PASSWORD === undefined) {
    throw new SigningError('ตั้ง KHUMUE_SIGN_P12 แล้วแต่ไม่ได้ตั้ง KHUMUE_SIGN_PASSWORD (KHUMUE_SIGN_P12 is set but KHUMUE_SIGN_PASSWORD is not)');
  }
  return loadIdentity(file, env.KHUMUE_SIGN_PASSWORD);
}

/** Reads a PKCS#12 file: the first private key and its certificate (with any further certificates as the chain). */
export function loadIdentity(file: string, password: string): SigningIdentity {
  if (!existsSync(file)) throw new SigningError(`ไม่พบแฟ้มใบรับรอง ${file} (KHUMUE_SIGN_P12: no such file)`);
  const der = readFileSync(file);
  let p12: forge.pkcs12.Pkcs12Pfx;
  // forge hands the password to PBKDF2 as Latin-1; OpenSSL 3 (PBES2) uses its UTF-8 bytes
  const pbkdf2 = forge.pkcs5.pbkdf2;
  (forge.pkcs5 as { pbkdf2: unknown }).pbkdf2 = (p: string, ...rest: unknown[]) =>
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a password with any character past Latin-1 is UTF-8 encoded
    (pbkdf2 as (...a: unknown[]) => unknown)(/[^\x00-\xff]/.test(p) ? forge.util.encodeUtf8(p) : p, ...rest);
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString('binary')), false, password);
  } catch (error) {
    const message = (error as Error).message;
    if (/MAC could not be verified|Invalid password|decrypt/i.test(message)) {
      throw new SigningError(`รหัสผ่านของแฟ้มใบรับรอง ${file} ไม่ถูกต้อง (KHUMUE_SIGN_PASSWORD does not open this PKCS#12 file)`);
    }
    // node-forge reads RSA keys only: an EC (P-256) key is read with OpenSSL instead
    if (/RSAPrivateKey|not RSA|OID is not RSA/i.test(message)) return loadWithOpenssl(file, password);
    throw new SigningError(`อ่านแฟ้มใบรับรอง ${file} ไม่ได้: ${message} (not a readable PKCS#12 file)`);
  } finally {
    (forge.pkcs5 as { pbkdf2: unknown }).pbkdf2 = pbkdf2;
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const key = keyBags.find((b) => b.key)?.key;
  // node-forge decrypts an EC (P-256) key bag but cannot parse the key: OpenSSL reads it
  if (!key && keyBags.length) return loadWithOpenssl(file, password);
  if (!key || !certBags.length) throw new SigningError(`แฟ้ม ${file} ต้องมีกุญแจส่วนตัวและใบรับรอง (the PKCS#12 file needs a private key and its certificate)`);
  const ders = certBags.filter((b) => b.cert).map((b) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert!)).getBytes(), 'binary'));
  return identityOf(file, ders, forge.pki.privateKeyToPem(key));
}

/**
 * The signing identity of a private key and the certificates stored with it: the signer's
 * certificate is the one whose public key is the key's (RSA or EC), the others its chain; a
 * certificate that may not sign is refused.
 */
function identityOf(file: string, certs: Buffer[], keyPem: string): SigningIdentity {
  const key = createPrivateKey(keyPem);
  const publicDer = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const own = certs.findIndex((der) => new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' }).equals(publicDer));
  const index = Math.max(own, 0);
  const certificate = certs[index]!;
  refuseUnusable(certificate, file);
  return {
    ...subjectOf(certificate),
    certificate,
    chain: certs.filter((_, i) => i !== index),
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The certificates of PEM text (`-----BEGIN CERTIFICATE-----` blocks), as DER. */
function pemCertificates(text: string): Buffer[] {
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
}

/**
 * Reads a PKCS#12 file whose key node-forge cannot parse (EC keys) with the `openssl` command: the
 * password goes through the environment of that one process, never its arguments.
 */
function loadWithOpenssl(file: string, password: string): SigningIdentity {
  let pem: string;
  try {
    pem = execFileSync('openssl', ['pkcs12', '-in', file, '-nodes', '-passin', 'env:KHUMUE_P12_PASSWORD'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', KHUMUE_P12_PASSWORD: password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (/mac verify|invalid password|bad decrypt/i.test(stderr))
      throw new SigningError(`รหัสผ่านของแฟ้มใบรับรอง ${file} ไม่ถูกต้อง (KHUMUE_SIGN_PASSWORD does not open this PKCS#12 file)`);
    throw new SigningError(`อ่านแฟ้มใบรับรอง ${file} ไม่ได้ (not a readable PKCS#12 file; an EC key needs the openssl command): ${stderr.split('\n')[0] ?? ''}`);
  }
  const keyPem = /-----BEGIN (?:EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]*?-----END (?:EC |ENCRYPTED )?PRIVATE KEY-----/.exec(pem)?.[0];
  const certs = pemCertificates(pem);
  if (!keyPem || !certs.length) throw new SigningError(`แฟ้ม ${file} ต้องมีกุญแจส่วนตัวและใบรับรอง (the PKCS#12 file needs a private key and its certificate)`);
  return identityOf(file, certs, keyPem);
}

/**
 * A certificate that may not sign: outside its validity period now, or whose key usage allows
 * neither digitalSignature nor nonRepudiation (a signature made with it is not valid anywhere).
 */
function refuseUnusable(der: Buffer, file: string, now = new Date()): void {
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(der));
  const notBefore = cert.notBefore.value;
  const notAfter = cert.notAfter.value;
  if (now < notBefore || now > notAfter)
    throw new SigningError(
      `ใบรับรองใน ${file} ใช้ได้ตั้งแต่ ${notBefore.toISOString().slice(0, 10)} ถึง ${notAfter.toISOString().slice(0, 10)} ลงนามวันนี้ไม่ได้ (the certificate is expired or not yet valid)`,
    );
  const usage = cert.extensions?.find((e) => e.extnID === KEY_USAGE)?.parsedValue as asn1js.BitString | undefined;
  const bits = usage?.valueBlock.valueHexView[0] ?? 0xff;
  if (usage && !(bits & 0x80) && !(bits & 0x40))
    throw new SigningError(`ใบรับรองใน ${file} ไม่อนุญาตให้ใช้ลงนาม (key usage has neither digitalSignature nor nonRepudiation)`);
}

/** The signer a certificate names (CN, O) and its SHA-256 fingerprint. */
export interface SignerCertificate {
  name: string;
  organization?: string;
  /** SHA-256 of the certificate's DER, hex */
  fingerprint: string;
}

function subjectOf(certificate: Buffer): { name: string; organization?: string } {
  const parsed = pkijs.Certificate.fromBER(toArrayBuffer(certificate));
  const field = (oid: string) => parsed.subject.typesAndValues.find((t) => t.type === oid)?.value.valueBlock.value as string | undefined;
  return { name: field(OID.commonName) ?? 'ไม่ระบุชื่อ', organization: field(OID.organization) };
}

/** How a signer is named on the approval page and in the signature: `CN O`. */
export function signerName(s: { name: string; organization?: string }): string {
  return [s.name, s.organization].filter(Boolean).join(' ');
}

/** The identity's certificate as a SignerCertificate. */
export function signerOf(identity: SigningIdentity): SignerCertificate {
  return { name: identity.name, organization: identity.organization, fingerprint: sha256(identity.certificate).toString('hex') };
}

/**
 * Reads a certificate (PEM or DER) — public, no key — so that the build can print who will sign
 * (KHUMUE_SIGN_CERT) without the signing key or its password ever being in its environment.
 */
export function loadCertificate(file: string): SignerCertificate {
  if (!existsSync(file)) throw new SigningError(`ไม่พบแฟ้มใบรับรอง ${file} (KHUMUE_SIGN_CERT: no such file)`);
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  if (/-----BEGIN (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----/.test(text)) {
    throw new SigningError(`แฟ้ม ${file} มีกุญแจส่วนตัว ให้ใช้ใบรับรองที่ไม่มีกุญแจ (KHUMUE_SIGN_CERT must be the certificate only, never the private key)`);
  }
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(text);
  const der = pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : bytes;
  try {
    return { ...subjectOf(der), fingerprint: sha256(der).toString('hex') };
  } catch (error) {
    throw new SigningError(`อ่านใบรับรอง ${file} ไม่ได้: ${(error as Error).message} (KHUMUE_SIGN_CERT: not a PEM or DER certificate)`);
  }
}

/** `D:YYYYMMDDHHmmSS+07'00'` in Bangkok time. */
function pdfDate(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `D:${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}+07'00'`;
}

/** The detached CMS (CAdES B-B attributes) over `digest`. */
function buildCms(identity: SigningIdentity, digest: Buffer): Buffer {
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(identity.certificate));
  const signingCertificateV2 = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              // hashAlgorithm DEFAULT sha256: omitted
              new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(identity.certificate)) }),
              new asn1js.Sequence({
                value: [
                  new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
                  cert.serialNumber,
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] }),
    ],
  });
  // the signature covers the DER of the attributes as a SET (tag 0x31), not as the [0] field
  const attrsDer = Buffer.from(signedAttrs.toSchema().toBER());
  attrsDer[0] = 0x31;
  const key = createPrivateKey(identity.privateKeyPem);
  const isEc = key.asymmetricKeyType === 'ec';
  if (!isEc && key.asymmetricKeyType !== 'rsa') throw new SigningError(`กุญแจชนิด ${key.asymmetricKeyType} ยังไม่รองรับ (only RSA and EC keys are supported)`);
  const signature = cryptoSign('sha256', attrsDer, key);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      isEc ? { algorithmId: OID.ecdsaWithSHA256 } : { algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() },
    ),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    certificates: [cert, ...identity.chain.map((c) => pkijs.Certificate.fromBER(toArrayBuffer(c)))],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}

/** The page of a named destination (the approval page's `approval`), else the last page. */
async function signaturePage(doc: PDFDocument): Promise<PDFRef> {
  const pages = doc.getPages();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const dest = dests?.lookup(PDFName.of('approval'));
  const target = dest instanceof PDFArray ? dest.get(0) : undefined;
  const page = pages.find((p) => p.ref === target) ?? pages[pages.length - 1]!;
  return page.ref;
}

/** Signs a PDF with an incremental update; returns the signed bytes. */
export async function signPdf(input: Uint8Array, identity: SigningIdentity, options: { time?: Date; reason?: string } = {}): Promise<Buffer> {
  const original = Buffer.from(input);
  const text = original.toString('latin1');
  const trailer = readTrailer(text);
  if (!trailer) throw new SigningError('signPdf: the PDF has no classic trailer to append to');
  const { size } = trailer;
  const rootMatch = /^(\d+) (\d+) R$/.exec(trailer.root)!;

  const doc = await PDFDocument.load(original, { updateMetadata: false });
  if (doc.catalog.has(PDFName.of('AcroForm'))) throw new SigningError('signPdf: the PDF already has a form; signing it again is not supported');
  const pageRef = await signaturePage(doc);
  const page = doc.context.lookup(pageRef, PDFDict);
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);

  const sigNum = size;
  const widgetNum = size + 1;
  const time = options.time ?? new Date();
  const signer = signerName(identity);
  const rangePlaceholder = `[0 ${'0'.repeat(10)} ${'0'.repeat(10)} ${'0'.repeat(10)}]`;
  const objects: Array<[number, number, string]> = [
    [
      sigNum,
      0,
      `<</Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n/ByteRange ${rangePlaceholder}\n/Contents <${'0'.repeat(CONTENTS_BYTES * 2)}>\n/M (${pdfDate(time)})\n/Name ${textString(signer)}\n/Reason ${textString(options.reason ?? 'อนุมัติเอกสาร')}>>`,
    ],
    [
      widgetNum,
      0,
      `<</Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (khumue-signature)\n/V ${sigNum} 0 R\n/F 132\n/Rect [0 0 0 0]\n/P ${pageRef.objectNumber} ${pageRef.generationNumber} R>>`,
    ],
  ];
  // the catalog and the page, rewritten with the form and the widget
  const catalog = doc.catalog.clone();
  catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [PDFRef.of(widgetNum)], SigFlags: 3 }));
  objects.push([Number(rootMatch[1]), Number(rootMatch[2]), catalog.toString()]);
  const newPage = page.clone();
  const list = annots ? annots.asArray() : [];
  newPage.set(PDFName.of('Annots'), doc.context.obj([...list, PDFRef.of(widgetNum)]));
  objects.push([pageRef.objectNumber, pageRef.generationNumber, newPage.toString()]);

  const body = appendUpdate(
    text,
    trailer,
    objects.map(([num, gen, value]) => ({ num, gen, value })),
    { size: size + 2, keepInfo: true, keepId: true },
  );

  const out = Buffer.from(body, 'latin1');
  const contentsAt = out.indexOf(`/Contents <${'0'.repeat(32)}`, Buffer.byteLength(text, 'latin1'), 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + CONTENTS_BYTES * 2 + 2;
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const rangeText = `[${range.join(' ')}]`.padEnd(rangePlaceholder.length, ' ');
  const rangeAt = out.indexOf(`/ByteRange ${rangePlaceholder}`, Buffer.byteLength(text, 'latin1'), 'latin1') + '/ByteRange '.length;
  out.write(rangeText, rangeAt, 'latin1');
  const digest = sha256(out.subarray(0, contentsAt), out.subarray(contentsEnd));
  const cms = buildCms(identity, digest);
  if (cms.length > CONTENTS_BYTES) throw new SigningError(`signPdf: the signature (${cms.length} bytes) does not fit the ${CONTENTS_BYTES} bytes reserved`);
  out.write(cms.toString('hex').toUpperCase(), contentsAt + 1, 'latin1');
  return out;
}

export interface Verification {
  signed: boolean;
  /** the signature value matches the bytes it covers, made by a certificate usable for signing at signing time */
  valid: boolean;
  /** the signer's certificate chains to a certificate of the trust store (undefined: no trust store given) */
  trusted?: boolean;
  /** the signature covers every byte of the file but its own value */
  wholeFile: boolean;
  signer?: string;
  time?: string;
  subFilter?: string;
  problems: string[];
}

/** The certificates (PEM or DER, .pem .crt .cer .der) of a trust-store folder an office keeps, e.g. the Thai government CA. */
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

/**
 * Checks the last signature of a PDF: digest and signature value; that it covers the whole file;
 * that nothing but zero padding follows the CMS in /Contents; that the certificate was within its
 * validity period at the signing time and may sign (key usage); and, given a trust store, that it
 * chains to one of its certificates. "valid" without "trusted" is not a verdict of ถูกต้อง.
 */
export async function verifyPdf(input: Uint8Array, options: { trustStore?: readonly Buffer[] } = {}): Promise<Verification> {
  const pdf = Buffer.from(input);
  const text = pdf.toString('latin1');
  const problems: string[] = [];
  const at = text.lastIndexOf('/ByteRange');
  if (at < 0) return { signed: false, valid: false, wholeFile: false, problems: ['ไม่มีลายมือชื่ออิเล็กทรอนิกส์ (the PDF is not signed)'] };
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at))?.slice(1).map(Number);
  const dict = text.slice(text.lastIndexOf('obj', at), text.indexOf('endobj', at));
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dict)?.[1];
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([^)]*)\)/.exec(dict);
  const time = m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]} ${m[7]!.replace(/'/g, '').replace(/(\d\d)(\d\d)$/, '$1:$2')}` : undefined;
  const signedAt = m
    ? new Date(
        `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${/^[+-]\d\d'?\d\d/.test(m[7]!) ? m[7]!.replace(/'/g, '').replace(/(\d\d)(\d\d)$/, '$1:$2') : 'Z'}`,
      )
    : new Date();
  if (!range) return { signed: true, valid: false, wholeFile: false, subFilter, time, problems: ['ByteRange อ่านไม่ได้ (unreadable ByteRange)'] };
  const [a, b, c, d] = range as [number, number, number, number];
  const wholeFile = a === 0 && c + d === pdf.length && pdf[b] === 0x3c && pdf[c - 1] === 0x3e;
  if (!wholeFile) problems.push('ลายมือชื่อไม่ครอบคลุมทั้งแฟ้ม มีข้อมูลเพิ่มหรือขาดหลังการลงนาม (the signature does not cover the whole file)');
  const contents = pdf.subarray(b + 1, c - 1).toString('latin1');
  let signer: string | undefined;
  let valid = false;
  let trusted: boolean | undefined;
  try {
    if (!/^[0-9A-Fa-f]*$/.test(contents) || contents.length % 2) throw new Error('/Contents is not a hex string');
    const cms = Buffer.from(contents, 'hex');
    const parsed = asn1js.fromBER(toArrayBuffer(cms));
    if (parsed.offset < 0) throw new Error('/Contents holds no CMS');
    // nothing but zero padding after the CMS: bytes hidden there would be unsigned data in a signed file
    const padding = cms.subarray(parsed.offset);
    const padded = padding.every((x) => x === 0);
    if (!padded) problems.push('มีข้อมูลอื่นต่อท้ายลายมือชื่อใน /Contents นอกจากเลขศูนย์ (bytes other than zero padding follow the CMS in /Contents)');
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const cert = signedData.certificates?.[0];
    let usable = true;
    if (cert instanceof pkijs.Certificate) {
      const cn = cert.subject.typesAndValues.find((t) => t.type === OID.commonName)?.value.valueBlock.value as string | undefined;
      const o = cert.subject.typesAndValues.find((t) => t.type === OID.organization)?.value.valueBlock.value as string | undefined;
      signer = [cn, o].filter(Boolean).join(', ');
      const from = cert.notBefore.value;
      const until = cert.notAfter.value;
      if (signedAt < from || signedAt > until) {
        usable = false;
        problems.push(
          `ใบรับรองหมดอายุหรือยังไม่มีผล ณ เวลาลงนาม (ใช้ได้ ${from.toISOString().slice(0, 10)} ถึง ${until.toISOString().slice(0, 10)}) (the certificate was not valid at the signing time)`,
        );
      }
      const usage = cert.extensions?.find((e) => e.extnID === KEY_USAGE)?.parsedValue as asn1js.BitString | undefined;
      const bits = usage?.valueBlock.valueHexView[0] ?? 0xff;
      if (usage && !(bits & 0x80) && !(bits & 0x40)) {
        usable = false;
        problems.push('ใบรับรองไม่อนุญาตให้ใช้ลงนาม (key usage has neither digitalSignature nor nonRepudiation)');
      }
      if (options.trustStore) {
        const trustedCerts = options.trustStore.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
        const certs = (signedData.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
        const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts, certs, checkDate: signedAt });
        const chain = await engine.verify();
        trusted = chain.result === true;
        if (!trusted) problems.push(`ใบรับรองของผู้ลงนามไม่ได้ออกโดยผู้ออกใบรับรองที่เชื่อถือ: ${chain.resultMessage || 'no chain to the trust store'} (not trusted)`);
      }
    }
    const data = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    const result = await signedData.verify({ signer: 0, data: toArrayBuffer(data), checkChain: false, extendedMode: true });
    if (result.signatureVerified !== true)
      problems.push(`ลายมือชื่อไม่ถูกต้อง: ${result.message || 'the digest or the signature does not match'} (signature invalid)`);
    valid = result.signatureVerified === true && padded && usable;
  } catch (error) {
    const e = error as { message?: string; signatureVerified?: boolean };
    problems.push(`ลายมือชื่อไม่ถูกต้อง: ${e.message ?? String(error)} (signature invalid)`);
  }
  return { signed: true, valid, trusted, wholeFile, signer, time, subFilter, problems };
}
