/**
 * A run of text → its word in page space (points, origin top-left, y down): the box and whether it
 * reads vertically. Shared by both readers (pdfjs/words.ts places pdf.js text items with it,
 * text-runs.ts nianbao's own runs), so the same run gets the same box from either.
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
  const [a, b, c, d, e, f] = tm;
  const scaleX = Math.hypot(a, b);
  const scaleY = Math.hypot(c, d);
  if (scaleX === 0 || scaleY === 0) return null;
  // Unit vectors along and across the baseline, then scaled to the run's extent.
  const along: [number, number] = [a / scaleX, b / scaleX];
  const across: [number, number] = [c / scaleY, d / scaleY];
  const size = scaleY;
  const ascent = usable(font?.ascent) ?? FALLBACK_ASCENT;
  const descent = usable(font?.descent) ?? FALLBACK_DESCENT;
  const corner = (s: number, t: number): [number, number] =>
    applyMatrix(viewport, e + along[0] * s + across[0] * t, f + along[1] * s + across[1] * t);
  const pts = [corner(0, descent * size), corner(run.width, descent * size), corner(0, ascent * size), corner(run.width, ascent * size)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const box: Box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  // Text whose baseline runs up or down the page (rotated text) reads as vertical.
  const start = corner(0, 0);
  const end = corner(Math.max(run.width, size), 0);
  const vertical = Math.abs(end[1] - start[1]) > Math.abs(end[0] - start[0]);
  return vertical ? { text, box, vertical } : { text, box };
}

function usable(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) && v !== 0 ? v : undefined;
}
