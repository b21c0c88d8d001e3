/**
 * Runs `validateContent` in a worker thread, so that `npm run build` can check the content on one
 * core while Astro renders the site on the other (the site is built into a temporary folder and
 * thrown away when the content has errors).
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { validateContent, type ValidationResult } from './index.ts';

/** Validates `contentDir` in a worker thread; the result is the same as `validateContent`'s. */
export function validateInWorker(contentDir: string, root: string): Promise<ValidationResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { contentDir, root } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the validation worker stopped with exit code ${code}`));
    });
  });
}

if (parentPort && workerData?.contentDir) {
  const { contentDir, root } = workerData as { contentDir: string; root: string };
  parentPort.postMessage(validateContent(contentDir, root));
}
