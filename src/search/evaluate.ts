/** Retrieval metrics over judged queries: recall@10, MRR@10 and the precision of the shown top 5 (results, then related results). */
import type { SearchIndex } from './engine.ts';

export interface Judged {
  query: string;
  kind: string;
  relevant: string[];
}

export interface QueryOutcome extends Judged {
  results: string[];
  recall: number;
  reciprocalRank: number;
  precision5: number;
}

export interface Evaluation {
  queries: QueryOutcome[];
  recall10: number;
  mrr10: number;
  precision5: number;
}

/** A page path as judged: without a trailing index.html and slashes. */
export const pageKey = (path: string) => path.replace(/(^|\/)index\.html$/, '').replace(/^\/+|\/+$/g, '');

export async function evaluate(index: SearchIndex, judged: Judged[]): Promise<Evaluation> {
  const queries: QueryOutcome[] = [];
  for (const j of judged) {
    // what a reader is shown: the results, then the related ones (ผลที่ใกล้เคียง) when the results are few
    const { hits, near } = await index.search(j.query, 10);
    const results = await Promise.all([...hits, ...near].slice(0, 10).map(async (h) => pageKey((await index.pageMeta(h.page))[0])));
    const relevant = new Set(j.relevant.map(pageKey));
    const found = results.filter((r) => relevant.has(r)).length;
    const first = results.findIndex((r) => relevant.has(r));
    const shown = results.slice(0, 5);
    queries.push({
      ...j,
      results,
      recall: relevant.size ? found / relevant.size : 1,
      reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
      precision5: shown.length ? shown.filter((r) => relevant.has(r)).length / shown.length : 0,
    });
  }
  const mean = (f: (q: QueryOutcome) => number) => queries.reduce((a, q) => a + f(q), 0) / Math.max(1, queries.length);
  return { queries, recall10: mean((q) => q.recall), mrr10: mean((q) => q.reciprocalRank), precision5: mean((q) => q.precision5) };
}
