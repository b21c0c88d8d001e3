/**
 * The search box in the header (results as you type, in a listbox) and the search page, loaded by
 * ui.ts on first use; the index's files are fetched as queries need them. Keyboard: ↓/↑ move through the results,
 * Enter opens the chosen one (or the search page), Esc closes the list. Results are built as DOM
 * nodes with textContent, never as HTML.
 */
import { toThaiDigits } from '../domain/thai/digits.ts';
import type { ResultView, SearchIndex } from './engine.ts';

const BASE = (document.documentElement.dataset.base ?? '/').replace(/\/?$/, '/');
let opening: Promise<SearchIndex> | undefined;

/** The search code and the index's manifest, both loaded on first use (pages carry only this file). */
function openIndex(): Promise<SearchIndex> {
  opening ??= import('./engine.ts').then(({ SearchIndex }) =>
    SearchIndex.open(async (file) => {
      const response = await fetch(`${BASE}search-index/${file}`);
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      return response.text();
    }),
  );
  return opening;
}

const href = (view: ResultView) => `${BASE}${view.href.replace(/^\//, '')}`;

/** The results of a query, and its related results (ผลที่ใกล้เคียง) when the results are few. */
async function run(query: string, limit: number): Promise<{ found: ResultView[]; near: ResultView[] }> {
  const index = await openIndex();
  const { hits, near, terms, phrases } = await index.search(query, limit);
  const [found, close] = await Promise.all([
    Promise.all(hits.map((h) => index.view(h, terms, phrases))),
    Promise.all(near.map((h) => index.view(h, terms, phrases))),
  ]);
  return { found, near: close };
}

/** Text with its marked parts in <mark>, as DOM nodes (never HTML). */
function marked(into: HTMLElement, parts: ReadonlyArray<{ text: string; hit: boolean }>): void {
  for (const part of parts) {
    if (part.hit) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      into.append(mark);
    } else into.append(part.text);
  }
}

function renderResult(view: ResultView, into: HTMLElement, withLink: boolean): void {
  const title = document.createElement(withLink ? 'a' : 'span');
  title.className = 'result-title';
  marked(title, view.titleParts);
  if (view.heading) title.append(` — ${view.heading}`);
  if (title instanceof HTMLAnchorElement) title.href = href(view);
  into.append(title);
  if (view.crumb.length) {
    const crumb = document.createElement('span');
    crumb.className = 'result-crumb';
    crumb.textContent = view.crumb.join(' › ');
    into.append(crumb);
  }
  const snippet = document.createElement('span');
  snippet.className = 'result-snippet';
  marked(snippet, view.snippet.parts);
  into.append(snippet);
}

