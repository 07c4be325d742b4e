/**
 * Text into placed cell boxes: each word goes to the cell holding its midpoint (pdfplumber's
 * Table.extract), then the cell's words become its text (lines.ts). Shared by lattice and stream.
 */
import type { Box, Word } from '../extract/document.js';
import { cell as makeCell, table as makeTable, type Cell, type Table, type TableMethod } from './table.js';
import { identity, lowerBound } from './cluster.js';
import { boxWidth, midX, midY } from './geometry.js';
import type { Grid, PlacedBox } from './lattice.js';
import { cellText } from './lines.js';
import { DEFAULT_TABLE_SETTINGS } from './settings.js';

/** The TableSettings fields that turn placed words into cell text (see settings.ts for their meaning). */
export type TextSettings = {
  readonly lineOverlapShare: number;
  readonly spaceGapShare: number;
  readonly cellFitSlack: number;
  readonly columnCrossSlack: number;
};

/** Index of the grid interval holding v (between lines[i] and lines[i+1]); -1 outside. */
function intervalOf(lines: readonly number[], v: number): number {
  if (lines.length < 2 || v < lines[0]! || v > lines[lines.length - 1]!) return -1;
  const i = lowerBound(lines, v, identity);
  return Math.max(0, Math.min(lines.length - 2, lines[i] === v ? i : i - 1));
}

/**
 * A word that runs across grid columns and holds spaces (a producer that set a whole row as one
 * string) is cut at its spaces, each piece placed by its share of the characters.
 */
export function splitAtColumns(w: Word, xs: readonly number[], slack = DEFAULT_TABLE_SETTINGS.columnCrossSlack): Word[] {
  if (!crossesColumn(w.box, xs, slack) || w.vertical === true || !/\S\s+\S/.test(w.text)) return [w];
  const chars = [...w.text];
  const step = boxWidth(w.box) / chars.length;
  const pieces: Word[] = [];
  const re = /\S+/gu;
  for (let m = re.exec(w.text); m; m = re.exec(w.text)) {
    const start = [...w.text.slice(0, m.index)].length;
    const len = [...m[0]].length;
    pieces.push({ text: m[0], box: { ...w.box, x0: w.box.x0 + start * step, x1: w.box.x0 + (start + len) * step } });
  }
  return pieces;
}

/** Some grid line runs through the box, more than `slack` inside its left and right sides. */
function crossesColumn(box: Box, xs: readonly number[], slack: number): boolean {
  for (const x of xs) if (x > box.x0 + slack && x < box.x1 - slack) return true;
  return false;
}

/** Words per placed cell (same order as grid.cells), plus the words that fitted no cell. */
export function assignWordsToCells(
  words: readonly Word[],
  grid: Grid,
  columnCrossSlack = DEFAULT_TABLE_SETTINGS.columnCrossSlack,
): { perCell: Word[][]; unplaced: Word[] } {
  const slot = new Map<string, number>();
  const perCell: Word[][] = [];
  for (let i = 0; i < grid.cells.length; i++) {
    const c = grid.cells[i]!;
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) slot.set(`${r},${k}`, i);
    perCell.push([]);
  }
  const unplaced: Word[] = [];
  for (const x of words) {
    for (const w of splitAtColumns(x, grid.xs, columnCrossSlack)) {
      const col = intervalOf(grid.xs, midX(w.box));
      const row = intervalOf(grid.ys, midY(w.box));
      const index = col < 0 || row < 0 ? undefined : slot.get(`${row},${col}`);
      if (index === undefined) unplaced.push(w);
      else perCell[index]!.push(w);
    }
  }
  return { perCell, unplaced };
}

function fits(w: Word, b: Box, slack: number): boolean {
  return w.box.x0 >= b.x0 - slack && w.box.x1 <= b.x1 + slack && w.box.y0 >= b.y0 - slack && w.box.y1 <= b.y1 + slack;
}

function countFitting(words: readonly Word[], b: Box, slack: number): number {
  let n = 0;
  for (const w of words) if (fits(w, b, slack)) n++;
  return n;
}

/** Builds the Table: one Cell per placed box, its text from its words; accuracy = share of words that fit cleanly. */
export function gridToTable(
  grid: Grid,
  words: readonly Word[],
  method: TableMethod,
  pageNumber: number,
  settings: TextSettings,
): Table {
  const { perCell, unplaced } = assignWordsToCells(words, grid, settings.columnCrossSlack);
  let clean = 0;
  const cells: Cell[] = [];
  for (let i = 0; i < grid.cells.length; i++) {
    const c: PlacedBox = grid.cells[i]!;
    const own = perCell[i]!;
    clean += countFitting(own, c.box, settings.cellFitSlack);
    const text = cellText(own, settings.lineOverlapShare, settings.spaceGapShare);
    cells.push(makeCell(c.row, c.col, text, { rowSpan: c.rowSpan, colSpan: c.colSpan, box: c.box, page: pageNumber }));
  }
  const total = clean + (perCell.flat().length - clean) + unplaced.length;
  const accuracy = total === 0 ? 1 : clean / total;
  return makeTable(cells, method, { pages: [pageNumber], quality: { accuracy, messages: [] } });
}
