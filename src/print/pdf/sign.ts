/**
 * PAdES signatures on the printed PDFs, one role at a time (`npm run sign`), as incremental
 * updates that keep every earlier signature valid.
 *
 * - The identity comes from a PKCS#12 file; the key never lives in the repository. Certificates
 *   with Thai names work: the certificate's DER is used as it is (some signers re-encode the issuer
 *   name and break Thai DNs), and Thai passwords work (OpenSSL 3 derives PBES2 keys from the
 *   password's UTF-8 bytes). RSA and EC (P-256) keys sign; a certificate outside its validity or
 *   without digitalSignature/nonRepudiation key usage is refused.
 * - The CMS is detached (SubFilter ETSI.CAdES.detached) with the signed attributes content-type,
 *   message-digest and ESS signing-certificate-v2, no signing-time attribute (PAdES puts the time
 *   in the signature dictionary's /M); SHA-256. With a time-stamping authority the signature value
 *   gets an RFC 3161 token (B-T); the validation data go into a /DSS (B-LT); a document timestamp
 *   closes it (B-LTA).
 * - Each signature sits in its role's field on the approval page, with a visible appearance
 *   printed by Chromium (print/pdf/appearance.ts). Verification is print/pdf/verify.ts.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, sign as cryptoSign, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import * as pkijs from 'pkijs';
import {
  APPROVAL_ORDER,
  parseSignatories,
  roleOfKey,
  SIGNATORIES_KEY,
  SIGNATURE_KEYS,
  type Signatory,
  type SigningRole,
  sameName,
} from '../../domain/signatories.ts';
import { pemCertificates } from './trust-store.ts';
import { appendUpdate, readTrailer, textString, type Trailer, type UpdateObject } from './incremental.ts';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStamp: '1.2.840.113549.1.9.16.2.14',
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

/** `D:YYYYMMDDHHmmSS+07'00'` in Bangkok time. */
export function pdfDate(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `D:${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}+07'00'`;
}

/** ESS signing-certificate-v2 (RFC 5035) of a certificate: its SHA-256 and issuer/serial. */
function signingCertificateV2(certificate: Buffer): asn1js.Sequence {
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(certificate));
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              // hashAlgorithm DEFAULT sha256: omitted
              new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(certificate)) }),
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
}

/** Asks a time-stamping authority for a token over a digest: the token's DER (a CMS ContentInfo). */
export type Timestamper = (digest: Buffer) => Promise<Buffer>;

/**
 * The detached CMS (CAdES attributes content-type, message-digest, signing-certificate-v2; no
 * signing-time: PAdES keeps the time in /M) over `digest`; with `timestamp`, the signature value's
 * RFC 3161 token as the unsigned signature-time-stamp attribute (PAdES B-T).
 */
async function buildCms(identity: SigningIdentity, digest: Buffer, timestamp?: Timestamper): Promise<Buffer> {
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(identity.certificate));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(identity.certificate)] }),
    ],
  });
  // the signature covers the DER of the attributes as a SET (tag 0x31), not as the [0] field
  const attrsDer = Buffer.from(signedAttrs.toSchema().toBER());
  attrsDer[0] = 0x31;
  const key = createPrivateKey(identity.privateKeyPem);
  const isEc = key.asymmetricKeyType === 'ec';
  if (!isEc && key.asymmetricKeyType !== 'rsa') throw new SigningError(`กุญแจชนิด ${key.asymmetricKeyType} ยังไม่รองรับ (only RSA and EC keys are supported)`);
  const signature = cryptoSign('sha256', attrsDer, key);
  let unsignedAttrs: pkijs.SignedAndUnsignedAttributes | undefined;
  if (timestamp) {
    const token = await timestamp(sha256(signature));
    const parsed = asn1js.fromBER(toArrayBuffer(token));
    if (parsed.offset < 0) throw new SigningError('ผู้ให้บริการประทับเวลาส่งข้อมูลที่อ่านไม่ได้ (the time-stamping authority answered with no readable token)');
    unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStamp, values: [parsed.result] })],
    });
  }
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    ...(unsignedAttrs ? { unsignedAttrs } : {}),
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

