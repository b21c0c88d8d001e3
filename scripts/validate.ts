/**
 * `npm run validate [-- --content DIR] [--format text|json|github]`
 * Checks every content file and prints every problem; exit 1 on errors, 0 with warnings only.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findPasted, fixPasted } from '../src/validate/pasted.ts';
import { formatProblems, type ReportFormat, summaryMarkdown } from '../src/validate/index.ts';
import { validateIsolated } from '../src/validate/isolated.ts';

const FORMATS = ['text', 'json', 'github'];

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        content: { type: 'string', default: 'content' },
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
        changed: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(
      `validate: ${(error as Error).message}. Usage: npm run validate -- [--content DIR] [--format text|json|github] [--fix] [--all] [--changed FILES]`,
    );
    return 2;
  }
  if (values.help) {
    console.log(
      'Usage: npm run validate -- [--content DIR] [--format text|json|github] [--fix]\n  --fix  replace characters pasted from a word processor (curly quotes in MDX attributes, special spaces and tabs in YAML indentation, invisible characters), nothing else',
    );
    return 0;
  }
  if (!FORMATS.includes(values.format)) {
    console.error(`validate: unknown format "${values.format}"; use one of ${FORMATS.join(', ')}.`);
    return 2;
  }
  if (values.fix) fixContent(resolve(values.content));
  const result = await validateIsolated(resolve(values.content), process.cwd(), { entries: false });
  const changed = changedFiles(values.changed);
  console.log(formatProblems(result.problems, values.format as ReportFormat, { all: values.all, changed }));
  // GitHub: every problem in the job summary too (annotations show ten of each kind)
  if (values.format === 'github' && process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${summaryMarkdown(result.problems)}\n`);
  return result.errorCount ? 1 : 0;
}

/**
 * The files a change touches, as the problems name them (relative to the repository): `--changed
 * a,b` or, in a GitHub pull request, what `git diff` finds against the base branch.
 */
function changedFiles(list: string | undefined): Set<string> | undefined {
  if (list)
    return new Set(
      list
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    );
  const base = process.env.GITHUB_BASE_REF;
  if (!base) return undefined;
  const r = spawnSync('git', ['diff', '--name-only', `origin/${base}...HEAD`], { encoding: 'utf8' });
  return r.status === 0 ? new Set(r.stdout.split('\n').filter(Boolean)) : undefined;
}

/** `--fix`: every content file with pasted characters, repaired in place (validate/pasted.ts), and said so. */
function fixContent(dir: string): void {
  let files = 0;
  let fixes = 0;
  for (const rel of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const format = /\.mdx$/.test(rel) ? 'mdx' : /\.ya?ml$/.test(rel) ? 'yaml' : undefined;
    const file = join(dir, rel);
    if (!format || !lstatSync(file).isFile()) continue;
    const text = readFileSync(file, 'utf8');
    const found = findPasted(text, format);
    if (!found.length) continue;
    writeFileSync(file, fixPasted(text, format));
    files++;
    fixes += found.length;
    const shown = relative(process.cwd(), file);
    for (const p of found)
      console.log(
        `${shown}:${p.line}:${p.column} แก้แล้ว (fixed): ${p.code} ${p.name} → ${p.replacement === '' ? 'ลบออก (removed)' : JSON.stringify(p.replacement)}`,
      );
  }
  console.log(`validate --fix: แก้ ${fixes} จุดใน ${files} แฟ้ม (fixed ${fixes} pasted characters in ${files} files)\n`);
}

process.exitCode = await main();
