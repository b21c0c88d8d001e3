/**
 * Astro keeps per-project state in `.astro/` at the project root (the content module map among it),
 * so two builds of one checkout at the same time would overwrite each other's. Builds therefore take
 * a lock (an atomic mkdir) for the Astro step; a lock left by a process that no longer runs is broken.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function withBuildLock<T>(root: string, work: () => Promise<T>, timeoutMs = 20 * 60_000): Promise<T> {
  const dir = join(root, '.khumue', 'build.lock');
  mkdirSync(join(root, '.khumue'), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      break;
    } catch {
      let holder = 0;
      try {
        holder = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      } catch {
        // the holder has not written its pid yet
      }
      if (holder && !alive(holder)) rmSync(dir, { recursive: true, force: true });
      else if (Date.now() - started > timeoutMs)
        throw new Error(`another build of this checkout (pid ${holder}) has held ${dir} for over ${timeoutMs / 60000} minutes`);
      else await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
