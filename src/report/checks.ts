/**
 * Evaluates the relations of relations.ts on a report's cells with the blank policy of DOMAIN.md §3:
 * blanks count as 0 (and the note says `blank_as_zero`), missing or unreadable terms make a relation
 * not evaluable, and nothing is ever repaired: checks only report.
 * A result's `actual` is the sum of the relation's `actualSide` (the total it checks, e.g. the printed 总计),
 * `expected` the sum of the other side (what that total should be); notes keep the formula's left/right order.
 * A not_evaluable result gives a side's sum only when every term on that side is printed, else null.
 * Per-term callbacks are module-level functions or loops, so their optimized code outlives a GC.
 */
import { roundDecimals } from '../normalize/numbers.js';
import { cellId, derivedTermsOf, indexCells, resolveTerm, type CellIndex, type CellRef, type TermState } from './derive.js';
import { TABLES } from './layouts.js';
import { RELATIONS, type Relation } from './relations.js';
import type { CheckResult, KeyedCell, Layout, TableId } from './report.js';

/** Sums closer than this are equal (counts are integers; this only absorbs float noise). */
const EQUALITY_TOLERANCE = 1e-9;
/** Decimals kept when numbers are written into notes. */
const NOTE_DECIMALS = 6;

type Term = { readonly name: string; readonly state: TermState };

/** Evaluates R1–R5 (DOMAIN.md §3) with its blank policy. Never changes a cell. */
export function runChecks(cells: readonly KeyedCell[], layouts: Readonly<Record<TableId, Layout>>): CheckResult[] {
  const index = indexCells(cells);
  const results: CheckResult[] = [];
  for (const relation of RELATIONS) {
    const layout = layouts[relation.table];
    if (layout === 'absent' || layout === 'legacy') continue;
    for (const subject of instancesOf(relation, layout)) results.push(evaluateRelation(relation, subject, index));
  }
  return results;
}

/** The columns or rows a relation runs over in a layout. */
export function instancesOf(relation: Relation, layout: Layout): string[] {
  if (relation.over !== 'printed') return [...relation.over];
  const def = TABLES[relation.table];
  const keys: string[] = [];
  if (relation.scope === 'per_row') {
    for (const r of def.rows) if (r.printedIn.includes(layout)) keys.push(r.key);
  } else {
    for (const c of def.columns) if (c.derived !== true) keys.push(c.key);
  }
  return keys;
}

/** Evaluates one instance of a relation: `subject` is the column (per_column) or row (per_row) key. */
export function evaluateRelation(relation: Relation, subject: string, index: CellIndex): CheckResult {
  const left = sideTerms(relation, subject, relation.left, index);
  const right = sideTerms(relation, subject, relation.right, index);
  const outcome = judge(relation, left, right);
  const totalOnLeft = relation.actualSide === 'left';
  return {
    checkId: relation.id,
    table: relation.table,
    subject: `${relation.scope === 'per_column' ? 'col' : 'row'}=${subject}`,
    expected: totalOnLeft ? outcome.right : outcome.left,
    actual: totalOnLeft ? outcome.left : outcome.right,
    status: outcome.status,
    note: `${relation.formula}; ${outcome.note}`,
  };
}

/** The terms of one side of a relation instance, its keys' cells expanded in order. */
function sideTerms(relation: Relation, subject: string, keys: readonly string[], index: CellIndex): Term[] {
  const out: Term[] = [];
  for (const key of keys) {
    const ref: CellRef =
      relation.scope === 'per_column'
        ? { table: relation.table, rowKey: key, colKey: subject }
        : { table: relation.table, rowKey: subject, colKey: key };
    for (const leaf of expand(relation, ref, index)) {
      out.push({ name: relation.scope === 'per_column' ? leaf.rowKey : leaf.colKey, state: resolveTerm(index, leaf) });
    }
  }
  return out;
}

/** A derived term stands for its leaves when the relation asks for it (R3), else for its computed sum. */
function expand(relation: Relation, ref: CellRef, index: CellIndex): CellRef[] {
  const cell = index.get(cellId(ref));
  if (!relation.expandDerived || cell?.provenance !== 'derived') return [ref];
  const leaves = derivedTermsOf(ref);
  if (leaves.length === 0) return [ref];
  const out: CellRef[] = [];
  for (const leaf of leaves) out.push(...expand(relation, leaf, index));
  return out;
}

/** The sums of both sides (null for a side a not evaluable check cannot report), the status and the note. */
type Outcome = { readonly left: number | null; readonly right: number | null } & Pick<CheckResult, 'status' | 'note'>;

