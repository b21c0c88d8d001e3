/** Builds a content folder into a temporary output folder once per test file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export function buildSite(
  content: string,
  options: { pdf?: boolean; env?: NodeJS.ProcessEnv; args?: string[] } = {},
): { out: string; cleanup: () => void; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'khumue-site-'));
  const out = join(dir, 'dist');
  const args = ['scripts/build.ts', '--content', content, '--out', out, ...(options.pdf === false ? ['--no-pdf'] : []), ...(options.args ?? [])];
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...options.env } });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  return { out, stdout: r.stdout, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
