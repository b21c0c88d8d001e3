/**
 * What every page carries for search: nothing but this loader. The search UI (ui-main.ts), the
 * search code and the index load when a reader first focuses a search box, or at once on the
 * search page with a query.
 */
let loading: Promise<unknown> | undefined;
const load = () => (loading ??= import('./ui-main.ts'));
for (const input of document.querySelectorAll<HTMLInputElement>('input[type="search"]')) input.addEventListener('focus', load, { once: true });
if (document.getElementById('search-page')) void load();
