/**
 * The damage text extraction does to Thai PDFs, repaired: a lost sara am ('ส านัก' → 'สำนัก',
 * 'ก ากับ' → 'กำกับ'), a doubled tone mark before า ('สม่่าเสมอ'), tone marks before upper vowels
 * ('เก่ียว' → 'เกี่ยว'), foreign glyphs a font mapped Thai ones to, entities and Markdown left over.
 * The seeds were converted with these same rules (tests/helpers/seed-repair.ts uses this).
 */
export function repairThai(text: string): string {
  return (
    text
      .normalize('NFC')
      // a lost sara am: no Thai word starts with า
      .replace(/([ก-ฮ][\u0e48-\u0e4b]?) \u0e32/g, '$1\u0e33')
      .replace(/([ก-ฮ])([\u0e48-\u0e4b])\2\u0e32/g, '$1$2\u0e33')
      // a tone mark before an upper vowel
      .replace(/([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e37])/g, '$2$1')
      // Kannada glyphs where the font mapped Thai ones: 'คุณวุฒಿಯ่าง' → 'คุณวุฒิอย่าง'
      .replace(/\u0cbf\u0caf/g, '\u0e34\u0e2d\u0e22')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
  );
}
