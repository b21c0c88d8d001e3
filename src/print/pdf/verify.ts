/**
 * Verification of every signature in a PDF, the same in Node (`npm run pdf:verify`) and in the
 * browser (the site's /verify/ page): nothing here needs a network or Node — bytes in, a report out.
 *
 * For each signature (in file order): the role it was made for, the signer, the time it claims
 * (/M) and its timestamp (RFC 3161: time, authority, token valid, authority trusted); whether the
 * digest and the signature value match the revision it covers; that nothing but zero padding
 * follows the CMS in /Contents; whether everything after that revision is only later signatures,
 * their fields and appearances and validation data (never a change to a page, its content or
 * anything else); the certificate's validity at the signing time (the timestamp's time when
 * there is one) and its key usage; the chain against the trust store an office configures; the
 * revocation status from the CRLs the file embeds (/DSS); and the PAdES level reached (B-B, B-T,
 * B-LT, B-LTA). "Valid" without "trusted" is never the verdict ถูกต้อง.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

if (globalThis.crypto?.subtle) pkijs.setEngine('webcrypto', new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto }));

const OID = {
  signatureTimeStamp: '1.2.840.113549.1.9.16.2.14',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  keyUsage: '2.5.29.15',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha1: '1.3.14.3.2.26',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};

export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

export interface TimestampReport {
  /** the time the authority stated, `YYYY-MM-DD HH:MM:SS +07:00` */
  time: string;
  /** the authority (its certificate's CN, O) */
  authority: string;
  /** the token's signature and message imprint match */
  valid: boolean;
  /** the authority chains to the trust store (undefined without a trust store) */
  trusted?: boolean;
}

export interface SignatureReport {
  /** 1-based, in file order */
  index: number;
  kind: 'signature' | 'document-timestamp';
  /** the role signed for (/Reason), e.g. ผู้ตรวจสอบ */
  role?: string;
  signer?: string;
  /** the time the signature claims (/M), `YYYY-MM-DD HH:MM:SS +07:00` */
  time?: string;
  timestamp?: TimestampReport;
  level?: PadesLevel;
  /** the digest and the signature value match the bytes covered */
  intact: boolean;
  /** intact, only zero padding after the CMS, the certificate usable at the signing time, not revoked, a timestamp (if any) valid */
  valid: boolean;
  /** the certificate chains to the trust store (undefined: no trust store given) */
  trusted?: boolean;
  /** the revision (1-based) the signature covers, of `revisions` */
  revision: number;
  revisions: number;
  /** the signature covers every byte of the file but its own value */
  wholeFile: boolean;
  /** everything after the covered revision is only later signatures and validation data */
  onlyLaterSignatures: boolean;
  revocation: 'good' | 'revoked' | 'unknown';
  problems: string[];
}

export type Verdict = 'valid' | 'untrusted' | 'not-checked' | 'invalid' | 'unsigned';

export interface PdfVerification {
  signatures: SignatureReport[];
  verdict: Verdict;
  /** the verdict in Thai (and English), as the CLI and the page show it */
  summary: string;
}

// ---------------------------------------------------------------- bytes and PDF syntax

const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
};
const ab = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const hexBytes = (hex: string): Uint8Array => {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
};
const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
async function digest(algorithm: string, ...parts: Uint8Array[]): Promise<Uint8Array> {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await globalThis.crypto.subtle.digest(algorithm, all));
}
/** The TSTInfo an RFC 3161 token's SignedData encapsulates. */
export const tstInfoOf = (sd: pkijs.SignedData): pkijs.TSTInfo =>
  pkijs.TSTInfo.fromBER(sd.encapContentInfo.eContent!.valueBlock.valueHexView.slice().buffer as ArrayBuffer);
const HASHES: Record<string, string> = { [OID.sha256]: 'SHA-256', [OID.sha1]: 'SHA-1', [OID.sha384]: 'SHA-384', [OID.sha512]: 'SHA-512' };

