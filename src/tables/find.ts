/**
 * The table finder for one PDF page: runs the ladder and keeps what each step produced
 * (pdfplumber's TableFinder). `layoutPdfPage` then fills the page's blocks with paragraphs
 * and tables in reading order.
 */
import type { Block, Box, Page, Word } from '../extract/document.js';
import { tableBlock } from '../extract/document.js';
import type { Table } from './table.js';
import { DEFAULT_TABLE_SETTINGS, type TableSettings } from './settings.js';
import { closeOpenEnds, filterEdges, joinEdges, rulingsToEdges, snapEdges, wordMidpointIn, type Edge } from './geometry.js';
import { cellsToTables, edgesToIntersections, intersectionsToCells, placeCells, type Grid, type Intersection } from './lattice.js';
import { gridToTable } from './cells.js';
import { streamTables } from './stream.js';
import { groupLines } from './lines.js';
import { linesToParagraphs } from './paragraphs.js';

export type FoundTable = { readonly table: Table; readonly box: Box };

/** The intermediates of the lattice ladder, for a review page to draw. */
export type FinderDebug = {
  readonly edges: readonly Edge[];
  readonly intersections: readonly Intersection[];
  readonly cellBoxes: readonly Box[];
};

export type TableFinding = { readonly tables: readonly FoundTable[]; readonly debug?: FinderDebug };

/** Ruled grids of a page: rulings → edges → snapped → joined → intersections → cells → tables. */
export function findLatticeGrids(page: Page, s: TableSettings): { grids: Grid[]; debug: FinderDebug } {
  const snapped = snapEdges(rulingsToEdges(page.rulings), s.snapXTolerance, s.snapYTolerance);
  const joined = filterEdges(joinEdges(snapped, s.joinXTolerance, s.joinYTolerance), s.edgeMinLength);
  const closed = s.openEndMinEdges > 0 ? closeOpenEnds(joined, s.snapYTolerance, s.openEndMinEdges) : joined;
  // Closing edges can overlap drawn ones: snap and join again so each rule is one edge.
  const edges = joinEdges(snapEdges(closed, s.snapXTolerance, s.snapYTolerance), s.joinXTolerance, s.joinYTolerance);
  const intersections = edgesToIntersections(edges, s.intersectionXTolerance, s.intersectionYTolerance);
  const cellBoxes = intersectionsToCells(intersections);
  const tolerance = Math.min(s.snapXTolerance, s.snapYTolerance);
  const grids = cellsToTables(cellBoxes)
    .filter((group) => group.length >= s.minCells)
    .map((group) => placeCells(group, tolerance));
  return { grids, debug: { edges, intersections, cellBoxes } };
}

function gridBox(g: Grid): Box {
  return { x0: g.xs[0]!, y0: g.ys[0]!, x1: g.xs[g.xs.length - 1]!, y1: g.ys[g.ys.length - 1]! };
}

/** The words whose midpoints lie inside the box, and the others, each in their order. */
function splitByBox(words: readonly Word[], box: Box): { inside: Word[]; outside: Word[] } {
  const inside: Word[] = [];
  const outside: Word[] = [];
  for (const w of words) (wordMidpointIn(w, box) ? inside : outside).push(w);
  return { inside, outside };
}

/** Finds the tables of a page: ruled ones first, then (strategy 'auto' or 'stream') aligned text among the words left. */
export function findTables(page: Page, settings: TableSettings = DEFAULT_TABLE_SETTINGS): TableFinding {
  const found: FoundTable[] = [];
  let free: readonly Word[] = page.words;
  let debug: FinderDebug | undefined;
  if (settings.strategy !== 'stream') {
    const lattice = findLatticeGrids(page, settings);
    debug = lattice.debug;
    for (const grid of lattice.grids) {
      const box = gridBox(grid);
      const { inside, outside } = splitByBox(free, box);
      found.push({ table: gridToTable(grid, inside, 'lattice', page.number, settings), box });
      free = outside;
    }
  }
  if (settings.strategy !== 'lattice') {
    for (const t of streamTables(free, page.number, settings)) found.push({ table: t.table, box: t.box });
  }
  found.sort(byTopThenLeft);
  return settings.debug && debug ? { tables: found, debug } : { tables: found };
}

function byTopThenLeft(a: FoundTable, b: FoundTable): number {
  return a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0;
}

function byTop(a: PlacedBlock, b: PlacedBlock): number {
  return a.top - b.top;
}

function inAnyTable(w: Word, tables: readonly FoundTable[]): boolean {
  for (const t of tables) if (wordMidpointIn(w, t.box)) return true;
  return false;
}

type PlacedBlock = { readonly top: number; readonly block: Block };

/** The page with `blocks` filled: paragraphs from the words outside tables, and the tables, ordered by their tops. */
export function layoutPdfPage(page: Page, settings: TableSettings = DEFAULT_TABLE_SETTINGS): Page {
  const { tables } = findTables(page, settings);
  const outside: Word[] = [];
  for (const w of page.words) if (!inAnyTable(w, tables)) outside.push(w);
  const paragraphs = linesToParagraphs(groupLines(outside, settings.lineOverlapShare), settings);
  const placed: PlacedBlock[] = [];
  for (const p of paragraphs) placed.push({ top: p.box?.y0 ?? 0, block: p });
  for (const t of tables) placed.push({ top: t.box.y0, block: tableBlock(t.table) });
  placed.sort(byTop);
  return { ...page, blocks: placed.map((p) => p.block) };
}
