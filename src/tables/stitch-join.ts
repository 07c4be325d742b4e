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
  const xs = t.cells.flatMap((c) => (c.box ? [c.box.x0, c.box.x1] : []));
  return clusterValues(xs, tolerance);
}

/** Every boundary of `inner` lies on one of `outer`, and both share their outer edges. */
export function boundariesFit(inner: readonly number[], outer: readonly number[], tolerance: number): boolean {
  if (inner.length < 2 || outer.length < 2) return false;
  const near = (x: number): boolean => outer.some((o) => Math.abs(o - x) <= tolerance);
  const sameEdges =
    Math.abs(inner[0]! - outer[0]!) <= tolerance && Math.abs(inner[inner.length - 1]! - outer[outer.length - 1]!) <= tolerance;
  return sameEdges && inner.every(near);
}

/** The cells placed on the column boundaries `xs` (a part with fewer columns gets wider spans), rows shifted. */
export function remapCells(t: Table, xs: readonly number[], rowOffset: number): Cell[] {
  return t.cells.map((c) => {
    if (!c.box) return { ...c, row: c.row + rowOffset };
    const col = nearestIndex(xs, c.box.x0);
    const colSpan = Math.max(1, nearestIndex(xs, c.box.x1) - col);
    return { ...c, row: c.row + rowOffset, col, colSpan };
  });
}

function rowSignature(cells: readonly Cell[], row: number): string {
  return cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.col - b.col)
    .map((c) => `${c.col}:${c.colSpan}:${compactText(c.text)}`)
    .join('|');
}

/** How many leading rows of the continuation repeat the first part's leading rows (a repeated header). */
export function repeatedHeaderRows(first: readonly Cell[], next: readonly Cell[], nextRows: number): number {
  let k = 0;
  while (k < nextRows) {
    const a = rowSignature(first, k);
    const b = rowSignature(next, k);
    if (a === '' || a !== b || !next.some((c) => c.row === k && compactText(c.text) !== '')) break;
    k++;
  }
  return k;
}

/** Removes the first `count` rows (cells anchored there go; cells reaching below are trimmed) and shifts the rest up. */
export function dropLeadingRows(cells: readonly Cell[], count: number): Cell[] {
  if (count === 0) return [...cells];
  return cells
    .filter((c) => c.row + c.rowSpan > count)
    .map((c) => {
      const row = Math.max(c.row, count);
      return { ...c, row: row - count, rowSpan: c.row + c.rowSpan - row };
    });
}

/** Columns left of the first column that holds a number below the header: the row labels. 0 when no number. */
export function labelColumnCount(cells: readonly Cell[]): number {
  const numeric = cells.filter((c) => readsAsNumber(c.text));
  return numeric.length === 0 ? 0 : Math.min(...numeric.map((c) => c.col));
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
  const above = out.filter((c) => c.col < labels && c.row + c.rowSpan === seam && c.text.trim() !== '');
  for (const a of above) {
    const i = out.findIndex((c) => c.row === seam && c.col === a.col && c.colSpan === a.colSpan);
    const b = out[i];
    if (!b || b.text.trim() !== '' || (a.rowSpan === 1 && b.rowSpan === 1)) continue;
    out[out.indexOf(a)] = { ...a, rowSpan: a.rowSpan + b.rowSpan };
    out.splice(i, 1);
  }
  return out;
}

/**
 * The continuation's first row holds no value, only label fragments without a list marker: each fragment
 * joins the label above it (same column) and the row goes. A fragment that spans rows is the rest of a
 * group label cut by the break (（四）无法 | 提供): the joined label spans both parts' rows.
 */
function joinCutRow(cells: readonly Cell[], seam: number, labels: number): Cell[] {
  const row = cells.filter((c) => c.row === seam);
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