/** A signing area of the approval page: its page and rectangle (PDF points). */
export interface SigningArea {
  role: SigningRole;
  page: PDFRef;
  rect: [number, number, number, number];
}

/**
 * The signing areas of the approval page: the empty links (/Dest /sig-<key>) that fill them
 * (components/print/Signatures.astro), whose rectangles Chromium places exactly.
 */
function signingAreas(doc: PDFDocument): Array<SigningArea & { link: PDFRef }> {
  const out: Array<SigningArea & { link: PDFRef }> = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (const ref of annots?.asArray() ?? []) {
      if (!(ref instanceof PDFRef)) continue;
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const dest = annot.get(PDFName.of('Dest'));
      const key = dest instanceof PDFName ? /^\/sig-([a-z]+)$/.exec(dest.toString())?.[1] : undefined;
      const role = key ? roleOfKey(key) : undefined;
      const rect = annot
        .lookupMaybe(PDFName.of('Rect'), PDFArray)
        ?.asArray()
        .map((n) => Number(n.toString()));
      if (!role || !rect || rect.length !== 4 || out.some((a) => a.role === role)) continue;
      const r = (v: number) => Math.round(v * 100) / 100;
      const [x1, y1, x2, y2] = rect as [number, number, number, number];
      out.push({ role, page: page.ref, link: ref, rect: [r(Math.min(x1, x2)), r(Math.min(y1, y2)), r(Math.max(x1, x2)), r(Math.max(y1, y2))] });
    }
  }
  return APPROVAL_ORDER.flatMap((role) => out.filter((a) => a.role === role));
}

/** The signatories the PDF records (/KhumueSignatories in its document information). */
export function signatoriesOfPdf(doc: PDFDocument): Signatory[] {
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  const value = info instanceof PDFDict ? info.lookup(PDFName.of(SIGNATORIES_KEY)) : undefined;
  return parseSignatories(value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : undefined);
}

/** What a PDF offers for signing: its signatories, signing areas and which roles are signed. */
export interface SigningState {
  signatories: Signatory[];
  areas: SigningArea[];
  signed: SigningRole[];
}

/** The signature fields of the form (`sig-<key>`), with whether each holds a signature. */
function signatureFields(doc: PDFDocument): Array<{ ref: PDFRef; name: string; signed: boolean; dict: PDFDict }> {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) return [];
  return fields.asArray().flatMap((ref) => {
    if (!(ref instanceof PDFRef)) return [];
    const dict = doc.context.lookup(ref, PDFDict);
    const t = dict.lookup(PDFName.of('T'));
    const name = t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : '';
    return [{ ref, name, signed: dict.has(PDFName.of('V')), dict }];
  });
}

export async function signingState(input: Uint8Array): Promise<SigningState> {
  const doc = await PDFDocument.load(input, { updateMetadata: false });
  const fields = signatureFields(doc);
  return {
    signatories: signatoriesOfPdf(doc),
    areas: signingAreas(doc),
    signed: APPROVAL_ORDER.filter((role) => fields.some((f) => f.name === `sig-${SIGNATURE_KEYS[role]}` && f.signed)),
  };
}

export interface SignOptions {
  /** the role signed for; its signing area on the approval page holds the widget */
  role: SigningRole;
  time?: Date;
  /** the appearance, a one-page PDF the size of the role's area (print/pdf/appearance.ts); none: an invisible signature */
  appearance?: (area: SigningArea, signatory: Signatory | undefined) => Promise<Buffer>;
  /** the first signature certifies the document (DocMDP: form filling and signing allowed) */
  certify?: boolean;
  /** PAdES B-T: a signature timestamp from this authority */
  timestamp?: Timestamper;
  /** false: sign even when the certificate's name is not the one the PDF declares for the role */
  nameCheck?: boolean;
}

/** A ByteRange the signer fills in once the file's length is known (same width, so no offset moves). */
const RANGE_PLACEHOLDER = `[0 ${'0'.repeat(10)} ${'0'.repeat(10)} ${'0'.repeat(10)}]`;
/** An empty appearance: a widget with no visible signature still has one (PDF/A). */
const EMPTY_FORM = `<</Type /XObject\n/Subtype /Form\n/BBox [0 0 1 1]\n/Length 0>>\nstream\n\nendstream`;
/** The catalog, rewritten, as an object of the update. */
function catalogObject(trailer: Trailer, catalog: PDFDict): UpdateObject {
  const [num, gen] = trailer.root.split(' ').map(Number) as [number, number];
  return { num, gen, value: catalog.toString() };
}

