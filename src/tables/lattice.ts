/**
 * Ruled tables, geometry only: edges → intersections → cell boxes → tables of cell boxes →
 * grid placement with spans (a cell box covering several grid columns or rows is a merged cell).
 * Text comes in afterwards (`assignWordsToCells` in cells.ts).
 */
import type { Box } from '../extract/document.js';
import { lowerBound, nearestIndex, clusterValues } from './cluster.js';
import type { Edge } from './geometry.js';

export type Intersection = {
  readonly x: number;
  readonly y: number;
  /** Indices (into the edge list) of the horizontal and vertical edges through this point. */
  readonly h: readonly number[];
  readonly v: readonly number[];
};

/** Points where a vertical and a horizontal edge meet, within the tolerances (sort + binary search). */
export function edgesToIntersections(edges: readonly Edge[], xTolerance: number, yTolerance: number): Intersection[] {
  const hs = edges.map((e, i) => ({ e, i })).filter((x) => x.e.orientation === 'h').sort((a, b) => a.e.pos - b.e.pos);
  const points = new Map<string, { x: number; y: number; h: Set<number>; v: Set<number> }>();
  edges.forEach((v, vi) => {
    if (v.orientation !== 'v') return;
    for (let k = lowerBound(hs, v.start - yTolerance, (x) => x.e.pos); k < hs.length; k++) {
      const { e: h, i: hi } = hs[k]!;
      if (h.pos > v.end + yTolerance) break;
      if (v.pos < h.start - xTolerance || v.pos > h.end + xTolerance) continue;
      const key = `${v.pos},${h.pos}`;
      const p = points.get(key) ?? { x: v.pos, y: h.pos, h: new Set<number>(), v: new Set<number>() };
      p.h.add(hi);
      p.v.add(vi);
      points.set(key, p);
    }
  });
  return [...points.values()]
    .map((p) => ({ x: p.x, y: p.y, h: [...p.h], v: [...p.v] }))
    .sort((a, b) => a.y - b.y || a.x - b.x);
}

function shareEdge(a: readonly number[], b: readonly number[]): boolean {
  return a.some((i) => b.includes(i));
}

/**
 * The smallest boxes whose four corners are intersections joined by edges along all four sides
 * (pdfplumber's intersections_to_cells). A missing inner line yields a bigger box: a merged cell.
 */
export function intersectionsToCells(points: readonly Intersection[]): Box[] {
  const byKey = new Map(points.map((p) => [`${p.x},${p.y}`, p] as const));
  const columns = groupSorted(points, (p) => p.x, (p) => p.y);
  const rows = groupSorted(points, (p) => p.y, (p) => p.x);
  const cells: Box[] = [];
  for (const p of points) {
    const below = (columns.get(p.x) ?? []).filter((q) => q.y > p.y && shareEdge(p.v, q.v));
    const right = (rows.get(p.y) ?? []).filter((q) => q.x > p.x && shareEdge(p.h, q.h));
    const cell = firstClosedBox(p, below, right, byKey);
    if (cell) cells.push(cell);
  }
  return cells;
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

function groupSorted<T>(items: readonly T[], key: (t: T) => number, order: (t: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  for (const list of map.values()) list.sort((a, b) => order(a) - order(b));
  return map;
}

/** Groups cells that share a corner into tables (union-find), tables in reading order. */
export function cellsToTables(cells: readonly Box[]): Box[][] {
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<string, number>();
  cells.forEach((c, i) => {
    for (const key of [`${c.x0},${c.y0}`, `${c.x1},${c.y0}`, `${c.x0},${c.y1}`, `${c.x1},${c.y1}`]) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, Box[]>();
  cells.forEach((c, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(c);
    else groups.set(root, [c]);
  });
  return [...groups.values()]
    .map((g) => g.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0))
    .sort((a, b) => a[0]!.y0 - b[0]!.y0 || a[0]!.x0 - b[0]!.x0);
}

export type PlacedBox = { readonly box: Box; readonly row: number; readonly col: number; readonly rowSpan: number; readonly colSpan: number };

export type Grid = { readonly xs: readonly number[]; readonly ys: readonly number[]; readonly cells: readonly PlacedBox[] };

/** Grid lines from the cell boxes' sides; each box placed with the rows and columns it covers. */
export function placeCells(boxes: readonly Box[], tolerance: number): Grid {
  const xs = clusterValues(boxes.flatMap((b) => [b.x0, b.x1]), tolerance);
  const ys = clusterValues(boxes.flatMap((b) => [b.y0, b.y1]), tolerance);
  const cells: PlacedBox[] = [];
  for (const box of boxes) {
    const col = nearestIndex(xs, box.x0);
    const row = nearestIndex(ys, box.y0);
    const colSpan = nearestIndex(xs, box.x1) - col;
    const rowSpan = nearestIndex(ys, box.y1) - row;
    if (colSpan > 0 && rowSpan > 0) cells.push({ box, row, col, rowSpan, colSpan });
  }
  return { xs, ys, cells: dropOverlaps(cells) };
}

/** A slot covered twice (overlapping boxes from odd rulings) keeps the first box, in reading order. */
function dropOverlaps(cells: readonly PlacedBox[]): PlacedBox[] {
  const taken = new Set<string>();
  const out: PlacedBox[] = [];
  for (const c of [...cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const slots: string[] = [];
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) slots.push(`${r},${k}`);
    if (slots.some((s) => taken.has(s))) continue;
    slots.forEach((s) => taken.add(s));
    out.push(c);
  }
  return out;
}
