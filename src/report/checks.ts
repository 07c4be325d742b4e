import type { CheckResult, KeyedCell, Layout, TableId } from './report.js';

/** Evaluates R1–R5 (DOMAIN.md §3) with its blank policy. Never changes a printed value. (stub: being written) */
export function runChecks(cells: readonly KeyedCell[], layouts: Readonly<Record<TableId, Layout>>): CheckResult[] {
  void cells;
  void layouts;
  throw new Error('runChecks: not implemented yet');
}
