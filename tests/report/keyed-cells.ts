/**
 * Test helper: every cell of a layout (from layoutCells) as KeyedCells, with chosen values.
 * Printed cells default to `fill`; derived cells are always left uncomputed (value null, raw '').
 */
import { layoutCells, REVIEW_LITIGATION_ORDER, unitOf } from '../../src/report/layouts.js';
import { REQUEST_COLUMNS } from '../../src/report/relations.js';
import type { KeyedCell, Layout, TableId } from '../../src/report/report.js';

/** A number is printed; the words give the other provenances ('unreadable' = printed text that is no number). */
export type CellValue = number | 'blank' | 'missing' | 'unreadable';

/** Values keyed `row/col` within one table. */
export type TableValues = Readonly<Record<string, CellValue>>;

export function keyedCell(table: TableId, rowKey: string, colKey: string, v: CellValue | 'derived'): KeyedCell {
  const base = { table, rowKey, colKey, unit: unitOf(table, colKey), rowLabel: rowKey, colLabel: colKey, page: null };
  switch (v) {
    case 'derived':
      return { ...base, value: null, provenance: 'derived', raw: '', flags: [] };
    case 'blank':
      return { ...base, value: null, provenance: 'blank', raw: '', flags: [] };
    case 'missing':
      return { ...base, value: null, provenance: 'missing', raw: '', flags: ['missing_rows'] };
    case 'unreadable':
      return { ...base, value: null, provenance: 'printed', raw: '见附件', flags: ['not_a_number'] };
    default:
      return { ...base, value: v, provenance: 'printed', raw: String(v), flags: [] };
  }
}

/** All cells of one table in a layout: `values` where given, else `fill`. */
export function tableCells(table: TableId, layout: Layout, values: TableValues = {}, fill: CellValue = 0): KeyedCell[] {
  return layoutCells(table, layout).map((spec) => {
    const v = spec.derived ? 'derived' : (values[`${spec.rowKey}/${spec.colKey}`] ?? fill);
    return keyedCell(table, spec.rowKey, spec.colKey, v);
  });
}

/** One Table B row as printed: seven values in column order (自然人, five 法人, 总计). */
export function requestRow(rowKey: string, values: readonly CellValue[]): Record<string, CellValue> {
  if (values.length !== REQUEST_COLUMNS.length) throw new Error(`row ${rowKey}: ${values.length} values`);
  return Object.fromEntries(REQUEST_COLUMNS.map((col, i) => [`${rowKey}/${col}`, values[i] ?? 'missing']));
}

/** Table C's flat row of 15 numbers (DOMAIN.md §2.3b). */
export function reviewRow(values: readonly CellValue[]): Record<string, CellValue> {
  if (values.length !== REVIEW_LITIGATION_ORDER.length) throw new Error(`${values.length} values`);
  return Object.fromEntries(REVIEW_LITIGATION_ORDER.map((k, i) => [`${k.rowKey}/${k.colKey}`, values[i] ?? 'missing']));
}

export function find(cells: readonly KeyedCell[], table: TableId, rowKey: string, colKey: string): KeyedCell {
  const cell = cells.find((c) => c.table === table && c.rowKey === rowKey && c.colKey === colKey);
  if (cell === undefined) throw new Error(`no cell ${table}/${rowKey}/${colKey}`);
  return cell;
}
