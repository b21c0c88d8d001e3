/**
 * A throwaway public-key infrastructure for the signing tests, made with openssl in a temporary
 * folder (never stored): a CA with a Thai name, signers issued by it (PKCS#12 with the chain), a
 * time-stamping authority answering RFC 3161 requests over HTTP on 127.0.0.1 (`openssl ts -reply`
 * behind a small server), and the CA's CRL, in which one revoked signer is listed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Pki {
  dir: string;
  /** CA certificate (PEM) and a folder holding only it: the office's trust store */
  caPem: string;
  trustDir: string;
  /** the TSA's certificate (PEM) */
  tsaPem: string;
  /** the CA's CRL (DER) */
  crl: string;
  /** PKCS#12 of a signer by name (password PASSWORD) */
  p12(name: string): string;
  /** the signer's certificate (PEM) */
  certPem(name: string): string;
  /** revokes a signer's certificate and writes the CRL again */
  revoke(name: string): void;
  cleanup(): void;
}

export const PKI_PASSWORD = 'รหัสผ่าน-ทดสอบ-๑๒๓';

const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) => execFileSync('openssl', args, { cwd, stdio: 'pipe', env });

/** Makes a CA, a TSA and a signer for each name (`/C=TH/O=org/CN=name`). */
export function makePki(names: readonly string[], org = 'สำนักงานทดสอบ'): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'khumue-pki-'));
  writeFileSync(
    join(dir, 'ext.cnf'),
    `[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
authorityKeyIdentifier = keyid
[tsa]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
authorityKeyIdentifier = keyid
`,
  );
  writeFileSync(
    join(dir, 'ca.cnf'),
    `[ca]
default_ca = CA_default
[CA_default]
dir = ${dir}
database = ${dir}/index.txt
crlnumber = ${dir}/crlnumber
certificate = ${dir}/ca.pem
private_key = ${dir}/ca.key
default_md = sha256
default_crl_days = 30
`,
  );
  writeFileSync(
    join(dir, 'tsa.cnf'),
    `[tsa]
default_tsa = tsa1
[tsa1]
dir = ${dir}
serial = ${dir}/tsaserial
crypto_device = builtin
signer_cert = ${dir}/tsa.pem
certs = ${dir}/ca.pem
signer_key = ${dir}/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`,
  );
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'crlnumber'), '01\n');
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  run(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '60',
      '-utf8',
      '-subj',
      `/C=TH/O=${org}/CN=ผู้ออกใบรับรองทดสอบ`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  const issue = (base: string, subject: string, ext: string, serial: number) => {
    run(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${base}.key`, '-out', `${base}.csr`, '-utf8', '-subj', subject], dir);
    run(
      [
        'x509',
        '-req',
        '-in',
        `${base}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-set_serial',
        String(serial),
        '-days',
        '30',
        '-extfile',
        'ext.cnf',
        '-extensions',
        ext,
        '-out',
        `${base}.pem`,
      ],
      dir,
    );
  };
  issue('tsa', `/C=TH/O=${org}/CN=หน่วยประทับเวลาทดสอบ`, 'tsa', 1000);
  const files = new Map<string, string>();
  names.forEach((name, i) => {
    const base = `signer-${i}`;
    issue(base, `/C=TH/O=${org}/CN=${name}`, 'leaf', 2000 + i);
    run(['pkcs12', '-export', '-inkey', `${base}.key`, '-in', `${base}.pem`, '-certfile', 'ca.pem', '-out', `${base}.p12`, '-passout', 'env:P'], dir, {
      ...process.env,
      P: PKI_PASSWORD,
    });
    files.set(name, base);
  });
  const trustDir = join(dir, 'trust');
  execFileSync('mkdir', ['-p', trustDir]);
  writeFileSync(join(trustDir, 'ca.pem'), readFileSync(join(dir, 'ca.pem')));
  const writeCrl = () => {
    run(['ca', '-config', 'ca.cnf', '-gencrl', '-out', 'crl.pem'], dir);
    run(['crl', '-in', 'crl.pem', '-outform', 'DER', '-out', 'crl.der'], dir);
  };
  writeCrl();
  const base = (name: string) => {
    const b = files.get(name);
    if (!b) throw new Error(`no signer ${name}`);
    return b;
  };
  return {
    dir,
    caPem: join(dir, 'ca.pem'),
    trustDir,
    tsaPem: join(dir, 'tsa.pem'),
    crl: join(dir, 'crl.der'),
    p12: (name) => join(dir, `${base(name)}.p12`),
    certPem: (name) => join(dir, `${base(name)}.pem`),
    revoke(name) {
      run(['ca', '-config', 'ca.cnf', '-revoke', `${base(name)}.pem`], dir);
      writeCrl();
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An RFC 3161 authority on 127.0.0.1: each POSTed query answered by `openssl ts -reply`. */
export async function startTsa(pki: Pki): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      count++;
      const query = join(pki.dir, `q-${count}.tsq`);
      const reply = join(pki.dir, `r-${count}.tsr`);
      writeFileSync(query, Buffer.concat(chunks));
      const r = spawnSync('openssl', ['ts', '-reply', '-config', join(pki.dir, 'tsa.cnf'), '-queryfile', query, '-out', reply], { cwd: pki.dir });
      if (r.status !== 0) {
        res.writeHead(500).end(r.stderr);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(readFileSync(reply));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/tsa`, requests: () => count, close: () => new Promise((done) => server.close(() => done())) };
}
