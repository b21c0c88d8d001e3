/**
 * The validator's rules, one module per concern, each reporting its own codes (the catalog is
 * src/validate/messages.ts). Per file: flowchart, plan, tables, kpi, placeholders; across files:
 * handbooks and offices (references are resolved in src/validate/index.ts); MDX bodies:
 * src/validate/mdx-body.ts.
 */
export { checkFlowchart } from './flowchart.ts';
export { checkKpi } from './kpi.ts';
export { checkPlan } from './plan.ts';
export { checkTables } from './tables.ts';
export { checkHandbook } from './handbook.ts';
export { checkOfficeCycles } from './offices.ts';
export { checkPlaceholders } from './placeholders.ts';
export { checkPersonalData } from './personal-data.ts';
export { checkNameSpellings, checkStatedFiscalYear, namesOf, type NameUse } from './consistency.ts';
export { checkBodyHeadings, checkManualStructure, checkTableNumbers } from './structure.ts';
export { checkPrintable } from './printable.ts';
export { checkRevisions } from './revisions.ts';
export { checkApprovals, checkOfficeSignatories } from './approvals.ts';
