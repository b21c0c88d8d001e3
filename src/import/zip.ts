/**
 * Reads the files of a ZIP archive (a .docx is one): the central directory, then each file stored
 * or deflated (node's zlib). Enough for Office files; no encryption, no ZIP64 beyond 4 GiB.
 */
import { inflateRawSync } from 'node:zlib';

export class ZipError extends Error {}

/** The archive's files by name; each read only when asked for. */
export function readZip(data: Buffer): Map<string, () => Buffer> {
  // the end-of-central-directory record: the last 22 bytes, or further back past a comment
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('ไม่ใช่แฟ้ม ZIP (not a ZIP archive: no end of central directory)');
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const files = new Map<string, () => Buffer>();
  for (let n = 0; n < count; n++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new ZipError('สารบัญของแฟ้ม ZIP เสียหาย (damaged central directory)');
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    files.set(name, () => {
      if (data.readUInt32LE(local) !== 0x04034b50) throw new ZipError(`${name}: ส่วนหัวเสียหาย (damaged local header)`);
      const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
      const raw = data.subarray(start, start + compressed);
      if (method === 0) return Buffer.from(raw);
      if (method === 8) return inflateRawSync(raw);
      throw new ZipError(`${name}: วิธีบีบอัด ${method} ไม่รองรับ (compression method ${method} not supported)`);
    });
  }
  return files;
}
