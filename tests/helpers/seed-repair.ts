/**
 * Repairs the PDF-extraction damage of the seed texts the same way their conversion into
 * content/ did, and splits them into the pieces a reader sees (cells, list items, lines).
 */

/** Fixes the text itself: sara am, mark order, foreign glyphs, HTML entities. */
export function repairSeedText(text: string): string {
  return (
    text
      .normalize('NFC')
      // a lost sara am: 'ก ากับ' → 'กำกับ', 'ส านักงาน' → 'สำนักงาน' (no Thai word starts with า)
      .replace(/([ก-ฮ][\u0e48-\u0e4b]?) \u0e32/g, '$1\u0e33')
      // a doubled tone mark before า is also a sara am: 'สม่่าเสมอ' → 'สม่ำเสมอ'
      .replace(/([ก-ฮ])([\u0e48-\u0e4b])\2\u0e32/g, '$1$2\u0e33')
      // tone mark before an upper vowel: 'เก่ียว' → 'เกี่ยว', 'พ้ืน' → 'พื้น'
      .replace(/([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e37])/g, '$2$1')
      // Kannada glyphs where the font mapped Thai ones: 'คุณวุฒಿಯ่าง' → 'คุณวุฒิอย่าง'
      .replace(/\u0cbf\u0caf/g, '\u0e34\u0e2d\u0e22')
      // Markdown left by the extraction: bold markers and escaped asterisks
      .replace(/\*\*/g, '')
      .replace(/\\\*/g, '*')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
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
