/**
 * Validation in a child process, so that nothing content does to a parser can take the caller
 * down. The MDX parser is native code: input past content/limits.ts is refused before it is
 * parsed, but should a file still crash it (a SIGSEGV is not an exception), the child dies, the
 * file it was parsing is known from its progress channel, and validation runs again with that
 * file reported as `parser-crash` instead of parsed. A parse that hangs is treated the same way
 * after PARSE_TIMEOUT_MS without progress.
 *
 * The first run is spread over threads and only says it is alive (threads.ts); should it die or
 * stall, validation runs again in one thread that names each file before its parse, to find it.
 *
 * `npm run validate`, `npm run build` and `npm run dev` all validate through here.
 */
import { spawn } from 'node:child_process';
import { writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { checkSlice, validateContent, validateContentInThreads, type ValidationResult } from './index.ts';
import { checkInThread, progressLine, progressWriter } from './threads.ts';

/** Below this many files one thread is quicker than starting others. */
const THREADS_FROM = 400;

/** No progress for this long while one file is parsed: the parser is stuck on it. */
export const PARSE_TIMEOUT_MS = Number(process.env.KHUMUE_PARSE_TIMEOUT_MS) || 60_000;
const CHILD = fileURLToPath(import.meta.url);

interface Attempt {
  result?: ValidationResult;
  /** the file being parsed when the child died or stalled */
  culprit?: string;
  /** the run did not name each file it parsed: run again in one thread that does, to know which */
  ambiguous?: boolean;
  reason?: string;
}

interface Request {
  contentDir: string;
  root: string;
  crashed: string[];
  /** one thread only, naming every file before its parse (after a death in a run that did not) */
  serial: boolean;
  /** leave the entries out of the result (`npm run validate` reports problems only) */
  entries: boolean;
}

function attempt(request: Request): Promise<Attempt> {
  const { root, serial } = request;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, '--khumue-validate-child'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit', 'pipe'],
      env: process.env,
    });
    child.stdin!.end(JSON.stringify(request));
    const out: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    // the file each thread is parsing (the progress lines are `thread\tfile`, or `thread\t` when done)
    const current = new Map<string, string>();
    let pending = '';
    let timer: NodeJS.Timeout | undefined;
    let stalled = false;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        child.kill('SIGKILL');
      }, PARSE_TIMEOUT_MS);
    };
    arm();
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (b: Buffer) => {
      pending += b.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const tab = line.indexOf('\t');
        const file = line.slice(tab + 1);
        if (file) current.set(line.slice(0, tab), file);
        else current.delete(line.slice(0, tab));
      }
      arm();
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && !stalled) {
        try {
          resolve({ result: JSON.parse(Buffer.concat(out).toString('utf8')) as ValidationResult });
          return;
        } catch (error) {
          resolve({ reason: `unreadable result (${(error as Error).message})` });
          return;
        }
      }
      const parsing = [...current.values()];
      resolve({
        culprit: serial && parsing.length === 1 ? parsing[0] : undefined,
        ambiguous: !serial,
        reason: stalled ? `no progress for ${PARSE_TIMEOUT_MS / 1000} s` : signal ? `killed by ${signal}` : `exit code ${code}`,
      });
    });
  });
}

/**
 * Validates `contentDir` as validateContent does, in a child process that a crash cannot escape,
 * with the files spread over the machine's cores. The entries come without their bodies; without
 * `entries`, there are none (a report needs only the problems).
 */
export async function validateIsolated(contentDir: string, root = process.cwd(), { entries = true } = {}): Promise<ValidationResult> {
  const crashed: string[] = [];
  let serial = false;
  for (;;) {
    const a = await attempt({ contentDir, root, crashed, serial, entries });
    if (a.result) return a.result;
    if (a.ambiguous && !serial) {
      serial = true;
      continue;
    }
    if (!a.culprit || crashed.includes(a.culprit)) {
      throw new Error(`the validator stopped (${a.reason}) outside the MDX parser; this is a bug in khumue — please report it with the content that caused it`);
    }
    crashed.push(a.culprit);
  }
}

// the child: read the request, validate, write the result; each file's name before its parse
if (process.argv[2] === '--khumue-validate-child') {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Request;
  const { contentDir, root, crashed } = request;
  const exact = request.serial;
  const hook = { before: progressWriter(3, 'main', exact), crashed: new Set(crashed) };
  const threads = exact ? 1 : availableParallelism();
  const result =
    threads > 1
      ? await validateContentInThreads(contentDir, root, hook, threads, (slice, ids) =>
          slice.length < THREADS_FROM / threads
            ? Promise.resolve(checkSlice(slice, ids, hook, !request.entries))
            : checkInThread(slice, ids, crashed, `t${slice[0]!.index}`, 3, exact, !request.entries),
        )
      : validateContent(contentDir, root, hook);
  writeSync(3, progressLine('main', '')); // no parse under way: a death from here on is not a parser's
  // the entries without their bodies: nothing that validates through here reads them (the site's
  // loader reads the files itself), and at 10,000 manuals they were most of 300 MB to pass over
  const json = JSON.stringify({ ...result, entries: request.entries ? result.entries.map((e) => ({ ...e, body: '' })) : [] });
  process.stdout.write(json, () => process.exit(0));
}
