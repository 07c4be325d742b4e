/**
 * The defaults nianbao's PDF reader assumes where a font dictionary says nothing (or nonsense).
 * Widths are in glyph space (1/1000 of the font size) as PDF gives them.
 */
export type FontSettings = {
  /** Ascent (fraction of the font size) when the descriptor's is missing or implausible. */
  readonly fallbackAscent: number;
  /** Descent (fraction of the font size, negative) when the descriptor's is missing or implausible. */
  readonly fallbackDescent: number;
  /** Smallest plausible ascent − descent (fraction of the font size); below it the fallbacks apply. */
  readonly minExtent: number;
  /** Largest plausible ascent − descent (fraction of the font size); above it the fallbacks apply. */
  readonly maxExtent: number;
  /** CID font width when /DW is missing (PDF 32000-1 Table 117: 1000). */
  readonly defaultCidWidth: number;
  /** Vertical metrics [vy, w1y] when /DW2 is missing (Table 117: [880 −1000]). */
  readonly defaultVerticalMetrics: readonly [number, number];
  /**
   * Width of a Latin glyph of a simple font with neither /Widths nor standard metrics (a
   * non-embedded font we know nothing about): half an em, a typical proportional average.
   */
  readonly unknownLatinWidth: number;
  /** Width of a CJK glyph in such a font: a full em, as CJK glyphs are square. */
  readonly unknownCjkWidth: number;
};

export const DEFAULT_FONT_SETTINGS: FontSettings = Object.freeze({
  // The values word-box.ts uses for fonts without usable metrics (pdf.js fonts among them).
  fallbackAscent: 0.86,
  fallbackDescent: -0.14,
  minExtent: 0.5,
  maxExtent: 2,
  defaultCidWidth: 1000,
  defaultVerticalMetrics: Object.freeze([880, -1000] as const),
  unknownLatinWidth: 500,
  unknownCjkWidth: 1000,
});

/** First code point counted as CJK for `unknownCjkWidth` (CJK Radicals Supplement onwards). */
export const CJK_START = 0x2e80;
