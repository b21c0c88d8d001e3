/**
 * Validation spread over threads (validateContentInThreads): each thread checks a slice of the
 * files that are checked on their own, and tells the supervising process (validate/isolated.ts)
 * which file it parses, on the same progress channel, tagged with its number.
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
): Promise<CheckedFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { slice, ids, crashed, tag, progressFd } });
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

if (parentPort && workerData?.slice) {
  const { slice, ids, crashed, tag, progressFd } = workerData as {
    slice: Slice;
    ids: Record<string, string[]>;
    crashed: string[];
    tag: string;
    progressFd?: number;
  };
  const hook: ParseHook = {
    before: (file) => {
      if (progressFd !== undefined) writeSync(progressFd, progressLine(tag, file));
    },
    crashed: new Set(crashed),
  };
  parentPort.postMessage(checkSlice(slice, ids, hook));
}
