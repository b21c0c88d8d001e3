/**
 * Whether an MDX body is plain Markdown: nothing in it that MDX reads differently from Markdown
 * (JSX, HTML, `{expressions}`, import/export, autolinks, indented code) and nothing the site
 * renders through a component (Markdown tables go through components/Table.astro). Such a body —
 * the usual body of a flowchart, a plan or a KPI, often empty — is rendered as Markdown when the
 * content is loaded instead of being compiled into a JavaScript module by Vite, which on a large
 * corpus is most of the build's compile time. The HTML is the same either way (Astro renders both
 * with the same Sätteri processor and Markdown options).
 */
const MDX_OR_COMPONENT = /[<>{}]|^\s*(?:import|export)\b|^(?: {4}|\t)|^\s*\|.*\||\|\s*:?-{3,}/m;

export function isPlainMarkdown(body: string | undefined): boolean {
  return !MDX_OR_COMPONENT.test(body ?? '');
}
