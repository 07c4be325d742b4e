/**
 * Derived cells: the subtotals a layout never prints (`sumOf` rows of layouts.ts, and the
 * `legal_person.subtotal` column). A blank never silently becomes a number: a sum is empty when all its
 * terms are blank or any is missing, and is flagged `blank_as_zero` when it counted some blanks as 0.
 * Per-cell callbacks are module-level functions or loops, so their optimized code outlives a GC.
 */
import type { FlagCode } from './flags.js';
import { TABLES, rowDef } from './layouts.js';
import type { KeyedCell, TableId } from './report.js';

/** What one cell contributes to a sum. */
export type TermState =
  | { readonly kind: 'value'; readonly value: number; readonly blankAsZero: boolean }
  | { readonly kind: 'blank' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable' };

export type CellRef = { readonly table: TableId; readonly rowKey: string; readonly colKey: string };

export type CellIndex = ReadonlyMap<string, KeyedCell>;

/**
 * Flags this module sets on derived cells (and replaces when it derives again): each says the value is not a
 * sum of printed numbers only.
 */
export const DERIVATION_FLAGS: readonly FlagCode[] = ['blank_as_zero', 'terms_missing'];

export function cellId(ref: CellRef): string {
  return `${ref.table}/${ref.rowKey}/${ref.colKey}`;
}

function idAndCell(cell: KeyedCell): [string, KeyedCell] {
  return [cellId(cell), cell];
}

export function indexCells(cells: readonly KeyedCell[]): CellIndex {
  return new Map(cells.map(idAndCell));
}

/** Returns the cells with every derived cell's value computed; other cells are returned untouched. */
export function deriveCells(cells: readonly KeyedCell[]): KeyedCell[] {
  const index = indexCells(cells);
  const memo = new Map<string, TermState>();
  const out: KeyedCell[] = [];
  for (const cell of cells) out.push(cell.provenance === 'derived' ? withDerivedValue(cell, resolveTerm(index, cell, memo)) : cell);
  return out;
}

function withDerivedValue(cell: KeyedCell, state: TermState): KeyedCell {
  const kept = cell.flags.filter((f) => !DERIVATION_FLAGS.includes(f));
  const flag: FlagCode | null =
    state.kind === 'missing' || state.kind === 'unreadable'
      ? 'terms_missing'
      : state.kind === 'value' && state.blankAsZero
        ? 'blank_as_zero'
        : null;
  const value = state.kind === 'value' ? state.value : null;
  return { ...cell, value, raw: '', flags: flag === null ? kept : [...kept, flag] };
}

/**
 * The cells a derived cell sums: the other columns of its group for a derived column
 * (`legal_person.subtotal` ← `legal_person.*`), else the `sumOf` rows of its row, in the same column.
 */
export function derivedTermsOf(ref: CellRef): CellRef[] {
  const out: CellRef[] = [];
  if (isDerivedColumn(ref.table, ref.colKey)) {
    for (const colKey of columnGroupOf(ref.table, ref.colKey)) out.push({ ...ref, colKey });
    return out;
  }
  for (const rowKey of rowDef(ref.table, ref.rowKey)?.sumOf ?? []) out.push({ ...ref, rowKey });
  return out;
}

/** True when the first column of the table with this key is derived. */
function isDerivedColumn(table: TableId, colKey: string): boolean {
  for (const c of TABLES[table].columns) if (c.key === colKey) return c.derived === true;
  return false;
}

/** Printed columns sharing a derived column's key prefix (`legal_person.subtotal` → the five `legal_person.*`). */
function columnGroupOf(table: TableId, derivedKey: string): string[] {
  const prefix = derivedKey.slice(0, derivedKey.lastIndexOf('.') + 1);
  const out: string[] = [];
  for (const c of TABLES[table].columns) if (c.derived !== true && c.key.startsWith(prefix)) out.push(c.key);
  return out;
}

function resolveTerms(index: CellIndex, terms: readonly CellRef[], memo: Map<string, TermState>): TermState[] {
  const out: TermState[] = [];
  for (const t of terms) out.push(resolveTerm(index, t, memo));
  return out;
}

/** What a cell contributes: its printed value, blank, missing (absent too), unreadable, or its derived sum. */
export function resolveTerm(index: CellIndex, ref: CellRef, memo = new Map<string, TermState>()): TermState {
  const id = cellId(ref);
  const known = memo.get(id);
  if (known !== undefined) return known;
  const cell = index.get(id);
  if (cell === undefined) return { kind: 'missing' };
  switch (cell.provenance) {
    case 'missing':
      return { kind: 'missing' };
    case 'blank':
      return { kind: 'blank' };
    case 'printed':
      return cell.value === null ? { kind: 'unreadable' } : { kind: 'value', value: cell.value, blankAsZero: false };
    case 'derived': {
      memo.set(id, { kind: 'missing' }); // a cycle in the data would read as missing, not recurse forever
      const terms = derivedTermsOf(cell);
      const state = terms.length === 0 ? { kind: 'missing' as const } : sumStates(resolveTerms(index, terms, memo));
      memo.set(id, state);
      return state;
    }
    default:
      return assertNever(cell.provenance);
  }
}

/**
 * `resolveTerm`, except that a cell the list lacks but the layouts derive (a `sumOf` row, `legal_person.subtotal`)
 * is summed from its terms the same way, as for cells that were never emitted (hand-built or filtered lists).
 */
export function resolveCell(index: CellIndex, ref: CellRef, memo = new Map<string, TermState>()): TermState {
  if (index.has(cellId(ref))) return resolveTerm(index, ref, memo);
  const terms = derivedTermsOf(ref);
  return terms.length === 0 ? { kind: 'missing' } : sumStates(resolveTerms(index, terms, memo));
}

/** Sums term states: unavailable if any term is, blank if all are, else blanks count as 0 (and say so). */
export function sumStates(states: readonly TermState[]): TermState {
  if (states.some((s) => s.kind === 'missing')) return { kind: 'missing' };
  if (states.some((s) => s.kind === 'unreadable')) return { kind: 'unreadable' };
  const values = states.filter((s): s is Extract<TermState, { kind: 'value' }> => s.kind === 'value');
  if (values.length === 0) return { kind: 'blank' };
  const value = values.reduce((sum, s) => sum + s.value, 0);
  const blankAsZero = values.length < states.length || values.some((s) => s.blankAsZero);
  return { kind: 'value', value, blankAsZero };
}

function assertNever(value: never): never {
  throw new Error(`unexpected provenance: ${String(value)}`);
}
