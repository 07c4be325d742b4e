/**
 * Looks up keyed cells by `<table>/<rowKey>/<colKey>` for the consumers that need one sure number per cell
 * (indicators, S1, S5). Derived subtotals go through derive.ts, the one place that sums leaves, and a sum is
 * only a number when every term was printed: a subtotal that counted a blank leaf as 0 (`blank_as_zero`) or
 * lacks a term (`terms_missing`) is null here, because a blank is a missing input, not 0 (DOMAIN.md §5.2).
 */
import { cellId, DERIVATION_FLAGS, resolveCell, type CellIndex, type TermState } from './derive.js';
import type { KeyedCell, TableId } from './report.js';

export type CellLookup = (table: TableId, rowKey: string, colKey: string) => number | null;

/** The cells by key; the first cell of a key wins. */
function firstByKey(cells: readonly KeyedCell[]): CellIndex {
  const index = new Map<string, KeyedCell>();
  for (const cell of cells) if (!index.has(cellId(cell))) index.set(cellId(cell), cell);
  return index;
}

/** A term's value when it is a sum of printed numbers only (or one printed number); else null. */
function sureValue(state: TermState): number | null {
  return state.kind === 'value' && !state.blankAsZero ? state.value : null;
}

/**
 * A lookup over the cells. A printed cell gives its value, a blank, missing or unreadable one null. A derived
 * cell gives the value deriveCells stored, or null when deriveCells flagged it (`blank_as_zero`,
 * `terms_missing`); a derived cell not derived yet (value null), or absent from the cells, is summed from its
 * leaves by derive.ts with the same rule.
 */
export function cellLookup(cells: readonly KeyedCell[]): CellLookup {
  const index = firstByKey(cells);
  const memo = new Map<string, TermState>();
  return (table, rowKey, colKey) => {
    const ref = { table, rowKey, colKey };
    const cell = index.get(cellId(ref));
    if (cell?.provenance === 'derived' && cell.value !== null) {
      return cell.flags.some((f) => DERIVATION_FLAGS.includes(f)) ? null : cell.value;
    }
    return sureValue(resolveCell(index, ref, memo));
  };
}
