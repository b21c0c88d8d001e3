/**
 * `npm run assemble -- [--out dist] [--content content] SHARD_DIR…`: one output from the builds of
 * `npm run build -- --shard I/N` (src/build/assemble.ts). The content workflow runs it after its
 * matrix of shards; the GitLab equivalent is in docs/review.mdx.
 */
import { parseArgs } from 'node:util';
import { contentDir } from '../src/content/content-dir.ts';
import { assemble } from '../src/build/assemble.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'dist' }, content: { type: 'string', default: contentDir() } },
});
const r = assemble(positionals, values.out, values.content);
for (const line of r.lines) (r.code ? console.error : console.log)(line);
process.exitCode = r.code;
