/**
 * The print list of a build: one PDF per manual and one per handbook (written or made by default
 * for an office), in a fixed order (manuals, then volumes, each by id) so that shards never
 * overlap, with document information taken from the content — never from the clock.
 */
import { fullTitle } from '../domain/titles.ts';
import type { PrintJob } from '../print/render.ts';
import { historyOf } from '../site/git-history.ts';
import { partId, resolveHandbooks } from '../domain/handbooks.ts';
import { fiscalYearRange } from '../domain/thai/index.ts';
import { APPROVAL_ORDER, type Signatory } from '../domain/signatories.ts';
import { type Entry, entriesOf } from '../validate/index.ts';

export function printJobs(entries: readonly Entry[]): PrintJob[] {
  const officeName = new Map(entriesOf(entries, 'offices').map((e) => [e.id, e.data.name]));
  const missionTitle = new Map(entriesOf(entries, 'missions').map((e) => [e.id, e.data.title]));
  const handbookFiles = new Map(entriesOf(entries, 'handbooks').map((e) => [e.id, e.file]));
  const manuals = entriesOf(entries, 'manuals');
  const handbooks = resolveHandbooks({
    manuals,
    plans: entriesOf(entries, 'plans'),
    kpis: entriesOf(entries, 'kpis'),
    flowcharts: entriesOf(entries, 'flowcharts'),
    offices: entriesOf(entries, 'offices'),
    handbooks: entriesOf(entries, 'handbooks'),
  });
  // a volume's parts by id (a part names its document by id; handbooks are not parts)
  const partsById = Map.groupBy(
    entries.filter((e) => e.collection !== 'handbooks'),
    (e) => e.id,
  );
  const manualJobs: PrintJob[] = [...manuals]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(({ id, file, data: m }) => ({
      source: `/print/${id}/`,
      output: `pdf/${id}.pdf`,
      file,
      transcribed: m.source !== undefined,
      metadata: {
        title: fullTitle(m),
        author: officeName.get(m.office) ?? m.office,
        subject: m.docType,
        keywords: [m.code, ...m.missions.map((mission) => missionTitle.get(mission) ?? mission)].filter((k): k is string => Boolean(k)),
        // dated by its content, never by the clock: effective date, else last revision, else the fiscal year
        date: m.effective ?? historyOf(file)[0]?.date ?? (m.fiscalYear ? fiscalYearRange(m.fiscalYear).start : '2000-01-01'),
        signatories: signatoriesOf(m.approvals),
      },
    }));
  const handbookJobs: PrintJob[] = handbooks.map((h) => {
    const file = handbookFiles.get(h.id);
    const history = file ? historyOf(file) : [];
    const parts = [...h.data.contents, ...h.data.appendix].flatMap((p) => partsById.get(partId(p)) ?? []);
    return {
      source: `/print/handbooks/${h.id}/`,
      output: `pdf/handbooks/${h.id}.pdf`,
      file,
      // a volume of transcribed documents keeps their layout quirks as warnings
      transcribed: parts.length > 0 && parts.every((e) => 'source' in e.data && e.data.source !== undefined),
      metadata: {
        title: fullTitle(h.data),
        author: officeName.get(h.data.office) ?? h.data.office,
        subject: 'เล่มคู่มือ',
        keywords: h.data.contents.map((p) => partId(p)),
        // dated by the content: effective date, else its last revision, else the newest date of its parts
        date:
          h.data.effective ??
          history[0]?.date ??
          (h.data.fiscalYear ? fiscalYearRange(h.data.fiscalYear).start : newestDate(h.data.contents.flatMap((p) => partsById.get(partId(p)) ?? []))),
        signatories: signatoriesOf(h.data.approvals),
      },
    };
  });
  return [...manualJobs, ...handbookJobs];
}

/** Every role of the approval page, with the name and position the content declares for it. */
function signatoriesOf(approvals: ReadonlyArray<{ role: Signatory['role']; name: string; position?: string }>): Signatory[] {
  return APPROVAL_ORDER.map((role) => {
    const a = approvals.find((x) => x.role === role);
    return { role, ...(a?.name ? { name: a.name } : {}), ...(a?.position ? { position: a.position } : {}) };
  });
}

/** The newest content date among some entries (effective dates, else their last revision). */
function newestDate(entries: readonly Entry[]): string {
  const dates = entries
    .map((e) => ('effective' in e.data ? e.data.effective : undefined) ?? historyOf(e.file)[0]?.date)
    .filter((d): d is string => Boolean(d))
    .sort();
  return dates[dates.length - 1] ?? '2000-01-01';
}
