/**
 * The MDX parser's messages in Thai, the original after them: authors read the Thai; the English
 * stays for whoever searches the parser's documentation. Unknown messages keep their English with
 * a Thai lead-in.
 */
const RULES: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [
    /^Expected a closing tag for `<([^>`]*)>`(?: \([\d:]+\))?(?: before the end of `([^`]+)`)?/,
    (m) => `แท็ก <${m[1]}> ไม่ได้ปิด ให้เพิ่ม </${m[1]}> หรือเขียนเป็น <${m[1]} />`,
  ],
  [/^Unexpected closing slash `\/` in tag, expected an open tag first/, () => 'พบแท็กปิดที่ไม่มีแท็กเปิดคู่กัน'],
  [/^Unexpected closing tag `<\/([^>`]*)>`, expected corresponding closing tag for `<([^>`]*)>`/, (m) => `แท็กปิด </${m[1]}> ไม่ตรงกับแท็กเปิด <${m[2]}> ที่ยังไม่ได้ปิด`],
  [/^Unexpected character `(.)` \(U\+([0-9A-F]+)\) before name/, (m) => `อักขระ ${m[1]} (U+${m[2]}) อยู่หลัง < ที่ตำแหน่งชื่อแท็ก ถ้าต้องการเครื่องหมายน้อยกว่าให้เขียน &lt;`],
  [
    /^Unexpected character `(.)` \(U\+([0-9A-F]+)\) (?:in attribute name|after attribute name|before attribute value|in name|after name)/,
    (m) => `อักขระ ${m[1]} (U+${m[2]}) ใช้ในแท็กไม่ได้ตรงนี้ ค่าของแอตทริบิวต์ต้องอยู่ในเครื่องหมายคำพูดตรง "…"`,
  ],
  [/^Unexpected end of file in expression, expected a corresponding closing brace for `\{`/, () => 'วงเล็บปีกกา { ไม่ได้ปิด ถ้าต้องการตัวอักษร { ให้เขียน \\{'],
  [/^Unexpected end of file (?:in|after|before) (?:tag|attribute|name)/, () => 'แท็กจบไม่สมบูรณ์ก่อนสิ้นแฟ้ม'],
  [/^Unexpected lazy line in (?:expression|container)/, () => 'บรรทัดต่อจากรายการหรือข้อความอ้างอิงต้องย่อหน้าให้ตรงกัน'],
  [/^Could not parse expression with acorn/, () => 'ข้อความในวงเล็บปีกกา { } ไม่ใช่รูปแบบที่อ่านได้ ถ้าต้องการตัวอักษร { ให้เขียน \\{'],
];

/** `detail` in Thai, with the parser's English kept in brackets. */
export function thaiMdxMessage(detail: string): string {
  for (const [re, thai] of RULES) {
    const m = re.exec(detail);
    if (m) return `${thai(m)} (${detail})`;
  }
  return `ตัวอ่าน MDX อ่านส่วนนี้ไม่ได้ (${detail})`;
}
