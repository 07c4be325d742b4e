/**
 * Compact expectations for keyed cells: a grid per table, one token per printed cell of the layout
 * ('0', '15', …: printed value; '_': blank; '?': missing), written by hand in the tests that use it.
 */
import { expect } from 'vitest';
import { layoutCells } from '../../src/report/layouts.js';
import type { Recognition } from '../../src/report/recognize.js';
import type { FlagCode } from '../../src/report/flags.js';
import type { KeyedCell, Layout, TableId } from '../../src/report/report.js';

export type Grid = { readonly fill: string; readonly rows?: Readonly<Record<string, string>> };

/** The expected token of every printed cell of a layout: `fill` for each cell, unless its row is listed. */
export function expectedGrid(table: TableId, layout: Layout, grid: Grid): Record<string, string> {
  const byRow = new Map<string, string[]>();
  for (const s of layoutCells(table, layout).filter((c) => !c.derived)) byRow.set(s.rowKey, [...(byRow.get(s.rowKey) ?? []), s.colKey]);
  const out: Record<string, string> = {};
  for (const [rowKey, cols] of byRow) {
    const tokens = (grid.rows?.[rowKey] ?? cols.map(() => grid.fill).join(' ')).split(' ');
    expect(tokens, `tokens of ${rowKey}`).toHaveLength(cols.length);
    cols.forEach((colKey, i) => (out[`${rowKey}/${colKey}`] = tokens[i]!));
  }
  for (const rowKey of Object.keys(grid.rows ?? {})) expect(byRow.has(rowKey), `${rowKey} in layout`).toBe(true);
  return out;
}

export function token(c: KeyedCell): string {
  if (c.provenance === 'blank') return c.value === null ? '_' : `blank=${c.value}`;
  if (c.provenance === 'missing') return c.value === null ? '?' : `missing=${c.value}`;
  return c.value === null ? 'printed-null' : String(c.value);
}

export function actualGrid(cells: readonly KeyedCell[], table: TableId): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of cells.filter((x) => x.table === table && x.provenance !== 'derived')) out[`${c.rowKey}/${c.colKey}`] = token(c);
  return out;
}

/** Asserts the three layouts, every printed cell's token, and that exactly the layout's derived cells are derived. */
export function expectTables(r: Recognition, layouts: Record<TableId, Layout>, grids: Record<TableId, Grid>): void {
  expect(r.layouts).toEqual(layouts);
  for (const table of Object.keys(grids) as TableId[]) {
    expect(actualGrid(r.cells, table), table).toEqual(expectedGrid(table, layouts[table], grids[table]));
    const derived = layoutCells(table, layouts[table]).filter((c) => c.derived).map((c) => `${c.rowKey}/${c.colKey}`);
    const got = r.cells.filter((c) => c.table === table && c.provenance === 'derived').map((c) => `${c.rowKey}/${c.colKey}`);
    expect(got, `${table} derived`).toEqual(derived);
  }
  expect(r.cells).toHaveLength(Object.keys(grids).reduce((n, t) => n + layoutCells(t as TableId, layouts[t as TableId]).length, 0));
}

/** Rows whose every cell carries the flag; cells that carry it outside those rows are returned as strays. */
export function flaggedRows(cells: readonly KeyedCell[], table: TableId, flag: FlagCode): { rows: string[]; strays: string[] } {
  const mine = cells.filter((c) => c.table === table && c.provenance !== 'derived');
  const keys = [...new Set(mine.map((c) => c.rowKey))];
  const rows = keys.filter((k) => mine.filter((c) => c.rowKey === k).every((c) => c.flags.includes(flag)));
  const strays = mine.filter((c) => c.flags.includes(flag) && !rows.includes(c.rowKey)).map((c) => `${c.rowKey}/${c.colKey}`);
  return { rows, strays };
}

export function cellAt(r: Recognition, table: TableId, rowKey: string, colKey: string): KeyedCell {
  const c = r.cells.find((x) => x.table === table && x.rowKey === rowKey && x.colKey === colKey);
  expect(c, `${table}/${rowKey}/${colKey}`).toBeDefined();
  return c!;
}
