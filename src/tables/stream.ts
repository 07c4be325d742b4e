/**
 * Unruled (and partly ruled) tables from text alignment (Camelot's stream as the model): lines that
 * break into two or more cells by wide gaps form row runs; the cells of the fullest rows give the
 * column bands; every row's cells are placed on those bands (a cell over several bands spans them).
 */
import type { Box, Word } from '../extract/document.js';
import type { Table } from './table.js';
import { boxHeight, midX, unionBoxes } from './geometry.js';
import { DEFAULT_TABLE_SETTINGS } from './settings.js';
import { groupLines, type TextLine } from './lines.js';
import { gridToTable, type TextSettings } from './cells.js';
import type { Grid, PlacedBox } from './lattice.js';

export type StreamSettings = TextSettings & {
  readonly streamColumnGap: number;
  readonly streamMinRows: number;
  readonly streamMinCols: number;
  readonly streamMinRowCells: number;
  readonly streamMaxRowGap: number;
};

export type Segment = { readonly words: readonly Word[]; readonly box: Box };
export type StreamRow = { readonly line: TextLine; readonly segments: readonly Segment[] };
export type Band = { readonly x0: number; readonly x1: number };
export type StreamTable = { readonly table: Table; readonly box: Box; readonly words: readonly Word[] };

/** Splits a line where the gap between words is wider than `gapHeights` text heights. */
export function lineToSegments(line: TextLine, gapHeights: number): Segment[] {
  const segments: Word[][] = [];
  let current: Word[] = [];
  for (const w of line.words) {
    const prev = current[current.length - 1];
    if (prev && w.box.x0 - prev.box.x1 > gapHeights * Math.max(boxHeight(prev.box), boxHeight(w.box))) {
      segments.push(current);
      current = [];
    }
    current.push(w);
  }
  if (current.length > 0) segments.push(current);
  return segments.map((ws) => ({ words: ws, box: unionBoxes(ws.map((w) => w.box))! }));
}

/**
 * Runs of consecutive rows with `streamMinRowCells` (two) or more cells, close enough to each other; a row with
 * fewer (a wrapped label) may sit inside a run but not at its ends.
 */
export function findRowRuns(rows: readonly StreamRow[], s: StreamSettings): StreamRow[][] {
  const runs: StreamRow[][] = [];
  const min = s.streamMinRowCells;
  let run: StreamRow[] = [];
  for (const row of rows) {
    const prev = run[run.length - 1];
    const gap = prev ? row.line.box.y0 - prev.line.box.y1 : 0;
    const tooFar = prev !== undefined && gap > s.streamMaxRowGap * boxHeight(prev.line.box);
    if (tooFar || (!isTableRow(row, min) && (run.length === 0 || !isTableRow(prev!, min)))) {
      closeRun(run, runs, s);
      run = [];
    }
    if (isTableRow(row, min) || run.length > 0) run.push(row);
  }
  closeRun(run, runs, s);
  return runs;
}

function isTableRow(r: StreamRow, minRowCells: number): boolean {
  return r.segments.length >= minRowCells;
}

/** Ends a run: trailing rows with too few cells go; the run is kept when it has enough table rows. */
function closeRun(run: StreamRow[], runs: StreamRow[][], s: StreamSettings): void {
  while (run.length > 0 && !isTableRow(run[run.length - 1]!, s.streamMinRowCells)) run.pop();
  let count = 0;
  for (const r of run) if (isTableRow(r, s.streamMinRowCells)) count++;
  if (count >= s.streamMinRows) runs.push(run);
}

