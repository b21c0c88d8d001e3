/**
 * The browser's profile folder, named after the build that started it
 * (`$TMPDIR/khumue-print-<pid>-…`), so that a browser left running by a killed build can be told
 * from any other Chromium on the machine and stopped by the next build.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'khumue-print-';

/** A fresh profile folder for a browser this process starts. */
export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
}

/** Whether a process is alive (a build's pid in folder names). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process that has exited and waits for its parent to read its status. */
function isZombie(pid: string): boolean {
  try {
    return / Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** The build pid a profile folder belongs to. */
const ownerOf = (folder: string): number => Number(new RegExp(`${PREFIX}(\\d+)-`).exec(folder)?.[1] ?? Number.NaN);

/**
 * Stops browsers whose build is gone and removes their profiles; returns how many processes it
 * stopped. Linux only (it reads /proc); elsewhere it does nothing.
 */
export function killOrphanBrowsers(): number {
  // the browser and every helper it started (its crash handler names the profile in --database=…)
  const marker = join(tmpdir(), PREFIX);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const orphans = (): string[] => {
    let pids: string[] = [];
    try {
      pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
    } catch {
      return [];
    }
    return pids.filter((pid) => {
      let args: string[];
      try {
        args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      } catch {
        return false;
      }
      // the path itself or a flag's value (`--user-data-dir=…`, `--database=…/Crashpad`), never a longer path that contains it
      const profile = args.find((a) => a.startsWith(marker) || (a.startsWith('--') && a.slice(a.indexOf('=') + 1).startsWith(marker)));
      if (!profile || isZombie(pid)) return false;
      const owner = ownerOf(profile);
      // only a profile that names a build (khumue-print-<pid>-…): any other folder of that prefix is not ours
      return Number.isInteger(owner) && owner !== process.pid && !isAlive(owner);
    });
  };
  const removeProfiles = () => {
    try {
      for (const name of readdirSync(tmpdir())) {
        const owner = ownerOf(name);
        if (name.startsWith(PREFIX) && Number.isInteger(owner) && !isAlive(owner) && owner !== process.pid)
          rmSync(join(tmpdir(), name), { recursive: true, force: true });
      }
    } catch {
      // a temporary folder we cannot read holds nothing of ours
    }
  };
  let killed = 0;
  // rounds until none is left: a dying browser may still start a helper after a scan
  for (let round = 0; round < 6; round++) {
    const stopped = orphans();
    if (!stopped.length) break;
    for (const pid of stopped) {
      try {
        process.kill(Number(pid), 'SIGKILL');
        killed++;
      } catch {
        // gone already
      }
    }
    // let them go before their profiles are removed (a dying browser may still write to it)
    for (let i = 0; i < 30 && stopped.some((pid) => existsSync(`/proc/${pid}/cmdline`) && !isZombie(pid)); i++) Atomics.wait(pause, 0, 0, 100);
  }
  removeProfiles();
  // a helper that was still writing may have made the folder again
  Atomics.wait(pause, 0, 0, 200);
  removeProfiles();
  return killed;
}
