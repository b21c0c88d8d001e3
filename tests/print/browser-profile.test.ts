/** The orphan cleanup removes only the profiles of stopped builds: `khumue-print-<pid>-…`, never a folder that merely shares the prefix. */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { killOrphanBrowsers } from '../../src/print/browser-profile.ts';

test("a folder named like a profile but naming no build (another tool's khumue-print-check-…) is left alone", () => {
  const other = mkdtempSync(join(tmpdir(), 'khumue-print-check-'));
  // a stopped build's profile: pid 2^22 + 1 is above Linux's pid_max default, so never alive
  const orphan = join(tmpdir(), `khumue-print-${4194305}-test`);
  mkdirSync(orphan, { recursive: true });
  try {
    killOrphanBrowsers();
    expect(existsSync(other)).toBe(true);
    expect(existsSync(orphan)).toBe(false);
  } finally {
    rmSync(other, { recursive: true, force: true });
    rmSync(orphan, { recursive: true, force: true });
  }
});
