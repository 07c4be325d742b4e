/**
 * Ruling lines from paths: stroked straight segments and thin filled rectangles (Word and WPS
 * draw many borders as filled rectangles). Shared by both readers: nianbao's content interpreter
 * builds paths in pdf.js's draw-code form (path-buffer.ts), and the pdf.js reader (pdfjs/operators.ts)
 * passes both constructPath encodings: pdf.js ≥ 5.1 `[paintOp, [Float32Array | null], minMax]`,
 * older `[ops[], flatArgs, minMax]` followed by a separate paint operator.
 */
import type { Ruling } from '../document.js';
import { applyMatrix, type Matrix } from './matrix.js';

export type RulingSettings = {
  /** Thickest filled rectangle (pt) still read as a line along its centre. Default 2: cell shading is wider. */
  readonly maxFillThickness: number;
  /** Shortest ruling kept (pt). Default 1: shorter marks are dots, not borders. */
  readonly minLength: number;
  /** How far (pt) a segment may lean and still count as horizontal/vertical. Default 0.5. */
  readonly axisTolerance: number;
};

export const DEFAULT_RULING_SETTINGS: RulingSettings = Object.freeze({
  maxFillThickness: 2,
  minLength: 1,
  axisTolerance: 0.5,
});

export type Point = readonly [number, number];
export type Subpath = { readonly points: readonly Point[]; readonly closed: boolean };
export type Paint = { readonly stroke: boolean; readonly fill: boolean };

/** pdf.js ≥ 5.1 draw codes inside the Float32Array path. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** pdf.js OPS codes used by the pre-5.1 path encoding (stable across versions). */
export const LEGACY_PATH_OPS = { moveTo: 13, lineTo: 14, curveTo: 15, curveTo2: 16, curveTo3: 17, closePath: 18, rectangle: 19 } as const;

class SubpathBuilder {
  readonly done: Subpath[] = [];
  private current: Point[] = [];

  constructor(private readonly toDevice: Matrix) {}

  move(x: number, y: number): void {
    this.flush(false);
    this.current = [applyMatrix(this.toDevice, x, y)];
  }

  line(x: number, y: number): void {
    this.current.push(applyMatrix(this.toDevice, x, y));
  }

  /** A curve ends the straight run: its end point starts a new one. */
  curveTo(x: number, y: number): void {
    this.move(x, y);
  }

  close(): void {
    this.flush(true);
  }

  rectangle(x: number, y: number, w: number, h: number): void {
    this.move(x, y);
    this.line(x + w, y);
    this.line(x + w, y + h);
    this.line(x, y + h);
    this.close();
  }

  finish(): Subpath[] {
    this.flush(false);
    return this.done;
  }

  private flush(closed: boolean): void {
    if (this.current.length > 1) this.done.push({ points: this.current, closed });
    const start = this.current[0];
    this.current = closed && start ? [start] : [];
  }
}

/** Decodes a pdf.js ≥ 5.1 Float32Array path into device-space subpaths. */
export function decodeDrawPath(path: ArrayLike<number>, toDevice: Matrix): Subpath[] {
  const b = new SubpathBuilder(toDevice);
  let i = 0;
  const at = (k: number): number => path[i + k] ?? 0;
  while (i < path.length) {
    switch (path[i]) {
      case DRAW.moveTo:
        b.move(at(1), at(2));
        i += 3;
        break;
      case DRAW.lineTo:
        b.line(at(1), at(2));
        i += 3;
        break;
      case DRAW.curveTo:
        b.curveTo(at(5), at(6));
        i += 7;
        break;
      case DRAW.quadraticCurveTo:
        b.curveTo(at(3), at(4));
        i += 5;
        break;
      case DRAW.closePath:
        b.close();
        i += 1;
        break;
      default:
        return b.finish(); // unknown code: the rest cannot be decoded safely
    }
  }
  return b.finish();
}

/** Decodes a pre-5.1 `[ops, flatArgs]` path into device-space subpaths. */
export function decodeLegacyPath(ops: ArrayLike<number>, args: ArrayLike<number>, toDevice: Matrix): Subpath[] {
  const b = new SubpathBuilder(toDevice);
  const P = LEGACY_PATH_OPS;
  let j = 0;
  const at = (k: number): number => args[j + k] ?? 0;
  for (let i = 0; i < ops.length; i++) {
    switch (ops[i]) {
      case P.moveTo:
        b.move(at(0), at(1));
        j += 2;
        break;
      case P.lineTo:
        b.line(at(0), at(1));
        j += 2;
        break;
      case P.curveTo:
        b.curveTo(at(4), at(5));
        j += 6;
        break;
      case P.curveTo2:
      case P.curveTo3:
        b.curveTo(at(2), at(3));
        j += 4;
        break;
      case P.closePath:
        b.close();
        break;
      case P.rectangle:
        b.rectangle(at(0), at(1), at(2), at(3));
        j += 4;
        break;
      default:
        break;
    }
  }
  return b.finish();
}

/** Rulings painted by one path: straight axis-aligned strokes, and thin filled rectangles. */
export function subpathsToRulings(subpaths: readonly Subpath[], paint: Paint, settings: RulingSettings): Ruling[] {
  const out: Ruling[] = [];
  for (const sp of subpaths) {
    if (paint.stroke) out.push(...strokeRulings(sp, settings));
    if (paint.fill) {
      const r = thinRectangleRuling(sp, settings);
      if (r) out.push(r);
    }
  }
  return out;
}

function strokeRulings(sp: Subpath, settings: RulingSettings): Ruling[] {
  const pts = sp.closed ? [...sp.points, sp.points[0]!] : sp.points;
  const out: Ruling[] = [];
  for (let i = 1; i < pts.length; i++) {
    const r = segmentRuling(pts[i - 1]!, pts[i]!, settings);
    if (r) out.push(r);
  }
  return out;
}

function segmentRuling(a: Point, b: Point, s: RulingSettings): Ruling | null {
  const x0 = Math.min(a[0], b[0]), x1 = Math.max(a[0], b[0]);
  const y0 = Math.min(a[1], b[1]), y1 = Math.max(a[1], b[1]);
  if (y1 - y0 <= s.axisTolerance && x1 - x0 >= s.minLength) {
    const y = (y0 + y1) / 2;
    return { x0, y0: y, x1, y1: y };
  }
  if (x1 - x0 <= s.axisTolerance && y1 - y0 >= s.minLength) {
    const x = (x0 + x1) / 2;
    return { x0: x, y0, x1: x, y1 };
  }
  return null;
}

/** A filled axis-aligned rectangle thinner than `maxFillThickness` becomes its centre line. */
function thinRectangleRuling(sp: Subpath, s: RulingSettings): Ruling | null {
  const pts = sp.points;
  if (pts.length < 4 || pts.length > 5) return null;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const onCorner = (p: Point): boolean =>
    (near(p[0], x0, s) || near(p[0], x1, s)) && (near(p[1], y0, s) || near(p[1], y1, s));
  if (!pts.every(onCorner)) return null;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= s.maxFillThickness && w >= s.minLength && w > h) return { x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 };
  if (w <= s.maxFillThickness && h >= s.minLength && h > w) return { x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 };
  return null;
}

function near(a: number, b: number, s: RulingSettings): boolean {
  return Math.abs(a - b) <= s.axisTolerance;
}
