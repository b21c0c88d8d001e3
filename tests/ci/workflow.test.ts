/**
 * The content workflow (.github/workflows/content.yml), exercised: its `run` steps' commands run
 * here, in order, in a clone of this repository (with a hard-linked copy of node_modules), as the
 * job would run them.
 */
import { spawnSync } from 'node:child_process';
import { freshClone } from '../helpers/fresh-clone.ts';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'content.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<
    string,
    {
      steps: Array<{ name?: string; run?: string; uses?: string; if?: string; env?: Record<string, string> }>;
      if?: string;
      needs?: string | string[];
      environment?: unknown;
      strategy?: { matrix: { shard: number[] } };
    }
  >;
};
const dir = mkdtempSync(join(tmpdir(), 'khumue-ci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('runs on pull requests and on main; publishes only from main, after the checks', () => {
  expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
  expect(workflow.jobs.publish!.needs).toEqual(['assemble', 'sign']);
  expect(workflow.jobs.publish!.if).toContain("github.ref == 'refs/heads/main'");
  expect(workflow.jobs.pdf!.needs).toBe('check');
  expect(workflow.jobs.assemble!.needs).toBe('pdf');
  // every shard keeps its output and its own print cache; the assembled site is the review artifact
  const pdf = workflow.jobs.pdf!.steps;
  expect(pdf.map((s) => s.uses).filter(Boolean)).toEqual(expect.arrayContaining(['actions/cache@v4', 'actions/upload-artifact@v4']));
  expect(JSON.stringify(pdf)).toMatch(/print-\$\{\{ matrix\.shard \}\}-of-3-/);
  const uses = workflow.jobs.assemble!.steps.map((s) => s.uses).filter(Boolean);
  expect(uses).toEqual(expect.arrayContaining(['actions/download-artifact@v4', 'actions/upload-artifact@v4']));
});

test('signing secrets never meet content: the job that builds names no secret; only the sign job, on main, in its own environment, does', () => {
  const text = (job: string) => JSON.stringify(workflow.jobs[job]);
  for (const job of ['check', 'pdf', 'assemble']) {
    expect(text(job)).not.toMatch(/secrets\./);
    expect(text(job)).not.toMatch(/KHUMUE_SIGN_(?:P12|PASSWORD)/);
  }
  const sign = workflow.jobs.sign!;
  expect(sign.needs).toBe('assemble');
  expect(sign.if).toContain("github.event_name == 'push'");
  expect(sign.if).toContain("github.ref == 'refs/heads/main'");
  expect(sign.environment).toBe('signing');
  const runs = sign.steps.map((s) => s.run ?? '').join('\n');
  expect(runs).toContain('npm run sign');
  expect(runs).not.toMatch(/npm run (?:build|dev)|astro/);
});

test('the jobs run here, in order, as the workflow runs them: check (setup, validate), three PDF shards, then assemble', () => {
  const clone = freshClone(join(dir, 'repo'));
  const ran: string[] = [];
  const runStep = (job: string, step: { name?: string; run?: string; if?: string }, matrix: Record<string, string> = {}) => {
    if (!step.run || step.if) return; // actions and the steps that need repository secrets run only on GitHub
    const command = step.run.replace(/"\$GITHUB_WORKSPACE"/g, `"${clone}"`).replace(/\$\{\{ matrix\.(\w+) \}\}/g, (_, k: string) => matrix[k]!);
    if (command.startsWith('git config --global')) return; // the runner's container needs it; this machine's git does not
    if (command === 'npm run setup' && ran.includes(command)) return; // one machine here: set up once
    const r = spawnSync('bash', ['-c', command], { cwd: clone, encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Bangkok', GITHUB_ACTIONS: 'true' } });
    expect(r.status, `${job}/${step.name}: ${command}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`).toBe(0);
    ran.push(command);
    if (command.includes('--format github')) {
      // annotations, one per problem, on the file and line
      expect(r.stdout).toMatch(/^::warning file=content\/[^,]+,line=\d+,col=\d+/m);
      expect(r.stdout).not.toMatch(/^::error /m);
    }
  };
  for (const step of workflow.jobs.check!.steps) runStep('check', step);
  const shards = workflow.jobs.pdf!.strategy!.matrix.shard;
  expect(shards).toEqual([1, 2, 3]);
  for (const shard of shards) {
    for (const step of workflow.jobs.pdf!.steps) runStep('pdf', step, { shard: String(shard) });
    // upload-artifact shard-N, then download-artifact into shards/shard-N
    mkdirSync(join(clone, 'shards'), { recursive: true });
    renameSync(join(clone, 'dist'), join(clone, 'shards', `shard-${shard}`));
  }
  for (const step of workflow.jobs.assemble!.steps) runStep('assemble', step);
  expect(ran).toEqual([
    'npm run setup',
    'npm run validate -- --format github',
    'npm run build -- --shard 1/3',
    'npm run build -- --shard 2/3',
    'npm run build -- --shard 3/3',
    'npm run assemble -- --out dist shards/shard-1 shards/shard-2 shards/shard-3',
  ]);
  expect(existsSync(join(clone, 'dist', 'index.html'))).toBe(true);
  const pdfs = readdirSync(join(clone, 'dist', 'pdf'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.pdf'));
  const printed =
    readdirSync(join(clone, 'dist', 'print')).filter((d) => d !== 'handbooks').length + readdirSync(join(clone, 'dist', 'print', 'handbooks')).length;
  expect(pdfs.length).toBe(printed);
}, 600_000);
