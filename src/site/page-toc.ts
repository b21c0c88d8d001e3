/**
 * The contents of a page, made from its finished HTML (src/middleware.ts), so that headings from
 * content, components (strategy tables, work-plan sections, KPI cards) and layouts all count:
 * - every h2–h4 in <main> gets an id (kept when it has one) and an anchor link, "#", to itself,
 *   named by the heading;
 * - the layout's placeholder `<nav … data-toc></nav>` (layouts/Doc.astro) gets a list of the h2 and
 *   h3 after it; with fewer than two, its `<details class="page-toc">` is removed.
 */

const stripTags = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export function fillPageToc(html: string): string {
  const mainAt = html.indexOf('<main');
  const mainEnd = html.lastIndexOf('</main>');
  if (mainAt < 0 || mainEnd < 0) return html;
  let main = html.slice(mainAt, mainEnd);
  const used = new Set([...main.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  const entries: Array<{ level: number; id: string; text: string }> = [];
  const tocAt = main.indexOf('data-toc');
  let n = 0;
  main = main.replace(/<h([2-4])(\s[^>]*)?>([\s\S]*?)<\/h\1>/g, (whole, level: string, attrs: string | undefined, inner: string, offset: number) => {
    const text = stripTags(inner);
    if (!text) return whole;
    let a = attrs ?? '';
    let id = /\sid="([^"]+)"/.exec(a)?.[1];
    if (!id) {
      do id = `h-${++n}`;
      while (used.has(id));
      used.add(id);
      a = `${a} id="${id}"`;
    }
    if (tocAt >= 0 && offset > tocAt && Number(level) <= 3) entries.push({ level: Number(level), id, text });
    // the link is named by its heading (aria-labelledby): no second copy of the heading's text
    return `<h${level}${a}>${inner}<a class="ha" href="#${id}" aria-labelledby="${id}">#</a></h${level}>`;
  });
  if (tocAt >= 0) {
    if (entries.length < 2) main = main.replace(/<details class="page-toc"[\s\S]*?<\/details>/, '');
    else {
      const list = `<ul>${entries.map((e) => `<li class="toc-${e.level}"><a href="#${e.id}">${e.text}</a></li>`).join('')}</ul>`;
      main = main.replace(/(<nav [^>]*data-toc[^>]*>)(<\/nav>)/, `$1${list}$2`);
    }
  }
  return html.slice(0, mainAt) + main + html.slice(mainEnd);
}

/**
 * A header cell with nothing in it says nothing to a screen reader (axe empty-table-header): the
 * transcribed sources leave corner and spacer cells of their tables empty. It becomes a plain cell.
 */
export function emptyHeaderCells(html: string): string {
  return html.replace(/<th\b([^>]*)>(\s*)<\/th>/g, (_, attrs: string) => `<td${attrs.replace(/\s*scope="[^"]*"/, '')}></td>`);
}
