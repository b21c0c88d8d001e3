/**
 * Repairs the PDF-extraction damage of the seed texts the same way their conversion into
 * content/ did, and splits them into the pieces a reader sees (cells, list items, lines).
 */
import { repairThai } from '../../src/import/repair.ts';

/** Fixes the text itself: the importer's PDF repairs (sara am, mark order, foreign glyphs, entities), and the Markdown the extraction left. */
export function repairSeedText(text: string): string {
  return (
    repairThai(text)
      // Markdown left by the extraction: bold markers and escaped asterisks
      .replace(/\*\*/g, '')
      .replace(/\\\*/g, '*')
  );
}

/** Splits repaired text into the pieces that must survive: lines, table cells, HTML blocks, bullets. */
export function seedPieces(text: string): string[] {
  return repairSeedText(text)
    .replace(/<input[^>]*>/g, '\n')
    .replace(/<\/?(p|ul|ol|li|br|div|pre|table|tr|td|th)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .split(/[\n\t•▪❑●➤✓]+/)
    .map((s) => s.trim().replace(/^#+\s*/, '')) // Markdown heading markers left by the extraction
    .filter(Boolean);
}

/** How many Thai letters a piece has. */
export function thaiLength(text: string): number {
  return (text.match(/[\u0e01-\u0e5b]/g) ?? []).length;
}

/** The form both sides are compared in: no whitespace, no decorative symbols. */
export function comparable(text: string): string {
  return text.replace(/[\s\u200b•▪❑●➤✓←→↔\-–—]+/g, '');
}
