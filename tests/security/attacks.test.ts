/**
 * Content never runs (issue 13), tried as a hostile contributor would: every case of the attack
 * corpus (tests/helpers/attacks.ts) is refused by `npm run validate` with an error located in its
 * own file, in bounded time and never by a signal; `npm run build` stops before anything renders
 * the content, writes nothing and leaves the previous output byte for byte as it was; the payload
 * never runs. And should a case ever get past the validator, the renderer alone still drops it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { partsToText } from '../../src/content/body.ts';
import { parseEntry } from '../../src/content/loader.ts';
import { MDX_COMPONENTS, PAGE_IDS } from '../../src/content/schema/components.ts';
import { ATTACK_CASES, attackCorpus } from '../helpers/attacks.ts';
import { buildSite } from '../helpers/build-site.ts';
import { VALID_CONTENT } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'khumue-attacks-'));
const marker = join(work, 'PWNED');

/**
 * Runs a script and measures the CPU time it and its children used (bash's `times`): the work a
 * file costs the tools, which does not grow when the machine is busy, unlike the wall clock.
 */
function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string; cpuSeconds: number }> {
  return new Promise((resolve) => {
    const quoted = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    // the exit status, or 128 + the signal number, as bash reports a child killed by a signal
    const script = `${quoted}; s=$?; times >&2; exit $s`;
    const child = spawn('bash', ['-c', script], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => {
      // `times` prints the shell's user/sys times, then its children's: the last line
      const last = stderr.trimEnd().split('\n').pop() ?? '';
      const cpuSeconds = [...last.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
      stderr = stderr.trimEnd().split('\n').slice(0, -2).join('\n');
      const signal = code !== null && code > 128 ? `signal ${code - 128}` : null;
      resolve({ status: signal ? null : code, signal, stdout, stderr, cpuSeconds });
    });
  });
}

/** Every file under a folder with its SHA-256: the previous output, to compare byte for byte. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const path = join(f.parentPath, f.name);
    out.set(path.slice(dir.length), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

let previous: ReturnType<typeof buildSite>;
let before: Map<string, string>;
beforeAll(() => {
  previous = buildSite(VALID_CONTENT, { pdf: false });
  before = snapshot(previous.out);
}, 300_000);
afterAll(() => {
  previous?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

test('the corpus holds every case the issue names, each in its own file', () => {
  const names = ATTACK_CASES.map((c) => c.name);
  for (const needed of [
    'frontmatter-fence',
    'body-expression',
    'export-const',
    'set-html-meta-refresh',
    'password-form',
    'id-clobbering',
    'javascript-template-literal',
    'javascript-array',
    'javascript-definition',
    'vbscript-link',
    'file-link',
    'unc-path',
    'deep-brackets',
    'deep-blockquote',
    'blank-lines-200k',
    'nested-div-40k',
    'symlink-loop',
    'symlink-dangling',
    'symlink-outside',
    'uppercase-extension',
    'template-literal-id',
    'toml-frontmatter-line',
    'long-id',
    'reserved-name-con',
    'reserved-name-nul',
    'yaml-bomb',
    'yaml-deep-flow',
    'yaml-deep-block',
    'adversarial-1mb',
  ])
    expect(names).toContain(needed);
  expect(new Set(ATTACK_CASES.map((c) => c.file)).size).toBe(ATTACK_CASES.length);
});

describe.concurrent.each(ATTACK_CASES.map((c) => [c.name, c] as const))('attack %s', (_name, attack) => {
  test('validate: exit 1, an error located in the attack file, no signal, under 10 CPU seconds; build: refused before rendering, previous output intact, payload never ran', async () => {
    const corpus = attackCorpus([attack], marker);
    try {
      const v = await run(['scripts/validate.ts', '--content', corpus.content, '--format', 'json']);
      expect(v.signal, v.stderr).toBeNull();
      expect(v.status, `${v.stdout.slice(0, 2000)}\n${v.stderr}`).toBe(1);
      expect(v.cpuSeconds, 'CPU seconds of the validator and its child').toBeGreaterThan(0); // measured at all
      expect(v.cpuSeconds, 'CPU seconds of the validator and its child').toBeLessThan(10);
      const problems = JSON.parse(v.stdout) as Array<{ file: string; line: number; severity: string; code: string; message: string }>;
      const own = problems.filter((p) => p.severity === 'error' && p.file.endsWith(`content/${attack.file}`));
      expect(own.length, JSON.stringify(problems, null, 1).slice(0, 3000)).toBeGreaterThan(0);
      for (const p of own) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.code).not.toBe('internal-error');
        expect(p.message).toMatch(/[\u0e00-\u0e7f]/); // Thai, with the English after it
        expect(p.message).not.toMatch(/\n\s+at /);
      }

      const b = await run(['scripts/build.ts', '--content', corpus.content, '--out', previous.out]);
      expect(b.signal, b.stderr).toBeNull();
      expect(b.status).toBe(1);
      expect(b.stderr).toContain('stopped: content has errors; the previous output is left as it was');
      expect(b.stdout).not.toContain('validated'); // Astro never started
      expect(snapshot(previous.out)).toEqual(before);
      expect(readdirSync(join(previous.out, '..')).filter((n) => n.includes('-build-'))).toEqual([]);
      expect(existsSync(marker)).toBe(false);
    } finally {
      corpus.cleanup();
    }
  }, 120_000);
});

describe('should an attack get past the validator, the renderer drops it anyway', () => {
  const body = { components: MDX_COMPONENTS, elements: new Set(['table']), reservedIds: PAGE_IDS };
  const corpus = attackCorpus(ATTACK_CASES, marker);
  afterAll(() => corpus.cleanup());
  test.each(ATTACK_CASES.filter((c) => c.file.endsWith('.mdx')).map((c) => [c.name, c] as const))('%s', (_, attack) => {
    const path = join(corpus.content, attack.file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return; // a symbolic link that leads nowhere: nothing to render
    }
    const entry = parseEntry(text, path, 'x', 'mdx', body);
    if (!entry?.rendered) return; // refused before parsing (limits, frontmatter) or unparsable
    const html = partsToText(entry.rendered.parts);
    const props = JSON.stringify(entry.rendered.parts);
    for (const bad of [
      /<(?:script|style|iframe|object|embed|form|input|button|meta|link|base|svg|math|template)\b/i,
      /\son\w+=/i,
      /javascript:|vbscript:|data:text|file:|\\\\|href="\/\//i,
      /set:|is:|client:|define:|class:list|server:/,
      /\sid="(?:site-search-input|main)"/,
      /\sstyle=/,
      /\starget=/,
    ]) {
      expect(html).not.toMatch(bad);
      expect(props).not.toMatch(bad);
    }
    expect(existsSync(marker)).toBe(false);
  });
});
