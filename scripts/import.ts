/**
 * `npm run import -- FILE.docx|FILE.pdf [--office ID] [--id ID] [--content DIR]`: an existing
 * Word or PDF operation manual into content: a manual entry, a flowchart entry per flowchart
 * table, data tables with checked totals, images; never over an existing file; validated at once,
 * with a Thai report of what was mapped, guessed, and needs a person (src/import/).
 */
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { contentDir } from '../src/content/content-dir.ts';
import { runImport } from '../src/import/run.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { office: { type: 'string' }, id: { type: 'string' }, content: { type: 'string', default: contentDir() }, public: { type: 'string' } },
});
if (positionals.length !== 1) {
  console.error('ใช้: npm run import -- แฟ้ม.docx|แฟ้ม.pdf [--office รหัส] [--id รหัส] (usage: npm run import -- FILE [--office ID] [--id ID])');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const r = runImport({ file: positionals[0]!, content: values.content, office: values.office, id: values.id, publicDir: values.public ?? join(root, 'public') });
console.log(r.out.join('\n'));
process.exitCode = r.code;
