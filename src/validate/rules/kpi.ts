import { computedScore, scoreKpi, scoresDiffer, weightedScore } from '../../domain/kpi/index.ts';
import type { Kpi } from '../../content/schema/index.ts';
import { fromThaiDigits, toThaiDigits } from '../../domain/thai/index.ts';
import type { SourceFile, Path } from '../source-file.ts';

/** KPIs: usable thresholds, one result per quarter, reported scores equal computed ones (±0.0001). */
export function checkKpi(file: SourceFile, kpi: Kpi): void {
  let thresholdsOk = false;
  if (kpi.scoring === 'thresholds') {
    if (!kpi.thresholds) file.report('missing-thresholds', [], {}, { at: 'key' });
    else {
      try {
        scoreKpi({ thresholds: kpi.thresholds, value: 0 });
        thresholdsOk = true;
      } catch (error) {
        file.report('bad-thresholds', ['thresholds'], { reason: (error as Error).message });
      }
    }
  }
  checkKpiDetails(file, kpi);
  const seen = new Set<number>();
  kpi.quarters.forEach((quarter, i) => {
    const path: Path = ['quarters', i];
    if (seen.has(quarter.quarter)) file.report('duplicate-quarter', [...path, 'quarter'], { quarter: toThaiDigits(String(quarter.quarter)) });
    seen.add(quarter.quarter);
    if (!quarter.reported || quarter.value === null) return;
    const computed = kpi.scoring === 'milestone' || thresholdsOk ? computedScore(kpi, quarter.value) : undefined;
    if (computed === undefined) return;
    const { score, weighted } = quarter.reported;
    if (score !== undefined && scoresDiffer(score, computed)) {
      file.report('score-mismatch', [...path, 'reported', 'score'], {
        quarter: toThaiDigits(String(quarter.quarter)),
        reported: score,
        value: quarter.value,
        computed,
      });
    }
    if (weighted !== undefined) {
      if (kpi.weight === undefined) file.report('missing-weight', [...path, 'reported', 'weighted']);
      else {
        const w = weightedScore(score ?? computed, kpi.weight);
        const wc = weightedScore(computed, kpi.weight);
        if (scoresDiffer(weighted, w)) {
          file.report('weighted-score-mismatch', [...path, 'reported', 'weighted'], {
            quarter: toThaiDigits(String(quarter.quarter)),
            reported: weighted,
            computed: score !== undefined ? w : wc,
          });
        }
      }
    }
  });
}

/** Counts written in a detail: `จำนวน 37 หน่วย` → 37; and a stated `รวมทั้งสิ้น 826` total. */
function countsIn(detail: string | undefined): { parts: number[]; total?: number } {
  const text = fromThaiDigits(detail ?? '');
  const parts = [...text.matchAll(/จำนวน\s*([\d,]+)\s*หน่วย/g)].map((m) => Number(m[1].replace(/,/g, '')));
  const total = /รวมทั้งสิ้น\s*([\d,]+)/.exec(text)?.[1];
  return { parts, total: total === undefined ? undefined : Number(total.replace(/,/g, '')) };
}

/**
 * Quarterly details that count units must add up to the result (or to the total they state),
 * and another report of the same quarter must give the same result and the same counts.
 */
function checkKpiDetails(file: SourceFile, kpi: Kpi): void {
  const check = (q: { quarter: number; value: number | null; detail?: string }, path: Path) => {
    const { parts, total } = countsIn(q.detail);
    if (parts.length < 2) return;
    const sum = parts.reduce((a, b) => a + b, 0);
    const want = total ?? q.value;
    if (want !== null && want !== undefined && sum !== want) {
      file.report('detail-sum-mismatch', [...path, 'detail'], { quarter: toThaiDigits(String(q.quarter)), parts: parts.join(' + '), sum, value: want });
    }
  };
  kpi.quarters.forEach((q, i) => check(q, ['quarters', i]));
  kpi.otherReports.forEach((report, r) => {
    report.quarters.forEach((other, i) => {
      const path: Path = ['otherReports', r, 'quarters', i];
      check(other, path);
      const main = kpi.quarters.find((q) => q.quarter === other.quarter);
      if (!main) return;
      const quarter = toThaiDigits(String(other.quarter));
      if (main.value !== other.value) {
        file.report('report-mismatch', [...path, 'value'], {
          quarter,
          what: 'ผลการดำเนินงาน',
          title: report.title,
          other: String(other.value),
          main: String(main.value),
        });
      }
      const a = countsIn(main.detail).parts.join(', ');
      const b = countsIn(other.detail).parts.join(', ');
      if (a && b && a !== b)
        file.report('report-mismatch', [...path, 'detail'], { quarter, what: 'จำนวนหน่วยในรายละเอียด', title: report.title, other: b, main: a });
    });
  });
}
