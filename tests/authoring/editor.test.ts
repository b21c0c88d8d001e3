/**
 * Completion and Thai hover text in MDX frontmatter: the Astro language server (what the Astro VS
 * Code extension runs, with content IntelliSense on as .vscode/settings.json sets it) is started on
 * the project with the map src/authoring/editor.ts writes, a manual is opened, and the server offers
 * the manual's fields, hover text in Thai, and the same for a manual created a moment ago by `npm run new`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collectionsManifest, writeEditorIntellisense } from '../../src/authoring/editor.ts';
import { startLsp, type LspClient } from '../helpers/lsp.ts';

const repo = join(import.meta.dirname, '..', '..');
// a project of its own (package.json, content/ = the repository's content), so that nothing here
// touches the repository's content/ or .astro/ while other tests build them
const root = mkdtempSync(join(tmpdir(), 'khumue-editor-'));
cpSync(join(repo, 'content'), join(root, 'content'), { recursive: true });
writeFileSync(join(root, 'package.json'), '{"name":"editor-test","private":true}\n');
const created = join(root, 'content', 'manuals', 'editor-test-new-manual.mdx');
let lsp: LspClient;

type Items = { label: string; documentation?: string | { value: string } }[];
const labels = (r: Items | { items: Items } | null) => (Array.isArray(r) ? r : (r?.items ?? [])).map((i) => i.label);

const open = (file: string, text = readFileSync(file, 'utf8')) => {
  const uri = pathToFileURL(file).href;
  lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'mdx', version: 1, text } });
  return uri;
};

beforeAll(async () => {
  writeEditorIntellisense(root);
  lsp = startLsp(process.execPath, [join(repo, 'node_modules/@astrojs/language-server/bin/nodeServer.js'), '--stdio'], root);
  const rootUri = pathToFileURL(root).href;
  await lsp.request('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'khumue' }],
    capabilities: {
      textDocument: { completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
    },
    // what the Astro extension sends when astro.content-intellisense is on
    initializationOptions: { typescript: { tsdk: join(repo, 'node_modules/typescript/lib') }, contentIntellisense: true },
  });
  lsp.notify('initialized', {});
}, 120_000);
afterAll(() => {
  lsp?.stop();
  rmSync(root, { recursive: true, force: true });
});

test('the VS Code settings turn on the Astro extension’s content IntelliSense, and the extension is recommended', () => {
  const settings = JSON.parse(readFileSync(join(repo, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
  expect(settings['astro.content-intellisense']).toBe(true);
  const extensions = JSON.parse(readFileSync(join(repo, '.vscode', 'extensions.json'), 'utf8')) as { recommendations: string[] };
  expect(extensions.recommendations).toContain('astro-build.astro-vscode');
});

test('every MDX file of content/ is mapped to its collection; nothing else', () => {
  const manifest = collectionsManifest(join(repo, 'content'));
  const values = Object.values(manifest.entries);
  expect(values).toContain('manuals');
  expect(values).toContain('flowcharts');
  expect(new Set(values)).toEqual(new Set(values.filter((v) => ['manuals', 'flowcharts', 'plans', 'kpis'].includes(v))));
  for (const file of Object.keys(manifest.entries)) expect(file).toMatch(/^file:\/\/.*\/content\/(manuals|flowcharts|plans|kpis)\/.*\.mdx$/);
});

test('in a manual’s frontmatter the editor offers the fields not yet written, and hover text in Thai', async () => {
  const file = join(root, 'content', 'manuals', 'esa-cm5-admin.mdx');
  const text = readFileSync(file, 'utf8').split('\n');
  // the author starts a new line under the opening ---: the fields of a manual not yet written are offered
  const uri = open(file, [text[0], '', ...text.slice(1)].join('\n'));
  const items = labels(await lsp.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } }));
  const present = new Set(
    text
      .slice(1, text.indexOf('---', 1))
      .map((l) => /^(\w+):/.exec(l)?.[1])
      .filter(Boolean),
  );
  expect(items.length).toBeGreaterThan(3);
  for (const field of ['revisions', 'references', 'tables'].filter((f) => !present.has(f))) expect(items).toContain(field);
  for (const item of items.filter((i) => /^[a-z]\w*$/i.test(i))) expect(present.has(item), `${item} is already written`).toBe(false);
  // hover over `title:` says what it is, in Thai
  const hover = (await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } })) as {
    contents: { value: string };
  } | null;
  expect(hover?.contents.value).toMatch(/ชื่อเอกสาร/);
}, 120_000);

test('a manual made a moment ago with npm run new gets completion too', async () => {
  const r = spawnSync(
    process.execPath,
    [
      join(repo, 'scripts/new.ts'),
      'manual',
      'editor-test-new-manual',
      '--content',
      join(root, 'content'),
      '--office',
      'esa-chiangmai-5-policy',
      '--title',
      'ทดสอบ',
    ],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(readFileSync(join(root, '.astro', 'collections', 'collections.json'), 'utf8')).entries[pathToFileURL(created).href.toLowerCase()]).toBe(
    'manuals',
  );
  // the language server watches collections.json; an editor tells it the file changed
  const changed = { changes: [{ uri: pathToFileURL(join(root, '.astro', 'collections', 'collections.json')).href, type: 2 }] };
  lsp.notify('workspace/didChangeWatchedFiles', changed);
  const text = readFileSync(created, 'utf8').split('\n');
  const uri = open(created, [text[0], '', ...text.slice(1)].join('\n'));
  const fields = Object.keys((JSON.parse(readFileSync(join(repo, 'schemas', 'manuals.schema.json'), 'utf8')) as { properties: object }).properties);
  const present = new Set(
    text
      .slice(1, text.indexOf('---', 1))
      .map((l) => /^(\w+):/.exec(l)?.[1])
      .filter(Boolean),
  );
  const missing = fields.filter((f) => !present.has(f));
  expect(missing.length).toBeGreaterThan(0);
  let items: string[] = [];
  for (let attempt = 0; attempt < 20 && !missing.every((f) => items.includes(f)); attempt++) {
    items = labels(await lsp.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } }));
    if (!missing.every((f) => items.includes(f))) await new Promise((ok) => setTimeout(ok, 500));
  }
  expect(items).toEqual(expect.arrayContaining(missing));
}, 120_000);
