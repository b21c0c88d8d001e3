/**
 * Benchmark corpora made from the real content: the seed corpus repeated N times under generated
 * ids (every id and every reference to it renamed), and a plain Astro MDX project with one page
 * per entry, the baseline that khumue's build is measured against.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

const ID_CHARS = 'a-z0-9-';

/** All content files with their collection folder and id. */
export function listEntries(contentDir: string): Array<{ folder: string; id: string; file: string; ext: string }> {
  const out: Array<{ folder: string; id: string; file: string; ext: string }> = [];
  for (const folder of readdirSync(contentDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const f of readdirSync(join(contentDir, folder.name))) {
      out.push({ folder: folder.name, id: basename(f, extname(f)), file: join(contentDir, folder.name, f), ext: extname(f) });
    }
  }
  return out;
}

/** Writes the corpus `times` times into `outDir`, copy k renaming every id x to x-ck. */
export function repeatCorpus(contentDir: string, outDir: string, times: number): number {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entries = listEntries(contentDir);
  const ids = [...new Set(entries.map((e) => e.id))].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![${ID_CHARS}])(${ids.map((i) => i.replace(/-/g, '\\-')).join('|')})(?![${ID_CHARS}])`, 'g');
  for (const name of readdirSync(contentDir)) if (!readdirSync(contentDir, { withFileTypes: true }).find((d) => d.name === name)?.isDirectory()) cpSync(join(contentDir, name), join(outDir, name));
  let files = 0;
  for (let k = 1; k <= times; k++) {
    for (const e of entries) {
      const text = readFileSync(e.file, 'utf8').replace(pattern, (id) => `${id}-c${k}`);
      mkdirSync(join(outDir, e.folder), { recursive: true });
      writeFileSync(join(outDir, e.folder, `${e.id}-c${k}${e.ext}`), text);
      files++;
    }
  }
  return files;
}

/** A plain Astro + MDX project with one page per entry: MDX bodies as they are, without khumue's components. */
export function plainProject(contentDir: string, projectDir: string): number {
  rmSync(projectDir, { recursive: true, force: true });
  mkdirSync(join(projectDir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(projectDir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(join(projectDir, 'astro.config.mjs'), "import mdx from '@astrojs/mdx';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ integrations: [mdx()], build: { format: 'directory' } });\n");
  let pages = 0;
  // the same pages khumue renders: mandates have no page of their own
  for (const e of listEntries(contentDir).filter((x) => x.folder !== 'mandates')) {
    const dir = join(projectDir, 'src', 'pages', e.folder);
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(e.file, 'utf8');
    const body = e.ext === '.mdx' ? text.replace(/^---\n[\s\S]*?\n---\n?/, '').replace(/<[A-Z][A-Za-z]*[^>]*\/>/g, '').replace(/<\/?[A-Z][A-Za-z]*[^>]*>/g, '') : '';
    const title = /^title:\s*"?([^"\n]+)"?/m.exec(text)?.[1] ?? /^name:\s*"?([^"\n]+)"?/m.exec(text)?.[1] ?? e.id;
    writeFileSync(join(dir, `${e.id}.mdx`), `---\ntitle: ${JSON.stringify(title)}\n---\n\n# ${title.replace(/[{}<>]/g, '')}\n\n${body}\n`);
    pages++;
  }
  writeFileSync(join(projectDir, 'src', 'pages', 'index.mdx'), '# หน้าแรก\n');
  return pages + 1;
}
