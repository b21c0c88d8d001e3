/**
 * An RFC 3161 time-stamping client: asks the authority at a URL (settings or KHUMUE_TSA_URL) for a
 * token over a digest, SHA-256, with a nonce and the authority's certificate; checks the answer's
 * status, nonce and imprint before using it.
 */
import { randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SigningError, type Timestamper } from './sign.ts';
import { tstInfoOf } from './verify.ts';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));
const SHA256 = '2.16.840.1.101.3.4.2.1';
const ab = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export function httpTimestamper(url: string, options: { timeoutMs?: number } = {}): Timestamper {
  return async (digest) => {
    const nonce = randomBytes(8);
    nonce[0]! &= 0x7f;
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
        hashedMessage: new asn1js.OctetString({ valueHex: ab(digest) }),
      }),
      nonce: new asn1js.Integer({ valueHex: ab(nonce) }),
      certReq: true,
    });
    let answer: Response;
    try {
      answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query' },
        body: Buffer.from(request.toSchema().toBER()),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new SigningError(`ติดต่อผู้ให้บริการประทับเวลา ${url} ไม่ได้: ${(error as Error).message} (the time-stamping authority did not answer)`);
    }
    if (!answer.ok) throw new SigningError(`ผู้ให้บริการประทับเวลา ${url} ตอบ HTTP ${answer.status} (the time-stamping authority refused)`);
    const bytes = new Uint8Array(await answer.arrayBuffer());
    let response: pkijs.TimeStampResp;
    try {
      response = pkijs.TimeStampResp.fromBER(ab(bytes));
    } catch {
      throw new SigningError(`คำตอบของผู้ให้บริการประทับเวลา ${url} อ่านไม่ได้ (not an RFC 3161 response)`);
    }
    if (response.status.status > 1 || !response.timeStampToken)
      throw new SigningError(`ผู้ให้บริการประทับเวลาปฏิเสธคำขอ (status ${response.status.status}: the time-stamping authority refused the request)`);
    const token = response.timeStampToken;
    const sd = new pkijs.SignedData({ schema: token.content });
    const info = tstInfoOf(sd);
    const imprint = Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView);
    const echoed = info.nonce ? Buffer.from(info.nonce.valueBlock.valueHexView) : undefined;
    if (!imprint.equals(digest)) throw new SigningError('ผู้ให้บริการประทับเวลาประทับข้อมูลอื่น (the token does not cover the signature)');
    if (!echoed?.equals(nonce)) throw new SigningError('ผู้ให้บริการประทับเวลาตอบไม่ตรงคำขอ (the token does not echo the request nonce)');
    return Buffer.from(token.toSchema().toBER());
  };
}
