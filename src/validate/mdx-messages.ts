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

/** The YAML library's error codes in Thai (https://eemeli.org/yaml/#errors), the message kept after them. */
const YAML_CODES: Record<string, string> = {
  BAD_INDENT: 'การย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า ให้ย่อหน้าระดับเดียวกันด้วยช่องว่างจำนวนเท่ากัน',
  BLOCK_AS_IMPLICIT_KEY: 'บรรทัดนี้ย่อหน้าผิดระดับ จึงกลายเป็นชื่อช่องซ้อนกัน ตรวจการย่อหน้าและเครื่องหมาย : ของบรรทัดก่อนหน้า',
  MULTILINE_IMPLICIT_KEY: 'ชื่อช่อง (ก่อนเครื่องหมาย :) ต้องอยู่ในบรรทัดเดียว ถ้าข้อความยาวหลายบรรทัดให้ใส่ในเครื่องหมายคำพูด หรือใช้ |',
  MISSING_CHAR: 'ขาดเครื่องหมายปิด เช่น " ] หรือ }',
  UNEXPECTED_TOKEN: 'พบเครื่องหมายที่ไม่ควรอยู่ตรงนี้',
  BAD_DQ_ESCAPE: 'ในเครื่องหมายคำพูด " เครื่องหมาย \\ ต้องตามด้วยรหัสที่ถูกต้อง ใช้เครื่องหมายคำพูดเดี่ยว \' แทนได้',
  BAD_SCALAR_START: 'ค่านี้ขึ้นต้นด้วยเครื่องหมายที่ YAML สงวนไว้ ให้ใส่ค่าทั้งหมดในเครื่องหมายคำพูด "…"',
  UNEXPECTED_END: 'แฟ้มจบก่อนที่ข้อมูลจะครบ',
  IMPOSSIBLE: 'อ่านส่วนนี้ไม่ได้',
  KEY_OVER_1024_CHARS: 'ชื่อช่องยาวเกิน ๑๐๒๔ ตัวอักษร',
  BAD_ALIAS: 'ชื่อ alias (*…) ไม่มีในแฟ้ม',
};

export function thaiYamlMessage(code: string, detail: string): string {
  const thai = YAML_CODES[code];
  return thai ? `${thai} (${detail})` : `อ่าน YAML ส่วนนี้ไม่ได้ (${detail})`;
}
