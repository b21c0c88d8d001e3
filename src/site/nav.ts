/**
 * The site's map, made once per build: every office with its units and documents, every
 * document with its office, missions, related documents, the printed volume it is in, and its
 * neighbours within the office (prev/next). Pages ask it instead of reading whole collections
 * again, so the cost stays linear in the size of the content.
 */
import { getCollection } from 'astro:content';
import { partId, partKind, resolveHandbooks } from '../domain/handbooks.ts';
import { embeddedFlowchartsOf } from '../content/rendered.ts';
import { fullTitle, kpiTitle } from '../domain/titles.ts';

export type DocKind = 'manuals' | 'flowcharts' | 'plans' | 'kpis' | 'missions';

export interface DocLink {
  kind: DocKind;
  id: string;
  title: string;
  href: string;
  office?: string;
}

export interface OfficeNode {
  id: string;
  name: string;
  shortName?: string;
  parent?: string;
  href: string;
  children: string[];
}

export interface Volume {
  id: string;
  title: string;
  pdf: string;
}

export interface SiteMap {
  offices: Map<string, OfficeNode>;
  /** an office's documents in reading order: missions, manuals, flowcharts, plans, KPIs */
  docsOf(office: string): DocLink[];
  doc(kind: DocKind, id: string): DocLink | undefined;
  /** the missions a document serves (declared, or a mission that shows its flowchart) */
  missionsOf(kind: DocKind, id: string): DocLink[];
  /** documents that belong together: the manuals of a mission, a manual's flowcharts, … */
  relatedOf(kind: DocKind, id: string): DocLink[];
  /** the printed volumes a document is part of */
  volumesOf(kind: DocKind, id: string): Volume[];
  volumesOfOffice(office: string): Volume[];
  /** the previous and next document of the same office */
  neighbours(kind: DocKind, id: string): { prev?: DocLink; next?: DocLink };
  /** an office and its parents, the outermost first */
  trail(office: string | undefined): OfficeNode[];
}

export const KIND_LABEL: Record<DocKind, string> = {
  missions: 'ภารกิจ',
  manuals: 'คู่มือและเอกสาร',
  flowcharts: 'ผังกระบวนการ',
  plans: 'แผนปฏิบัติงาน',
  kpis: 'ตัวชี้วัด',
};
const ORDER: DocKind[] = ['missions', 'manuals', 'flowcharts', 'plans', 'kpis'];
const PART_KIND = { manual: 'manuals', plan: 'plans', kpi: 'kpis', flowchart: 'flowcharts' } as const;

let cached: Promise<SiteMap> | undefined;
export function siteMap(): Promise<SiteMap> {
  cached ??= build();
  return cached;
}

