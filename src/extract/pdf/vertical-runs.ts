/**
 * Glyphs of vertical fonts (WPS sets group labels like 三、本年度办理结果 in an Identity-V font)
 * → one word per run down a column. Shared by both readers: nianbao's text shower places the
 * glyphs from the content stream, pdfjs/vertical-text.ts from pdf.js's operator list.
 */
import type { Box, Word } from '../document.js';
import { boxHeight, boxWidth, midX, unionBoxes } from '../../tables/geometry.js';

/** When consecutive vertical glyphs belong to one word (one run down a column). */
export type VerticalTextSettings = {
  /**
   * A gap down the column wider than this many glyph heights starts a new word. Default 0.6: glyphs of one label
   * touch or nearly so, while two labels stacked in one column are a line apart.
   */
  readonly maxGapEm: number;
  /**
   * Glyph centres farther apart sideways than this many glyph widths start a new word. Default 0.3: one column's
   * glyphs share their centre line; the next column is a full width away.
   */
  readonly maxColumnShiftEm: number;
  /**
   * Glyphs overlapping by more than this many glyph heights start a new word (the next glyph went back up: a new
   * column or a new label). Default 0.5: metric rounding makes neighbours overlap a little, never by half a glyph.
   */
  readonly maxOverlapEm: number;
};

export const DEFAULT_VERTICAL_TEXT_SETTINGS: VerticalTextSettings = Object.freeze({
  maxGapEm: 0.6,
  maxColumnShiftEm: 0.3,
  maxOverlapEm: 0.5,
});

type PlacedGlyph = { readonly text: string; readonly box: Box };

export class VerticalRuns {
  private readonly glyphs: PlacedGlyph[] = [];

  constructor(private readonly settings: VerticalTextSettings = DEFAULT_VERTICAL_TEXT_SETTINGS) {}

  /** A glyph's box given by two opposite corners in page space; white-space is only advanced over. */
  glyph(text: string, ax: number, ay: number, bx: number, by: number): void {
    if (text.trim() === '') return;
    const box = { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
    this.glyphs.push({ text, box });
  }

  /** The glyphs grouped into words, one per run down a column, in the order they were shown. */
  words(): Word[] {
    const out: Word[] = [];
    let run: PlacedGlyph[] = [];
    for (const g of this.glyphs) {
      const last = run[run.length - 1];
      if (last && !continuesColumn(last.box, g.box, this.settings)) {
        out.push(runToWord(run));
        run = [];
      }
      run.push(g);
    }
    if (run.length > 0) out.push(runToWord(run));
    return out;
  }
}

/** The next glyph sits under the previous one in the same column, neither far below nor back up. */
function continuesColumn(prev: Box, next: Box, s: VerticalTextSettings): boolean {
  const width = Math.max(boxWidth(prev), boxWidth(next));
  const height = Math.max(boxHeight(prev), boxHeight(next));
  const gap = next.y0 - prev.y1;
  return Math.abs(midX(prev) - midX(next)) <= s.maxColumnShiftEm * width && gap <= s.maxGapEm * height && gap >= -s.maxOverlapEm * height;
}

function runToWord(run: readonly PlacedGlyph[]): Word {
  const box = unionBoxes(run.map((g) => g.box)) ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
  return { text: run.map((g) => g.text).join(''), box, vertical: true };
}
