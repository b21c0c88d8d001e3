/**
 * What every page does once loaded: a table box that scrolls becomes a keyboard stop and a
 * region named after its table (a box that fits stays out of the tab order); the names are made
 * unique on the page. Measured again whenever a box or its table changes size.
 */
function markScrollBoxes(): void {
  const used = new Map<string, number>();
  for (const box of document.querySelectorAll<HTMLElement>('.table-scroll')) {
    if (box.scrollWidth > box.clientWidth + 1) {
      let label = box.dataset.label || 'ตาราง';
      const caption = box.querySelector('caption')?.textContent?.replace(/\s+/g, ' ').trim();
      if (label === 'ตาราง' && caption) label = `ตาราง ${caption}`;
      const n = (used.get(label) ?? 0) + 1;
      used.set(label, n);
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', n > 1 ? `${label} (${n})` : label);
      box.tabIndex = 0;
    } else {
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
      box.removeAttribute('tabindex');
    }
  }
}
// measured when a box or its table changes size: after the fonts load, on a resize, on a rotation
let timer: number | undefined;
const again = () => {
  clearTimeout(timer);
  timer = setTimeout(markScrollBoxes, 50) as unknown as number;
};
markScrollBoxes();
const observer = new ResizeObserver(again);
for (const box of document.querySelectorAll('.table-scroll')) {
  observer.observe(box);
  if (box.firstElementChild) observer.observe(box.firstElementChild);
}
void document.fonts?.ready.then(again);
