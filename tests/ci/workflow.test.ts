/**
 * The content workflow (.github/workflows/content.yml), exercised: its `run` steps' commands run
 * here, in order, in a clone of this repository (with a hard-linked copy of node_modules), as the
 * job would run them.
 */
import { spawnSync } from 'node:child_process';
import { freshClone } from '../helpers/fresh-clone.ts';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
    }
  >;
};
const dir = mkdtempSync(join(tmpdir(), 'khumue-ci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('runs on pull requests and on main; publishes only from main, after the checks', () => {
  expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
  expect(workflow.jobs.publish!.needs).toEqual(['check', 'sign']);
  expect(workflow.jobs.publish!.if).toContain("github.ref == 'refs/heads/main'");
  const uses = workflow.jobs.check!.steps.map((s) => s.uses).filter(Boolean);
  expect(uses).toContain('actions/upload-artifact@v4');
});

test('signing secrets never meet content: the job that builds names no secret; only the sign job, on main, in its own environment, does', () => {
  const text = (job: string) => JSON.stringify(workflow.jobs[job]);
  expect(text('check')).not.toMatch(/secrets\./);
  expect(text('check')).not.toMatch(/KHUMUE_SIGN_(?:P12|PASSWORD)/);
  const sign = workflow.jobs.sign!;
  expect(sign.needs).toBe('check');
  expect(sign.if).toContain("github.event_name == 'push'");
  expect(sign.if).toContain("github.ref == 'refs/heads/main'");
  expect(sign.environment).toBe('signing');
  const runs = sign.steps.map((s) => s.run ?? '').join('\n');
  expect(runs).toContain('npm run sign');
  expect(runs).not.toMatch(/npm run (?:build|dev)|astro/);
});

test("the check job's commands succeed here, in order: setup, validate --format github, build", () => {
  const clone = freshClone(join(dir, 'repo'));
  const ran: string[] = [];
  for (const step of workflow.jobs.check!.steps) {
    if (!step.run || step.if) continue; // actions and the steps that need repository secrets run only on GitHub
    const command = step.run.replace(/"\$GITHUB_WORKSPACE"/g, `"${clone}"`);
    if (command.startsWith('git config --global')) continue; // the runner's container needs it; this machine's git does not
    const r = spawnSync('bash', ['-c', command], { cwd: clone, encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Bangkok', GITHUB_ACTIONS: 'true' } });
    expect(r.status, `${step.name}: ${command}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`).toBe(0);
    ran.push(command);
    if (command.includes('--format github')) {
      // annotations, one per problem, on the file and line
      expect(r.stdout).toMatch(/^::warning file=content\/[^,]+,line=\d+,col=\d+/m);
      expect(r.stdout).not.toMatch(/^::error /m);
    }
  }
  expect(ran).toEqual(['npm run setup', 'npm run validate -- --format github', 'npm run build']);
  expect(existsSync(join(clone, 'dist', 'index.html'))).toBe(true);
  expect(readdirSync(join(clone, 'dist', 'pdf')).some((f) => f.endsWith('.pdf'))).toBe(true);
}, 300_000);
