/**
 * Ruled tables, geometry only: edges → intersections → cell boxes → tables of cell boxes →
 * grid placement with spans (a cell box covering several grid columns or rows is a merged cell).
 * Text comes in afterwards (`assignWordsToCells` in cells.ts).
 */
import type { Box } from '../extract/document.js';
import { lowerBound, nearestIndex, clusterValues } from './cluster.js';
import type { Edge } from './geometry.js';
import { byRowThenCol } from './table.js';

export type Intersection = {
  readonly x: number;
  readonly y: number;
  /** Indices (into the edge list) of the horizontal and vertical edges through this point. */
  readonly h: readonly number[];
  readonly v: readonly number[];
};

/** Points where a vertical and a horizontal edge meet, within the tolerances (sort + binary search). */
export function edgesToIntersections(edges: readonly Edge[], xTolerance: number, yTolerance: number): Intersection[] {
  const hs = horizontalsByPos(edges);
  const points = new Map<string, OpenPoint>();
  for (let vi = 0; vi < edges.length; vi++) {
    const v = edges[vi]!;
    if (v.orientation !== 'v') continue;
    for (let k = lowerBound(hs, v.start - yTolerance, indexedEdgePos); k < hs.length; k++) {
      const { e: h, i: hi } = hs[k]!;
      if (h.pos > v.end + yTolerance) break;
      if (v.pos < h.start - xTolerance || v.pos > h.end + xTolerance) continue;
      const key = `${v.pos},${h.pos}`;
      const p = points.get(key) ?? { x: v.pos, y: h.pos, h: new Set<number>(), v: new Set<number>() };
      p.h.add(hi);
      p.v.add(vi);
      points.set(key, p);
    }
  }
  const out: Intersection[] = [];
  for (const p of points.values()) out.push({ x: p.x, y: p.y, h: [...p.h], v: [...p.v] });
  return out.sort(byYThenX);
}

type IndexedEdge = { readonly e: Edge; readonly i: number };
type OpenPoint = { x: number; y: number; h: Set<number>; v: Set<number> };

/** The horizontal edges with their indices into `edges`, by position. */
function horizontalsByPos(edges: readonly Edge[]): IndexedEdge[] {
  const hs: IndexedEdge[] = [];
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    if (e.orientation === 'h') hs.push({ e, i });
  }
  return hs.sort(byIndexedEdgePos);
}

function indexedEdgePos(x: IndexedEdge): number {
  return x.e.pos;
}

function byIndexedEdgePos(a: IndexedEdge, b: IndexedEdge): number {
  return a.e.pos - b.e.pos;
}

function byYThenX(a: Intersection, b: Intersection): number {
  return a.y - b.y || a.x - b.x;
}

function shareEdge(a: readonly number[], b: readonly number[]): boolean {
  for (const i of a) if (b.includes(i)) return true;
  return false;
}

/**
 * The smallest boxes whose four corners are intersections joined by edges along all four sides
 * (pdfplumber's intersections_to_cells). A missing inner line yields a bigger box: a merged cell.
 */
export function intersectionsToCells(points: readonly Intersection[]): Box[] {
  const byKey = new Map(points.map((p) => [`${p.x},${p.y}`, p] as const));
  const columns = groupSorted(points, pointX, byPointY);
  const rows = groupSorted(points, pointY, byPointX);
  const cells: Box[] = [];
  for (const p of points) {
    const below = pointsBelow(columns.get(p.x) ?? [], p);
    const right = pointsRightOf(rows.get(p.y) ?? [], p);
    const cell = firstClosedBox(p, below, right, byKey);
    if (cell) cells.push(cell);
  }
  return cells;
}

/** The points of p's column below it, joined to it by a vertical edge. */
function pointsBelow(column: readonly Intersection[], p: Intersection): Intersection[] {
  const out: Intersection[] = [];
  for (const q of column) if (q.y > p.y && shareEdge(p.v, q.v)) out.push(q);
  return out;
}

/** The points of p's row right of it, joined to it by a horizontal edge. */
function pointsRightOf(row: readonly Intersection[], p: Intersection): Intersection[] {
  const out: Intersection[] = [];
  for (const q of row) if (q.x > p.x && shareEdge(p.h, q.h)) out.push(q);
  return out;
}