/** The blank policy of DOMAIN.md §3 "Evaluating with blanks", in order. */
function judge(relation: Relation, left: readonly Term[], right: readonly Term[]): Outcome {
  const all = [...left, ...right];
  const unavailable = all.filter(isUnavailable);
  const blanks = all.filter(isBlankTerm);
  if (unavailable.length > 0) return notEvaluable(left, right, unavailableNote(unavailable));
  if (blanks.length === all.length) return notEvaluable(left, right, 'not_evaluable: all terms blank (nothing printed)');
  if (relation.definition && !right.every(isPrinted)) {
    // Nothing is said about a definition's sides until it can be evaluated: its left side is computed from the right.
    const note = `not_evaluable: a definition, evaluated only where ${names(right)} are printed`;
    return { left: null, right: null, status: 'not_evaluable', note };
  }
  const sums = { left: sumOf(left), right: sumOf(right) };
  const residual = roundDecimals(sums.left - sums.right, NOTE_DECIMALS);
  const zeroed = blankAsZeroNote(all);
  if (Math.abs(residual) < EQUALITY_TOLERANCE) return { ...sums, status: 'pass', note: zeroed ?? 'holds' };
  // A side left wholly blank (e.g. only 总计 printed, no breakdown) says nothing about the other side.
  const blankSide = [left, right].find(isWhollyBlank);
  if (blankSide !== undefined) {
    const other = blankSide === left ? right : left;
    const need = blankSide.length === 1 ? `; blank ${names(blankSide)} would need ${sumOf(other)}` : '';
    return notEvaluable(left, right, `not_evaluable: ${names(blankSide)} not printed (blank), only the other side is${need}`);
  }
  const parts = [`residual ${residual} (left - right)`];
  const only = blanks.length === 1 ? blanks[0] : undefined;
  if (only !== undefined) parts.push(`blank ${only.name} would need ${neededValue(only, left, residual)}`);
  else if (zeroed !== null) parts.push(zeroed);
  return { ...sums, status: 'fail', note: parts.join('; ') };
}

function isUnavailable(term: Term): boolean {
  return term.state.kind === 'missing' || term.state.kind === 'unreadable';
}

function isBlankTerm(term: Term): boolean {
  return term.state.kind === 'blank';
}

function isWhollyBlank(side: readonly Term[]): boolean {
  return side.length > 0 && side.every(isBlankTerm);
}

/** A blank, or a sum that counted blanks as 0. */
function isZeroedTerm(term: Term): boolean {
  return term.state.kind === 'blank' || (term.state.kind === 'value' && term.state.blankAsZero);
}

/** The value a single blank term would need for the relation to hold. */
function neededValue(blank: Term, left: readonly Term[], residual: number): number {
  return left.includes(blank) ? -residual : residual;
}

function notEvaluable(left: readonly Term[], right: readonly Term[], note: string): Outcome {
  return { left: sideOrNull(left), right: sideOrNull(right), status: 'not_evaluable', note };
}

/**
 * A side's sum when every term on it is printed; null otherwise, so a relation that was not evaluated never shows
 * a sum that counted blanks as 0 (which could read like a pass).
 */
function sideOrNull(terms: readonly Term[]): number | null {
  return terms.length > 0 && terms.every(isPrinted) ? sumOf(terms) : null;
}

/** A printed number, or a derived sum of printed numbers only (no blank counted as 0). */
function isPrinted(term: Term): boolean {
  return term.state.kind === 'value' && !term.state.blankAsZero;
}

/** Blanks count as 0. */
function sumOf(terms: readonly Term[]): number {
  let sum = 0;
  for (const t of terms) sum += t.state.kind === 'value' ? t.state.value : 0;
  return roundDecimals(sum, NOTE_DECIMALS);
}

function blankAsZeroNote(terms: readonly Term[]): string | null {
  const zeroed = terms.filter(isZeroedTerm);
  return zeroed.length === 0 ? null : `blank_as_zero: ${names(zeroed)}`;
}

function unavailableNote(terms: readonly Term[]): string {
  const missing = terms.filter((t) => t.state.kind === 'missing');
  const unreadable = terms.filter((t) => t.state.kind === 'unreadable');
  const parts = [missing.length > 0 ? `missing ${names(missing)}` : '', unreadable.length > 0 ? `unreadable ${names(unreadable)}` : ''];
  return `not_evaluable: ${parts.filter((p) => p !== '').join('; ')}`;
}

function names(terms: readonly Term[]): string {
  return terms.map((t) => t.name).join(', ');
}
