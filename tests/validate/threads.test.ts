/**
 * Validation spread over threads (validateContentInThreads, used by `npm run validate` and the
 * build) reports exactly what validateContent reports, in the same order: for every broken
 * fixture (checked in slices in this thread), and for a generated corpus large enough for real
 * threads, through the isolated child process, with problems across files planted in it.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkSlice, validateContent, validateContentInThreads } from '../../src/validate/index.ts';
import { validateIsolated } from '../../src/validate/isolated.ts';
import { generateCorpus } from '../../tools/bench/generate.ts';
import { corpusWith, FIXTURES } from '../helpers/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const BROKEN = join(FIXTURES, 'broken');
const noHook = { before: () => undefined, crashed: new Set<string>() };

describe('in slices, the same report as in one pass', () => {
  const names = readdirSync(BROKEN).filter((n) => existsSync(join(BROKEN, n, 'content')) && !existsSync(join(BROKEN, n, 'make.json')));
  test.each(names)('%s', async (name) => {
    const corpus = corpusWith(join(BROKEN, name, 'content'));
    try {
      const once = validateContent(corpus.content, corpus.dir);
      const sliced = await validateContentInThreads(corpus.content, corpus.dir, noHook, 3, async (slice, ids) => checkSlice(slice, ids, noHook));
      expect(sliced.problems).toEqual(once.problems);
      expect(sliced.entries).toEqual(once.entries);
      expect(sliced.fileCount).toBe(once.fileCount);
    } finally {
      corpus.cleanup();
    }
  });
});

test('in real threads, through the child process: the same problems and entries', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khumue-threads-'));
  try {
    const content = join(dir, 'content');
    generateCorpus(join(root, 'content'), content, 120);
    // problems within files and across them: a missing reference, a duplicate id, a name spelt
    // two ways, a volume's part that does not exist
    appendFileSync(join(content, 'manuals', 'manual-0003.mdx'), '\n<FlowTable id="no-such-flowchart" />\n');
    cpSync(
      join(content, 'kpis', readdirSync(join(content, 'kpis'))[0]!),
      join(content, 'kpis', `${readdirSync(join(content, 'kpis'))[0]!.replace(/\.yaml$/, '')}.yml`),
    );
    const manual = join(content, 'manuals', 'manual-0010.mdx');
    writeFileSync(manual, readFileSync(manual, 'utf8').replace(/^title: .*$/m, 'title: คู่มือการปฏิบัติงาน ปีงบประมาณ ๒๕๔๐'));
    const once = validateContent(content, dir);
    expect(once.problems.length).toBeGreaterThan(2);
    const isolated = await validateIsolated(content, dir);
    expect(isolated.problems).toEqual(once.problems);
    // the entries without their bodies (the build reads only their fields)
    expect(isolated.entries).toEqual(JSON.parse(JSON.stringify(once.entries.map((e) => ({ ...e, body: '' })))));
    // the report alone, without the entries
    const report = await validateIsolated(content, dir, { entries: false });
    expect(report.problems).toEqual(once.problems);
    expect(report.entries).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);

afterAll(() => undefined);
