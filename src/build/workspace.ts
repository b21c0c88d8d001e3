/**
 * Where a build works and how it hands its output over: a temporary folder next to the output
 * (`.dist-build-<pid>`), swapped in by two renames, and the cleaning of what a killed build left
 * behind — its temporary folder, a swap it did not finish (the previous output is put back), and
 * the browser it had started (see print/browser-profile.ts).
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isAlive, killOrphanBrowsers } from '../print/browser-profile.ts';

/** The temporary folder this process builds `outDir` in. */
export function workFolder(outDir: string, pid = process.pid): string {
  return join(dirname(outDir), `.${basename(outDir)}-build-${pid}`);
}

/** Replaces `outDir` with `work` by two renames; the old output is removed only after the swap. */
export function swapIn(work: string, outDir: string): void {
  const old = `${work}-old`;
  if (existsSync(outDir)) renameSync(outDir, old);
  try {
    renameSync(work, outDir);
  } catch (error) {
    if (existsSync(old)) renameSync(old, outDir);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * Cleans what builds of `outDir` that are no longer running left behind, and says what it did.
 * A build killed between the two renames of swapIn left no output but its `-old` folder: that
 * folder is the previous output, and it is put back.
 */
export function cleanLeftovers(outDir: string): string[] {
  const said: string[] = [];
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}-build-`;
  let names: string[] = [];
  try {
    names = readdirSync(parent).filter((n) => n.startsWith(prefix));
  } catch {
    return said;
  }
  const dead = names
    .map((name) => ({ name, pid: Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]), old: name.endsWith('-old') }))
    .filter((f) => !isAlive(f.pid));
  if (!existsSync(outDir)) {
    const previous = dead
      .filter((f) => f.old)
      .map((f) => ({ ...f, time: statSync(join(parent, f.name)).mtimeMs }))
      .sort((a, b) => b.time - a.time)[0];
    if (previous) {
      renameSync(join(parent, previous.name), outDir);
      said.push(`คืนผลการสร้างครั้งก่อนที่ค้างจากการสลับที่ไม่เสร็จ → ${basename(outDir)}/ (put back the previous output left by a build killed while swapping)`);
    }
  }
  for (const f of dead) {
    if (!existsSync(join(parent, f.name))) continue;
    rmSync(join(parent, f.name), { recursive: true, force: true });
    said.push(`ลบโฟลเดอร์ชั่วคราวที่ค้างจากการสร้างที่ถูกหยุด ${f.name} (removed a folder left by a stopped build)`);
  }
  const browsers = killOrphanBrowsers();
  if (browsers) said.push(`ปิดเบราว์เซอร์ ${browsers} โปรเซสที่ค้างจากการสร้างที่ถูกหยุด (stopped ${browsers} browser processes left by a stopped build)`);
  return said;
}
