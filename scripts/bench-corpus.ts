/**
 * `npm run bench:corpus -- --manuals N --out DIR`: a realistic, valid corpus made from the seeds
 * (tools/bench/generate.ts): N manuals across offices and missions, each with a flowchart, a KPI and a plan.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../tools/bench/generate.ts';

const { values } = parseArgs({ options: { manuals: { type: 'string', default: '100' }, out: { type: 'string' } } });
const n = Number(values.manuals);
if (!values.out || !Number.isInteger(n) || n < 1) {
  console.error('ใช้: npm run bench:corpus -- --manuals N --out โฟลเดอร์ (usage: --manuals N --out DIR)');
  process.exit(2);
}
const started = performance.now();
const made = generateCorpus(resolve(import.meta.dirname, '..', 'content'), resolve(values.out), n);
console.log(
  `bench:corpus: ${made.files} แฟ้ม — คู่มือ ${made.manuals} ผังกระบวนการ ${made.flowcharts} แผน ${made.plans} ตัวชี้วัด ${made.kpis} ภารกิจ ${made.missions} หน่วยงาน ${made.offices} (${made.files} files) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${values.out}`,
);
