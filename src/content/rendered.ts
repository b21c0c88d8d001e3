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

/** Whether the body uses a component (a plan body that places its own `<WorkPlan>`, say). */
export function usesComponent(parts: readonly BodyPart[], name: string): boolean {
  return parts.some((p) => typeof p !== 'string' && (p.component === name || usesComponent(p.children, name)));
}
