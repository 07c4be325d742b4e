/**
 * pdf.js text items → positioned words in page space (points, origin top-left, y down), placed by
 * the shared pdf/word-box.ts. Whitespace-only items (pdf.js inserts them to bridge gaps between
 * cells) are dropped; items in vertical fonts are left to the operator-list reader (see vertical-text.ts).
 */
import type { Word } from '../document.js';
import type { Matrix } from '../pdf/matrix.js';
import { placeRun, type FontMetricsLike } from '../pdf/word-box.js';

/** The parts of a pdf.js TextItem this module reads. */
export type TextItemLike = {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly fontName: string;
  readonly dir?: string;
};

export type FontStyleLike = FontMetricsLike & { readonly vertical?: boolean };

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
    if (!isTextItem(item)) continue;
    const style = styles[item.fontName];
    if (style?.vertical === true) continue;
    const placed = placeRun(item.str, item, style, viewport);
    if (placed) words.push(placed);
  }
  return words;
}
