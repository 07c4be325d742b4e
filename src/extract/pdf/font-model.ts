/**
 * What the content interpreter needs from a font: the glyphs a shown string stands for, with
 * their Unicode text and advances. `font.ts` builds these from font dictionaries.
 */
import type { PdfString, PdfValue } from './objects.js';

export type GlyphInfo = {
  /** The character code as read from the string (1 to 4 bytes, big-endian). */
  readonly code: number;
  /** Unicode text of the glyph; '' when the font maps the code to nothing. */
  readonly text: string;
  /** Horizontal advance in text space per unit of font size (the font's width / 1000). */
  readonly width: number;
  /** True when the code is the single byte 32: word spacing (Tw) applies (PDF 32000-1 §9.3.3). */
  readonly wordSpace: boolean;
  /**
   * Vertical fonts only: the vertical advance w1y and the position vector (vx, vy), all per unit
   * of font size (/1000), as PDF 32000-1 §9.7.4.3 defines them (w1y is usually negative: down).
   */
  readonly vertical?: { readonly advance: number; readonly vx: number; readonly vy: number };
};

export interface PdfFont {
  /** Writing mode 1 (Identity-V and other vertical CMaps). */
  readonly vertical: boolean;
  /** Ascent and descent as fractions of the font size (e.g. 0.88 and -0.12), from the descriptor or defaults. */
  readonly ascent: number;
  readonly descent: number;
  /** The glyphs of a string shown with Tj/TJ/'/". */
  decode(bytes: PdfString): readonly GlyphInfo[];
}

/** One per document: fonts are parsed once, whatever number of pages or forms use them. */
export interface FontCache {
  /** The font for a value of a Font resource dictionary (usually a Ref). Throws UnsupportedPdfError. */
  font(value: PdfValue): PdfFont;
}
