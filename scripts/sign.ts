/**
 * `npm run sign -- FILE.pdf --role ผู้ตรวจสอบ --p12 ID.p12 [--out SIGNED.pdf]`: adds one signature,
 * for one role, to a printed PDF, as an incremental update (earlier signatures stay valid).
 * `npm run sign -- --dist [DIR] --role ผู้อนุมัติ --p12 ID.p12`: signs, for that role, every PDF of a
 * build (DIR/pdf/, default dist/) whose content declares the certificate's holder in that role.
 *
 * - The password comes from KHUMUE_SIGN_PASSWORD or is asked for on the terminal, never from the
 *   command line; the PKCS#12 file from --p12 or KHUMUE_SIGN_P12.
 * - The certificate's name must be the one the PDF declares for the role (normalised Thai
 *   comparison), or the command refuses, unless --no-name-check.
 * - The signature shows on the role's block of the approval page: name, position, time in BE and
 *   "ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์", printed by Chromium (which gets no secret, runs no script).
 * - The first signature certifies the document (DocMDP: filling in and signing allowed), unless
 *   --no-certify.
 * - --tsa URL (or KHUMUE_TSA_URL): an RFC 3161 timestamp on the signature (PAdES B-T).
 *   --crl FILE|URL (repeatable, or KHUMUE_CRL, comma-separated): the chain and these CRLs in a
 *   /DSS (B-LT). --archive: a document timestamp after them (B-LTA; needs --tsa).
 * - Nothing is changed until everything is signed: each PDF is signed into a temporary file and
 *   renamed into place at the end.
 * This process holds the key; it reads the PDFs as bytes and never renders their content as a page.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { APPROVAL_ORDER, type SigningRole, sameName } from '../src/domain/signatories.ts';
import { renderAppearances } from '../src/print/pdf/appearance.ts';
import {
  addDocumentTimestamp,
  addValidationData,
  loadIdentity,
  SigningError,
  type SigningIdentity,
  signingState,
  signPdf,
  type Timestamper,
  tokenCertificates,
} from '../src/print/pdf/sign.ts';
import { httpTimestamper } from '../src/print/pdf/tsa.ts';

const USAGE =
  'ใช้: npm run sign -- แฟ้ม.pdf --role ผู้จัดทำ|ผู้ตรวจสอบ|ผู้อนุมัติ --p12 แฟ้ม.p12 [--out แฟ้มใหม่.pdf] [--tsa URL] [--crl แฟ้มหรือURL] [--archive] [--no-certify] [--no-name-check]\n' +
  '     npm run sign -- --dist [โฟลเดอร์] --role … --p12 …\n' +
  '(usage: npm run sign -- FILE.pdf --role ROLE --p12 ID.p12 [--out FILE2.pdf] [--tsa URL] [--crl FILE|URL] [--archive]; or --dist [DIR] to sign a build)';

/** Reads a password from the terminal without echoing it. */
async function askPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY)
    throw new SigningError('ตั้ง KHUMUE_SIGN_PASSWORD หรือรันในเทอร์มินัลเพื่อพิมพ์รหัสผ่าน (set KHUMUE_SIGN_PASSWORD, or run in a terminal to type the password)');
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((done, fail) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          done(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          fail(new SigningError('ยกเลิก (cancelled)'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** CRLs (DER or PEM) from files or http(s) URLs. */
async function readCrls(sources: string[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const source of sources) {
    let bytes: Buffer;
    if (/^https?:\/\//.test(source)) {
      const r = await fetch(source, { signal: AbortSignal.timeout(30_000) }).catch((error: Error) => {
        throw new SigningError(`ดาวน์โหลด CRL จาก ${source} ไม่ได้: ${error.message} (cannot fetch the CRL)`);
      });
      if (!r.ok) throw new SigningError(`ดาวน์โหลด CRL จาก ${source} ไม่ได้: HTTP ${r.status} (cannot fetch the CRL)`);
      bytes = Buffer.from(await r.arrayBuffer());
    } else {
      if (!existsSync(source)) throw new SigningError(`ไม่พบแฟ้ม CRL ${source} (no such CRL file)`);
      bytes = readFileSync(source);
    }
    const pem = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/.exec(bytes.toString('latin1'));
    out.push(pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : bytes);
  }
  return out;
}

interface Plan {
  role: SigningRole;
  identity: SigningIdentity;
  certify: boolean;
  nameCheck: boolean;
  timestamp?: Timestamper;
  crls?: Buffer[];
  archive: boolean;
}

/** Signs one PDF's bytes for the plan's role: signature (+ timestamp), validation data, document timestamp. */
async function signOne(bytes: Buffer, plan: Plan): Promise<Buffer> {
  const time = new Date();
  const tokens: Buffer[] = [];
  const timestamp: Timestamper | undefined = plan.timestamp
    ? async (digest) => {
        const token = await plan.timestamp!(digest);
        tokens.push(token);
        return token;
      }
    : undefined;
  let out = await signPdf(bytes, plan.identity, {
    role: plan.role,
    time,
    certify: plan.certify,
    nameCheck: plan.nameCheck,
    timestamp,
    appearance: async (area, signatory) => {
      const [x1, y1, x2, y2] = area.rect;
      const [pdf] = await renderAppearances([
        { role: plan.role, name: plan.identity.name, position: signatory?.position, time, width: x2 - x1, height: y2 - y1 },
      ]);
      return pdf!;
    },
  });
  if (plan.crls) {
    out = await addValidationData(out, {
      certs: [plan.identity.certificate, ...plan.identity.chain, ...tokens.flatMap(tokenCertificates)],
      crls: plan.crls,
      ocsps: [],
    });
  }
  if (plan.archive && plan.timestamp) out = await addDocumentTimestamp(out, plan.timestamp);
  return out;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        role: { type: 'string' },
        p12: { type: 'string' },
        out: { type: 'string' },
        dist: { type: 'boolean', default: false },
        tsa: { type: 'string' },
        crl: { type: 'string', multiple: true },
        archive: { type: 'boolean', default: false },
        'no-certify': { type: 'boolean', default: false },
        'no-name-check': { type: 'boolean', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`sign: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  const positionals = parsed.positionals.filter((p) => p !== '--');
  const role = values.role as SigningRole | undefined;
  if (!role || !APPROVAL_ORDER.includes(role)) {
    console.error(`sign: ระบุ --role เป็น ${APPROVAL_ORDER.join(' ')} (give --role: one of ${APPROVAL_ORDER.join(', ')})\n${USAGE}`);
    return 2;
  }
  const p12 = values.p12 ?? process.env.KHUMUE_SIGN_P12;
  if (!p12) {
    console.error(`sign: ระบุแฟ้มใบรับรอง --p12 หรือ KHUMUE_SIGN_P12 (give the PKCS#12 file)\n${USAGE}`);
    return 2;
  }
  // the build's PDFs, or the files named
  let files: string[];
  if (values.dist) {
    const dir = resolve(positionals[0] ?? 'dist', 'pdf');
    if (!existsSync(dir)) {
      console.error(`sign: ไม่พบ ${relative(process.cwd(), dir)}/ ให้สร้างด้วย npm run build ก่อน (no PDFs: build first)`);
      return 1;
    }
    files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map((f) => join(dir, f));
  } else {
    files = positionals;
    if (!files.length) {
      console.error(`sign: ระบุแฟ้ม PDF (name the PDF to sign)\n${USAGE}`);
      return 2;
    }
    if (values.out && files.length > 1) {
      console.error('sign: --out ใช้ได้กับแฟ้มเดียว (--out takes one input file)');
      return 2;
    }
    const missing = files.find((f) => !existsSync(f));
    if (missing) {
      console.error(`sign: ไม่พบแฟ้ม ${missing} (no such file)`);
      return 1;
    }
  }
  if (values.archive && !(values.tsa ?? process.env.KHUMUE_TSA_URL)) {
    console.error('sign: --archive ต้องมี --tsa (a document timestamp needs a time-stamping authority: give --tsa URL)');
    return 2;
  }
  let plan: Plan;
  try {
    const password = process.env.KHUMUE_SIGN_PASSWORD ?? (await askPassword(`รหัสผ่านของ ${p12} (password): `));
    const identity = loadIdentity(p12, password);
    const tsaUrl = values.tsa ?? process.env.KHUMUE_TSA_URL;
    const crlSources = [...(values.crl ?? []), ...(process.env.KHUMUE_CRL ?? '').split(',').filter(Boolean)];
    plan = {
      role,
      identity,
      certify: !values['no-certify'],
      nameCheck: !values['no-name-check'],
      timestamp: tsaUrl ? httpTimestamper(tsaUrl) : undefined,
      crls: crlSources.length ? await readCrls(crlSources) : undefined,
      archive: values.archive,
    };
  } catch (error) {
    if (!(error instanceof SigningError)) throw error;
    console.error(`sign: ${error.message}\nไม่ได้ลงนาม ไม่มีแฟ้มใดเปลี่ยน (nothing was signed)`);
    return 1;
  }

  const done: Array<[string, string]> = [];
  const skipped: string[] = [];
  try {
    for (const file of files) {
      const bytes = readFileSync(file);
      if (values.dist) {
        // a build's PDFs belong to many offices: sign only where this certificate's holder is the role's signatory
        const state = await signingState(bytes);
        const declared = state.signatories.find((s) => s.role === role)?.name;
        if (state.signed.includes(role) || (plan.nameCheck && !(declared && sameName(plan.identity.name, declared)))) {
          skipped.push(file);
          continue;
        }
      }
      const target = values.out ? resolve(values.out) : file;
      writeFileSync(`${target}.signing`, await signOne(bytes, plan));
      done.push([file, target]);
    }
  } catch (error) {
    for (const [, target] of done) rmSync(`${target}.signing`, { force: true });
    if (!(error instanceof SigningError)) throw error;
    console.error(`sign: ${error.message}\nไม่ได้ลงนาม ไม่มีแฟ้มใดเปลี่ยน (nothing was signed)`);
    return 1;
  }
  for (const [, target] of done) renameSync(`${target}.signing`, target);
  const who = `${plan.identity.name}${plan.identity.organization ? ` ${plan.identity.organization}` : ''}`;
  for (const [file, target] of done)
    console.log(`sign: ${relative(process.cwd(), target)} ลงนามเป็น${role}โดย ${who}${target !== file ? ` (จาก ${relative(process.cwd(), file)})` : ''}`);
  console.log(
    `sign: ลงนาม ${done.length} ฉบับ${skipped.length ? ` ข้าม ${skipped.length} ฉบับที่${role}ไม่ใช่ผู้ถือใบรับรองนี้หรือลงนามแล้ว` : ''} (signed ${done.length} PDF${done.length === 1 ? '' : 's'} as ${role}${skipped.length ? `; skipped ${skipped.length} whose ${role} is someone else or already signed` : ''})`,
  );
  return 0;
}

process.exitCode = await main();
