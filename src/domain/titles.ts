/** How a document's title reads in one line: its title and subtitle, joined by a space. */
export function fullTitle(d: { title?: string; subtitle?: string }): string {
  return [d.title, d.subtitle].filter(Boolean).join(' ');
}

/** A KPI's title: its code and name (`ตัวชี้วัด` first where the kind is not said around it). */
export function kpiTitle(d: { code?: string; name?: string }, withKind = false): string {
  return [withKind ? 'ตัวชี้วัด' : undefined, d.code, d.name].filter(Boolean).join(' ');
}
