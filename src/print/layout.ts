/**
 * Print layout decided in the page, where sizes are known, before the first print:
 * - a table too wide for a portrait page (8 or more columns, or wider than the text) prints on
 *   A4 landscape pages (`wide-content`, the named page `wide` of print.css);
 * - the headings that introduce a landscape figure (and a short line between them) travel with it
 *   to its landscape page instead of being stranded at the foot of a portrait one, and a few short
 *   lines between two landscape figures stay on their landscape pages;
 * - a flowchart's reference list follows its landscape chart on the portrait pages after it;
 * - a table's totals row (`<tfoot>`) prints once, after the last row: Chromium repeats a footer
 *   group at the foot of every page the table spans;
 * - a short line right before a table or figure (its title typed as a paragraph) stays with it;
 * - a short table (up to 12 rows, well under a page) is never split across pages, and a long one never leaves its
 *   last two rows or its totals alone on a page; a short closing note after the last landscape figure of
 *   a part stays on its landscape page.
 */
import type { Page } from 'puppeteer-core';

/**
 * Columns from which a data table prints landscape whatever its measured width: Chromium squeezes
 * an 8-column table into the portrait text width, four or five Thai characters a line.
 */
export const WIDE_TABLE_COLUMNS = 8;

export async function preparePrintLayout(page: Page): Promise<void> {
  await page.evaluate((wideColumns: number) => {
    const columns = (t: HTMLTableElement) => Math.max(0, ...[...t.rows].map((r) => [...r.cells].reduce((n, c) => n + (c.colSpan || 1), 0)));
    for (const table of document.querySelectorAll<HTMLTableElement>('.chapter table')) {
      const figure = table.closest<HTMLElement>('figure');
      const box = figure ?? table.closest<HTMLElement>('.table-scroll') ?? table;
      if (!table.closest('.wide-content, .cover, .toc')) {
        const room = (box.parentElement ?? document.body).clientWidth;
        if (columns(table) >= wideColumns || table.scrollWidth > room + 2) box.classList.add('wide-content');
      }
      // a short table is never split (kept whole only when well under a page: a taller one would
      // leave a page empty and split anyway); a long one never leaves its last rows alone
      const body = [...table.tBodies].flatMap((b) => [...b.rows]);
      if (body.length <= 12 && table.getBoundingClientRect().height < 560) (figure ?? table).classList.add('keep-whole');
      else for (const row of body.slice(-2)) row.classList.add('keep-with-previous');
    }
    for (const foot of document.querySelectorAll<HTMLTableSectionElement>('.chapter tfoot')) {
      for (const row of foot.rows) row.classList.add('keep-with-previous');
      const body = document.createElement('tbody');
      body.className = 'totals';
      body.append(...foot.rows);
      foot.replaceWith(body);
    }
    // a flowchart's reference list reads on (portrait) after its chart, never alone on a landscape page
    for (const refs of document.querySelectorAll<HTMLElement>('.wide-content .fc-refs')) refs.closest('.wide-content')!.after(refs);
    const isHeading = (e: Element | null) => !!e && /^H[1-6]$/.test(e.tagName);
    const isShort = (e: Element) => !e.querySelector('table, figure, img, svg') && (e.textContent ?? '').trim().length <= 240;
    // a short line right before a table or figure (its title, typed as a paragraph) stays with it
    for (const e of document.querySelectorAll<HTMLElement>('.chapter p, .chapter ul.meta'))
      if (isShort(e) && (e.textContent ?? '').trim().length <= 160 && e.nextElementSibling?.matches('figure, table, .table-scroll'))
        e.classList.add('keep-with-next');
    for (const wide of document.querySelectorAll<HTMLElement>('.wide-content')) {
      // a few short lines between two landscape figures (a table's note, the next one's title)
      // stay on the landscape pages instead of making a near-empty portrait page between them
      const between: Element[] = [];
      let chars = 0;
      for (let e = wide.previousElementSibling; e && !e.classList.contains('wide-content') && isShort(e); e = e.previousElementSibling) {
        between.push(e);
        chars += (e.textContent ?? '').trim().length;
        if (e.previousElementSibling?.classList.contains('wide-content') && chars <= 480) for (const b of between) b.classList.add('wide-content');
      }
      // so do a few short lines after the last landscape figure of a part (a closing note)
      const after: Element[] = [];
      for (let e = wide.nextElementSibling; e && isShort(e) && !e.classList.contains('wide-content'); e = e.nextElementSibling) after.push(e);
      if (after.length && !after[after.length - 1]!.nextElementSibling && after.reduce((n, e) => n + (e.textContent ?? '').trim().length, 0) <= 480)
        for (const e of after) e.classList.add('wide-content');
      let prev = wide.previousElementSibling;
      if (prev?.classList.contains('wide-content')) continue;
      const carried: Element[] = [];
      // one short introducing line between the heading and the figure travels too
      if (prev && !isHeading(prev) && isHeading(prev.previousElementSibling) && isShort(prev)) {
        carried.push(prev);
        prev = prev.previousElementSibling;
      }
      while (isHeading(prev)) {
        carried.push(prev!);
        prev = prev!.previousElementSibling;
      }
      // a document's opening (its title and an introducing line) stays portrait and the figure moves
      // on; a title with nothing but headings before the figure goes with it (a part that is a chart)
      if (carried.some((e) => e.tagName === 'H1') && carried.some((e) => !isHeading(e))) continue;
      for (const e of carried) e.classList.add('wide-content');
    }
  }, WIDE_TABLE_COLUMNS);
}
