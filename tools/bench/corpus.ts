/**
 * Benchmark corpora made from the real content: the seed corpus repeated N times under generated
 * ids (every id and every reference to it renamed), and a plain Astro MDX project with one page
 * per entry, the baseline that khumue's build is measured against.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import type { Handbook } from '../../src/content/schema/index.ts';
import { partId, partKind, resolveHandbooks } from '../../src/domain/handbooks.ts';

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
  for (const name of readdirSync(contentDir))
    if (
      !readdirSync(contentDir, { withFileTypes: true })
        .find((d) => d.name === name)
        ?.isDirectory()
    )
      cpSync(join(contentDir, name), join(outDir, name));
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

/**
 * A plain Astro + MDX project, without khumue's layouts and components: one page per entry (MDX
 * bodies as they are, components removed) — and, with `printSources`, the pages the PDFs are
 * printed from as well: a print page per manual (its body again) and one per handbook (the bodies
 * of its parts, in order), so that it has the same pages as khumue's site. The baselines khumue's
 * build is measured against.
 */
export function plainProject(contentDir: string, projectDir: string, { printSources = false } = {}): number {
  rmSync(projectDir, { recursive: true, force: true });
  mkdirSync(join(projectDir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(projectDir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    join(projectDir, 'astro.config.mjs'),
    "import mdx from '@astrojs/mdx';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ integrations: [mdx()], build: { format: 'directory' } });\n",
  );
  let pages = 0;
  const page = (folder: string, id: string, title: string, body: string) => {
    const dir = join(projectDir, 'src', 'pages', folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${id}.mdx`), `---\ntitle: ${JSON.stringify(title)}\n---\n\n# ${title.replace(/[{}<>]/g, '')}\n\n${body}\n`);
    pages++;
  };
  const entries = listEntries(contentDir).map((e) => {
    const text = readFileSync(e.file, 'utf8');
    const body =
      e.ext === '.mdx'
        ? text
            .replace(/^---\n[\s\S]*?\n---\n?/, '')
            .replace(/<[A-Z][A-Za-z]*[^>]*\/>/g, '')
            .replace(/<\/?[A-Z][A-Za-z]*[^>]*>/g, '')
        : '';
    const title = /^title:\s*"?([^"\n]+)"?/m.exec(text)?.[1] ?? /^name:\s*"?([^"\n]+)"?/m.exec(text)?.[1] ?? e.id;
    const office = /^office:\s*"?([a-z0-9-]+)"?/m.exec(text)?.[1] ?? '';
    return { ...e, text, body, title, office };
  });
  // the same pages khumue renders: mandates and handbooks have no page of their own
  for (const e of entries.filter((x) => x.folder !== 'mandates' && x.folder !== 'handbooks')) page(e.folder, e.id, e.title, e.body);
  if (!printSources) {
    writeFileSync(join(projectDir, 'src', 'pages', 'index.mdx'), '# หน้าแรก\n');
    return pages + 1;
  }
  // the print sources: every manual again, and every handbook with the bodies of its parts
  const docs = (folder: string) => entries.filter((e) => e.folder === folder).map((e) => ({ id: e.id, data: { office: e.office }, body: e.text }));
  for (const m of entries.filter((e) => e.folder === 'manuals')) page('print', m.id, m.title, m.body);
  const handbooks = resolveHandbooks({
    manuals: docs('manuals'),
    plans: docs('plans'),
    kpis: docs('kpis'),
    flowcharts: docs('flowcharts'),
    offices: entries.filter((e) => e.folder === 'offices').map((e) => ({ id: e.id, data: { name: e.title } })),
    handbooks: entries.filter((e) => e.folder === 'handbooks').map((e) => ({ id: e.id, data: parse(e.text) as Handbook })),
  });
  const folderOf = { manual: 'manuals', plan: 'plans', kpi: 'kpis', flowchart: 'flowcharts' } as const;
  for (const h of handbooks) {
    const parts = [...h.data.contents, ...(h.data.appendix ?? [])].map((p) => entries.find((e) => e.folder === folderOf[partKind(p)] && e.id === partId(p)));
    page(join('print', 'handbooks'), h.id, h.data.title, parts.map((e) => (e ? `## ${e.title.replace(/[{}<>]/g, '')}\n\n${e.body}` : '')).join('\n\n'));
  }
  writeFileSync(join(projectDir, 'src', 'pages', 'index.mdx'), '# หน้าแรก\n');
  return pages + 1;
}
