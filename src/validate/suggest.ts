/** "Did you mean" suggestions by edit distance. */

/** Levenshtein distance between two strings (by code point). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/** The closest candidate when it is close enough to be a likely typo, else undefined. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const needle = input.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(needle, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const length = [...input].length;
  const limit = Math.max(1, Math.floor(length / 3));
  return bestDistance > 0 && bestDistance <= limit && bestDistance < length ? best : undefined;
}

/**
 * The closest Thai month abbreviation for a typo, told by its neighbours: when two are as close
 * (มี.ย. is one letter from both มี.ค. and มิ.ย.), the one the same document uses elsewhere is
 * the suggestion; when the document does not tell, both are offered (of more than two, the first).
 */
export function closestMonth(input: string, candidates: readonly string[], context: string): string | undefined {
  const one = closest(input, candidates);
  if (one === undefined) return undefined;
  const d = editDistance(input, one);
  const tied = candidates.filter((c) => editDistance(input, c) === d);
  if (tied.length < 2) return one;
  const uses = (c: string) => context.split(c).length - 1;
  const ranked = [...tied].sort((a, b) => uses(b) - uses(a));
  if (uses(ranked[0]!) > uses(ranked[1]!)) return ranked[0];
  // two as likely: both; more (ค.ค. is one letter from six months): the first, as before
  return tied.length === 2 ? tied.join('` หรือ `') : one;
}
