/** What MDX content may use, by name (the validator checks names against src/schema/components.ts). */
import DataTable from './DataTable.astro';
import FlowChart from './FlowChart.astro';
import FlowTable from './FlowTable.astro';
import KpiCard from './KpiCard.astro';
import MissionTable from './MissionTable.astro';
import Note from './Note.astro';
import StrategyTables from './StrategyTables.astro';
import Table from './Table.astro';
import WorkPlan from './WorkPlan.astro';

export const mdxComponents = { DataTable, FlowChart, FlowTable, KpiCard, MissionTable, Note, StrategyTables, WorkPlan };

/** HTML elements MDX renders through a component: Markdown tables scroll in their own box on phones. */
export const mdxElements = { table: Table };
