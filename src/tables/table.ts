/**
 * The table model. Each cell is stored once, at its anchor slot, with its spans
 * (Docling's TableData); `gridOf` expands the spans for readers that want slots.
 */
import type { Box } from '../extract/document.js';
import type { Message } from '../report/flags.js';

export type Cell = {
  /** 0-based anchor row and column in the table grid. */
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** Text as printed: lines joined with '\n', whitespace otherwise kept as found. */
  readonly text: string;
  readonly box?: Box;
  /** 1-based page the cell was read on (PDF). */
  readonly page?: number;
};

/** How a table was found: ruled grid, text alignment, markup (DOCX/HTML spans), or a text dump's columns. */
export type TableMethod = 'lattice' | 'stream' | 'markup' | 'text';

/** How sure the finder is of this table (like Camelot's parsing_report). */
export type TableQuality = {
  /** 0..1: share of the text that fitted a cell cleanly. */
  readonly accuracy: number;
  readonly messages: readonly Message[];
};

export type Table = {
  readonly cells: readonly Cell[];
  readonly rows: number;
  readonly cols: number;
  readonly method: TableMethod;
  /** 1-based pages the table spans (empty when the format has no pages). */
  readonly pages: readonly number[];
  readonly quality: TableQuality;
};

export function cell(row: number, col: number, text: string, extra: Partial<Omit<Cell, 'row' | 'col' | 'text'>> = {}): Cell {
  return { row, col, rowSpan: 1, colSpan: 1, text, ...extra };
}

/** Builds a table from cells; the grid size follows from the cells' extents. */
export function table(
  cells: readonly Cell[],
  method: TableMethod,
  extra: { pages?: readonly number[]; quality?: TableQuality } = {},
): Table {
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    rows = Math.max(rows, c.row + c.rowSpan);
    cols = Math.max(cols, c.col + c.colSpan);
  }
  return {
    cells: [...cells].sort(byRowThenCol),
    rows,
    cols,
    method,
    pages: extra.pages ?? [],
    quality: extra.quality ?? { accuracy: 1, messages: [] },
  };
}

/** Reading order of anchors (cells, placed boxes): by row, then column. */
export function byRowThenCol(a: Pick<Cell, 'row' | 'col'>, b: Pick<Cell, 'row' | 'col'>): number {
  return a.row - b.row || a.col - b.col;
}

/** rows × cols slots; every slot covered by a span points to its anchor cell, empty slots are null. */
export function gridOf(t: Table): (Cell | null)[][] {
  const grid: (Cell | null)[][] = [];
  for (let r = 0; r < t.rows; r++) grid.push(Array<Cell | null>(t.cols).fill(null));
  for (const c of t.cells) {
    for (let r = c.row; r < c.row + c.rowSpan && r < t.rows; r++) {
      const line = grid[r]!;
      for (let k = c.col; k < c.col + c.colSpan && k < t.cols; k++) line[k] = c;
    }
  }
  return grid;
}

/** The text of each row's cells, left to right, each anchor cell once (spans not repeated). */
export function rowTexts(t: Table): string[][] {
  const rows: string[][] = Array.from({ length: t.rows }, () => []);
  for (const c of t.cells) rows[c.row]!.push(c.text);
  return rows;
}
