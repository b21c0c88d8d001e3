/**
 * `node scripts/editor-picture.ts`: the guide's picture of frontmatter completion in VS Code
 * (public/images/guide/editor-completion.png). The items and the hover text are what the Astro
 * language server answers for a manual of content/ (as tests/authoring/editor.test.ts asks it); the
 * editor around them is drawn in Chromium.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { writeEditorIntellisense } from '../src/authoring/editor.ts';
import { escapeHtml } from '../src/content/body.ts';
import { BROWSER_ARGS, requireBrowser } from '../src/print/find-browser.mjs';
import { startLsp } from '../tests/helpers/lsp.ts';

const root = resolve(import.meta.dirname, '..');
writeEditorIntellisense(root);
const lsp = startLsp(process.execPath, [join(root, 'node_modules/@astrojs/language-server/bin/nodeServer.js'), '--stdio'], root);
const rootUri = pathToFileURL(root).href;
await lsp.request('initialize', {
  processId: process.pid,
  rootUri,
  workspaceFolders: [{ uri: rootUri, name: 'khumue' }],
  capabilities: { textDocument: { completion: { completionItem: { documentationFormat: ['plaintext'] } } } },
  initializationOptions: { typescript: { tsdk: join(root, 'node_modules/typescript/lib') }, contentIntellisense: true },
});
lsp.notify('initialized', {});
const file = join(root, 'content', 'manuals', 'esa-cm5-admin.mdx');
const lines = readFileSync(file, 'utf8').split('\n');
const end = lines.indexOf('---', 1);
// the author has typed "re" on a new line at the end of the frontmatter
const shown = [...lines.slice(0, end), 're', ...lines.slice(end, end + 3)];
const uri = pathToFileURL(file).href;
lsp.notify('textDocument/didOpen', {
  textDocument: { uri, languageId: 'mdx', version: 1, text: [...lines.slice(0, end), 're', ...lines.slice(end)].join('\n') },
});
type Item = { label: string; documentation?: string | { value: string }; detail?: string };
const r = (await lsp.request('textDocument/completion', { textDocument: { uri }, position: { line: end, character: 2 } })) as Item[] | { items: Item[] };
const items = (Array.isArray(r) ? r : r.items).filter((i) => i.label.startsWith('re') || i.label.includes('re'));
lsp.stop();
const doc = (i: Item | undefined) => (typeof i?.documentation === 'string' ? i.documentation : (i?.documentation?.value ?? i?.detail ?? ''));
const first = items[0];
const html = `<!doctype html><meta charset="utf-8"><style>
@font-face { font-family: Sarabun; src: url('data:font/woff2;base64,${readFileSync(join(root, 'node_modules/@fontsource/sarabun/files/sarabun-thai-400-normal.woff2')).toString('base64')}'); unicode-range: U+0E00-0E7F; }
body { margin: 0; background: #1f1f1f; font: 15px/1.6 'DejaVu Sans Mono', monospace; color: #ccc; }
.ed { padding: 12px 0; width: 980px; }
.l { display: flex; white-space: pre; overflow: hidden; text-overflow: ellipsis; height: 24px; font-family: Sarabun, 'DejaVu Sans Mono', monospace; }
.n { width: 48px; text-align: right; padding-right: 16px; color: #6e7681; }
.k { color: #569cd6; } .cur { background: #264f78; }
.pop { position: absolute; left: 88px; top: ${12 + (end + 1) * 24}px; display: flex; gap: 2px; font-family: Sarabun, sans-serif; }
.list { background: #252526; border: 1px solid #454545; min-width: 220px; }
.list div { padding: 2px 10px; } .list .sel { background: #04395e; color: #fff; }
.doc { background: #252526; border: 1px solid #454545; padding: 6px 12px; max-width: 420px; color: #ddd; }
.note { position: absolute; right: 16px; bottom: 8px; color: #888; font: 12px Sarabun, sans-serif; }
</style><div class="ed">${shown
  .map(
    (l, k) =>
      `<div class="l${k === end ? ' cur' : ''}"><span class="n">${k + 1}</span>${escapeHtml(l.length > 80 ? `${l.slice(0, 78)}…` : l).replace(/^(\w+):/, '<span class="k">$1</span>:')}</div>`,
  )
  .join('')}</div>
<div class="pop"><div class="list">${items.map((i, k) => `<div${k === 0 ? ' class="sel"' : ''}>${escapeHtml(i.label)}</div>`).join('')}</div>
<div class="doc">${escapeHtml(doc(first)).replace(/\n/g, '<br>')}</div></div>
<div class="note">content/manuals/esa-cm5-admin.mdx — รายการจากส่วนขยาย Astro (content IntelliSense)</div>`;
const browser = await puppeteer.launch({ executablePath: requireBrowser(), args: BROWSER_ARGS, headless: true });
const page = await browser.newPage();
await page.setViewport({ width: 980, height: 12 + (shown.length + 1) * 24 + 120 });
await page.setContent(html, { waitUntil: 'load' });
await page.evaluate(() => document.fonts.ready);
await page.screenshot({ path: join(root, 'public', 'images', 'guide', 'editor-completion.png') });
await browser.close();
console.log(`editor-picture: ${items.map((i) => i.label).join(', ')} → public/images/guide/editor-completion.png`);
