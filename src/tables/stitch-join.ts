/**
 * Joining two parts of a table cut by a page break, on their cells: common column boundaries,
 * a repeated header dropped, spanning labels and cut rows rejoined.
 */
import type { Cell, Table } from './table.js';
import { clusterValues, nearestIndex } from './cluster.js';
import { LIST_MARKER } from '../normalize/enumerators.js';
import { readsAsNumber } from '../normalize/numbers.js';
import { compactText } from '../normalize/text.js';

/** Sorted column boundaries of a table, from its cells' boxes (tables without boxes have none). */
export function columnBoundaries(t: Table, tolerance: number): number[] {
  const xs: number[] = [];
  for (const c of t.cells) if (c.box) xs.push(c.box.x0, c.box.x1);
  return clusterValues(xs, tolerance);
}

/** Every boundary of `inner` lies on one of `outer`, and both share their outer edges. */
export function boundariesFit(inner: readonly number[], outer: readonly number[], tolerance: number): boolean {
  if (inner.length < 2 || outer.length < 2) return false;
  const sameEdges =
    Math.abs(inner[0]! - outer[0]!) <= tolerance && Math.abs(inner[inner.length - 1]! - outer[outer.length - 1]!) <= tolerance;
  if (!sameEdges) return false;
  for (const x of inner) if (!nearAny(outer, x, tolerance)) return false;
  return true;
}

function nearAny(values: readonly number[], x: number, tolerance: number): boolean {
  for (const v of values) if (Math.abs(v - x) <= tolerance) return true;
  return false;
}

/** The cells placed on the column boundaries `xs` (a part with fewer columns gets wider spans), rows shifted. */
export function remapCells(t: Table, xs: readonly number[], rowOffset: number): Cell[] {
  const out: Cell[] = [];
  for (const c of t.cells) out.push(remapCell(c, xs, rowOffset));
  return out;
}

function remapCell(c: Cell, xs: readonly number[], rowOffset: number): Cell {
  if (!c.box) return { ...c, row: c.row + rowOffset };
  const col = nearestIndex(xs, c.box.x0);
  const colSpan = Math.max(1, nearestIndex(xs, c.box.x1) - col);
  return { ...c, row: c.row + rowOffset, col, colSpan };
}

function cellsInRow(cells: readonly Cell[], row: number): Cell[] {
  const out: Cell[] = [];
  for (const c of cells) if (c.row === row) out.push(c);
  return out;
}

function rowSignature(cells: readonly Cell[], row: number): string {
  return cellsInRow(cells, row).sort(byCol).map(cellSignature).join('|');
}

function byCol(a: Cell, b: Cell): number {
  return a.col - b.col;
}

function cellSignature(c: Cell): string {
  return `${c.col}:${c.colSpan}:${compactText(c.text)}`;
}

function rowHasText(cells: readonly Cell[], row: number): boolean {
  for (const c of cells) if (c.row === row && compactText(c.text) !== '') return true;
  return false;
}

/** How many leading rows of the continuation repeat the first part's leading rows (a repeated header). */
export function repeatedHeaderRows(first: readonly Cell[], next: readonly Cell[], nextRows: number): number {
  let k = 0;
  while (k < nextRows) {
    const a = rowSignature(first, k);
    const b = rowSignature(next, k);
    if (a === '' || a !== b || !rowHasText(next, k)) break;
    k++;
  }
  return k;
}

/** Removes the first `count` rows (cells anchored there go; cells reaching below are trimmed) and shifts the rest up. */
export function dropLeadingRows(cells: readonly Cell[], count: number): Cell[] {
  if (count === 0) return [...cells];
  const out: Cell[] = [];
  for (const c of cells) {
    if (c.row + c.rowSpan <= count) continue;
    const row = Math.max(c.row, count);
    out.push({ ...c, row: row - count, rowSpan: c.row + c.rowSpan - row });
  }
  return out;
}

/** Columns left of the first column that holds a number below the header: the row labels. 0 when no number. */
export function labelColumnCount(cells: readonly Cell[]): number {
  let first = Number.POSITIVE_INFINITY;
  for (const c of cells) if (readsAsNumber(c.text)) first = Math.min(first, c.col);
  return first === Number.POSITIVE_INFINITY ? 0 : first;
}

/**
 * Rejoins what the break cut, at the seam between the last row of the first part (`seam - 1`)
 * and the first row of the continuation (`seam`):
 * - an empty label cell under a label that spans rows (or spans rows itself) extends that label;
 * - a first row with no values whose labels are fragments (no list marker) joins the row above.
 */
export function rejoinAtSeam(cells: readonly Cell[], seam: number): Cell[] {
  const labels = labelColumnCount(cells);
  if (labels === 0) return [...cells];
  let out = extendSpanningLabels(cells, seam, labels);
  out = joinCutRow(out, seam, labels);
  return out;
}

function extendSpanningLabels(cells: readonly Cell[], seam: number, labels: number): Cell[] {
  const out = [...cells];
  const above: Cell[] = [];
  for (const c of out) if (c.col < labels && c.row + c.rowSpan === seam && c.text.trim() !== '') above.push(c);
  for (const a of above) {
    const i = indexBelow(out, a, seam);
    const b = out[i];
    if (!b || b.text.trim() !== '' || (a.rowSpan === 1 && b.rowSpan === 1)) continue;
    out[out.indexOf(a)] = { ...a, rowSpan: a.rowSpan + b.rowSpan };
    out.splice(i, 1);
  }
  return out;
}

/** Index of the cell anchored in row `seam` with the same columns as `a`; -1 when none. */
function indexBelow(cells: readonly Cell[], a: Cell, seam: number): number {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c.row === seam && c.col === a.col && c.colSpan === a.colSpan) return i;
  }
  return -1;
}

/**
 * The continuation's first row holds no value, only label fragments without a list marker: each fragment
 * joins the label above it (same column) and the row goes. A fragment that spans rows is the rest of a
 * group label cut by the break (（四）无法 | 提供): the joined label spans both parts' rows.
 */
function joinCutRow(cells: readonly Cell[], seam: number, labels: number): Cell[] {
  const row = cellsInRow(cells, seam);
  const values = row.filter((c) => c.col >= labels);
  const fragments = row.filter((c) => c.col < labels && c.text.trim() !== '');
  if (row.length === 0 || fragments.length === 0 || values.some((c) => c.text.trim() !== '')) return [...cells];
  // A label that opens with a list marker (一、 （二） 3. …) starts a row of its own, not a fragment.
  if (fragments.some((c) => LIST_MARKER.test(c.text.trim()))) return [...cells];
  const targets = fragments.map((f) => cells.find((c) => c.col === f.col && c.colSpan === f.colSpan && c.row + c.rowSpan === seam));
  if (targets.some((t) => t === undefined || t.text.trim() === '')) return [...cells];
  const joined = new Map(fragments.map((f, i) => [targets[i]!, f] as const));
  const dropped = new Set<Cell>(fragments);
  const out: Cell[] = [];
  for (const c of cells) {
    const f = joined.get(c);
    if (f) out.push({ ...c, text: `${c.text}\n${f.text}`, rowSpan: c.rowSpan + f.rowSpan - 1 });
    else if (dropped.has(c)) continue;
    else if (c.row === seam && c.rowSpan > 1) out.push({ ...c, rowSpan: c.rowSpan - 1 });
    else if (c.row === seam) continue;
    else if (c.row > seam) out.push({ ...c, row: c.row - 1 });
    else if (c.row + c.rowSpan > seam) out.push({ ...c, rowSpan: c.rowSpan - 1 });
    else out.push(c);
  }
  return out;
}
