/**
 * Validation spread over threads (validateContentInThreads): each thread checks a slice of the
 * files that are checked on their own, and tells the supervising process (validate/isolated.ts)
 * that it is alive, on the same progress channel, tagged with its number: which file it parses
 * before every parse when `exact` (a run that must pin a crash on its file), else at most once a
 * second (two system calls per MDX file, and the supervisor's reading them, were a fifth of
 * validating 10,000 manuals).
 */
import { writeSync } from 'node:fs';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { checkSlice, type CheckedFile, type ParseHook } from './index.ts';

type Slice = Parameters<typeof checkSlice>[0];

/** Runs one slice in a new thread; `tag` names it on the progress channel (fd `progressFd`). */
export function checkInThread(
  slice: Slice,
  ids: Record<string, string[]>,
  crashed: string[],
  tag: string,
  progressFd: number | undefined,
  exact: boolean,
  slim: boolean,
): Promise<CheckedFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { slice, ids, crashed, tag, progressFd, exact, slim } });
    worker.once('message', (result: CheckedFile[]) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a validation thread stopped with exit code ${code}`)));
  });
}

/** The progress line of a parse starting (`file`) or over (''), tagged with the thread. */
export function progressLine(tag: string, file: string): string {
  return `${tag}\t${file}\n`;
}

/** How often a run that is not `exact` says it is alive. */
const HEARTBEAT_MS = 1000;

/** The hook's `before`: each parse's file on `fd` when `exact`, else a heartbeat. */
export function progressWriter(fd: number | undefined, tag: string, exact: boolean): (file: string) => void {
  if (fd === undefined) return () => undefined;
  if (exact) return (file) => void writeSync(fd, progressLine(tag, file));
  let last = 0;
  return (file) => {
    const now = performance.now();
    if (now - last < HEARTBEAT_MS) return;
    last = now;
    writeSync(fd, progressLine(tag, file));
  };
}

if (parentPort && workerData?.slice) {
  const { slice, ids, crashed, tag, progressFd, exact, slim } = workerData as {
    slice: Slice;
    ids: Record<string, string[]>;
    crashed: string[];
    tag: string;
    progressFd?: number;
    exact: boolean;
    slim: boolean;
  };
  const hook: ParseHook = { before: progressWriter(progressFd, tag, exact), crashed: new Set(crashed) };
  parentPort.postMessage(checkSlice(slice, ids, hook, slim));
}