/** A PDF text string: a literal `(…)` or hex `<…>` string, UTF-16BE with a BOM or PDFDocEncoding (as Latin-1). */
export function decodePdfString(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let bytes: number[];
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    bytes = [...hexBytes(hex.length % 2 ? `${hex}0` : hex)];
  } else {
    const body = raw.slice(1, -1);
    bytes = [];
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      if (c !== '\\') {
        bytes.push(c.charCodeAt(0));
        continue;
      }
      const n = body[++i] ?? '';
      const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (n in esc) bytes.push(esc[n]!);
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) oct += body[++i];
        bytes.push(Number.parseInt(oct, 8) & 0xff);
      }
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  return String.fromCharCode(...bytes);
}

/** A PDF object as a value: null, boolean, number, name (`/X`), string, ref (`n g R`), array, dictionary. */
type Value = null | boolean | number | { name: string } | { str: string } | { ref: string } | Value[] | { dict: Map<string, Value> };

/** A small reader of PDF object syntax (enough for dictionaries of the structure, not content streams). */
function parseValue(text: string, at: number): [Value, number] {
  const ws = /[\s\0]*(?:%[^\n\r]*[\s\0]*)*/y;
  const skip = (i: number) => {
    ws.lastIndex = i;
    ws.exec(text);
    return ws.lastIndex;
  };
  let i = skip(at);
  const c = text[i];
  if (text.startsWith('<<', i)) {
    const dict = new Map<string, Value>();
    i += 2;
    for (;;) {
      i = skip(i);
      if (text.startsWith('>>', i)) return [{ dict }, i + 2];
      const [key, j] = parseValue(text, i);
      if (!key || typeof key !== 'object' || !('name' in key)) throw new Error('bad dictionary key');
      const [value, k] = parseValue(text, j);
      dict.set(key.name, value);
      i = k;
    }
  }
  if (c === '[') {
    const list: Value[] = [];
    i++;
    for (;;) {
      i = skip(i);
      if (text[i] === ']') return [list, i + 1];
      const [v, j] = parseValue(text, i);
      list.push(v);
      i = j;
    }
  }
  if (c === '/') {
    const m = /\/[^\s/<>[\]()%{}]*/y;
    m.lastIndex = i;
    const name = m.exec(text)![0];
    return [{ name: name.slice(1) }, i + name.length];
  }
  if (c === '(') {
    let depth = 0;
    let j = i;
    for (; j < text.length; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '(') depth++;
      else if (text[j] === ')' && --depth === 0) break;
    }
    return [{ str: text.slice(i, j + 1) }, j + 1];
  }
  if (c === '<') {
    const j = text.indexOf('>', i);
    return [{ str: text.slice(i, j + 1) }, j + 1];
  }
  const ref = /(\d+)\s+(\d+)\s+R\b/y;
  ref.lastIndex = i;
  const r = ref.exec(text);
  if (r) return [{ ref: `${r[1]} ${r[2]}` }, ref.lastIndex];
  const tok = /[^\s/<>[\]()%]+/y;
  tok.lastIndex = i;
  const t = tok.exec(text)?.[0];
  if (!t) throw new Error(`unexpected ${JSON.stringify(text.slice(i, i + 10))}`);
  if (t === 'true' || t === 'false') return [t === 'true', i + t.length];
  if (t === 'null') return [null, i + t.length];
  return [Number(t), i + t.length];
}

