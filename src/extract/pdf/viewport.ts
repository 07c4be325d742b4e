/**
 * Page space: PDF default user space (origin bottom-left, y up) → the document model's page space
 * (points, origin top-left of the view box, y down, /Rotate applied). The numbers are those of
 * pdf.js's `page.getViewport({ scale: 1 })`, so both readers place words and rulings alike.
 */
import type { Size } from '../document.js';
import type { Matrix } from './matrix.js';
import type { PdfPageInfo } from './objects.js';

export type Viewport = {
  /** User space → page space. */
  readonly transform: Matrix;
  /** The rotated view box's width and height. */
  readonly size: Size;
  /** The view box in user space [x0, y0, x1, y1]: the crop box (already intersected with the media box). */
  readonly viewBox: readonly [number, number, number, number];
};

/** Rotation part [a, b, c, d] per /Rotate, y flipped (page space has y down). */
const ROTATIONS: Readonly<Record<number, readonly [number, number, number, number]>> = Object.freeze({
  0: [1, 0, 0, -1],
  90: [0, 1, 1, 0],
  180: [-1, 0, 0, 1],
  270: [0, -1, -1, 0],
});

/** Folds any multiple of 90 into 0, 90, 180 or 270; anything else counts as 0 (as pdf.js does). */
export function normalizeRotation(rotate: number): number {
  if (!Number.isFinite(rotate) || rotate % 90 !== 0) return 0;
  return ((rotate % 360) + 360) % 360;
}

/** The page's viewport at scale 1. */
export function pageViewport(page: Pick<PdfPageInfo, 'cropBox' | 'rotate'>): Viewport {
  const viewBox = page.cropBox;
  const [x0, y0, x1, y1] = viewBox;
  const [a, b, c, d] = ROTATIONS[normalizeRotation(page.rotate)] ?? [1, 0, 0, -1];
  const centerX = (x0 + x1) / 2;
  const centerY = (y0 + y1) / 2;
  // A quarter turn swaps the axes: the page's width runs along user space's y.
  const quarterTurn = a === 0;
  const offsetX = quarterTurn ? Math.abs(centerY - y0) : Math.abs(centerX - x0);
  const offsetY = quarterTurn ? Math.abs(centerX - x0) : Math.abs(centerY - y0);
  const width = quarterTurn ? y1 - y0 : x1 - x0;
  const height = quarterTurn ? x1 - x0 : y1 - y0;
  const transform: Matrix = [a, b, c, d, offsetX - a * centerX - c * centerY, offsetY - b * centerX - d * centerY];
  return { transform, size: { width, height }, viewBox };
}
