/**
 * Repairs applied to a header before its columns are named: what text dumps and PDF drawings get wrong about
 * the span structure. Each works on the grid of slots (gridOf) and leaves the table itself untouched.
 */
import type { Cell, Table } from './table.js';
import { cleanLabel, isBlankText, isDashText, isNumberText } from './cell-text.js';
import type { HeaderRows } from './header-rows.js';

/** rows × cols slots, each pointing to the cell anchored there or spanning over it (see gridOf). */
export type Slots = readonly (readonly (Cell | null)[])[];

/**
 * Text dumps lose spans: a header row with fewer fields than the table has columns ("行政复议 | 行政诉讼" over
 * 15 columns) cannot be placed over its columns, and naming by position would give wrong parents. In a 'text'
 * table such rows are left out of the names (their slots become null); other methods keep every row.
 */
export function placeableHeaderRows(t: Table, grid: Slots, rows: HeaderRows): (Cell | null)[][] {
  const out: (Cell | null)[][] = [];
  for (let r = 0; r < grid.length; r++) {
    const line = grid[r]!;
    const inHeader = r >= rows.start && r < rows.end;
    const short = t.method === 'text' && anchorCount(line, r) < t.cols;
    out.push(inHeader && short ? Array<Cell | null>(line.length).fill(null) : [...line]);
  }
  return out;
}

/** How many slots of row r are covered by cells anchored in row r. */
function anchorCount(line: readonly (Cell | null)[], r: number): number {
  let n = 0;
  for (const c of line) if (c && c.row === r) n++;
  return n;
}

/**
 * Heals a parent header cell that a stray ruling cut in two, leaving an empty piece beside the labelled one
 * (a PDF draws "行政诉讼" over 10 columns as an empty box over 3 and a labelled box over 7). A child below
 * that reaches from under the empty piece to under the labelled one proves they are one cell: the empty
 * piece's slots then point to the labelled cell. Only header rows change; the table is not touched.
 */
export function mergeSplitParents(grid: Slots, rows: HeaderRows): (Cell | null)[][] {
  const healed = grid.map((line) => [...line]);
  for (let r = rows.start; r < rows.end; r++) {
    for (const piece of new Set(grid[r] ?? [])) {
      if (piece === null || piece.row !== r || cleanLabel(piece.text) !== '') continue;
      const parent = labelledNeighbourOver(grid, piece, rows.end);
      if (parent === undefined) continue;
      for (let k = r; k < piece.row + piece.rowSpan; k++) {
        for (let c = piece.col; c < piece.col + piece.colSpan; c++) healed[k]![c] = parent;
      }
    }
  }
  return healed;
}

/** The labelled cell beside an empty piece, ending on the same row, that a header child below both reaches. */
function labelledNeighbourOver(grid: Slots, piece: Cell, end: number): Cell | undefined {
  const below = piece.row + piece.rowSpan;
  if (below >= end) return undefined;
  const line = grid[piece.row] ?? [];
  for (let c = piece.col; c < piece.col + piece.colSpan; c++) {
    const child = grid[below]?.[c];
    if (!child) continue;
    for (let k = child.col; k < child.col + child.colSpan; k++) {
      const other = line[k];
      const sameBottom = other && other.row + other.rowSpan === below;
      if (other && other !== piece && sameBottom && cleanLabel(other.text) !== '') return other;
    }
  }
  return undefined;
}

/**
 * Header leaves printed in the first body row: a PDF may draw "类 | 款 | 项" in the same row as the 合计 line,
 * under a header cell "科目编码" spanning those three columns. When the first body row divides such a bottom
 * header cell into two or more cells that all hold labels (no number, dash or blank), each label becomes the
 * last part of its columns' names. The row itself stays in the body, as printed.
 */
export function leavesInFirstBodyRow(grid: Slots, rows: HeaderRows): (string | undefined)[] {
  const leaves: (string | undefined)[] = [];
  const bottom = grid[rows.end - 1];
  const first = grid[rows.end];
  if (rows.end <= rows.start || !bottom || !first) return leaves;
  for (const parent of new Set(bottom)) {
    if (!parent || parent.colSpan < 2 || parent.row + parent.rowSpan !== rows.end) continue;
    const range = first.slice(parent.col, parent.col + parent.colSpan);
    const children = [...new Set(range)];
    const labelled = children.every((c) => c !== null && c.row === rows.end && insideColumns(c, parent) && isLabel(c.text));
    if (children.length < 2 || !labelled) continue;
    range.forEach((c, i) => (leaves[parent.col + i] = cleanLabel(c!.text)));
  }
  return leaves;
}

function insideColumns(c: Cell, parent: Cell): boolean {
  return c.col >= parent.col && c.col + c.colSpan <= parent.col + parent.colSpan;
}

function isLabel(text: string): boolean {
  return !isBlankText(text) && !isNumberText(text) && !isDashText(text);
}
