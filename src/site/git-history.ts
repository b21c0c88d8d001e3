/**
 * Revision history of content files from git, read once per build: one `git log` over the content
 * folder, parsed into commits per file. Outside a git checkout (or for a new file) it is empty.
 */
import { contentDir } from '../content/content-dir.ts';
import { dateInBangkok } from '../domain/thai/index.ts';
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';

export interface Revision {
  hash: string;
  /** ISO date of the commit in Thailand (Asia/Bangkok), whatever zone the author committed in */
  date: string;
  author: string;
  message: string;
}

let byFile: Map<string, Revision[]> | undefined;

function load(): Map<string, Revision[]> {
  const map = new Map<string, Revision[]>();
  const content = contentDir();
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: content, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const out = execFileSync('git', ['log', '--format=%x1e%H%x1f%aI%x1f%an%x1f%s', '--name-only', '--', '.'], {
      cwd: content,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    for (const record of out.split('\x1e').slice(1)) {
      const [head, ...files] = record.trim().split('\n');
      const [hash, date, author, message] = head.split('\x1f');
      for (const f of files.filter(Boolean)) {
        const abs = resolve(top, f);
        const list = map.get(abs) ?? [];
        list.push({ hash, date: commitDate(date), author, message });
        map.set(abs, list);
      }
    }
  } catch {
    // not a git checkout: no history to show
  }
  return map;
}

/** Commits that touched a content file, newest first. `file` is relative to the repository or absolute. */
export function historyOf(file: string): Revision[] {
  byFile ??= load();
  return byFile.get(resolve(file)) ?? [];
}

/** The path of a file relative to the repository root, for edit links. */
export function repoPath(file: string): string {
  return relative(process.cwd(), resolve(file)).split('\\').join('/');
}

/** A commit's date in Bangkok (`2026-11-30T20:15:00-05:00` → 2026-12-01); as written when unreadable. */
export function commitDate(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso.slice(0, 10) : dateInBangkok(at);
}