/** The header box: a combobox with a listbox of results. */
function setUpBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[aria-live]')!;
  let views: ResultView[] = [];
  let active = -1;
  let sequence = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    const options = [...list.querySelectorAll<HTMLElement>('[role="option"]')];
    options.forEach((o, k) => o.setAttribute('aria-selected', String(k === i)));
    active = i;
    if (i >= 0 && options[i]) {
      input.setAttribute('aria-activedescendant', options[i]!.id);
      options[i]!.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const update = async () => {
    const query = input.value;
    const mine = ++sequence;
    if (!query.trim()) {
      views = [];
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    const { found, near } = await run(query, 8);
    if (mine !== sequence) return; // a newer query is running
    views = [...found, ...near];
    const option = (view: ResultView, i: number) => {
      const li = document.createElement('li');
      li.id = `${list.id}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      renderResult(view, li, false);
      li.addEventListener('mousedown', (e) => e.preventDefault());
      li.addEventListener('click', () => location.assign(href(view)));
      return li;
    };
    const items: HTMLElement[] = found.map(option);
    if (near.length) {
      // related results in a group of their own, after the results
      const group = document.createElement('li');
      group.setAttribute('role', 'group');
      group.className = 'near';
      const label = document.createElement('span');
      label.id = `${list.id}-near`;
      label.className = 'near-label';
      label.textContent = 'ผลที่ใกล้เคียง';
      group.setAttribute('aria-labelledby', label.id);
      const inner = document.createElement('ul');
      inner.setAttribute('role', 'presentation');
      inner.append(...near.map((v, k) => option(v, found.length + k)));
      group.append(label, inner);
      items.push(group);
    }
    list.replaceChildren(...items);
    const total = found.length + near.length;
    status.textContent = total
      ? `พบ ${toThaiDigits(String(found.length))} รายการ${near.length ? ` และผลที่ใกล้เคียง ${toThaiDigits(String(near.length))} รายการ` : ''} ใช้ลูกศรขึ้นลงเพื่อเลือก`
      : 'ไม่พบผลลัพธ์';
    list.hidden = total === 0;
    input.setAttribute('aria-expanded', String(total > 0));
    active = -1;
    input.removeAttribute('aria-activedescendant');
  };

  void openIndex().catch(() => {});
  input.addEventListener('input', () => void update());
  // typed while this code was loading
  if (input.value && document.activeElement === input) void update();
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && views.length) {
      e.preventDefault();
      if (list.hidden) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      setActive((active + 1) % views.length);
    } else if (e.key === 'ArrowUp' && views.length) {
      e.preventDefault();
      setActive(active <= 0 ? views.length - 1 : active - 1);
    } else if (e.key === 'Enter' && active >= 0 && views[active]) {
      e.preventDefault();
      location.assign(href(views[active]!));
    } else if (e.key === 'Escape') {
      // the first Esc closes the list and keeps what was typed (a search box would clear it); the next clears it.
      // A search still running for an earlier keystroke must not open the list again: it is dropped.
      sequence++;
      if (!list.hidden) {
        e.preventDefault();
        close();
      } else input.value = '';
    }
  });
  // `/` (outside a text field) and Ctrl+K / ⌘K go to the search box, as on the docs sites readers know
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if ((e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k')) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });
  input.addEventListener('blur', () => close());
}

/** The search page: all results for ?q=, updated as the query changes. */
function setUpPage(page: HTMLElement): void {
  const input = page.querySelector<HTMLInputElement>('input[type="search"]')!;
  const list = page.querySelector<HTMLOListElement>('ol.results')!;
  const nearSection = page.querySelector<HTMLElement>('.near-results')!;
  const nearList = nearSection.querySelector<HTMLOListElement>('ol')!;
  const status = page.querySelector<HTMLElement>('[aria-live]')!;
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  let sequence = 0;
  const update = async () => {
    const mine = ++sequence;
    const query = input.value;
    if (!query.trim()) {
      list.replaceChildren();
      nearSection.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = 'กำลังค้นหา…';
    const { found, near } = await run(query, 30);
    if (mine !== sequence) return;
    const item = (view: ResultView) => {
      const li = document.createElement('li');
      renderResult(view, li, true);
      return li;
    };
    list.replaceChildren(...found.map(item));
    nearList.replaceChildren(...near.map(item));
    nearSection.hidden = near.length === 0;
    status.textContent = found.length
      ? `พบ ${toThaiDigits(String(found.length))} รายการสำหรับ “${query.trim()}”${near.length ? ` และผลที่ใกล้เคียง ${toThaiDigits(String(near.length))} รายการ` : ''}`
      : near.length
        ? `ไม่พบผลลัพธ์ที่ตรงกับ “${query.trim()}” มีผลที่ใกล้เคียง ${toThaiDigits(String(near.length))} รายการ`
        : `ไม่พบผลลัพธ์สำหรับ “${query.trim()}”`;
    const url = new URL(location.href);
    url.searchParams.set('q', query);
    history.replaceState(null, '', url);
  };
  input.addEventListener('input', () => void update());
  page.querySelector('form')?.addEventListener('submit', (e) => {
    e.preventDefault();
    void update();
  });
  if (input.value) void update();
}

// for benchmarks and tests: the same search the boxes run, without the DOM
(globalThis as { khumueSearch?: typeof run }).khumueSearch = run;

for (const form of document.querySelectorAll<HTMLFormElement>('form.site-search')) setUpBox(form);
const page = document.getElementById('search-page');
if (page) setUpPage(page);
