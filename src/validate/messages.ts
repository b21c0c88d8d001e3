/**
 * The error catalog: every code the validator can report, with its Thai message and English
 * gloss. Codes are stable ids (never renamed); tests pin the exact text of each message.
 */

type Params = Record<string, string | number>;
/** The parameters a message takes, by name: a misspelled or missing one is a type error where it is reported. */
type P<K extends string> = Record<K, string | number>;
interface Entry {
  /**
   * Consistency problems that a transcribed source may contain are warnings there, errors elsewhere;
   * style advice is for new content and is not given on a transcribed source, whose wording is kept.
   */
  kind: 'error' | 'warning' | 'consistency' | 'style';
  // biome-ignore lint/suspicious/noExplicitAny: each entry declares its own parameters (P<…>); the catalog holds them all
  text: (p: any) => string;
}

const q = (v: unknown) => `\`${String(v)}\``;

export const MESSAGES = {
  // files and folders
  'unknown-collection': {
    kind: 'error',
    text: (p: P<'folder' | 'known'>) => `โฟลเดอร์ ${q(p.folder)} ไม่ใช่ชุดเนื้อหาที่รู้จัก (unknown content folder; expected one of ${p.known})`,
  },
  'file-outside-collection': {
    kind: 'error',
    text: () => 'แฟ้มเนื้อหาต้องอยู่ในโฟลเดอร์ของชุดเนื้อหา เช่น content/manuals/ (content files belong in a collection folder)',
  },
  'wrong-format': {
    kind: 'error',
    text: (p: P<'expected' | 'folder' | 'received'>) => `แฟ้มใน ${q(p.folder)} ต้องเป็น ${q(p.expected)} แต่พบ ${q(p.received)} (wrong file type for this folder)`,
  },
  'wrong-folder': {
    kind: 'error',
    text: (p: P<'expected' | 'folder'>) =>
      `แฟ้มนี้เป็นเนื้อหาประเภท ${q(p.expected)} แต่อยู่ในโฟลเดอร์ ${q(p.folder)} ให้ย้ายไปที่ content/${p.expected}/ (file is in the wrong folder)`,
  },
  'bad-file-name': {
    kind: 'error',
    text: (p: P<'name'>) =>
      `ชื่อแฟ้ม ${q(p.name)} ต้องเป็นตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด ยาวไม่เกิน ๑๐๐ ตัว และไม่ใช่ชื่อที่ Windows สงวนไว้ เช่น con nul aux (file names are ASCII kebab-case, at most 100 characters, not a reserved device name)`,
  },
  'duplicate-id': { kind: 'error', text: (p: P<'id' | 'other'>) => `รหัส ${q(p.id)} ซ้ำกับแฟ้ม ${q(p.other)} (duplicate id)` },
  'invalid-utf8': { kind: 'error', text: () => 'แฟ้มไม่ได้เข้ารหัส UTF-8 (the file is not valid UTF-8; save it as UTF-8)' },
  'empty-file': { kind: 'error', text: () => 'แฟ้มว่างเปล่า (the file is empty)' },
  'missing-frontmatter': { kind: 'error', text: () => 'แฟ้ม MDX ต้องขึ้นต้นด้วยส่วนหัว `---` (frontmatter missing: the first line must be `---`)' },
  'bad-frontmatter-fence': {
    kind: 'error',
    text: () =>
      'บรรทัดที่ปิดส่วนหัวต้องเป็น `---` เท่านั้น บรรทัดนี้ขึ้นต้นด้วย `---` แล้วมีอย่างอื่นต่อ ให้ขึ้นบรรทัดใหม่หลัง `---` (the line that closes the frontmatter must be exactly `---`; this one starts with `---` and goes on)',
  },
  symlink: {
    kind: 'error',
    text: () => 'แฟ้มนี้เป็นลิงก์สัญลักษณ์ (symbolic link) ซึ่งระบบไม่อ่านตาม ให้ใส่แฟ้มจริงแทน (content files must be regular files; symbolic links are not followed)',
  },
  'file-too-large': {
    kind: 'error',
    text: (p: P<'max' | 'size'>) => `แฟ้มมีขนาด ${p.size} ไบต์ เกินขนาดสูงสุด ${p.max} ไบต์ ให้แบ่งเป็นหลายแฟ้ม (file too large: at most ${p.max} bytes)`,
  },
  'too-deep': {
    kind: 'error',
    text: (p: P<'english' | 'limit' | 'what'>) =>
      `${p.what}ซ้อนกันลึกเกิน ${p.limit} ชั้น ระบบจึงไม่อ่านแฟ้มนี้ ให้ลดการซ้อน (nesting deeper than ${p.limit} levels: ${p.english})`,
  },
  'too-many-tags': {
    kind: 'error',
    text: (p: P<'limit'>) => `แฟ้มนี้มีแท็กเกิน ${p.limit} แท็ก ระบบจึงไม่อ่านต่อ ให้แบ่งเป็นหลายแฟ้ม (more than ${p.limit} tags in one file: split it)`,
  },
  'line-too-long': { kind: 'error', text: (p: P<'limit'>) => `บรรทัดยาวเกิน ${p.limit} ตัวอักษร ให้ขึ้นบรรทัดใหม่ (line longer than ${p.limit} characters)` },
  'parser-crash': {
    kind: 'error',
    text: () =>
      'ตัวอ่าน MDX หยุดทำงานกับแฟ้มนี้ จึงไม่นำแฟ้มนี้ไปสร้างเว็บไซต์ ให้ลดการซ้อนของแท็กและวงเล็บ (the MDX parser crashed on this file; it is not built — reduce the nesting of tags and brackets)',
  },
  'unclosed-frontmatter': { kind: 'error', text: () => 'ส่วนหัวไม่มีบรรทัด `---` ปิดท้าย (frontmatter is not closed by a `---` line)' },
  // YAML
  'yaml-syntax': { kind: 'error', text: (p: P<'detail'>) => `YAML ผิดรูปแบบ: ${p.detail}` },
  'yaml-aliases': {
    kind: 'error',
    text: (p: P<'max'>) =>
      `ใช้ alias ของ YAML (\`*ชื่อ\`) เกิน ${p.max} ครั้ง ระบบจึงไม่อ่านแฟ้มนี้ ให้เขียนค่าซ้ำตรง ๆ (more than ${p.max} YAML aliases: refused as resource exhaustion)`,
  },
  'yaml-tab-indent': {
    kind: 'error',
    text: () =>
      'ห้ามใช้แท็บ (U+0009 CHARACTER TABULATION) ในการย่อหน้า YAML ให้ใช้ช่องว่าง หรือสั่ง npm run validate -- --fix (tabs are not allowed as YAML indentation; use spaces, or run npm run validate -- --fix)',
  },
  // a manual's structure (validate/rules/structure.ts)
  'body-h1': {
    kind: 'consistency',
    text: () =>
      "หัวข้อระดับ # เป็นหัวข้อที่สองระดับเดียวกับชื่อเอกสาร (หน้าเว็บและ PDF ใช้ชื่อเอกสารเป็นหัวข้อใหญ่อยู่แล้ว) ให้ใช้ ## สำหรับหัวข้อหลักในเนื้อหา (a # heading is a second title: the document title is the page heading; use ## for the body's main sections)",
  },
  'heading-skip': {
    kind: 'consistency',
    text: (p: P<'level' | 'previous'>) =>
      `หัวข้อระดับ ${p.level} ต่อจากหัวข้อระดับ ${p.previous} ข้ามระดับ ผู้อ่านและสารบัญจะเห็นโครงเรื่องขาดหาย ให้ใช้ระดับถัดไปทีละขั้น (a heading level is skipped, e.g. ## then ####)`,
  },
  'duplicate-table-id': {
    kind: 'error',
    text: (p: P<'id' | 'first'>) =>
      `รหัสตาราง ${q(p.id)} ซ้ำกับตารางที่ ${p.first} ในแฟ้มเดียวกัน จะแสดงได้เพียงตารางแรก ให้ตั้งรหัสใหม่ (a table id repeats in one file: only the first would render)`,
  },
  'table-number-skipped': {
    kind: 'consistency',
    text: (p: P<'received' | 'expected'>) => `ลำดับที่ ${q(p.received)} ในตารางไม่ต่อเนื่อง ลำดับที่ควรเป็นคือ ${q(p.expected)} (a table's row number skips or repeats)`,
  },
  'effective-outside-fiscal-year': {
    kind: 'consistency',
    text: (p: P<'date' | 'year'>) => `วันที่มีผลบังคับใช้ ${q(p.date)} อยู่นอกปีงบประมาณ ${p.year} ของเอกสาร (the effective date is outside the document's fiscal year)`,
  },
  // personal data (PDPA; validate/rules/personal-data.ts)
  'personal-phone': {
    kind: 'warning',
    text: (p: P<'text'>) =>
      `หมายเลขโทรศัพท์มือถือ ${q(p.text)} เป็นข้อมูลส่วนบุคคล ให้ใช้หมายเลขของหน่วยงาน หรือใส่ไว้ใน <Intranet>…</Intranet> เพื่อไม่ให้อยู่ในฉบับเผยแพร่สาธารณะ (a mobile number is personal data: use the office's number, or put it inside <Intranet> so the public edition leaves it out)`,
  },
  'personal-id': {
    kind: 'warning',
    text: (p: P<'text'>) =>
      `เลขประจำตัวประชาชน ${q(p.text)} เป็นข้อมูลส่วนบุคคล ไม่ควรอยู่ในคู่มือ ให้ลบออก หรือใส่ไว้ใน <Intranet>…</Intranet> (a national ID number is personal data: remove it, or put it inside <Intranet>)`,
  },
  'personal-email': {
    kind: 'warning',
    text: (p: P<'text'>) =>
      `อีเมลส่วนตัว ${q(p.text)} เป็นข้อมูลส่วนบุคคล ให้ใช้อีเมลของหน่วยงาน หรือใส่ไว้ใน <Intranet>…</Intranet> (a personal e-mail address: use the office's address, or put it inside <Intranet>)`,
  },
  'personal-name': {
    kind: 'style',
    text: (p: P<'text'>) =>
      `ชื่อบุคคล ${q(p.text)} ในเนื้อหา เป็นข้อมูลส่วนบุคคล ให้ระบุตำแหน่งแทนชื่อ หรือระบุชื่อในช่อง approvals/owner หรือใส่ไว้ใน <Intranet>…</Intranet> (a person's name in the text: name the position instead, or use the approvals/owner fields, or put it inside <Intranet>)`,
  },
  // text pasted from a word processor (validate/pasted.ts)
  'pasted-quote': {
    kind: 'error',
    text: (p: P<'code' | 'name'>) =>
      `เครื่องหมายคำพูดแบบโค้ง ${p.code} ${p.name} ในค่าของแอตทริบิวต์ (มักมาจากการคัดลอกจาก Word) ให้ใช้เครื่องหมายคำพูดตรง " แทน หรือสั่ง npm run validate -- --fix (a curly quote around an attribute value, usually pasted from a word processor: use a straight " instead, or run npm run validate -- --fix)`,
  },
  'pasted-space': {
    kind: 'error',
    text: (p: P<'code' | 'name'>) =>
      `ช่องว่างพิเศษ ${p.code} ${p.name} ในการย่อหน้าหรือรอบเครื่องหมาย : หรือ - ของ YAML (มักมาจากการคัดลอกจาก Word) ให้ใช้ช่องว่างธรรมดา หรือสั่ง npm run validate -- --fix (a special space in YAML indentation or next to a key's colon or a list dash: use an ordinary space, or run npm run validate -- --fix)`,
  },
  'pasted-invisible': {
    kind: 'consistency',
    text: (p: P<'code' | 'name'>) =>
      `อักขระที่มองไม่เห็น ${p.code} ${p.name} ทำให้ข้อความที่ดูเหมือนกันไม่เท่ากัน เช่น รหัสอ้างอิง ให้ลบออก หรือสั่ง npm run validate -- --fix (an invisible character: text that looks the same is not, e.g. an id; delete it, or run npm run validate -- --fix)`,
  },
  'duplicate-key': { kind: 'error', text: (p: P<'key'>) => `ช่อง ${q(p.key)} ซ้ำในชุดข้อมูลเดียวกัน (duplicate key)` },
  'not-a-mapping': { kind: 'error', text: (p: P<'received'>) => `เนื้อหาต้องเป็นชุดข้อมูล คีย์: ค่า แต่พบ ${p.received} (the document must be a mapping)` },
  // schema
  'missing-field': { kind: 'error', text: (p: P<'key'>) => `ต้องมีช่อง ${q(p.key)} (required field missing)` },
  'wrong-type': { kind: 'error', text: (p: P<'expected' | 'received'>) => `ชนิดข้อมูลไม่ถูกต้อง: ต้องเป็น${p.expected} แต่พบ${p.received} (wrong type)` },
  'invalid-value': { kind: 'error', text: (p: P<'expected' | 'received'>) => `ค่า ${q(p.received)} ไม่อยู่ในค่าที่ใช้ได้: ${p.expected} (invalid value)` },
  'bad-id': {
    kind: 'error',
    text: (p: P<'received'>) =>
      `รหัส ${q(p.received)} ต้องเป็นตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด ยาวไม่เกิน ๑๐๐ ตัว และไม่ใช่ชื่อที่ Windows สงวนไว้ เช่น con nul aux (ids are ASCII kebab-case, at most 100 characters, not a reserved device name)`,
  },
  'too-small': { kind: 'error', text: (p: P<'min' | 'what'>) => `ต้อง${p.what}อย่างน้อย ${p.min} (too small)` },
  'too-big': { kind: 'error', text: (p: P<'max' | 'what'>) => `ต้อง${p.what}ไม่เกิน ${p.max} (too big)` },
  'empty-text': { kind: 'error', text: () => 'ข้อความว่างเปล่า (text must not be empty)' },
  'invalid-date': { kind: 'consistency', text: (p: P<'reason'>) => `วันที่ไม่ถูกต้อง: ${p.reason} (invalid date)` },
  'unknown-field': { kind: 'consistency', text: (p: P<'key'>) => `ไม่รู้จักช่อง ${q(p.key)} (unknown field)` },
  // references
  'unknown-reference': {
    kind: 'error',
    text: (p: P<'collection' | 'id' | 'label'>) => `ไม่พบ${p.label} ${q(p.id)} ใน content/${p.collection}/ (unknown ${p.collection} id)`,
  },
  // MDX
  'mdx-syntax': { kind: 'error', text: (p: P<'detail'>) => `MDX ผิดรูปแบบ: ${p.detail}` },
  'mdx-import-export': {
    kind: 'error',
    text: () => 'ห้ามใช้ import หรือ export ในเนื้อหา คอมโพเนนต์ทั้งหมดใช้ได้โดยไม่ต้อง import (no import/export in content; components are provided)',
  },
  'mdx-expression': {
    kind: 'error',
    text: () =>
      'ห้ามใช้ {…} ในเนื้อหา ใช้ได้เฉพาะหมายเหตุ {/* … */} ส่วนค่าของแอตทริบิวต์ให้เขียนในเครื่องหมายคำพูด เช่น id="flow-a" (no {expressions} in content but comments; write attribute values in quotes)',
  },
  'mdx-directive': {
    kind: 'error',
    text: (p: P<'name'>) => `ห้ามใช้คำสั่ง ${q(p.name)} ในเนื้อหา (directives such as set:html, is:raw, client:* are not allowed in content)`,
  },
  'mdx-attribute-not-allowed': {
    kind: 'error',
    text: (p: P<'allowed' | 'element' | 'name'>) =>
      `แท็ก ${q(`<${p.element}>`)} ใช้แอตทริบิวต์ ${q(p.name)} ไม่ได้ ใช้ได้เฉพาะ ${p.allowed} (attribute not allowed on this element)`,
  },
  'mdx-url-scheme': {
    kind: 'error',
    text: (p: P<'url'>) =>
      `ใช้ที่อยู่ ${q(p.url)} ไม่ได้ ลิงก์ใช้ได้เฉพาะ http: https: mailto: tel: ที่อยู่ในเว็บไซต์นี้ หรือ # (URL not allowed: use http, https, mailto, tel, a path on this site or #)`,
  },
  'mdx-remote-image': {
    kind: 'error',
    text: (p: P<'url'>) =>
      `รูปภาพ ${q(p.url)} ต้องเป็นแฟ้มในเว็บไซต์นี้ หน้าเว็บจะไม่โหลดสิ่งใดจากที่อื่น (images must be files of this site: pages load nothing from elsewhere)`,
  },
  'mdx-forbidden-element': {
    kind: 'error',
    text: (p: P<'name'>) => `ห้ามใช้แท็ก ${q(`<${p.name}>`)} ในเนื้อหา (element not allowed: it could run code or load other documents)`,
  },
  'unknown-component': { kind: 'error', text: (p: P<'known' | 'name'>) => `ไม่รู้จักคอมโพเนนต์ ${q(`<${p.name}>`)} (unknown component; available: ${p.known})` },
  'unknown-element': { kind: 'error', text: (p: P<'name'>) => `ไม่รองรับแท็ก ${q(`<${p.name}>`)} (unsupported HTML element)` },
  'mdx-event-handler': { kind: 'error', text: (p: P<'name'>) => `ห้ามใช้แอตทริบิวต์ ${q(p.name)} ซึ่งเรียกใช้สคริปต์ (event handler attributes are not allowed)` },
  'mdx-javascript-url': {
    kind: 'error',
    text: (p: P<'scheme'>) => `ห้ามใช้ที่อยู่แบบ ${q(p.scheme)} ซึ่งเรียกใช้สคริปต์ (script URLs — the javascript, vbscript and data schemes — are not allowed)`,
  },
  'unknown-attribute': {
    kind: 'error',
    text: (p: P<'component' | 'name'>) => `คอมโพเนนต์ ${q(`<${p.component}>`)} ไม่มีแอตทริบิวต์ ${q(p.name)} (unknown attribute)`,
  },
  'missing-attribute': {
    kind: 'error',
    text: (p: P<'component' | 'name'>) => `คอมโพเนนต์ ${q(`<${p.component}>`)} ต้องมีแอตทริบิวต์ ${q(p.name)} (required attribute missing)`,
  },
  'approval-role-missing': {
    kind: 'consistency',
    text: (p: P<'roles'>) =>
      `ยังไม่ได้ระบุผู้ลงนามในบทบาท ${p.roles} หน้าอนุมัติต้องมีผู้จัดทำ ผู้ตรวจสอบ และผู้อนุมัติ (approvals: every role needs its signatory; a transcribed source prints an empty block)`,
  },
  'office-signatory-missing': {
    kind: 'warning',
    text: (p: P<'fields'>) =>
      `หน่วยงานนี้ยังไม่ระบุ ${p.fields} เล่มคู่มือของหน่วยงานจะพิมพ์ช่องลงนามว่างไว้ (the office's default volume takes its signatories from head and deputy)`,
  },
  'revision-order': {
    kind: 'error',
    text: (p: P<'number' | 'previous'>) =>
      `ครั้งที่ปรับปรุง ${p.number} ต้องมากกว่าครั้งก่อนหน้า (${p.previous}) ประวัติการแก้ไขเรียงจากเก่าไปใหม่ (revision numbers must increase, oldest first)`,
  },
  'revision-date-order': {
    kind: 'error',
    text: (p: P<'date' | 'previous'>) => `วันที่ ${p.date} ก่อนวันที่ของครั้งก่อนหน้า (${p.previous}) (a revision is dated before the one before it)`,
  },
  'revision-in-future': {
    kind: 'error',
    text: (p: P<'date'>) => `วันที่ ${p.date} ยังมาไม่ถึง การแก้ไขที่บันทึกต้องเกิดขึ้นแล้ว (a revision dated in the future)`,
  },
  'revision-number-mismatch': {
    kind: 'consistency',
    text: (p: P<'revision' | 'last'>) =>
      `ครั้งที่ปรับปรุง (revision) คือ ${p.revision} แต่ประวัติการแก้ไขล่าสุดคือครั้งที่ ${p.last} (the document's revision is not its newest revision record)`,
  },
  'revision-after-effective': {
    kind: 'consistency',
    text: (p: P<'date' | 'effective'>) => `การแก้ไขล่าสุดลงวันที่ ${p.date} หลังวันที่มีผลบังคับใช้ (${p.effective}) (the newest revision is dated after the effective date)`,
  },
  'unprintable-character': {
    kind: 'consistency',
    text: (p: P<'char' | 'code'>) =>
      `อักขระ ${q(p.char)} (${p.code}) ไม่มีในฟอนต์ Sarabun ที่ใช้พิมพ์ PDF จะพิมพ์ด้วยฟอนต์สำรองหรือเป็นกล่องว่าง ให้ใช้อักขระที่ Sarabun มี หรือสัญลักษณ์ที่ khumue วาดให้ เช่น ➤ ● ✓ ▪ → ★ (the shipped Sarabun has no glyph for this character: the PDF would print it in a fallback font or as a box)`,
  },
  'placeholder-left': { kind: 'warning', text: (p: P<'text'>) => `ยังมีข้อความตัวอย่าง ${p.text} ให้แทนด้วยข้อความจริง (template text left to replace)` },
  'handbook-duplicate-part': {
    kind: 'error',
    text: (p: P<'id' | 'label'>) => `${p.label} ${q(p.id)} อยู่ในเล่มนี้แล้ว (the same document is in this handbook twice)`,
  },
  'handbook-table-clash': {
    kind: 'error',
    text: (p: P<'a' | 'b' | 'id'>) =>
      `ตาราง ${q(p.id)} มีทั้งในคู่มือ ${q(p.a)} และ ${q(p.b)} ซึ่งอยู่ในเล่มเดียวกัน ให้เปลี่ยนรหัสตารางในแฟ้มหนึ่ง (two manuals in one handbook use the same table id)`,
  },
  'unknown-table': { kind: 'error', text: (p: P<'id'>) => `ไม่พบตาราง ${q(p.id)} ในช่อง tables ของแฟ้มนี้ (unknown table id)` },
  'office-parent-cycle': { kind: 'error', text: (p: P<'cycle'>) => `หน่วยงานต้นสังกัดวนกลับมาที่เดิม: ${p.cycle} (office parents form a cycle)` },
  // flowcharts
  'duplicate-step-id': { kind: 'error', text: (p: P<'id'>) => `รหัสขั้นตอน ${q(p.id)} ซ้ำ (duplicate step id)` },
  'unknown-step': { kind: 'error', text: (p: P<'id'>) => `ไม่พบขั้นตอน ${q(p.id)} ในผังนี้ (unknown step)` },
  'decision-branches': { kind: 'error', text: (p: P<'missing'>) => `ขั้นตอนตัดสินใจต้องมีทั้ง yes และ no แต่ไม่มี ${q(p.missing)} (a decision needs both branches)` },
  'branch-on-non-decision': {
    kind: 'warning',
    text: (p: P<'key' | 'shape'>) => `ขั้นตอนแบบ ${q(p.shape)} ไม่ใช่การตัดสินใจ จึงไม่ใช้ ${q(p.key)} ให้ใช้ next (only decisions branch; use next)`,
  },
  'next-on-decision': {
    kind: 'error',
    text: () =>
      'ขั้นตอนตัดสินใจไปต่อด้วย yes และ no เท่านั้น ช่อง next ของขั้นตอนนี้จึงไม่มีผล ให้ลบ next หรือชี้ yes/no ไปที่ขั้นตอนนั้น (a decision goes on by yes and no only: its next leads nowhere; remove it, or point yes or no there)',
  },
  'unreachable-step': { kind: 'error', text: () => 'ไม่มีเส้นทางจากขั้นตอนแรกมาถึงขั้นตอนนี้ (step is unreachable from the first step)' },
  'no-end': { kind: 'error', text: () => 'ผังไม่มีจุดสิ้นสุด ทุกขั้นตอนวนต่อไปเรื่อย ๆ (the flowchart has no end)' },
  'last-not-terminator': {
    kind: 'warning',
    text: (p: P<'shape'>) => `ขั้นตอนสุดท้ายควรเป็นสัญลักษณ์ terminator แต่เป็น ${q(p.shape)} (the last step should be a terminator)`,
  },
  'long-label': {
    kind: 'style',
    text: (p: P<'length' | 'max'>) =>
      `ข้อความในสัญลักษณ์ยาว ${p.length} ตัวอักษร ควรไม่เกิน ${p.max} ให้ย้ายรายละเอียดไปที่ detail (label too long; move details to detail)`,
  },
  // plans
  'invalid-month': { kind: 'consistency', text: (p: P<'month'>) => `ไม่มีเดือน ${q(p.month)} (no such Thai month abbreviation)` },
  'backwards-range': {
    kind: 'consistency',
    text: (p: P<'from' | 'range' | 'to'>) =>
      `ช่วงเดือน ${q(p.range)} ย้อนกลับ: ${q(p.from)} อยู่หลัง ${q(p.to)} ในปีงบประมาณ (range runs backwards in the fiscal year)`,
  },
  'number-skipped': {
    kind: 'consistency',
    text: (p: P<'expected' | 'received'>) => `ลำดับที่ ${q(p.received)} ไม่ต่อเนื่อง ลำดับที่ควรเป็นคือ ${q(p.expected)} (item number skips or repeats)`,
  },
  'list-number-skipped': {
    kind: 'consistency',
    text: (p: P<'expected' | 'received'>) => `รายการเลขที่ ${q(p.received)} ไม่ต่อเนื่อง ลำดับที่ควรเป็นคือ ${q(p.expected)} (numbered item skips or repeats)`,
  },
  'month-label-mismatch': {
    kind: 'consistency',
    text: (p: P<'expected' | 'index' | 'received' | 'year'>) =>
      `หัวเดือนช่องที่ ${p.index} เขียนว่า ${q(p.received)} แต่เดือนที่ ${p.index} ของปีงบประมาณ ${p.year} คือ ${q(p.expected)} (month header does not match the fiscal year)`,
  },
  // dates, tables, KPIs
  'truncated-year': {
    kind: 'consistency',
    text: (p: P<'date' | 'meant' | 'year'>) =>
      `ปีใน ${q(p.date)} เขียนไว้เพียง ${q(p.year)} ไม่ครบ หมายถึง พ.ศ. ${p.meant} หรือไม่ ให้เขียนปีให้ครบ (the year is cut short: write it in full)`,
  },
  'fiscal-year-stated': {
    kind: 'consistency',
    text: (p: P<'stated' | 'text' | 'year'>) =>
      `ข้อความ ${q(p.text)} ระบุปีงบประมาณ ${p.stated} แต่เอกสารนี้เป็นของปีงบประมาณ ${p.year} (fiscalYear) ให้ตรวจว่าปีใดถูก (the text states another fiscal year than the document's fiscalYear)`,
  },
  'intranet-field-unknown': {
    kind: 'error',
    text: (p: P<'field'>) => `ไม่มีช่อง ${q(p.field)} ในเอกสารชนิดนี้ จึงระบุเป็นเฉพาะอินทราเน็ตไม่ได้ (intranet: no such field)`,
  },
  'intranet-field-required': {
    kind: 'error',
    text: (p: P<'field'>) =>
      `ช่อง ${q(p.field)} เป็นช่องที่เอกสารต้องมี จึงตัดออกจากฉบับสาธารณะไม่ได้ ถ้าไม่ต้องการเผยแพร่ทั้งเอกสาร ให้เขียน intranet: true (intranet: a required field cannot be left out; use intranet: true for the whole document)`,
  },
  'name-spelling': {
    kind: 'warning',
    text: (p: P<'known' | 'name' | 'where'>) =>
      `ชื่อ ${q(p.name)} คล้ายกับ ${q(p.known)} ที่ ${p.where} แต่สะกดต่างกัน ถ้าเป็นคนเดียวกันให้สะกดให้ตรงกัน (a name spelt differently from the same-looking name in another place)`,
  },
  'date-outside-fiscal-year': {
    kind: 'consistency',
    text: (p: P<'date' | 'end' | 'start' | 'year'>) => `วันที่ ${q(p.date)} อยู่นอกปีงบประมาณ ${p.year} (${p.start} – ${p.end}) (date outside the fiscal year)`,
  },
  'unknown-column': { kind: 'error', text: (p: P<'key' | 'table'>) => `ไม่มีคอลัมน์ ${q(p.key)} ในตาราง ${q(p.table)} (unknown column)` },
  'not-a-number': { kind: 'consistency', text: (p: P<'column' | 'received'>) => `ค่า ${q(p.received)} ในคอลัมน์ตัวเลข ${q(p.column)} ไม่ใช่ตัวเลข (not a number)` },
  'subtotal-mismatch': {
    kind: 'consistency',
    text: (p: P<'column' | 'declared' | 'row' | 'sum'>) =>
      `แถว ${q(p.row)} คอลัมน์ ${q(p.column)} ระบุไว้ ${q(p.declared)} แต่แถวย่อยรวมกันได้ ${q(p.sum)} (a row does not equal the sum of its detail rows)`,
  },
  'row-sum-mismatch': {
    kind: 'consistency',
    text: (p: P<'column' | 'declared' | 'parts' | 'row' | 'sum'>) =>
      `แถว ${q(p.row)} คอลัมน์ ${q(p.column)} ระบุไว้ ${q(p.declared)} แต่ผลรวมของคอลัมน์ ${p.parts} ในแถวเดียวกันเป็น ${q(p.sum)} (a row total does not equal the sum of its columns)`,
  },
  'total-mismatch': {
    kind: 'consistency',
    text: (p: P<'column' | 'declared' | 'sum' | 'table'>) =>
      `ยอดรวมคอลัมน์ ${q(p.column)} ของตาราง ${q(p.table)} ระบุไว้ ${q(p.declared)} แต่ผลรวมของแถวเป็น ${q(p.sum)} (declared total does not equal the sum of the rows)`,
  },
  'bad-thresholds': { kind: 'consistency', text: (p: P<'reason'>) => `เกณฑ์ให้คะแนนใช้ไม่ได้: ${p.reason} (thresholds unusable)` },
  'missing-thresholds': { kind: 'error', text: () => 'ตัวชี้วัดแบบ thresholds ต้องมีเกณฑ์ ๕ ระดับ (thresholds scoring needs five thresholds)' },
  'duplicate-quarter': { kind: 'consistency', text: (p: P<'quarter'>) => `ไตรมาสที่ ${p.quarter} ซ้ำ (duplicate quarter)` },
  'score-mismatch': {
    kind: 'consistency',
    text: (p: P<'computed' | 'quarter' | 'reported' | 'value'>) =>
      `คะแนนตัวชี้วัดไตรมาสที่ ${p.quarter} รายงานไว้ ${q(p.reported)} แต่คำนวณจากผล ${q(p.value)} ได้ ${q(p.computed)} (reported score differs from the computed one)`,
  },
  'weighted-score-mismatch': {
    kind: 'consistency',
    text: (p: P<'computed' | 'quarter' | 'reported'>) =>
      `คะแนนถ่วงน้ำหนักไตรมาสที่ ${p.quarter} รายงานไว้ ${q(p.reported)} แต่คำนวณได้ ${q(p.computed)} (reported weighted score differs from the computed one)`,
  },
  'detail-sum-mismatch': {
    kind: 'consistency',
    text: (p: P<'parts' | 'quarter' | 'sum' | 'value'>) =>
      `รายละเอียดไตรมาสที่ ${p.quarter} ระบุจำนวน ${q(p.parts)} รวมได้ ${q(p.sum)} แต่ผลการดำเนินงานคือ ${q(p.value)} (the counts in the details do not add up to the result)`,
  },
  'report-mismatch': {
    kind: 'consistency',
    text: (p: P<'main' | 'other' | 'quarter' | 'title' | 'what'>) =>
      `ไตรมาสที่ ${p.quarter}: ${p.what} ใน${p.title} คือ ${q(p.other)} แต่ในรายงานหลักคือ ${q(p.main)} (two reports give different figures for the same quarter)`,
  },
  'missing-weight': { kind: 'error', text: () => 'มีคะแนนถ่วงน้ำหนักที่รายงาน แต่ไม่ได้ระบุ weight (a weighted score is reported but no weight is set)' },
  // the tool itself
  'internal-error': {
    kind: 'error',
    text: (p: P<'detail'>) => `เครื่องมือตรวจสอบขัดข้องกับแฟ้มนี้ โปรดแจ้งผู้ดูแล (internal validator error — please report it): ${p.detail}`,
  },
} satisfies Record<string, Entry>;

