/**
 * Which files are content entries, and how a file is read: one set of rules for the validator
 * and the site's loader, so that no file reaches the site that the validator did not read.
 *
 * - Only regular files: a symbolic link (which may point anywhere on the machine, or nowhere, or
 *   at itself) is never followed.
 * - Extensions exactly as the collection's format has them (`.mdx`, `.yaml`, `.yml`, lower case).
 * - The id is the file name without its extension: ASCII kebab-case, at most ID_MAX_LENGTH
 *   characters (longer names fail as file names when printed), and not a name Windows reserves.
 * - At most MAX_FILE_BYTES per file, checked before the file is read.
 */
import { lstatSync, readFileSync, type Stats } from 'node:fs';
import { extname } from 'node:path';
import { ID_PATTERN } from './schema/fields.ts';

export const EXTENSIONS = { mdx: ['.mdx'], yaml: ['.yaml', '.yml'] } as const;
export type FileFormat = keyof typeof EXTENSIONS;

/** Longest id: `pdf/handbooks/office-<id>.pdf` and its temporary names stay well under 255 bytes. */
export const ID_MAX_LENGTH = 100;
/** A manual of several hundred pages is about 200 KB of MDX; a file over this is not a manual. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Whether an id may name an entry (and a file, and a URL, and a PDF): see ID_PATTERN. */
export function isValidId(id: string): boolean {
  return id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id);
}

export type FileVerdict = { ok: true; id: string } | { ok: false; reason: 'symlink' | 'not-a-file' | 'wrong-format' | 'bad-file-name' | 'too-large' };

/** Judges one directory entry of a collection folder (`stats` from lstat, never stat). */
export function judgeEntryFile(name: string, stats: Stats, format: FileFormat): FileVerdict {
  if (stats.isSymbolicLink()) return { ok: false, reason: 'symlink' };
  if (!stats.isFile()) return { ok: false, reason: 'not-a-file' };
  const ext = extname(name);
  if (!(EXTENSIONS[format] as readonly string[]).includes(ext)) return { ok: false, reason: 'wrong-format' };
  const id = name.slice(0, -ext.length);
  if (!isValidId(id)) return { ok: false, reason: 'bad-file-name' };
  if (stats.size > MAX_FILE_BYTES) return { ok: false, reason: 'too-large' };
  return { ok: true, id };
}

/** lstat that answers undefined for a file that vanished meanwhile. */
export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Decodes UTF-8 strictly (BOM removed); undefined for bytes that are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Reads a content file as text, or undefined when it cannot be a valid entry. */
export function readEntryText(path: string): string | undefined {
  const stats = lstatOrUndefined(path);
  if (!stats?.isFile() || stats.size > MAX_FILE_BYTES) return undefined;
  return decodeUtf8(readFileSync(path));
}