/** A value's canonical text, for comparing two definitions of an object. */
function canonical(v: Value): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(' ')}]`;
  if ('name' in v) return `/${v.name}`;
  if ('ref' in v) return `${v.ref} R`;
  if ('str' in v) return JSON.stringify(decodePdfString(v.str));
  return `<<${[...v.dict.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, x]) => `/${k} ${canonical(x)}`)
    .join(' ')}>>`;
}

interface PdfObjectDef {
  num: number;
  gen: number;
  /** offset of `n g obj` */
  at: number;
  /** the object's text up to `endobj` */
  body: string;
}

/** Every object definition in the file, in file order (all revisions; later ones redefine earlier). */
function objectDefinitions(text: string): PdfObjectDef[] {
  const out: PdfObjectDef[] = [];
  const re = /(?:^|[\r\n])(\d+) (\d+) obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].startsWith('\n') || m[0].startsWith('\r') ? 1 : 0);
    const bodyStart = re.lastIndex;
    // a stream's data may hold "endobj": step over it by its /Length when it is a number
    let end = text.indexOf('endobj', bodyStart);
    const streamAt = text.indexOf('stream', bodyStart);
    if (streamAt >= 0 && streamAt < end) {
      const len = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(text.slice(bodyStart, streamAt))?.[1];
      if (len) end = text.indexOf('endobj', streamAt + Number(len));
    }
    if (end < 0) break;
    out.push({ num: Number(m[1]), gen: Number(m[2]), at: start, body: text.slice(bodyStart, end) });
    re.lastIndex = end;
  }
  return out;
}

const dictOf = (def: PdfObjectDef | undefined): Map<string, Value> | undefined => {
  if (!def) return undefined;
  try {
    const [v] = parseValue(def.body, 0);
    return v && typeof v === 'object' && 'dict' in v ? v.dict : undefined;
  } catch {
    return undefined;
  }
};
const nameOf = (v: Value | undefined) => (v && typeof v === 'object' && 'name' in v ? v.name : undefined);

/** The bytes of a stream object (unfiltered streams: those khumue writes into /DSS). */
function streamBytes(pdf: Uint8Array, text: string, def: PdfObjectDef): Uint8Array | undefined {
  const dict = dictOf(def);
  const length = dict?.get('Length');
  if (typeof length !== 'number' || dict?.has('Filter')) return undefined;
  const s = text.indexOf('stream', def.at);
  let start = s + 'stream'.length;
  if (text[start] === '\r') start++;
  if (text[start] === '\n') start++;
  return pdf.subarray(start, start + length);
}

// ---------------------------------------------------------------- certificates

const field = (name: pkijs.RelativeDistinguishedNames, oid: string) =>
  name.typesAndValues.find((t) => t.type === oid)?.value.valueBlock.value as string | undefined;
const nameOfCert = (c: pkijs.Certificate) => [field(c.subject, OID.commonName), field(c.subject, OID.organization)].filter(Boolean).join(', ');
const certsOf = (sd: pkijs.SignedData) => (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);

/** The signer's certificate of a SignedData: the one its SignerInfo names by issuer and serial. */
function signerCertificate(sd: pkijs.SignedData): pkijs.Certificate | undefined {
  const sid = sd.signerInfos[0]?.sid;
  const certs = certsOf(sd);
  if (sid instanceof pkijs.IssuerAndSerialNumber)
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && equalBytes(c.serialNumber.valueBlock.valueHexView, sid.serialNumber.valueBlock.valueHexView));
  return certs[0];
}

async function chainTrusted(
  cert: pkijs.Certificate,
  certs: pkijs.Certificate[],
  trustStore: readonly Uint8Array[],
  at: Date,
): Promise<{ trusted: boolean; message: string }> {
  const trustedCerts = trustStore.map((der) => pkijs.Certificate.fromBER(ab(der)));
  // each certificate once: the signer's, then the others the file carries (a copy of the signer's, or of a trust anchor, is not an intermediate)
  const der = (c: pkijs.Certificate) => new Uint8Array(c.toSchema().toBER());
  // a certificate the office put in its trust store itself is trusted as it is (direct trust)
  if (trustStore.some((t) => equalBytes(t, der(cert)))) return { trusted: true, message: '' };
  const seen = [der(cert), ...trustedCerts.map(der)];
  const others: pkijs.Certificate[] = [];
  for (const c of certs) {
    const d = der(c);
    if (seen.some((x) => equalBytes(x, d))) continue;
    seen.push(d);
    others.push(c);
  }
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts, certs: [cert, ...others], checkDate: at });
  const r = await engine.verify();
  return { trusted: r.result === true, message: r.resultMessage };
}

// ---------------------------------------------------------------- the verification

interface SigDict {
  def: PdfObjectDef;
  dict: Map<string, Value>;
  range: [number, number, number, number];
}

/** Verifies every signature of a PDF (with `trustStore`: DER certificates of the CAs an office trusts). */
export async function verifyPdfSignatures(input: Uint8Array, options: { trustStore?: readonly Uint8Array[] } = {}): Promise<PdfVerification> {
  const pdf = input;
  const text = latin1(pdf);
  const defs = objectDefinitions(text);
  const eofs = [...text.matchAll(/%%EOF[ \t]*(?:\r\n|\r|\n)?/g)].map((m) => m.index! + m[0].length);
  const sigs: SigDict[] = [];
  for (const def of defs) {
    if (!def.body.includes('/ByteRange')) continue;
    const dict = dictOf(def);
    const range = dict?.get('ByteRange');
    if (!dict || !Array.isArray(range) || range.length !== 4 || !range.every((n) => typeof n === 'number')) continue;
    sigs.push({ def, dict, range: range as [number, number, number, number] });
  }
  // the last definition of each object, and the validation data of the final revision
  const lastDef = new Map<number, PdfObjectDef>();
  for (const d of defs) lastDef.set(d.num, d);
  const dss = dssOf(pdf, text, lastDef);

  const reports: SignatureReport[] = [];
  for (const [i, sig] of sigs.entries()) reports.push(await verifyOne(pdf, text, defs, eofs, sig, i + 1, dss, options.trustStore));
  // a document timestamp after a B-LT signature makes it B-LTA
  const lastTimestamp = reports.findLast((r) => r.kind === 'document-timestamp' && r.valid);
  for (const r of reports) {
    if (r.level === 'B-LT' && lastTimestamp && lastTimestamp.index > r.index) r.level = 'B-LTA';
  }
  return { signatures: reports, ...verdictOf(reports, options.trustStore !== undefined) };
}

interface Dss {
  certs: pkijs.Certificate[];
  crls: pkijs.CertificateRevocationList[];
}

/** The certificates and CRLs of the /DSS the final catalog names. */
function dssOf(pdf: Uint8Array, text: string, lastDef: Map<number, PdfObjectDef>): Dss {
  const out: Dss = { certs: [], crls: [] };
  const root = [...text.matchAll(/\/Root\s+(\d+)\s+\d+\s+R/g)].at(-1)?.[1];
  const catalog = dictOf(root ? lastDef.get(Number(root)) : undefined);
  let dss = catalog?.get('DSS');
  if (dss && typeof dss === 'object' && 'ref' in dss) dss = { dict: dictOf(lastDef.get(Number(dss.ref.split(' ')[0]))) ?? new Map() };
  if (!dss || typeof dss !== 'object' || !('dict' in dss)) return out;
  const list = (key: string) => {
    const v = dss.dict.get(key);
    return (Array.isArray(v) ? v : []).flatMap((r) => {
      if (!r || typeof r !== 'object' || !('ref' in r)) return [];
      const def = lastDef.get(Number(r.ref.split(' ')[0]));
      const bytes = def && streamBytes(pdf, text, def);
      return bytes ? [bytes] : [];
    });
  };
  for (const der of list('Certs')) {
    try {
      out.certs.push(pkijs.Certificate.fromBER(ab(der)));
    } catch {}
  }
  for (const der of list('CRLs')) {
    try {
      out.crls.push(pkijs.CertificateRevocationList.fromBER(ab(der)));
    } catch {}
  }
  return out;
}

/** `2026-12-01 20:05:00 +07:00`: a moment in Thai time. */
export function bangkokTime(at: Date): string {
  return `${new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')} +07:00`;
}