export type MessageCode = keyof typeof MESSAGES;

/** The parameters of a code's message: `{}` for a message without any. */
export type ParamsOf<C extends MessageCode> = (typeof MESSAGES)[C]['text'] extends (p: infer A) => string
  ? unknown extends A
    ? Record<string, never>
    : A
  : never;

/** The hint for a suggestion, as the message ends with it and as the JSON report carries it alone. */
export function hintText(suggestion: string): string {
  return `หมายถึง ${q(suggestion)} หรือไม่ (did you mean ${q(suggestion)}?)`;
}

/** Builds the message text, with `หมายถึง … หรือไม่` when a suggestion is known. */
export function messageText<C extends MessageCode>(code: C, params: ParamsOf<C>, suggestion?: string): string {
  const text = (MESSAGES[code] as Entry).text(params as Params);
  return suggestion ? `${text} — ${hintText(suggestion)}` : text;
}

/** The severity of a code; consistency problems are warnings in transcribed sources. */
export function severityOf(code: MessageCode, transcribed: boolean): 'error' | 'warning' | undefined {
  const kind = (MESSAGES[code] as Entry).kind;
  if (kind === 'consistency') return transcribed ? 'warning' : 'error';
  if (kind === 'style') return transcribed ? undefined : 'warning';
  return kind;
}
