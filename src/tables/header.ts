/**
 * Header flattening: a table with merged header cells becomes one name per column
 * ("申请人情况/法人或其他组织/商业企业") and plain body rows, which is what generic table extractors lose.
 *
 * The naming rule, in full (the generic tables of every report follow it):
 * 1. A column is named by the labels of the distinct header cells above it, top to bottom, joined by "/".
 * 2. A header cell names every column it spans: a parent's label prefixes each column below it, and a leaf cell
 *    spanning k columns gives those k columns the same name (Table B's note cell over its three stub columns).
 * 3. A column with no label at all is `col_<n>` (n counts columns from 1).
 * 4. Equal names are then made unique in column order: the first keeps its name, the second gets " (2)", the
 *    third " (3)"… (`uniqueNames`). So Table B's stub columns are "<note>", "<note> (2)", "<note> (3)".
 */
import { blocksOf, type Block, type Document } from '../extract/document.js';
import type { GenericTable } from '../report/report.js';
import { gridOf, type Cell, type Table } from './table.js';
import { cleanLabel } from './cell-text.js';
import { DEFAULT_HEADER_SETTINGS, detectHeaderRows, type HeaderRows, type HeaderSettings } from './header-rows.js';
import { leavesInFirstBodyRow, mergeSplitParents, placeableHeaderRows, type Slots } from './header-repairs.js';

export { detectHeaderRows, resolveHeaderSettings, DEFAULT_HEADER_SETTINGS } from './header-rows.js';
export type { HeaderRows, HeaderRule, HeaderSettings } from './header-rows.js';
export { leavesInFirstBodyRow, mergeSplitParents, placeableHeaderRows } from './header-repairs.js';

/** Joins the labels of the header cells above a column, parent first. */
export const NAME_SEPARATOR = '/';

export type FlatTable = {
  /** The caption rows' text (a title spanning the whole width above the header), '' when there is none. */
  readonly caption: string;
  /** One unique name per grid column. */
  readonly header: readonly string[];
  /**
   * Body rows, one text per grid column. A spanned body cell gives its text in its anchor slot (its top-left)
   * and '' in every slot it covers, so no text is repeated and every row has `cols` entries.
   */
  readonly rows: readonly (readonly string[])[];
  /** Where the header was found, and by which rule. */
  readonly headerRows: HeaderRows;
};

/** Flattens a table's header into one name per column and lists its body rows (see FlatTable). */
export function flattenHeader(t: Table, settings: HeaderSettings = DEFAULT_HEADER_SETTINGS): FlatTable {
  const grid = gridOf(t);
  const headerRows = detectHeaderRows(t, settings);
  const headerGrid = mergeSplitParents(placeableHeaderRows(t, grid, headerRows), headerRows);
  const leaves = leavesInFirstBodyRow(grid, headerRows);
  const names: string[] = [];
  for (let col = 0; col < t.cols; col++) names.push(columnName(headerGrid, headerRows, col, leaves[col]));
  return {
    caption: captionText(grid, headerRows.start),
    header: uniqueNames(names),
    rows: bodyRows(grid, headerRows.end),
    headerRows,
  };
}

/** Every table block of a (built) document in reading order, flattened. */
export function genericTables(doc: Document, settings: HeaderSettings = DEFAULT_HEADER_SETTINGS): GenericTable[] {
  const tables = blocksOf(doc).flatMap(tablesOf);
  return tables.map((t, index) => {
    const flat = flattenHeader(t, settings);
    return { index, pages: t.pages, method: t.method, header: flat.header, rows: flat.rows };
  });
}

function tablesOf(b: Block): Table[] {
  return b.kind === 'table' ? [b.table] : [];
}

/** Name of a column with no label (rule 3 of the module comment); `col` counts from 0. */
export function blankColumnName(col: number): string {
  return `col_${col + 1}`;
}

/**
 * The name of one column: the labels of the distinct header cells above it, top to bottom, then `leaf` if
 * given. A cell merged over several header rows counts once; empty labels are skipped, and so is a label
 * equal to the one just above it. A column with no label at all gets `blankColumnName`.
 */
export function columnName(
  grid: Slots,
  rows: HeaderRows,
  col: number,
  leaf: string | undefined = undefined,
): string {
  const parts: string[] = [];
  let previous: Cell | null = null;
  for (let r = rows.start; r < rows.end; r++) {
    const c = grid[r]?.[col] ?? null;
    if (c === null || c === previous) continue;
    previous = c;
    addPart(parts, cleanLabel(c.text));
  }
  if (leaf !== undefined) addPart(parts, leaf);
  return parts.length > 0 ? parts.join(NAME_SEPARATOR) : blankColumnName(col);
}

function addPart(parts: string[], label: string): void {
  if (label !== '' && label !== parts.at(-1)) parts.push(label);
}

/**
 * Makes names unique in order (rule 4 of the module comment): the second "总计" becomes "总计 (2)", the third
 * "总计 (3)"; a suffixed name that is itself taken counts on ("a (2)" already used → "a (3)").
 */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = `${name} (${n})`;
    used.add(unique);
    out.push(unique);
  }
  return out;
}

/** Body rows from `end` down: each slot's text in its anchor slot, '' where a span covers it or nothing is. */
export function bodyRows(grid: Slots, end: number): string[][] {
  const body = grid.slice(end);
  const rows: string[][] = [];
  for (let offset = 0; offset < body.length; offset++) rows.push(anchorTexts(body[offset]!, end + offset));
  return rows;
}

/** One row of slots as texts: a cell's label in its anchor slot, '' elsewhere. */
function anchorTexts(line: readonly (Cell | null)[], row: number): string[] {
  const texts: string[] = [];
  for (let col = 0; col < line.length; col++) {
    const c = line[col] ?? null;
    texts.push(c !== null && c.row === row && c.col === col ? cleanLabel(c.text) : '');
  }
  return texts;
}

/** The caption rows' labels joined by a space. */
function captionText(grid: Slots, start: number): string {
  return grid
    .slice(0, start)
    .map((line) => cleanLabel(line[0]?.text ?? ''))
    .filter((s) => s !== '')
    .join(' ');
}