/** Serialises an object of pdf-lib exactly (streams keep their bytes), as latin1 text for appendUpdate. */
function objectText(obj: PDFObject): string {
  const bytes = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(bytes, 0);
  return Buffer.from(bytes).toString('latin1');
}

const rectText = (r: readonly number[]) => `[${r.join(' ')}]`;

/**
 * Adds one signature, for one role, as an incremental update: the bytes before it — the printed
 * document and every earlier signature — stay as they are, so earlier signatures stay valid.
 * The first signature lays out the form: one signature field per signing area of the approval
 * page (so later signers fill fields that exist, which a certification allows); it may certify
 * the document (DocMDP P 2). The widget of the role's field shows `appearance`.
 * The certificate's name must be the one the PDF declares for the role (normalised Thai
 * comparison), unless `nameCheck` is false.
 */
export async function signPdf(input: Uint8Array, identity: SigningIdentity, options: SignOptions): Promise<Buffer> {
  const original = Buffer.from(input);
  const text = original.toString('latin1');
  const trailer = readTrailer(text);
  if (!trailer) throw new SigningError('PDF นี้ไม่มีส่วนท้ายแบบที่ต่อการลงนามได้ (the PDF has no classic trailer to append a signature to)');
  const doc = await PDFDocument.load(original, { updateMetadata: false });
  const { role } = options;
  const key = SIGNATURE_KEYS[role];
  const signatory = signatoriesOfPdf(doc).find((s) => s.role === role);
  if (options.nameCheck !== false) {
    if (!signatory?.name)
      throw new SigningError(
        `เอกสารนี้ไม่ได้ระบุชื่อ${role} จึงตรวจไม่ได้ว่าผู้ถือใบรับรองคือผู้นั้น ให้ระบุใน approvals ของเอกสาร หรือใช้ --no-name-check (the PDF declares no ${role}; declare it in the document's approvals, or pass --no-name-check)`,
      );
    if (!sameName(identity.name, signatory.name))
      throw new SigningError(
        `ใบรับรองเป็นของ ${identity.name} แต่เอกสารระบุ${role}เป็น ${signatory.name} (the certificate's name is not the ${role} the document declares; use that person's certificate, or pass --no-name-check)`,
      );
  }
  const fields = signatureFields(doc);
  const existing = fields.find((f) => f.name === `sig-${key}`);
  if (existing?.signed) throw new SigningError(`${role}ลงนามในเอกสารนี้แล้ว (the ${role} has signed this PDF already)`);
  const areas = signingAreas(doc);
  // a field the first signer laid out keeps its area as its widget's rectangle
  const fieldRect = existing?.dict
    .lookupMaybe(PDFName.of('Rect'), PDFArray)
    ?.asArray()
    .map((n) => Number(n.toString()));
  const fieldPage = existing?.dict.get(PDFName.of('P'));
  const area: SigningArea | undefined =
    existing && fieldRect?.length === 4 && fieldPage instanceof PDFRef
      ? { role, page: fieldPage, rect: fieldRect as [number, number, number, number] }
      : areas.find((a) => a.role === role);
  if (!area)
    throw new SigningError(
      `หน้าอนุมัติของ PDF นี้ไม่มีที่ลงนามของ${role} ให้พิมพ์ใหม่ด้วย npm run build (the approval page has no signing area for ${role}; print the PDF again with this version of khumue)`,
    );
  if (fields.length && !existing) throw new SigningError(`PDF นี้มีฟอร์มลงนามที่ไม่ได้สร้างโดย khumue (the PDF has a signature form khumue did not lay out)`);
  const certify = options.certify === true && !fields.some((f) => f.signed) && !doc.catalog.has(PDFName.of('Perms'));

  let next = trailer.size;
  const alloc = () => next++;
  const objects: UpdateObject[] = [];
  const sigNum = alloc();
  const time = options.time ?? new Date();

  // the appearance: the Chromium-printed page as a form XObject, with its fonts
  const apNum = { value: 0 };
  const emptyAp = fields.length ? 0 : alloc();
  if (options.appearance) {
    const pdfBytes = await options.appearance(area, signatory);
    const tmp = await PDFDocument.create({ updateMetadata: false });
    tmp.context.largestObjectNumber = next - 1;
    const [page] = await tmp.embedPdf(pdfBytes, [0]);
    await page!.embed();
    apNum.value = page!.ref.objectNumber;
    for (const [ref, obj] of tmp.context.enumerateIndirectObjects()) {
      if (ref.objectNumber >= next) objects.push({ num: ref.objectNumber, gen: 0, value: objectText(obj) });
    }
    next = tmp.context.largestObjectNumber + 1;
  }
  if (emptyAp) objects.push({ num: emptyAp, gen: 0, value: EMPTY_FORM });
  const apFor = (r: SigningRole) => (r === role && apNum.value ? `${apNum.value} 0 R` : `${emptyAp} 0 R`);
  const widget = (r: SigningRole, a: SigningArea, extra: string) =>
    `<</Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (sig-${SIGNATURE_KEYS[r]})\n/TU ${textString(`ลายมือชื่ออิเล็กทรอนิกส์ของ${r}`)}\n/F ${r === role ? 132 : 4}\n/Rect ${rectText(a.rect)}\n/P ${a.page.objectNumber} ${a.page.generationNumber} R${extra}>>`;

  const rangePlaceholder = RANGE_PLACEHOLDER;
  const contentsBytes = options.timestamp ? CONTENTS_BYTES * 2 : CONTENTS_BYTES;
  const reference = certify ? `\n/Reference [<</Type /SigRef\n/TransformMethod /DocMDP\n/TransformParams <</Type /TransformParams\n/P 2\n/V /1.2>>>>]` : '';
  objects.push({
    num: sigNum,
    gen: 0,
    value:
      `<</Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n/ByteRange ${rangePlaceholder}\n/Contents <${'0'.repeat(contentsBytes * 2)}>\n` +
      `/M (${pdfDate(time)})\n/Name ${textString(identity.name)}\n/Reason ${textString(role)}${signatory?.position ? `\n/Location ${textString(signatory.position)}` : ''}${reference}>>`,
  });

  if (existing) {
    // a later signer fills the field the first one laid out
    const rewritten = existing.dict.clone();
    rewritten.set(PDFName.of('V'), PDFRef.of(sigNum));
    rewritten.set(PDFName.of('F'), doc.context.obj(132));
    if (apNum.value) rewritten.set(PDFName.of('AP'), doc.context.obj({ N: PDFRef.of(apNum.value) }));
    objects.push({ num: existing.ref.objectNumber, gen: existing.ref.generationNumber, value: rewritten.toString() });
  } else {
    // the first signer lays out one field per signing area
    const refs = new Map<SigningRole, number>();
    for (const a of areas) refs.set(a.role, alloc());
    for (const a of areas)
      objects.push({ num: refs.get(a.role)!, gen: 0, value: widget(a.role, a, `\n/AP <</N ${apFor(a.role)}>>${a.role === role ? `\n/V ${sigNum} 0 R` : ''}`) });
    const catalog = doc.catalog.clone();
    catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [...refs.values()].map((n) => PDFRef.of(n)), SigFlags: 3 }));
    if (certify) catalog.set(PDFName.of('Perms'), doc.context.obj({ DocMDP: PDFRef.of(sigNum) }));
    objects.push(catalogObject(trailer, catalog));
    for (const pageRef of new Set(areas.map((a) => a.page))) {
      const page = doc.context.lookup(pageRef, PDFDict).clone();
      const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
      const here = areas.filter((a) => a.page === pageRef);
      // the signing areas' links give way to the signature fields
      const links = new Set(here.map((a) => a.link.toString()));
      const kept = (annots ? annots.asArray() : []).filter((x) => !links.has(x.toString()));
      page.set(PDFName.of('Annots'), doc.context.obj([...kept, ...here.map((a) => PDFRef.of(refs.get(a.role)!))]));
      objects.push({ num: pageRef.objectNumber, gen: pageRef.generationNumber, value: page.toString() });
    }
  }
  const body = appendUpdate(text, trailer, objects, { size: next, keepInfo: true, keepId: true });
  return fillSignature(Buffer.from(body, 'latin1'), Buffer.byteLength(text, 'latin1'), rangePlaceholder, contentsBytes, (digest) =>
    buildCms(identity, digest, options.timestamp),
  );
}

