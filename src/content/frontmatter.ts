/**
 * The one rule that splits an MDX file into its YAML frontmatter and its body. The validator and
 * the site's content loader both call it, so they can never disagree about where the body starts
 * (Astro's own helper ends frontmatter at the first line that merely *starts* with `---`; a
 * validator that ended it elsewhere let a body through unchecked — issue 13).
 *
 * - The first line must be exactly `---` (trailing spaces allowed).
 * - The frontmatter ends at the first later line that starts with `---`; that line must be `---`
 *   too, or the file is refused (`bad-frontmatter-fence`) instead of guessing.
 */

export type FrontmatterSplit =
  | {
      ok: true;
      yaml: string;
      body: string;
      /** 1-based line of the file where the body starts (the line after the closing `---`). */
      bodyLine: number;
      /** The body preceded by one empty line per frontmatter line: parsed as it is, every position is the file's own. */
      padded: string;
    }
  | { ok: false; code: 'missing-frontmatter' | 'unclosed-frontmatter' | 'bad-frontmatter-fence'; line: number };

const FENCE = /^---[ \t]*$/;

/** Splits `text` (BOM already removed; `\n` or `\r\n` line ends). */
export function splitFrontmatter(text: string): FrontmatterSplit {
  const lines = text.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) return { ok: false, code: 'missing-frontmatter', line: 1 };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('---')) continue;
    if (!FENCE.test(line)) return { ok: false, code: 'bad-frontmatter-fence', line: i + 1 };
    const body = lines.slice(i + 1).join('\n');
    return { ok: true, yaml: lines.slice(1, i).join('\n'), body, bodyLine: i + 2, padded: '\n'.repeat(i + 1) + body };
  }
  return { ok: false, code: 'unclosed-frontmatter', line: 1 };
}