/** Column bands: the merged x-extents of the cells of the rows with the usual (most common) cell count or more. */
export function columnBands(rows: readonly StreamRow[], minRowCells = DEFAULT_TABLE_SETTINGS.streamMinRowCells): Band[] {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.segments.length >= minRowCells) counts.set(r.segments.length, (counts.get(r.segments.length) ?? 0) + 1);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? minRowCells;
  const spans = rows
    .filter((r) => r.segments.length >= usual)
    .flatMap((r) => r.segments.map((g) => ({ x0: g.box.x0, x1: g.box.x1 })))
    .sort((a, b) => a.x0 - b.x0);
  const bands: Band[] = [];
  for (const s of spans) {
    const last = bands[bands.length - 1];
    if (last && s.x0 <= last.x1) bands[bands.length - 1] = { x0: last.x0, x1: Math.max(last.x1, s.x1) };
    else bands.push(s);
  }
  return bands;
}

/** The bands a segment covers: those it overlaps, or the nearest one. */
function bandRange(box: Box, bands: readonly Band[]): [number, number] {
  const hit = bands.map((b, i) => (box.x0 < b.x1 && box.x1 > b.x0 ? i : -1)).filter((i) => i >= 0);
  if (hit.length > 0) return [hit[0]!, hit[hit.length - 1]!];
  const mid = midX(box);
  let best = 0;
  bands.forEach((b, i) => {
    const d = Math.min(Math.abs(b.x0 - mid), Math.abs(b.x1 - mid));
    const bestBand = bands[best]!;
    if (d < Math.min(Math.abs(bestBand.x0 - mid), Math.abs(bestBand.x1 - mid))) best = i;
  });
  return [best, best];
}

/** Grid lines halfway between bands and between rows; one placed cell per filled range, 1×1 blanks elsewhere. */
export function rowsToGrid(rows: readonly StreamRow[], bands: readonly Band[]): Grid {
  const xs = [bands[0]!.x0, ...bands.slice(1).map((b, i) => (bands[i]!.x1 + b.x0) / 2), bands[bands.length - 1]!.x1];
  const lineBoxes = rows.map((r) => r.line.box);
  const ys = [lineBoxes[0]!.y0, ...lineBoxes.slice(1).map((b, i) => (lineBoxes[i]!.y1 + b.y0) / 2), lineBoxes[lineBoxes.length - 1]!.y1];
  const cells: PlacedBox[] = [];
  rows.forEach((r, row) => {
    const ranges = mergeRanges(r.segments.map((g) => bandRange(g.box, bands)));
    let col = 0;
    for (const [from, to] of ranges) {
      for (; col < from; col++) cells.push(slotBox(xs, ys, row, col, 1));
      cells.push(slotBox(xs, ys, row, from, to - from + 1));
      col = to + 1;
    }
    for (; col < bands.length; col++) cells.push(slotBox(xs, ys, row, col, 1));
  });
  return { xs, ys, cells };
}

function mergeRanges(ranges: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...ranges].sort((p, q) => p[0] - q[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function slotBox(xs: readonly number[], ys: readonly number[], row: number, col: number, colSpan: number): PlacedBox {
  const box = { x0: xs[col]!, y0: ys[row]!, x1: xs[col + colSpan]!, y1: ys[row + 1]! };
  return { box, row, col, rowSpan: 1, colSpan };
}

function isHorizontal(w: Word): boolean {
  return w.vertical !== true;
}

/** Tables of a page's words that no ruled table took. */
export function streamTables(words: readonly Word[], pageNumber: number, s: StreamSettings): StreamTable[] {
  const rows: StreamRow[] = [];
  for (const line of groupLines(words.filter(isHorizontal), s.lineOverlapShare)) {
    rows.push({ line, segments: lineToSegments(line, s.streamColumnGap) });
  }
  const out: StreamTable[] = [];
  for (const run of findRowRuns(rows, s)) {
    const bands = columnBands(run, s.streamMinRowCells);
    if (bands.length < s.streamMinCols) continue;
    const grid = rowsToGrid(run, bands);
    const runWords = run.flatMap((r) => r.line.words);
    const box = { x0: grid.xs[0]!, y0: grid.ys[0]!, x1: grid.xs[grid.xs.length - 1]!, y1: grid.ys[grid.ys.length - 1]! };
    out.push({ table: gridToTable(grid, runWords, 'stream', pageNumber, s), box, words: runWords });
  }
  return out;
}