function pointX(p: Intersection): number {
  return p.x;
}

function pointY(p: Intersection): number {
  return p.y;
}

function byPointX(a: Intersection, b: Intersection): number {
  return a.x - b.x;
}

function byPointY(a: Intersection, b: Intersection): number {
  return a.y - b.y;
}

function firstClosedBox(
  p: Intersection,
  below: readonly Intersection[],
  right: readonly Intersection[],
  byKey: ReadonlyMap<string, Intersection>,
): Box | null {
  for (const b of below) {
    for (const r of right) {
      const corner = byKey.get(`${r.x},${b.y}`);
      if (corner && shareEdge(corner.h, b.h) && shareEdge(corner.v, r.v)) return { x0: p.x, y0: p.y, x1: r.x, y1: b.y };
    }
  }
  return null;
}

function groupSorted<T>(items: readonly T[], key: (t: T) => number, compare: (a: T, b: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  for (const list of map.values()) list.sort(compare);
  return map;
}

/** Groups cells that share a corner into tables (union-find), tables in reading order. */
export function cellsToTables(cells: readonly Box[]): Box[][] {
  const parent: number[] = [];
  for (let i = 0; i < cells.length; i++) parent.push(i);
  const owner = new Map<string, number>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    for (const key of [`${c.x0},${c.y0}`, `${c.x1},${c.y0}`, `${c.x0},${c.y1}`, `${c.x1},${c.y1}`]) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[findRoot(parent, i)] = findRoot(parent, other);
    }
  }
  const groups = new Map<number, Box[]>();
  for (let i = 0; i < cells.length; i++) {
    const root = findRoot(parent, i);
    const list = groups.get(root);
    if (list) list.push(cells[i]!);
    else groups.set(root, [cells[i]!]);
  }
  for (const g of groups.values()) g.sort(byTopThenLeft);
  return [...groups.values()].sort(byFirstTopThenLeft);
}

/** Union-find root of i, halving the path on the way. */
function findRoot(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

function byTopThenLeft(a: Box, b: Box): number {
  return a.y0 - b.y0 || a.x0 - b.x0;
}

function byFirstTopThenLeft(a: readonly Box[], b: readonly Box[]): number {
  return byTopThenLeft(a[0]!, b[0]!);
}

export type PlacedBox = { readonly box: Box; readonly row: number; readonly col: number; readonly rowSpan: number; readonly colSpan: number };

export type Grid = { readonly xs: readonly number[]; readonly ys: readonly number[]; readonly cells: readonly PlacedBox[] };

/** Grid lines from the cell boxes' sides; each box placed with the rows and columns it covers. */
export function placeCells(boxes: readonly Box[], tolerance: number): Grid {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const b of boxes) {
    xs.push(b.x0, b.x1);
    ys.push(b.y0, b.y1);
  }
  const cols = clusterValues(xs, tolerance);
  const rows = clusterValues(ys, tolerance);
  const cells: PlacedBox[] = [];
  for (const box of boxes) {
    const col = nearestIndex(cols, box.x0);
    const row = nearestIndex(rows, box.y0);
    const colSpan = nearestIndex(cols, box.x1) - col;
    const rowSpan = nearestIndex(rows, box.y1) - row;
    if (colSpan > 0 && rowSpan > 0) cells.push({ box, row, col, rowSpan, colSpan });
  }
  return { xs: cols, ys: rows, cells: dropOverlaps(cells) };
}

function anyTaken(slots: readonly string[], taken: ReadonlySet<string>): boolean {
  for (const slot of slots) if (taken.has(slot)) return true;
  return false;
}

/** A slot covered twice (overlapping boxes from odd rulings) keeps the first box, in reading order. */
function dropOverlaps(cells: readonly PlacedBox[]): PlacedBox[] {
  const taken = new Set<string>();
  const out: PlacedBox[] = [];
  for (const c of [...cells].sort(byRowThenCol)) {
    const slots: string[] = [];
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) slots.push(`${r},${k}`);
    if (anyTaken(slots, taken)) continue;
    for (const slot of slots) taken.add(slot);
    out.push(c);
  }
  return out;
}
