/** What the content loader stored for an entry's body (content/loader.ts), typed for pages. */
import type { BodyHeading, BodyPart } from './body.ts';

interface WithRendered {
  rendered?: { metadata?: Record<string, unknown> };
}

/** The body's headings, in order, with their ids (for tables of contents). */
export function headingsOf(entry: WithRendered): BodyHeading[] {
  return (entry.rendered?.metadata?.headings as BodyHeading[] | undefined) ?? [];
}

/** The body's parts (see components/Body.astro). */
export function partsOf(entry: WithRendered): BodyPart[] {
  return (entry.rendered?.metadata?.parts as BodyPart[] | undefined) ?? [];
}

/** The flowcharts a body embeds (`<FlowTable id="…" />`, `<FlowChart id="…" />`), at any depth. */
export function embeddedFlowchartsOf(entry: WithRendered): Set<string> {
  const out = new Set<string>();
  const walk = (parts: readonly BodyPart[]) => {
    for (const p of parts) {
      if (typeof p === 'string') continue;
      if ((p.component === 'FlowTable' || p.component === 'FlowChart') && p.props.id) out.add(p.props.id);
      walk(p.children);
    }
  };
  walk(partsOf(entry));
  return out;
}

/** Whether the body uses a component (a plan body that places its own `<WorkPlan>`, say). */
export function usesComponent(parts: readonly BodyPart[], name: string): boolean {
  return parts.some((p) => typeof p !== 'string' && (p.component === name || usesComponent(p.children, name)));
}
