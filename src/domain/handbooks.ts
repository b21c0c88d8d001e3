/**
 * The printed volumes: every handbook in content/handbooks/, and by default one per office that
 * owns documents and has no handbook of its own (its manuals, plans, KPIs, and the flowcharts its
 * manuals do not already embed). Used by the print pages and by the build's PDF list alike.
 */
import type { Handbook, HandbookPart, Office } from '../content/schema/index.ts';

interface Doc {
  id: string;
  data: { office?: string; title?: string; name?: string };
  body?: string;
  /** the flowcharts a manual's body embeds, when known (the site's entries keep parts, not the text) */
  embeds?: ReadonlySet<string>;
}
export interface HandbookSources {
  manuals: Doc[];
  plans: Doc[];
  kpis: Doc[];
  flowcharts: Doc[];
  offices: Array<{ id: string; data: Pick<Office, 'name' | 'head' | 'deputy'> }>;
  handbooks: Array<{ id: string; data: Handbook }>;
}
export interface ResolvedHandbook {
  id: string;
  data: Handbook;
  /** made by default for an office, not written in content/handbooks/ */
  generated: boolean;
}

export const partKind = (p: HandbookPart): 'manual' | 'plan' | 'kpi' | 'flowchart' =>
  'manual' in p ? 'manual' : 'plan' in p ? 'plan' : 'kpi' in p ? 'kpi' : 'flowchart';
export const partId = (p: HandbookPart): string => ('manual' in p ? p.manual : 'plan' in p ? p.plan : 'kpi' in p ? p.kpi : p.flowchart);

/** Flowchart ids a manual's body embeds (`<FlowTable id="…" />`, `<FlowChart id="…" />`). */
export function embeddedFlowcharts(body: string | undefined): Set<string> {
  return new Set([...(body ?? '').matchAll(/<Flow(?:Table|Chart)\s[^>]*\bid=["']([a-z0-9-]+)["']/g)].map((m) => m[1]!));
}

export function resolveHandbooks(src: HandbookSources): ResolvedHandbook[] {
  const out: ResolvedHandbook[] = src.handbooks.map((h) => ({ id: h.id, data: h.data, generated: false })).sort((a, b) => (a.id < b.id ? -1 : 1));
  const covered = new Set(out.map((h) => h.data.office));
  const taken = new Set(out.map((h) => h.id));
  // each collection grouped by office once, not filtered again for every office
  const byOffice = (docs: Doc[]) =>
    Map.groupBy(
      [...docs].sort((a, b) => (a.id < b.id ? -1 : 1)),
      (d) => d.data.office,
    );
  const [manualsOf, plansOf, kpisOf, flowchartsOf] = [src.manuals, src.plans, src.kpis, src.flowcharts].map(byOffice);
  for (const office of [...src.offices].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (covered.has(office.id)) continue;
    const own = (docs: Map<string | undefined, Doc[]>) => docs.get(office.id) ?? [];
    const manuals = own(manualsOf!);
    const embedded = new Set(manuals.flatMap((m) => [...(m.embeds ?? embeddedFlowcharts(m.body))]));
    const contents: HandbookPart[] = [
      ...manuals.map((m) => ({ manual: m.id })),
      ...own(plansOf!).map((p) => ({ plan: p.id })),
      ...own(kpisOf!).map((k) => ({ kpi: k.id })),
      ...own(flowchartsOf!)
        .filter((f) => !embedded.has(f.id))
        .map((f) => ({ flowchart: f.id })),
    ];
    const id = `office-${office.id}`;
    if (!contents.length || taken.has(id)) continue;
    out.push({
      id,
      generated: true,
      data: {
        title: 'คู่มือการปฏิบัติงาน',
        subtitle: office.data.name,
        office: office.id,
        preface:
          `เล่มนี้รวบรวมเอกสารของ${office.data.name} ได้แก่ คู่มือการปฏิบัติงาน แผนปฏิบัติงาน ตัวชี้วัด และผังกระบวนการ ` +
          `ที่หน่วยงานรับผิดชอบ เพื่อใช้เป็นแนวทางในการปฏิบัติงานให้เป็นมาตรฐานเดียวกัน และเป็นเอกสารอ้างอิงของผู้ปฏิบัติงาน`,
        contents,
        appendix: [],
        // its own office's signatories, never another's: the deputy reviews, the head approves
        approvals: [
          ...(office.data.deputy ? [{ role: 'ผู้ตรวจสอบ' as const, ...office.data.deputy }] : []),
          ...(office.data.head ? [{ role: 'ผู้อนุมัติ' as const, ...office.data.head }] : []),
        ],
        revisions: [],
      },
    });
  }
  return out;
}
