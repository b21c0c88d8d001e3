/**
 * Validation in a child process, so that nothing content does to a parser can take the caller
 * down. The MDX parser is native code: input past content/limits.ts is refused before it is
 * parsed, but should a file still crash it (a SIGSEGV is not an exception), the child dies, the
 * file it was parsing is known from its progress channel, and validation runs again with that
 * file reported as `parser-crash` instead of parsed. A parse that hangs is treated the same way
 * after PARSE_TIMEOUT_MS without progress.
 *
 * `npm run validate`, `npm run build` and `npm run dev` all validate through here.
 */
import { spawn } from 'node:child_process';
import { writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateContent, type ValidationResult } from './index.ts';

/** No progress for this long while one file is parsed: the parser is stuck on it. */
export const PARSE_TIMEOUT_MS = Number(process.env.KHUMUE_PARSE_TIMEOUT_MS) || 60_000;
const CHILD = fileURLToPath(import.meta.url);

interface Attempt {
  result?: ValidationResult;
  /** the file being parsed when the child died or stalled */
  culprit?: string;
  reason?: string;
}

function attempt(contentDir: string, root: string, crashed: string[]): Promise<Attempt> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, '--khumue-validate-child'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit', 'pipe'],
      env: process.env,
    });
    child.stdin!.end(JSON.stringify({ contentDir, root, crashed }));
    const out: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    let current: string | undefined;
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
      for (const line of lines) current = line === '' ? undefined : line;
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
      resolve({ culprit: current, reason: stalled ? `no progress for ${PARSE_TIMEOUT_MS / 1000} s` : signal ? `killed by ${signal}` : `exit code ${code}` });
    });
  });
}

/** Validates `contentDir` as validateContent does, in a child process that a crash cannot escape. */
export async function validateIsolated(contentDir: string, root = process.cwd()): Promise<ValidationResult> {
  const crashed: string[] = [];
  for (;;) {
    const a = await attempt(contentDir, root, crashed);
    if (a.result) return a.result;
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
  const { contentDir, root, crashed } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { contentDir: string; root: string; crashed: string[] };
  const result = validateContent(contentDir, root, {
    before: (file) => void writeSync(3, `${file}\n`),
    crashed: new Set(crashed),
  });
  writeSync(3, '\n'); // no parse under way: a death from here on is not a parser's
  const json = JSON.stringify(result);
  process.stdout.write(json, () => process.exit(0));
}
