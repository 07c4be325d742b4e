/**
 * Which cells a failed check is about: the terms of its relation (relations.ts) in the column or row it was
 * evaluated on, with derived terms replaced by their printed leaves where the relation did so (R3). The
 * workbook and the review pages highlight these cells and show the check's formula beside them.
 */
import { cellId, derivedTermsOf, type CellRef } from '../report/derive.js';
import { RELATIONS, type Relation } from '../report/relations.js';
import type { CheckResult, KeyedCell, Report } from '../report/report.js';

/** `col=natural_person` → scope and key; null for a subject in another form. */
function parseSubject(subject: string): { scope: Relation['scope']; key: string } | null {
  const match = /^(col|row)=(.+)$/.exec(subject);
  if (match === null) return null;
  return { scope: match[1] === 'col' ? 'per_column' : 'per_row', key: match[2]! };
}

/** The cells a check's relation reads (derived terms included, and their leaves when the relation expands them). */
export function cellsOfCheck(check: CheckResult): CellRef[] {
  const relation = RELATIONS.find((r) => r.id === check.checkId && r.table === check.table);
  const subject = parseSubject(check.subject);
  if (relation === undefined || subject === null || subject.scope !== relation.scope) return [];
  const refs = [...relation.left, ...relation.right].map(
    (key): CellRef =>
      relation.scope === 'per_column'
        ? { table: relation.table, rowKey: key, colKey: subject.key }
        : { table: relation.table, rowKey: subject.key, colKey: key },
  );
  return relation.expandDerived ? refs.flatMap((ref) => withLeaves(ref)) : refs;
}

function withLeaves(ref: CellRef): CellRef[] {
  const leaves = derivedTermsOf(ref);
  return [ref, ...leaves.flatMap((leaf) => withLeaves(leaf))];
}

/** Every cell of the report that takes part in a failed check, with those checks (in the report's order). */
export function failedChecksByCell(report: Pick<Report, 'checks'>): Map<string, CheckResult[]> {
  const out = new Map<string, CheckResult[]>();
  for (const check of report.checks) {
    if (check.status !== 'fail') continue;
    for (const ref of cellsOfCheck(check)) {
      const id = cellId(ref);
      const list = out.get(id);
      if (list === undefined) out.set(id, [check]);
      else if (!list.includes(check)) list.push(check);
    }
  }
  return out;
}

/** One line a person reads: `R4 row=review: 11 ≠ 0 (upheld + … = total; residual 11 (left - right))`. */
export function checkSummary(check: CheckResult): string {
  const sides = check.expected === null || check.actual === null ? '' : `${check.expected} ≠ ${check.actual} `;
  return `${check.checkId} ${check.subject}: ${sides}(${check.note})`;
}

/** The failed-check text of a cell, one check per line; '' when the cell fails none. */
export function failureText(cell: KeyedCell, failed: ReadonlyMap<string, readonly CheckResult[]>): string {
  return (failed.get(cellId(cell)) ?? []).map(checkSummary).join('\n');
}
