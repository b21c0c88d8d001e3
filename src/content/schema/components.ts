/**
 * The components an MDX author may use, with their attributes. Pure data, shared by the validator
 * (which rejects anything else) and by src/components/mdx.ts (which maps the names to Astro).
 */
export interface ComponentSpec {
  /** What it shows, in Thai, for messages and the author's guide. */
  label: string;
  /** Attributes: which are required, and which point at another entry. */
  props: Record<string, { required?: boolean; reference?: 'flowcharts' | 'plans' | 'kpis' | 'tables' | 'offices'; values?: readonly string[] }>;
  /** Whether it takes children (prose inside). */
  children?: boolean;
}

export const MDX_COMPONENTS = {
  FlowTable: { label: 'ตารางผังงาน', props: { id: { required: true, reference: 'flowcharts' } } },
  FlowChart: { label: 'ผังงาน', props: { id: { required: true, reference: 'flowcharts' } } },
  WorkPlan: { label: 'แผนปฏิบัติงาน', props: { id: { required: true, reference: 'plans' } } },
  StrategyTables: { label: 'ตารางกลยุทธ์', props: { id: { required: true, reference: 'plans' } } },
  KpiCard: { label: 'ตัวชี้วัด', props: { id: { required: true, reference: 'kpis' } } },
  DataTable: { label: 'ตารางข้อมูล', props: { id: { required: true, reference: 'tables' } } },
  MissionTable: { label: 'ตารางภารกิจตามกฎหมาย', props: { office: { required: true, reference: 'offices' }, heading: {} } },
  Note: { label: 'หมายเหตุ', props: { type: { values: ['note', 'warning', 'source'] }, title: {} }, children: true },
  Intranet: { label: 'เฉพาะอินทราเน็ต (ไม่อยู่ในฉบับเผยแพร่สาธารณะ)', props: {}, children: true },
} as const satisfies Record<string, ComponentSpec>;

/** A component content may use. */
export type ComponentName = keyof typeof MDX_COMPONENTS;

/** Elements the site renders through a component of its own (a Markdown table in a scroll box). */
export const MDX_ELEMENTS = ['table'] as const;

/** Plain HTML elements allowed in MDX (no script, style, iframe, object, embed, form). */
export const SAFE_HTML = new Set([
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'code',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
]);

/** Elements that can run code or pull in other documents. */
export const FORBIDDEN_HTML = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'link',
  'meta',
  'base',
  'frame',
  'frameset',
  'svg',
  'math',
  'template',
  'portal',
]);

/**
 * Ids the site's layouts and pages give their own elements. A heading in content never takes one
 * (a heading "main" gets the id `main-1`), so content cannot clobber the page's elements.
 */
export const PAGE_IDS: readonly string[] = [
  'appendix',
  'approval',
  'doc-title',
  'documents',
  'footnote-label',
  'main',
  'missions',
  'offices',
  'preface',
  'preface-title',
  'recent',
  'revisions-title',
  'search-page',
  'search-page-input',
  'sign',
  'site-search-input',
  'site-search-list',
  'toc-title',
];
