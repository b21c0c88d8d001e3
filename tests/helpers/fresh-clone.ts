/**
 * A fresh clone of this repository with the working tree as it is now, and a hard-linked copy of
 * node_modules (so `npm run setup` may reinstall in the clone without touching this checkout's),
 * and `astro dev` started there or here, resolved with the URL it prints.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** As an author's shell has it: not vitest's NODE_ENV=test and VITEST_* variables. */
export const authorEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV')),
  ...extra,
});

export function freshClone(into: string): string {
  execFileSync('git', ['clone', '--quiet', root, into]);
  execFileSync('bash', [
    '-c',
    `cd "${root}" && git ls-files -z --others --exclude-standard --cached | xargs -0 -I{} cp --parents "{}" "${into}"/ 2>/dev/null; true`,
  ]);
  execFileSync('cp', ['-al', join(root, 'node_modules'), join(into, 'node_modules')]);
  rmSync(join(into, 'node_modules', '.vite'), { recursive: true, force: true }); // caches written in place are not shared
  return into;
}

/** Starts a dev server (`command` in bash, in its own process group); resolves with its URL once ready. */
export function startDevServer(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): { process: ChildProcess; ready: Promise<string>; log: () => string; stop: () => void } {
  const child = spawn('bash', ['-c', command], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the dev server did not start:\n${log}`)), 60_000);
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal's colour codes (ESC [ … m)
      const url = /Local\s+(http:\/\/\S+?)\/?\s/.exec(log.replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
      if (/ready in/.test(log) && url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  });
  return {
    process: child,
    ready,
    log: () => log,
    stop: () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
}
