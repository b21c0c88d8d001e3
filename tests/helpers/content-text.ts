/** Thai text an entry says: every string in its frontmatter and every line of its body. */
import { parse } from 'yaml';

/** Strings of the frontmatter (except the transcription notes) and lines of the body. */
export function entryTexts(file: string, text: string): string[] {
  const out: string[] = [];
  let yamlText = text;
  let body = '';
  if (file.endsWith('.mdx')) {
    const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
    if (!m) return out;
    yamlText = m[1];
    body = m[2];
  }
  const walk = (v: unknown, key?: string): void => {
    if (key === 'source') return; // the transcriber's notes, not the document
    if (typeof v === 'string') out.push(...v.split('\n'));
    else if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(parse(yamlText));
  for (const l of body.split('\n')) {
    if (/^<Note type="source"/.test(l)) continue; // the transcriber's notes
    // MDX escapes (`\{`, `\*`, `&lt;`) stand for the characters themselves
    const unescaped = l
      .replace(/\\([\\{}*_|[\]])/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&amp;/g, '&');
    out.push(
      unescaped
        .replace(/<[^>]+>/g, ' ')
        .replace(/^[#>\s-]+/, '')
        .replace(/\\$/, '')
        .replace(/^\|/, '')
        .replace(/\|/g, '\n'),
    );
  }
  return out.flatMap((l) => l.split('\n'));
}
