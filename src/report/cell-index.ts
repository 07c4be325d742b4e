/**
 * Looks up keyed cells by `<table>/<rowKey>/<colKey>`, and sums leaves into the subtotals a layout never prints
 * (the `sumOf` rows of layouts.ts) when no derived value came with the cells. A sum is null as soon as one
 * term is null: a blank is not 0.
 */
import { rowDef } from './layouts.js';
import type { KeyedCell, TableId } from './report.js';

export type CellLookup = (table: TableId, rowKey: string, colKey: string) => number | null;

function keyOf(table: TableId, rowKey: string, colKey: string): string {
  return `${table}/${rowKey}/${colKey}`;
}

/** Sum of the terms, or null when any term is null. */
export function sumOrNull(terms: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const term of terms) {
    if (term === null) return null;
    sum += term;
  }
  return sum;
}

/**
 * A lookup over the cells (the first cell of a key wins). A derived row absent from the cells, or present
 * with a null value, is summed from its leaves.
 */
export function cellLookup(cells: readonly KeyedCell[]): CellLookup {
  const values = new Map<string, number | null>();
  for (const cell of cells) {
    const key = keyOf(cell.table, cell.rowKey, cell.colKey);
    if (!values.has(key)) values.set(key, cell.value);
  }
  const lookup: CellLookup = (table, rowKey, colKey) => {
    const value = values.get(keyOf(table, rowKey, colKey)) ?? null;
    if (value !== null) return value;
    const leaves = rowDef(table, rowKey)?.sumOf;
    return leaves === undefined ? null : sumOrNull(leaves.map((leaf) => lookup(table, leaf, colKey)));
  };
  return lookup;
}
