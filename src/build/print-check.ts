/**
 * The build's print check (print/check.ts) over every PDF it printed: problems in new content are
 * errors that stop the build (the previous output stays), problems in a document transcribed from
 * a source are warnings. Reported as text, and as annotations on the content file in GitHub Actions.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PrintJob, PrintResult } from '../print/render.ts';
import { checkPdf, formatPrintProblems, type PrintProblem } from '../print/check.ts';

interface CacheFacts {
  check?: { key: string; problems: PrintProblem[] };
}

export async function checkPrinted(
  siteDir: string,
  jobs: readonly PrintJob[],
  printed: readonly PrintResult[],
  root: string,
  options: { quiet?: boolean } = {},
): Promise<{ errors: number; problems: PrintProblem[] }> {
  const known = new Map(printed.map((r) => [r.output, r]));
  const problems: PrintProblem[] = [];
  const started = performance.now();
  // two at a time: each check is two poppler processes and a PDF parse
  const queue = [...jobs];
  await Promise.all(
    [0, 1].map(async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const result = known.get(job.output);
        const file = job.file ? relative(root, job.file) : undefined;
        const severity = job.transcribed ? 'warning' : 'error';
        // an unchanged PDF's findings are in its print-cache entry (the cache key covers this checker's code)
        const key = `${severity}|${file ?? ''}|${job.output}`;
        const facts =
          result?.cacheFile && existsSync(`${result.cacheFile}.json`)
            ? (JSON.parse(readFileSync(`${result.cacheFile}.json`, 'utf8')) as CacheFacts)
            : undefined;
        if (facts?.check?.key === key) {
          problems.push(...facts.check.problems);
          continue;
        }
        const found = await checkPdf(join(siteDir, job.output), { pdf: job.output, file, severity, known: result?.labels ? result : undefined });
        problems.push(...found);
        if (facts && result?.cacheFile) writeFileSync(`${result.cacheFile}.json`, JSON.stringify({ ...facts, check: { key, problems: found } }));
      }
    }),
  );
  problems.sort((a, b) => (a.pdf < b.pdf ? -1 : a.pdf > b.pdf ? 1 : a.page - b.page));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (options.quiet) return { errors, problems };
  reportPrinted(problems, jobs.length, started);
  return { errors, problems };
}

/** The print check's report: every problem (and GitHub annotations in Actions), then the count. */
export function reportPrinted(problems: readonly PrintProblem[], documents: number, started: number): void {
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (problems.length) {
    console.log(formatPrintProblems([...problems], 'text'));
    if (process.env.GITHUB_ACTIONS === 'true') console.log(formatPrintProblems([...problems], 'github'));
  }
  console.log(
    `build: ตรวจ PDF ${documents} ฉบับ: ข้อผิดพลาด ${errors} คำเตือน ${problems.length - errors} ใน ${((performance.now() - started) / 1000).toFixed(1)} วินาที (print check: ${errors} errors, ${problems.length - errors} warnings)`,
  );
}
