/**
 * The Astro component behind each name content may use. The names, attributes and what they
 * accept are data in src/content/schema/components.ts (MDX_COMPONENTS, which the validator and the
 * renderer read); the `satisfies` clauses make the type checker fail when a name has no
 * component here or a component has no name there.
 */
import type { ComponentName, MDX_ELEMENTS } from '../content/schema/components.ts';
import DataTable from './DataTable.astro';
import FlowChart from './FlowChart.astro';
import FlowTable from './FlowTable.astro';
import Intranet from './Intranet.astro';
import KpiCard from './KpiCard.astro';
import MissionTable from './MissionTable.astro';
import Note from './Note.astro';
import StrategyTables from './StrategyTables.astro';
import Table from './Table.astro';
import WorkPlan from './WorkPlan.astro';

export const mdxComponents = { DataTable, FlowChart, FlowTable, Intranet, KpiCard, MissionTable, Note, StrategyTables, WorkPlan } satisfies Record<
  ComponentName,
  unknown
>;

/** HTML elements MDX renders through a component: Markdown tables scroll in their own box on phones. */
export const mdxElements = { table: Table } satisfies Record<(typeof MDX_ELEMENTS)[number], unknown>;
