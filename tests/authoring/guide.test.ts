/**
 * "Following only the guide": the commands and edits of docs/getting-started.mdx, run as written in
 * a fresh clone — set up, create a manual, a flowchart and a KPI, put them in the manual, see the
 * page in `npm run dev`, validate, build.
 */
import { spawnSync } from 'node:child_process';
import { authorEnv, freshClone, startDevServer } from '../helpers/fresh-clone.ts';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const _root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'khumue-guide-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = authorEnv({ TZ: 'Asia/Bangkok' });

interface Block {
  lang: string;
  meta: string;
  body: string;
}
function blocks(mdx: string): Block[] {
  return [...mdx.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```/gm)].map((m) => ({ lang: m[1]!, meta: m[2]!.trim(), body: m[3]! }));
}

async function devShows(clone: string, command: string, path: string): Promise<string> {
  const server = startDevServer(command, clone, env);
  try {
    const response = await fetch(`${await server.ready}${path}`);
    expect(response.status).toBe(200);
    return await response.text();
  } finally {
    server.stop();
  }
}

test('docs/getting-started.mdx, followed as written in a fresh clone, ends with the manual built', async () => {
  const clone = freshClone(join(dir, 'repo'));
  const guide = readFileSync(join(clone, 'docs', 'getting-started.mdx'), 'utf8');
  const steps: string[] = [];
  for (const block of blocks(guide)) {
    if (block.lang === 'mdx') {
      const target = /append=(\S+)/.exec(block.meta)?.[1];
      expect(target, 'an edit block names its file').toBeDefined();
      expect(existsSync(join(clone, target!)), target).toBe(true);
      appendFileSync(join(clone, target!), block.body);
      steps.push(`edit ${target}`);
      continue;
    }
    if (block.lang !== 'sh' || block.meta === 'git') continue; // pushing needs the office's remote
    for (const command of block.body
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      if (block.meta === 'dev') {
        const url = /http:\/\/localhost:4321(\/\S*?\/)[\s)\]]/.exec(guide)?.[1];
        const html = await devShows(clone, command, url!);
        expect(html).toContain('fc-table');
        expect(html).toContain('kpi-card');
        steps.push(`${command} → ${url}`);
        continue;
      }
      const r = spawnSync('bash', ['-c', command], { cwd: clone, encoding: 'utf8', env });
      expect(r.status, `${command}\n${r.stdout.slice(-1500)}\n${r.stderr.slice(-1500)}`).toBe(0);
      steps.push(command);
    }
  }
  expect(steps).toEqual([
    'npm run setup',
    'npm run new -- manual petty-cash --office cgd-region-6 --title "คู่มือการปฏิบัติงาน การเบิกจ่ายเงินสดย่อย"',
    'npm run new -- flowchart petty-cash-flow --office cgd-region-6 --title "การเบิกจ่ายเงินสดย่อย"',
    'npm run new -- kpi petty-cash-speed --office cgd-region-6',
    'edit content/manuals/petty-cash.mdx',
    'npm run dev → /manuals/petty-cash/',
    'npm run validate',
    'npm run build',
  ]);
  const page = readFileSync(join(clone, 'dist', 'manuals', 'petty-cash', 'index.html'), 'utf8');
  expect(page).toContain('fc-table');
  expect(page).toContain('kpi-card');
  expect(existsSync(join(clone, 'dist', 'pdf', 'petty-cash.pdf'))).toBe(true);
}, 300_000);

test('docs/import.mdx (นำเข้าคู่มือเดิม), followed as written in a fresh clone: a Word file and a PDF imported, and the content valid', () => {
  const clone = freshClone(join(dir, 'import'));
  const guide = readFileSync(join(clone, 'docs', 'import.mdx'), 'utf8');
  const commands = blocks(guide)
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.body.split('\n').map((l) => l.trim()))
    .filter(Boolean);
  expect(commands).toEqual([
    'node scripts/import-fixtures.ts samples',
    'npm run import -- samples/06-flowchart.docx --office cgd-region-6 --id receive-letters',
    'npm run import -- samples/004_a897824d513de36e.pdf --office esa-chiangmai-5-policy --id esa-admin-imported',
    'npm run validate',
  ]);
  for (const command of commands) {
    // the clone's own Node 24 (node_modules/.bin), as `npm run` gives every script
    const r = spawnSync('bash', ['-c', `export PATH="$PWD/node_modules/.bin:$PATH"; ${command}`], { cwd: clone, encoding: 'utf8', env });
    expect(r.status, `${command}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-1500)}`).toBe(0);
    if (command.includes('import --')) expect(r.stdout).toContain('ตรวจเนื้อหาที่นำเข้า');
  }
  // what the guide says the commands made
  for (const f of ['content/manuals/receive-letters.mdx', 'content/flowcharts/receive-letters-flow.mdx', 'content/manuals/esa-admin-imported.mdx'])
    expect(existsSync(join(clone, f)), f).toBe(true);
  const flows = readdirSync(join(clone, 'content', 'flowcharts')).filter((f) => f.startsWith('esa-admin-imported-flow'));
  expect(flows).toHaveLength(2);
  expect(guide).toContain('/manuals/receive-letters/');
}, 300_000);
