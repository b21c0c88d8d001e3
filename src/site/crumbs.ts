/** Breadcrumbs: home › office (and its parents) › this page. */
import { getEntry } from 'astro:content';

export async function crumbsFor(office: string | undefined, title: string): Promise<Array<[string, string?]>> {
  const base = import.meta.env.BASE_URL;
  const trail: Array<[string, string?]> = [];
  for (let id = office, guard = 0; id && guard < 8; guard++) {
    const o = await getEntry('offices', id);
    if (!o) break;
    trail.unshift([o.data.shortName ?? o.data.name, `${base}offices/${o.id}/`]);
    id = o.data.parent;
  }
  return [['หน้าแรก', base], ...trail, [title]];
}
