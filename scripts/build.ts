/**
 * `npm run build [-- --content DIR] [--out DIR] [--no-pdf] [--shard I/N] [--public]`: parses the command
 * line and runs src/build/run.ts.
 * Validates first (in a child process a parser crash cannot escape): on any content error it stops
 * before anything reads the content for the site. The site is built into a temporary folder next
 * to the output and swapped in only when everything succeeded, so a failed build always leaves
 * the previous output intact; leftovers of a build that was killed are cleaned up (or, if it was
 * killed mid-swap, the previous output put back) when the next one starts.
 *
 * The build never signs and never holds a signing secret: KHUMUE_SIGN_P12 or KHUMUE_SIGN_PASSWORD
 * in its environment stops it. The PDFs record who their content says signs each role
 * (print/pdf/metadata.ts); `npm run sign` signs them, one role at a time, as its own step.
 */
import { parseArgs } from 'node:util';
import { runBuild } from '../src/build/run.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist' },
      // the site alone, for `npm run bench:site` (PDF printing has its own benchmark)
      'no-pdf': { type: 'boolean', default: false },
      // print only every N-th document, starting with the I-th: CI machines share the printing
      shard: { type: 'string' },
      // the public edition, for the office's public web site: <Intranet> blocks left out
      public: { type: 'boolean', default: false },
    },
  });
  const shard = parseShard(values.shard);
  if (shard instanceof Error) {
    console.error(`build: ${shard.message}`);
    return 2;
  }
  return runBuild({ content: values.content, out: values.out, noPdf: values['no-pdf'], shard, public: values.public });
}

/** `--shard I/N` (1 ≤ I ≤ N): which share of the PDFs this machine prints. */
function parseShard(value: string | undefined): { index: number; of: number } | Error | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const of = Number(m?.[2]);
  if (!m || of < 1 || index < 1 || index > of) {
    return new Error(`--shard ต้องเป็น I/N โดย 1 ≤ I ≤ N เช่น --shard 2/4 แต่ได้รับ \`${value}\` (--shard takes I/N with 1 ≤ I ≤ N, e.g. --shard 2/4)`);
  }
  return { index, of };
}

process.exitCode = await main();
