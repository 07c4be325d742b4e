/**
 * A run of text → its word in page space (points, origin top-left, y down): the box and whether it
 * reads vertically. Shared by both readers (pdfjs/words.ts places pdf.js text items with it,
 * text-runs.ts nianbao's own runs), so the same run gets the same box from either.
 * The per-run helpers are module-level functions, not closures, so V8 keeps their optimized code across GCs.
 */
import type { Box, Word } from '../document.js';
import { applyMatrix, toMatrix, type Matrix } from './matrix.js';

/** Where a run sits: its text rendering matrix at the start (user space) and its length along the baseline. */
export type RunGeometry = {
  /** [a b c d e f]: the baseline runs along (a, b), the font size is |(c, d)|, the run starts at (e, f). */
  readonly transform: readonly number[];
  /** User space, along the baseline. */
  readonly width: number;
};

/** A font's ascent and descent as shares of the font size; missing, zero or non-finite values fall back. */
export type FontMetricsLike = { readonly ascent?: number; readonly descent?: number };

/** Used when a font gives no usable ascent/descent (typical CJK metrics). */
const FALLBACK_ASCENT = 0.86;
const FALLBACK_DESCENT = -0.14;

/**
 * The run's word: the box spans `width` along the baseline and descent to ascent of the font size
 * across it, for rotated text and rotated pages alike (`viewport` is the page viewport's transform
 * at scale 1). Null for blank text and for a degenerate matrix.
 */
export function placeRun(text: string, run: RunGeometry, font: FontMetricsLike | undefined, viewport: Matrix): Word | null {
  if (text.trim() === '') return null;
  const tm = toMatrix(run.transform);
  if (!tm) return null;
  const a = tm[0], b = tm[1], c = tm[2], d = tm[3], e = tm[4], f = tm[5]; // indexed: see matrix.ts multiply
  const scaleX = Math.hypot(a, b);
  const scaleY = Math.hypot(c, d);
  if (scaleX === 0 || scaleY === 0) return null;
  // Unit vectors along and across the baseline, then scaled to the run's extent.
  const unit: Matrix = [a / scaleX, b / scaleX, c / scaleY, d / scaleY, e, f];
  const size = scaleY;
  const ascent = usable(font?.ascent) ?? FALLBACK_ASCENT;
  const descent = usable(font?.descent) ?? FALLBACK_DESCENT;
  const p0 = corner(viewport, unit, 0, descent * size);
  const p1 = corner(viewport, unit, run.width, descent * size);
  const p2 = corner(viewport, unit, 0, ascent * size);
  const p3 = corner(viewport, unit, run.width, ascent * size);
  const box: Box = {
    x0: Math.min(p0[0], p1[0], p2[0], p3[0]),
    y0: Math.min(p0[1], p1[1], p2[1], p3[1]),
    x1: Math.max(p0[0], p1[0], p2[0], p3[0]),
    y1: Math.max(p0[1], p1[1], p2[1], p3[1]),
  };
  // Text whose baseline runs up or down the page (rotated text) reads as vertical.
  const start = corner(viewport, unit, 0, 0);
  const end = corner(viewport, unit, Math.max(run.width, size), 0);
  const vertical = Math.abs(end[1] - start[1]) > Math.abs(end[0] - start[0]);
  return vertical ? { text, box, vertical } : { text, box };
}

/**
 * The page-space point `s` along the baseline and `t` across it from the run's origin; `unit` is the run's
 * matrix with unit vectors along [0, 1] and across [2, 3] the baseline, and the origin [4, 5].
 */
function corner(viewport: Matrix, unit: Matrix, s: number, t: number): [number, number] {
  return applyMatrix(viewport, unit[4] + unit[0] * s + unit[2] * t, unit[5] + unit[1] * s + unit[3] * t);
}

function usable(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) && v !== 0 ? v : undefined;
}