async function build(): Promise<SiteMap> {
  const base = import.meta.env.BASE_URL;
  const [offices, manuals, flowcharts, plans, kpis, missions, handbooks] = await Promise.all([
    getCollection('offices'),
    getCollection('manuals'),
    getCollection('flowcharts'),
    getCollection('plans'),
    getCollection('kpis'),
    getCollection('missions'),
    getCollection('handbooks'),
  ]);
  const th = (a: DocLink, b: DocLink) => a.title.localeCompare(b.title, 'th');
  const link = (kind: DocKind, id: string, title: string, office?: string): DocLink => ({ kind, id, title, href: `${base}${kind}/${id}/`, office });
  const docs = new Map<string, DocLink>();
  const key = (kind: DocKind, id: string) => `${kind}/${id}`;
  const missionOrder = new Map(missions.map((m) => [m.id, m.data.order]));
  for (const m of missions) docs.set(key('missions', m.id), link('missions', m.id, m.data.title, m.data.office));
  for (const m of manuals) docs.set(key('manuals', m.id), link('manuals', m.id, fullTitle(m.data), m.data.office));
  for (const f of flowcharts) docs.set(key('flowcharts', f.id), link('flowcharts', f.id, f.data.title, f.data.office));
  for (const p of plans) docs.set(key('plans', p.id), link('plans', p.id, p.data.title, p.data.office));
  for (const k of kpis) docs.set(key('kpis', k.id), link('kpis', k.id, kpiTitle(k.data, true), k.data.office));

  // missions: declared on a document, or a mission page that shows a flowchart
  const missionsOf = new Map<string, Set<string>>();
  const addMission = (k: string, mission: string) => {
    if (!docs.has(key('missions', mission))) return;
    let set = missionsOf.get(k);
    if (!set) missionsOf.set(k, (set = new Set()));
    set.add(mission);
  };
  for (const m of manuals) for (const x of m.data.missions) addMission(key('manuals', m.id), x);
  for (const f of flowcharts) for (const x of f.data.missions) addMission(key('flowcharts', f.id), x);
  for (const p of plans) for (const x of p.data.missions) addMission(key('plans', p.id), x);
  for (const k of kpis) for (const x of k.data.missions) addMission(key('kpis', k.id), x);
  for (const m of missions) for (const f of m.data.flowcharts) addMission(key('flowcharts', f), m.id);

  // related: a manual's embedded flowcharts and the manuals that embed a flowchart; a mission's documents
  const related = new Map<string, Set<string>>();
  const relate = (a: string, b: string) => {
    if (a === b || !docs.has(a) || !docs.has(b)) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      let set = related.get(x);
      if (!set) related.set(x, (set = new Set()));
      set.add(y);
    }
  };
  const embedsOf = new Map(manuals.map((m) => [m.id, embeddedFlowchartsOf(m)]));
  for (const m of manuals) for (const f of embedsOf.get(m.id)!) relate(key('manuals', m.id), key('flowcharts', f));
  for (const [doc, set] of missionsOf) for (const mission of set) relate(doc, key('missions', mission));

  // volumes
  const volumes = resolveHandbooks({ manuals: manuals.map((m) => ({ ...m, embeds: embedsOf.get(m.id) })), plans, kpis, flowcharts, offices, handbooks });
  const volumesOf = new Map<string, Volume[]>();
  const officeVolumes = new Map<string, Volume[]>();
  for (const v of volumes) {
    const vol: Volume = { id: v.id, title: fullTitle(v.data), pdf: `${base}pdf/handbooks/${v.id}.pdf` };
    const list = officeVolumes.get(v.data.office) ?? [];
    list.push(vol);
    officeVolumes.set(v.data.office, list);
    for (const p of [...v.data.contents, ...v.data.appendix]) {
      const k = key(PART_KIND[partKind(p)], partId(p));
      volumesOf.set(k, [...(volumesOf.get(k) ?? []), vol]);
      // a manual's embedded flowcharts print inside it
      if ('manual' in p)
        for (const f of embedsOf.get(p.manual) ?? []) {
          const fk = key('flowcharts', f);
          if (!(volumesOf.get(fk) ?? []).includes(vol)) volumesOf.set(fk, [...(volumesOf.get(fk) ?? []), vol]);
        }
    }
  }

  const nodes = new Map<string, OfficeNode>(
    offices.map((o) => [
      o.id,
      { id: o.id, name: o.data.name, shortName: o.data.shortName, parent: o.data.parent, href: `${base}offices/${o.id}/`, children: [] },
    ]),
  );
  for (const n of [...nodes.values()].sort((a, b) => a.name.localeCompare(b.name, 'th'))) if (n.parent) nodes.get(n.parent)?.children.push(n.id);

  const byOffice = Map.groupBy([...docs.values()], (d) => d.office ?? '');
  const ordered = new Map<string, DocLink[]>();
  for (const [office, list] of byOffice) {
    ordered.set(
      office,
      ORDER.flatMap((kind) =>
        list
          .filter((d) => d.kind === kind)
          .sort(kind === 'missions' ? (a, b) => (missionOrder.get(a.id) ?? 0) - (missionOrder.get(b.id) ?? 0) || th(a, b) : th),
      ),
    );
  }
  const position = new Map<string, number>();
  for (const list of ordered.values()) list.forEach((d, i) => position.set(key(d.kind, d.id), i));

  return {
    offices: nodes,
    docsOf: (office) => ordered.get(office) ?? [],
    doc: (kind, id) => docs.get(key(kind, id)),
    missionsOf: (kind, id) => [...(missionsOf.get(key(kind, id)) ?? [])].map((m) => docs.get(key('missions', m))!),
    relatedOf: (kind, id) =>
      [...(related.get(key(kind, id)) ?? [])]
        .map((k) => docs.get(k)!)
        .filter((d) => d.kind !== 'missions')
        .sort(th),
    volumesOf: (kind, id) => volumesOf.get(key(kind, id)) ?? [],
    volumesOfOffice: (office) => officeVolumes.get(office) ?? [],
    neighbours(kind, id) {
      const d = docs.get(key(kind, id));
      const list = ordered.get(d?.office ?? '') ?? [];
      const i = position.get(key(kind, id));
      if (i === undefined) return {};
      return { prev: list[i - 1], next: list[i + 1] };
    },
    trail(office) {
      const out: OfficeNode[] = [];
      for (let id = office, guard = 0; id && guard < 12; guard++) {
        const n = nodes.get(id);
        if (!n) break;
        out.unshift(n);
        id = n.parent;
      }
      return out;
    },
  };
}
