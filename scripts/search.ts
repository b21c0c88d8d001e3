/**
 * `npm run search -- --index <folder>`: indexes every HTML page of a folder of static HTML (into
 * `<folder>/search-index/`), with the glossary of `content/glossary.yaml` (or `--glossary FILE`).
 * `npm run search -- --site <folder> --query "<text>" [--json] [--limit N]`: the ranked result pages,
 * as paths relative to the folder (`--json`: a JSON array), with the code the browser runs.
 */
import { contentDir } from '../src/content/content-dir.ts';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { indexSite, openSiteIndex } from '../src/search/node.ts';

const { values } = parseArgs({
  options: {
    index: { type: 'string' },
    site: { type: 'string' },
    query: { type: 'string' },
    json: { type: 'boolean', default: false },
    limit: { type: 'string', default: '10' },
    glossary: { type: 'string', default: join(process.env.KHUMUE_CONTENT_DIR ? contentDir() : resolve(import.meta.dirname, '..', 'content'), 'glossary.yaml') },
  },
});

async function main(): Promise<number> {
  if (values.index) {
    const started = performance.now();
    const stats = indexSite(values.index, values.glossary);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(
      `search: ทำดัชนี ${stats.pages} หน้า ${stats.units} ส่วน ${stats.terms} คำ ใน ${seconds} วินาที (indexed ${stats.pages} pages, ${stats.units} units, ${stats.terms} terms, ${stats.shards} shards, ${(stats.bytes / 1024).toFixed(0)} KB in ${seconds}s)`,
    );
    return 0;
  }
  if (values.site && values.query !== undefined) {
    const index = await openSiteIndex(values.site);
    const { hits, terms } = await index.search(values.query, Number(values.limit));
    if (values.json) {
      const paths = await Promise.all(hits.map(async (h) => (await index.pageMeta(h.page))[0]));
      console.log(JSON.stringify(paths));
      return 0;
    }
    if (!hits.length) console.log('ไม่พบผลลัพธ์ (no results)');
    for (const [i, hit] of hits.entries()) {
      const v = await index.view(hit, terms);
      console.log(`${i + 1}. ${v.title}  ${v.href}  (${v.score.toFixed(2)})`);
      if (v.crumb.length || v.heading) console.log(`   ${[...v.crumb, v.heading].filter(Boolean).join(' › ')}`);
      console.log(`   ${v.snippet.parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('')}`);
    }
    return 0;
  }
  console.error(
    'ใช้: npm run search -- --index <โฟลเดอร์> | --site <โฟลเดอร์> --query "<คำค้น>" [--json] [--limit N]\n(usage: --index <folder of HTML>, or --site <folder> --query "<text>" [--json])',
  );
  return 2;
}

process.exitCode = await main();