/** Writes the ByteRange and the CMS (made by `cms` over the range's digest) into the placeholders after `from`. */
async function fillSignature(
  out: Buffer,
  from: number,
  rangePlaceholder: string,
  contentsBytes: number,
  cms: (digest: Buffer) => Promise<Buffer>,
): Promise<Buffer> {
  const contentsAt = out.indexOf(`/Contents <${'0'.repeat(32)}`, from, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + contentsBytes * 2 + 2;
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const rangeText = `[${range.join(' ')}]`.padEnd(rangePlaceholder.length, ' ');
  const rangeAt = out.indexOf(`/ByteRange ${rangePlaceholder}`, from, 'latin1') + '/ByteRange '.length;
  out.write(rangeText, rangeAt, 'latin1');
  const value = await cms(sha256(out.subarray(0, contentsAt), out.subarray(contentsEnd)));
  if (value.length > contentsBytes)
    throw new SigningError(`ลายมือชื่อยาว ${value.length} ไบต์ เกินที่จองไว้ ${contentsBytes} ไบต์ (the signature does not fit the space reserved)`);
  out.write(value.toString('hex').toUpperCase(), contentsAt + 1, 'latin1');
  return out;
}

/**
 * PAdES B-LTA: a document timestamp (SubFilter ETSI.RFC3161) over the whole file as it is — its
 * signatures and the validation data — in an invisible field of its own.
 */
export async function addDocumentTimestamp(input: Uint8Array, timestamp: Timestamper): Promise<Buffer> {
  const original = Buffer.from(input);
  const text = original.toString('latin1');
  const trailer = readTrailer(text);
  if (!trailer) throw new SigningError('PDF นี้ไม่มีส่วนท้ายแบบที่ต่อได้ (the PDF has no classic trailer)');
  const doc = await PDFDocument.load(original, { updateMetadata: false });
  const fields = signatureFields(doc);
  const pages = doc.getPages();
  const pageRef = signingAreas(doc)[0]?.page ?? pages[pages.length - 1]!.ref;
  let next = trailer.size;
  const sigNum = next++;
  const fieldNum = next++;
  const apNum = next++;
  const rangePlaceholder = RANGE_PLACEHOLDER;
  const contentsBytes = CONTENTS_BYTES;
  const objects: UpdateObject[] = [
    {
      num: sigNum,
      gen: 0,
      value: `<</Type /DocTimeStamp\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.RFC3161\n/ByteRange ${rangePlaceholder}\n/Contents <${'0'.repeat(contentsBytes * 2)}>>>`,
    },
    {
      num: fieldNum,
      gen: 0,
      value: `<</Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (doc-timestamp-${fields.length + 1})\n/F 132\n/Rect [0 0 0 0]\n/P ${pageRef.objectNumber} ${pageRef.generationNumber} R\n/AP <</N ${apNum} 0 R>>\n/V ${sigNum} 0 R>>`,
    },
    { num: apNum, gen: 0, value: EMPTY_FORM },
  ];
  const catalog = doc.catalog.clone();
  catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [...fields.map((f) => f.ref), PDFRef.of(fieldNum)], SigFlags: 3 }));
  objects.push(catalogObject(trailer, catalog));
  const page = doc.context.lookup(pageRef, PDFDict).clone();
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
  page.set(PDFName.of('Annots'), doc.context.obj([...(annots ? annots.asArray() : []), PDFRef.of(fieldNum)]));
  objects.push({ num: pageRef.objectNumber, gen: pageRef.generationNumber, value: page.toString() });
  const body = appendUpdate(text, trailer, objects, { size: next, keepInfo: true, keepId: true });
  return fillSignature(Buffer.from(body, 'latin1'), Buffer.byteLength(text, 'latin1'), rangePlaceholder, contentsBytes, timestamp);
}

