/** Builds throwaway content folders from the valid fixture corpus plus an overlay. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const VALID_CONTENT = join(FIXTURES, 'valid', 'content');

/** A temp folder holding `content/` = the valid corpus with `overlay` copied over it. */
export function corpusWith(overlay?: string): { dir: string; content: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'khumue-'));
  const content = join(dir, 'content');
  cpSync(VALID_CONTENT, content, { recursive: true });
  if (overlay) cpSync(overlay, content, { recursive: true });
  return { dir, content, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
