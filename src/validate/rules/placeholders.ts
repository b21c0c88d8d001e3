/** Template text left to replace (`npm run new` writes «…» for the author). */
import type { SourceFile } from '../source-file.ts';

/** Template text left in a file (`npm run new` writes «…» for the author to replace). */
export function checkPlaceholders(source: SourceFile, text: string): void {
  if (!text.includes('«')) return;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const hash = line.indexOf('#');
    for (const m of line.matchAll(/«[^»]*»/g)) {
      if (hash >= 0 && hash < m.index && /^\s*#|\s#/.test(line.slice(0, m.index))) continue; // in a YAML comment
      source.push('placeholder-left', { line: i + 1, column: m.index + 1 }, '', { text: m[0] });
    }
  });
}