/** Validation data for PAdES B-LT: certificates, CRLs and OCSP responses, DER. */
export interface ValidationData {
  certs: Buffer[];
  crls: Buffer[];
  ocsps: Buffer[];
}

/**
 * PAdES B-LT: a document security store (/DSS) with the certificates and the revocation data a
 * verifier needs years later without a network, appended as an incremental update (merged with
 * an earlier DSS; the same bytes are stored once).
 */
export async function addValidationData(input: Uint8Array, data: ValidationData): Promise<Buffer> {
  const original = Buffer.from(input);
  const text = original.toString('latin1');
  const trailer = readTrailer(text);
  if (!trailer) throw new SigningError('PDF นี้ไม่มีส่วนท้ายแบบที่ต่อได้ (the PDF has no classic trailer)');
  const doc = await PDFDocument.load(original, { updateMetadata: false });
  const old = doc.catalog.lookupMaybe(PDFName.of('DSS'), PDFDict);
  const kept = (name: string): PDFRef[] => (old?.lookupMaybe(PDFName.of(name), PDFArray)?.asArray() ?? []).filter((r): r is PDFRef => r instanceof PDFRef);
  const seen = new Set<string>();
  for (const name of ['Certs', 'CRLs', 'OCSPs']) {
    for (const ref of kept(name)) {
      const stream = doc.context.lookup(ref);
      if (stream instanceof PDFRawStream) seen.add(sha256(stream.getContents()).toString('hex'));
    }
  }
  let next = trailer.size;
  const objects: UpdateObject[] = [];
  // every signer's certificates (and their timestamp authorities'), not only this one's
  const certs: Buffer[] = [...data.certs, ...signatureCertificates(text)];
  const add = (list: Buffer[]) =>
    list.flatMap((der) => {
      const h = sha256(der).toString('hex');
      if (seen.has(h)) return [];
      seen.add(h);
      const num = next++;
      objects.push({ num, gen: 0, value: `<</Length ${der.length}>>\nstream\n${der.toString('latin1')}\nendstream` });
      return [PDFRef.of(num)];
    });
  const certRefs = [...kept('Certs'), ...add(certs)];
  const crls = [...kept('CRLs'), ...add(data.crls)];
  const ocsps = [...kept('OCSPs'), ...add(data.ocsps)];
  const dss = doc.context.obj({ Type: 'DSS', Certs: certRefs, ...(crls.length ? { CRLs: crls } : {}), ...(ocsps.length ? { OCSPs: ocsps } : {}) });
  const catalog = doc.catalog.clone();
  catalog.set(PDFName.of('DSS'), dss);
  objects.push(catalogObject(trailer, catalog));
  return Buffer.from(appendUpdate(text, trailer, objects, { size: next, keepInfo: true, keepId: true }), 'latin1');
}

