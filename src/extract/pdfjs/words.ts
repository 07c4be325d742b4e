/**
 * pdf.js text items → positioned words in page space (points, origin top-left, y down).
 * Whitespace-only items (pdf.js inserts them to bridge gaps between cells) are dropped;
 * items in vertical fonts are left to the operator-list reader (see vertical-text.ts).
 */
import type { Box, Word } from '../document.js';
import { applyMatrix, toMatrix, type Matrix } from '../pdf/matrix.js';

/** The parts of a pdf.js TextItem this module reads. */
export type TextItemLike = {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly fontName: string;
  readonly dir?: string;
};

export type FontStyleLike = { readonly ascent?: number; readonly descent?: number; readonly vertical?: boolean };

/** Used when pdf.js reports no usable ascent/descent for a font (typical CJK metrics). */
const FALLBACK_ASCENT = 0.86;
const FALLBACK_DESCENT = -0.14;

export function isTextItem(item: unknown): item is TextItemLike {
  if (typeof item !== 'object' || item === null) return false;
  const t = item as Record<string, unknown>;
  return typeof t['str'] === 'string' && Array.isArray(t['transform']) && typeof t['width'] === 'number';
}

/** Font names whose text runs vertically (their items are rebuilt from the operator list). */
export function verticalFontNames(styles: Readonly<Record<string, FontStyleLike>>): Set<string> {
  return new Set(Object.entries(styles).filter(([, s]) => s.vertical === true).map(([name]) => name));
}

/** Words of a page from its text items; `viewport` is the page viewport's transform at scale 1. */
export function textItemsToWords(
  items: readonly unknown[],
  styles: Readonly<Record<string, FontStyleLike>>,
  viewport: Matrix,
): Word[] {
  const words: Word[] = [];
  for (const item of items) {
    if (!isTextItem(item) || item.str.trim() === '') continue;
    const style = styles[item.fontName];
    if (style?.vertical === true) continue;
    const placed = placeItem(item, style, viewport);
    if (placed) words.push(placed);
  }
  return words;
}

/**
 * The item's box: along the baseline for `width`, across it from descent to ascent of the font
 * size (the text matrix's vertical scale). Works for rotated text and rotated pages alike.
 */
function placeItem(item: TextItemLike, style: FontStyleLike | undefined, viewport: Matrix): Word | null {
  const tm = toMatrix(item.transform);
  if (!tm) return null;
  const [a, b, c, d, e, f] = tm;
  const scaleX = Math.hypot(a, b);
  const scaleY = Math.hypot(c, d);
  if (scaleX === 0 || scaleY === 0) return null;
  // Unit vectors along and across the baseline, then scaled to the item's extent.
  const along: [number, number] = [a / scaleX, b / scaleX];
  const across: [number, number] = [c / scaleY, d / scaleY];
  const size = scaleY;
  const ascent = usable(style?.ascent) ?? FALLBACK_ASCENT;
  const descent = usable(style?.descent) ?? FALLBACK_DESCENT;
  const corner = (s: number, t: number): [number, number] =>
    applyMatrix(viewport, e + along[0] * s + across[0] * t, f + along[1] * s + across[1] * t);
  const pts = [corner(0, descent * size), corner(item.width, descent * size), corner(0, ascent * size), corner(item.width, ascent * size)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const box: Box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  // Text whose baseline runs up or down the page (rotated text) reads as vertical.
  const start = corner(0, 0);
  const end = corner(Math.max(item.width, size), 0);
  const vertical = Math.abs(end[1] - start[1]) > Math.abs(end[0] - start[0]);
  return vertical ? { text: item.str, box, vertical } : { text: item.str, box };
}

function usable(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) && v !== 0 ? v : undefined;
}