/** `D:20261201130500+07'00'` → a Date and `2026-12-01 13:05:00 +07:00`. */
function pdfTime(raw: string | undefined): { date?: Date; text?: string } {
  const m = raw && /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(raw);
  if (!m) return {};
  const zone = !m[7] || m[7] === 'Z' ? '+00:00' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  return { date: new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`), text: `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]} ${zone}` };
}

async function verifyOne(
  pdf: Uint8Array,
  text: string,
  defs: PdfObjectDef[],
  eofs: number[],
  sig: SigDict,
  index: number,
  dss: Dss,
  trustStore: readonly Uint8Array[] | undefined,
): Promise<SignatureReport> {
  const problems: string[] = [];
  const [a, b, c, d] = sig.range;
  const kind = nameOf(sig.dict.get('Type')) === 'DocTimeStamp' || nameOf(sig.dict.get('SubFilter')) === 'ETSI.RFC3161' ? 'document-timestamp' : 'signature';
  const reasonRaw = sig.dict.get('Reason');
  const role = reasonRaw && typeof reasonRaw === 'object' && 'str' in reasonRaw ? decodePdfString(reasonRaw.str) : undefined;
  const mRaw = sig.dict.get('M');
  const claimed = pdfTime(mRaw && typeof mRaw === 'object' && 'str' in mRaw ? decodePdfString(mRaw.str) : undefined);
  const end = c + d;
  const revision = eofs.findIndex((e) => e >= end) + 1 || eofs.length;
  const report: SignatureReport = {
    index,
    kind,
    role,
    time: claimed.text,
    intact: false,
    valid: false,
    revision,
    revisions: eofs.length,
    wholeFile: a === 0 && end === pdf.length,
    onlyLaterSignatures: true,
    revocation: 'unknown',
    problems,
  };
  const shaped = a === 0 && b > 0 && c > b && end <= pdf.length && pdf[b] === 0x3c && pdf[c - 1] === 0x3e;
  if (!shaped) {
    problems.push('ByteRange ไม่ถูกต้อง (the ByteRange does not frame the signature value)');
    return report;
  }
  // everything after the covered revision: only later signatures and validation data
  if (end < pdf.length) {
    const changes = laterChanges(text, defs, end);
    report.onlyLaterSignatures = changes.length === 0;
    for (const ch of changes) problems.push(ch);
  }
  const contents = text.slice(b + 1, c - 1);
  if (!/^[0-9A-Fa-f]*$/.test(contents) || contents.length % 2) {
    problems.push('/Contents ไม่ใช่เลขฐานสิบหก (/Contents is not a hex string)');
    return report;
  }
  const cms = hexBytes(contents);
  const parsed = asn1js.fromBER(ab(cms));
  if (parsed.offset < 0) {
    problems.push('/Contents ไม่มีลายมือชื่อ (no CMS in /Contents)');
    return report;
  }
  const padded = cms.subarray(parsed.offset).every((x) => x === 0);
  if (!padded) problems.push('มีข้อมูลอื่นต่อท้ายลายมือชื่อใน /Contents นอกจากเลขศูนย์ (bytes other than zero padding follow the CMS in /Contents)');
  const data = new Uint8Array(b + d);
  data.set(pdf.subarray(0, b), 0);
  data.set(pdf.subarray(c, end), b);
  try {
    const sd = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
    const signerInfo = sd.signerInfos[0]!;
    const cert = signerCertificate(sd);
    if (kind === 'document-timestamp') {
      const ts = await checkTimestampToken(sd, data, trustStore);
      report.signer = ts.authority;
      report.time = ts.time;
      report.timestamp = ts;
      report.intact = ts.valid;
      report.trusted = ts.trusted;
      if (!ts.valid) problems.push('การประทับเวลาเอกสารไม่ถูกต้อง (the document timestamp does not match the file)');
      if (ts.trusted === false) problems.push('ผู้ให้บริการประทับเวลาไม่ได้รับการรับรอง (the time-stamping authority is not trusted)');
      report.valid = ts.valid && padded && report.onlyLaterSignatures;
      return report;
    }
    if (!cert) throw new Error('the CMS holds no signer certificate');
    report.signer = nameOfCert(cert);
    const result = await sd.verify({ signer: 0, data: ab(data), checkChain: false, extendedMode: true });
    report.intact = result.signatureVerified === true;
    if (!report.intact) problems.push(`ลายมือชื่อไม่ตรงกับเอกสาร: ${result.message || 'the digest or the signature does not match'} (signature invalid)`);
    // the timestamp over the signature value (B-T)
    const tokenAttr = signerInfo.unsignedAttrs?.attributes.find((x) => x.type === OID.signatureTimeStamp);
    let at = claimed.date ?? new Date();
    if (tokenAttr) {
      const tokenSd = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: tokenAttr.values[0] }).content });
      const ts = await checkTimestampToken(tokenSd, new Uint8Array(signerInfo.signature.valueBlock.valueHexView), trustStore);
      report.timestamp = ts;
      if (!ts.valid) problems.push('การประทับเวลาไม่ตรงกับลายมือชื่อ (the timestamp does not match the signature)');
      else at = tstInfoOf(tokenSd).genTime;
      if (ts.trusted === false) problems.push('ผู้ให้บริการประทับเวลาไม่ได้รับการรับรอง (the time-stamping authority is not trusted)');
    }
    // the certificate at the signing time (the timestamp's, when there is one) and its key usage
    let usable = true;
    if (at < cert.notBefore.value || at > cert.notAfter.value) {
      usable = false;
      problems.push(
        `ใบรับรองหมดอายุหรือยังไม่มีผล ณ เวลาลงนาม (ใช้ได้ ${cert.notBefore.value.toISOString().slice(0, 10)} ถึง ${cert.notAfter.value.toISOString().slice(0, 10)}) (the certificate was not valid at the signing time)`,
      );
    }
    const usage = cert.extensions?.find((e) => e.extnID === OID.keyUsage)?.parsedValue as asn1js.BitString | undefined;
    const bits = usage?.valueBlock.valueHexView[0] ?? 0xff;
    if (usage && !(bits & 0x80) && !(bits & 0x40)) {
      usable = false;
      problems.push('ใบรับรองไม่อนุญาตให้ใช้ลงนาม (key usage has neither digitalSignature nor nonRepudiation)');
    }
    // the chain, with the certificates the CMS and the DSS carry
    const pool = [...certsOf(sd), ...dss.certs];
    if (trustStore) {
      const chain = await chainTrusted(cert, pool, trustStore, at);
      report.trusted = chain.trusted;
      if (!chain.trusted) problems.push(`ใบรับรองของผู้ลงนามไม่ได้ออกโดยผู้ออกใบรับรองที่เชื่อถือ: ${chain.message || 'no chain to the trust store'} (not trusted)`);
    }
    // revocation from the embedded CRLs
    report.revocation = await revocationOf(cert, pool, dss.crls, trustStore, at);
    if (report.revocation === 'revoked') problems.push('ใบรับรองถูกเพิกถอนก่อนเวลาลงนาม (the certificate was revoked before the signing time)');
    report.valid = report.intact && padded && usable && report.revocation !== 'revoked' && report.onlyLaterSignatures && (report.timestamp?.valid ?? true);
    const hasDssData = dss.crls.some((crl) => crl.issuer.isEqual(cert.issuer)) && pool.some((x) => x.subject.isEqual(cert.issuer)) && dss.certs.length > 0;
    report.level = report.timestamp?.valid ? (hasDssData ? 'B-LT' : 'B-T') : 'B-B';
  } catch (error) {
    problems.push(`อ่านลายมือชื่อไม่ได้: ${(error as Error).message ?? String(error)} (signature unreadable)`);
  }
  return report;
}

/** An RFC 3161 token over `data`: its signature, its imprint, its authority and trust. */
async function checkTimestampToken(sd: pkijs.SignedData, data: Uint8Array, trustStore: readonly Uint8Array[] | undefined): Promise<TimestampReport> {
  const info = tstInfoOf(sd);
  const imprint = info.messageImprint.hashedMessage.valueBlock.valueHexView;
  const expected = await digest(HASHES[info.messageImprint.hashAlgorithm.algorithmId] ?? 'SHA-256', data);
  const tsa = signerCertificate(sd);
  let signatureOk = false;
  try {
    // pkijs checks a TSTInfo's imprint against the data given
    const r = await sd.verify({ signer: 0, data: ab(data), checkChain: false, extendedMode: true });
    signatureOk = r.signatureVerified === true;
  } catch {}
  const report: TimestampReport = {
    time: bangkokTime(info.genTime),
    authority: tsa ? nameOfCert(tsa) : 'ไม่ทราบ',
    valid: signatureOk && equalBytes(imprint, expected),
  };
  if (trustStore && tsa) report.trusted = (await chainTrusted(tsa, certsOf(sd), trustStore, info.genTime)).trusted;
  return report;
}

/** The status of a certificate at `at` from CRLs its issuer signed (the signature checked). */
async function revocationOf(
  cert: pkijs.Certificate,
  pool: pkijs.Certificate[],
  crls: pkijs.CertificateRevocationList[],
  trustStore: readonly Uint8Array[] | undefined,
  at: Date,
): Promise<'good' | 'revoked' | 'unknown'> {
  const issuers = [...pool, ...(trustStore ?? []).map((der) => pkijs.Certificate.fromBER(ab(der)))].filter((x) => x.subject.isEqual(cert.issuer));
  let good = false;
  for (const crl of crls) {
    if (!crl.issuer.isEqual(cert.issuer)) continue;
    let signed = false;
    for (const issuer of issuers) {
      try {
        if (await crl.verify({ issuerCertificate: issuer })) signed = true;
      } catch {}
    }
    if (!signed) continue;
    const entry = crl.revokedCertificates?.find((r) => equalBytes(r.userCertificate.valueBlock.valueHexView, cert.serialNumber.valueBlock.valueHexView));
    if (entry) {
      if (entry.revocationDate.value <= at) return 'revoked';
    }
    good = true;
  }
  return good ? 'good' : 'unknown';
}

/**
 * What the revisions after `end` change, beyond later signatures: new objects are fine (they are
 * unreachable unless something old is rewritten); a rewritten object must be the catalog (only
 * /AcroForm, /DSS, /Perms may change), a page (only /Annots, and only by adding signature widgets),
 * a signature field (only /V, /AP, /F) or the form dictionary. Anything else is a change to the
 * signed document.
 */
function laterChanges(text: string, defs: PdfObjectDef[], end: number): string[] {
  const problems: string[] = [];
  // what follows must be whole incremental updates, each ending in a trailer and %%EOF
  const rest = text.slice(end);
  const sections = rest.split(/%%EOF[ \t]*(?:\r\n|\r|\n)?/);
  if (sections.at(-1)!.trim() !== '' || sections.slice(0, -1).some((s) => !/startxref\s+\d+\s*$/.test(s)))
    problems.push('มีข้อมูลต่อท้ายที่ไม่ใช่ฉบับปรับปรุงของ PDF (bytes that are not a PDF update follow the signed revision)');
  const before = new Map<number, PdfObjectDef>();
  for (const def of defs) if (def.at < end) before.set(def.num, def);
  const current = new Map(before);
  for (const def of defs) {
    if (def.at < end) continue;
    const old = current.get(def.num);
    current.set(def.num, def);
    const newDict = dictOf(def);
    if (!old) {
      // a new annotation must be a signature widget
      if (newDict && nameOf(newDict.get('Type')) === 'Annot' && !(nameOf(newDict.get('Subtype')) === 'Widget' && nameOf(newDict.get('FT')) === 'Sig'))
        problems.push(`มีการเพิ่มหมายเหตุประกอบชนิด ${nameOf(newDict.get('Subtype'))} หลังลงนาม (an annotation other than a signature was added after signing)`);
      continue;
    }
    const oldDict = dictOf(old);
    if (!oldDict || !newDict) {
      problems.push(`วัตถุ ${def.num} ถูกแก้ไขหลังลงนาม (object ${def.num} was changed after signing)`);
      continue;
    }
    const type = nameOf(oldDict.get('Type'));
    const allowed =
      type === 'Catalog'
        ? ['AcroForm', 'DSS', 'Perms']
        : type === 'Page'
          ? ['Annots']
          : nameOf(oldDict.get('FT')) === 'Sig'
            ? ['V', 'AP', 'F']
            : oldDict.has('Fields') && oldDict.has('SigFlags')
              ? ['Fields']
              : [];
    const strip = (m: Map<string, Value>) => canonical({ dict: new Map([...m].filter(([k]) => !allowed.includes(k))) });
    if (strip(oldDict) !== strip(newDict)) {
      problems.push(
        `${type === 'Page' ? 'หน้าเอกสาร' : `วัตถุ ${def.num}`}ถูกแก้ไขหลังลงนาม (${type === 'Page' ? 'a page' : `object ${def.num}`} was changed after signing)`,
      );
      continue;
    }
    if (type === 'Page') {
      const oldAnnots = new Set((Array.isArray(oldDict.get('Annots')) ? (oldDict.get('Annots') as Value[]) : []).map(canonical));
      const added = (Array.isArray(newDict.get('Annots')) ? (newDict.get('Annots') as Value[]) : []).filter((x) => !oldAnnots.has(canonical(x)));
      for (const ref of added) {
        const num = ref && typeof ref === 'object' && 'ref' in ref ? Number(ref.ref.split(' ')[0]) : Number.NaN;
        const annot = dictOf(defs.findLast((x) => x.num === num));
        if (!annot || nameOf(annot.get('Subtype')) !== 'Widget' || nameOf(annot.get('FT')) !== 'Sig')
          problems.push('มีการเพิ่มหมายเหตุประกอบที่ไม่ใช่ลายมือชื่อหลังลงนาม (an annotation other than a signature was added after signing)');
      }
    }
  }
  return [...new Set(problems)];
}

/** The verdict over all signatures, in Thai and English. */
function verdictOf(reports: SignatureReport[], checkedTrust: boolean): { verdict: Verdict; summary: string } {
  const sigs = reports.filter((r) => r.kind === 'signature');
  if (!sigs.length) return { verdict: 'unsigned', summary: 'ไม่มีลายมือชื่ออิเล็กทรอนิกส์ (the PDF is not signed)' };
  if (!reports.every((r) => r.valid)) {
    const changed = reports.some((r) => !r.onlyLaterSignatures);
    const why = changed
      ? 'แฟ้มถูกแก้ไขหรือมีข้อมูลเพิ่มหลังการลงนาม (the file was changed or added to after signing)'
      : 'ลายมือชื่ออย่างน้อยหนึ่งรายการไม่ถูกต้อง (at least one signature is not valid)';
    return { verdict: 'invalid', summary: `ไม่ถูกต้อง: ${why}` };
  }
  if (!checkedTrust)
    return {
      verdict: 'not-checked',
      summary:
        'ลายมือชื่อตรงกับเอกสาร แต่ยังไม่ได้ตรวจการรับรองผู้ลงนาม ให้ระบุ --trust โฟลเดอร์ใบรับรองของผู้ออกใบรับรองที่เชื่อถือ (intact, but trust was not checked: give a trust store)',
    };
  if (reports.some((r) => r.trusted !== true || (r.timestamp && r.timestamp.trusted !== true)))
    return { verdict: 'untrusted', summary: 'ลายมือชื่อตรงกับเอกสาร แต่ผู้ลงนามไม่ได้รับการรับรอง (intact, but a signer is not trusted)' };
  return {
    verdict: 'valid',
    summary: `ถูกต้อง: ลายมือชื่อ ${sigs.length} รายการตรงกับเอกสาร ครอบคลุมทั้งแฟ้ม ผู้ลงนามได้รับการรับรอง (valid: ${sigs.length} signature${sigs.length > 1 ? 's' : ''}, whole file, trusted)`,
  };
}

const yes = (v: boolean | undefined) => (v === undefined ? 'ไม่ได้ตรวจ (not checked)' : v ? 'ใช่ (yes)' : 'ไม่ (no)');
const REVOCATION: Record<SignatureReport['revocation'], string> = {
  good: 'ไม่ถูกเพิกถอน (good)',
  revoked: 'ถูกเพิกถอน (revoked)',
  unknown: 'ไม่มีข้อมูลการเพิกถอนในแฟ้ม (unknown: no revocation data embedded)',
};

/** The lines a report prints, the same in the terminal and on the /verify/ page. */
export function reportLines(r: SignatureReport): string[] {
  const lines = [
    `${r.kind === 'document-timestamp' ? 'การประทับเวลาเอกสาร (document timestamp)' : `ลายมือชื่อที่ ${r.index}${r.role ? ` — ${r.role}` : ''}`}`,
    `ผู้ลงนาม (signer): ${r.signer ?? 'ไม่ทราบ'}`,
    `เวลาลงนาม (time): ${r.time ?? 'ไม่ระบุ'}`,
  ];
  if (r.timestamp && r.kind === 'signature')
    lines.push(`ประทับเวลา (timestamp): ${r.timestamp.time} โดย ${r.timestamp.authority} · ถูกต้อง ${yes(r.timestamp.valid)} · รับรอง ${yes(r.timestamp.trusted)}`);
  if (r.level) lines.push(`ระดับ (PAdES level): ${r.level}`);
  lines.push(
    `ตรงกับเอกสาร (intact): ${yes(r.intact)} · ถูกต้อง (valid): ${yes(r.valid)} · ได้รับการรับรอง (trusted): ${yes(r.trusted)}`,
    `ครอบคลุม (covers): ฉบับปรับปรุงที่ ${r.revision} จาก ${r.revisions} (revision ${r.revision} of ${r.revisions}) · ทั้งแฟ้ม (whole file): ${yes(r.wholeFile)} · ส่วนที่ตามมาเป็นลายมือชื่อเท่านั้น (only later signatures after it): ${yes(r.onlyLaterSignatures)}`,
  );
  if (r.kind === 'signature') lines.push(`การเพิกถอน (revocation): ${REVOCATION[r.revocation]}`);
  for (const p of r.problems) lines.push(`ปัญหา: ${p}`);
  return lines;
}