/** The certificates of every CAdES signature in a PDF and of their timestamp tokens, DER. */
function signatureCertificates(text: string): Buffer[] {
  const out: Buffer[] = [];
  for (const m of text.matchAll(/\/SubFilter \/ETSI\.CAdES\.detached\s*\/ByteRange \[[^\]]*\]\s*\/Contents <([0-9A-Fa-f]+)>/g)) {
    try {
      const cms = Buffer.from(m[1]!, 'hex');
      const parsed = asn1js.fromBER(toArrayBuffer(cms));
      const sd = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
      for (const c of sd.certificates ?? []) if (c instanceof pkijs.Certificate) out.push(Buffer.from(c.toSchema().toBER()));
      for (const a of sd.signerInfos[0]?.unsignedAttrs?.attributes ?? []) {
        if (a.type === OID.signatureTimeStamp) out.push(...tokenCertificates(Buffer.from(a.values[0]!.toBER())));
      }
    } catch {
      // not a readable CMS: nothing to add
    }
  }
  return out;
}

/** The certificates a timestamp token carries (the TSA's), DER. */
export function tokenCertificates(token: Buffer): Buffer[] {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(toArrayBuffer(token)).result });
  const sd = new pkijs.SignedData({ schema: info.content });
  return (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map((c) => Buffer.from(c.toSchema().toBER()));
}
