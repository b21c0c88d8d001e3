/**
 * `npm run validate [-- --content DIR] [--format text|json|github]`
 * Checks every content file and prints every problem; exit 1 on errors, 0 with warnings only.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblems, type ReportFormat } from '../src/validate/index.ts';
import { validateIsolated } from '../src/validate/isolated.ts';

const FORMATS = ['text', 'json', 'github'];

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { content: { type: 'string', default: 'content' }, format: { type: 'string', default: 'text' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    console.error(`validate: ${(error as Error).message}. Usage: npm run validate -- [--content DIR] [--format text|json|github]`);
    return 2;
  }
  if (values.help) {
    console.log('Usage: npm run validate -- [--content DIR] [--format text|json|github]');
    return 0;
  }
  if (!FORMATS.includes(values.format)) {
    console.error(`validate: unknown format "${values.format}"; use one of ${FORMATS.join(', ')}.`);
    return 2;
  }
  const result = await validateIsolated(resolve(values.content));
  console.log(formatProblems(result.problems, values.format as ReportFormat));
  return result.errorCount ? 1 : 0;
}

process.exitCode = await main();
