/**
 * Geometry shared by the table finders: boxes, and the first rungs of the lattice ladder
 * (rulings → edges → snapped → joined), pdfplumber's table.py as the model.
 */
import type { Box, Ruling, Word } from '../extract/document.js';
import { clusterBy, mean } from './cluster.js';

export type Orientation = 'h' | 'v';

/** A horizontal edge lies at y = pos from x = start to end; a vertical one at x = pos from y = start to end. */
export type Edge = { readonly orientation: Orientation; readonly pos: number; readonly start: number; readonly end: number };

export function rulingsToEdges(rulings: readonly Ruling[]): Edge[] {
  const edges: Edge[] = [];
  for (const r of rulings) {
    const horizontal = Math.abs(r.y1 - r.y0) <= Math.abs(r.x1 - r.x0);
    if (horizontal) edges.push({ orientation: 'h', pos: (r.y0 + r.y1) / 2, start: Math.min(r.x0, r.x1), end: Math.max(r.x0, r.x1) });
    else edges.push({ orientation: 'v', pos: (r.x0 + r.x1) / 2, start: Math.min(r.y0, r.y1), end: Math.max(r.y0, r.y1) });
  }
  return edges;
}

/** Moves edges of one orientation whose positions chain within the tolerance onto their mean position. */
export function snapEdges(edges: readonly Edge[], xTolerance: number, yTolerance: number): Edge[] {
  return [...snapGroup(edges.filter(isH), yTolerance), ...snapGroup(edges.filter(isV), xTolerance)];
}

function snapGroup(group: readonly Edge[], tolerance: number): Edge[] {
  const out: Edge[] = [];
  for (const cluster of clusterBy(group, edgePos, tolerance)) {
    const pos = mean(cluster.map(edgePos));
    for (const e of cluster) out.push({ ...e, pos });
  }
  return out;
}

/** Joins collinear edges (same position) that overlap or leave a gap of at most the tolerance. */
export function joinEdges(edges: readonly Edge[], xTolerance: number, yTolerance: number): Edge[] {
  const out: Edge[] = [];
  for (const orientation of ['h', 'v'] as const) {
    const tolerance = orientation === 'h' ? xTolerance : yTolerance;
    const sorted = edges.filter(orientation === 'h' ? isH : isV).sort(byPosThenStart);
    let current: Edge | undefined;
    for (const e of sorted) {
      if (current !== undefined && current.pos === e.pos && e.start <= current.end + tolerance) {
        current = { orientation, pos: current.pos, start: current.start, end: Math.max(current.end, e.end) };
        continue;
      }
      if (current !== undefined) out.push(current);
      current = e;
    }
    if (current !== undefined) out.push(current);
  }
  return out;
}

/**
 * Closes grids left open at a page break: where at least `minEdges` vertical edges end (or start) at
 * one height and no rule is drawn there, a horizontal edge is added across them. A table cut by a
 * page break often has no bottom rule on the first page and no top rule on the next.
 */
export function closeOpenEnds(edges: readonly Edge[], tolerance: number, minEdges: number): Edge[] {
  const verticals = edges.filter(isV);
  const added: Edge[] = [];
  for (const end of ['start', 'end'] as const) {
    const endOf = end === 'start' ? edgeStart : edgeEnd;
    for (const group of clusterBy(verticals, endOf, tolerance)) {
      if (group.length < minEdges) continue;
      const pos = mean(group.map(endOf));
      const xs = group.map(edgePos);
      added.push({ orientation: 'h', pos, start: Math.min(...xs), end: Math.max(...xs) });
    }
  }
  return [...edges, ...added];
}

export function filterEdges(edges: readonly Edge[], minLength: number): Edge[] {
  const out: Edge[] = [];
  for (const e of edges) if (e.end - e.start >= minLength) out.push(e);
  return out;
}

function edgePos(e: Edge): number {
  return e.pos;
}

function edgeStart(e: Edge): number {
  return e.start;
}

function edgeEnd(e: Edge): number {
  return e.end;
}

function byPosThenStart(a: Edge, b: Edge): number {
  return a.pos - b.pos || a.start - b.start;
}

function isH(e: Edge): boolean {
  return e.orientation === 'h';
}

function isV(e: Edge): boolean {
  return e.orientation === 'v';
}

export function boxWidth(b: Box): number {
  return b.x1 - b.x0;
}

export function boxHeight(b: Box): number {
  return b.y1 - b.y0;
}

export function midX(b: Box): number {
  return (b.x0 + b.x1) / 2;
}

export function midY(b: Box): number {
  return (b.y0 + b.y1) / 2;
}

export function containsPoint(b: Box, x: number, y: number): boolean {
  return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
}

/** The box spanned by two opposite corners, given in any order. */
export function boxFromCorners(a: readonly [number, number], b: readonly [number, number]): Box {
  return { x0: Math.min(a[0], b[0]), y0: Math.min(a[1], b[1]), x1: Math.max(a[0], b[0]), y1: Math.max(a[1], b[1]) };
}

/** The smallest box holding all boxes; null for none. */
export function unionBoxes(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return { x0, y0, x1, y1 };
}

/** Is the word's midpoint inside the box (pdfplumber puts text in the cell that holds its midpoint). */
export function wordMidpointIn(w: Word, b: Box): boolean {
  return containsPoint(b, midX(w.box), midY(w.box));
}
