/** Thai word segmentation with the ICU dictionary (Intl.Segmenter), the same in Node and browsers. */

let segmenter: Intl.Segmenter | undefined;

/** Splits text into words (word-like segments only; spaces and punctuation are dropped). */
export function segmentThai(text: string): string[] {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  const words: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment);
  return words;
}
