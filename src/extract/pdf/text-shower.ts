/**
 * Text showing (Tj, TJ, ', "): places each glyph of a shown string per PDF 32000-1 §9.4.4 and
 * moves the text matrix on. Horizontal glyphs go to the text runs with their text rendering
 * matrix [Tfs·Th 0 0 Tfs 0 Ts] × Tm × CTM; vertical-font glyphs go down the column (§9.7.4.3),
 * placed by their position vector, to the vertical runs.
 */
import { applyMatrix, multiply, type Matrix } from './matrix.js';
import type { GlyphInfo, PdfFont } from './font-model.js';
import type { GraphicsState } from './graphics-state.js';
import type { PdfValue } from './objects.js';
import type { GlyphPlacement, TextRuns } from './text-runs.js';
import type { VerticalRuns } from './vertical-runs.js';

/** Glyph widths and TJ adjustments are in thousandths of text space (PDF 32000-1 §9.2.4). */
const GLYPH_UNITS = 1000;
/** A vertical glyph without metrics: DW2's default w1y of −1000 (PDF 32000-1 §9.7.4.3). */
const DEFAULT_VERTICAL_ADVANCE = -1;

/** Fills the placement object until the first glyph brings a real font. */
const NO_FONT: PdfFont = Object.freeze({ vertical: false, ascent: 0, descent: 0, decode: () => [] });

export class TextShower {
  /** One placement object, refilled for every glyph (no allocation per glyph). */
  private readonly g: GlyphPlacement;

  constructor(
    private readonly viewport: Matrix,
    private readonly text: TextRuns,
    private readonly vertical: VerticalRuns,
  ) {
    this.g = { text: '', font: NO_FONT, fontSize: 0, rise: 0, a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, endX: 0, endY: 0, advance: 0, advanceScale: 1 };
  }

  /** Tj, ' and ": one string. */
  show(st: GraphicsState, value: PdfValue | undefined): void {
    if (value instanceof Uint8Array) this.showString(st, value);
  }

  /** TJ: strings, and numbers n that move the text position by −n/1000 × Tfs along the writing direction. */
  showArray(st: GraphicsState, value: PdfValue | undefined): void {
    if (!Array.isArray(value)) return;
    for (const item of value) {
      if (item instanceof Uint8Array) this.showString(st, item);
      else if (typeof item === 'number' && Number.isFinite(item) && item !== 0) this.adjust(st, item);
    }
  }

  private adjust(st: GraphicsState, amount: number): void {
    const shift = (-amount / GLYPH_UNITS) * st.fontSize;
    if (st.font?.vertical === true) st.translateText(0, shift);
    else st.translateText(shift * st.hScale, 0);
  }

  private showString(st: GraphicsState, bytes: Uint8Array): void {
    const font = st.font;
    if (!font) return; // text before any Tf: pdf.js shows nothing either
    const glyphs = font.decode(bytes);
    if (font.vertical) this.showVertical(st, font, glyphs);
    else this.showHorizontal(st, font, glyphs);
  }

  private showHorizontal(st: GraphicsState, font: PdfFont, glyphs: readonly GlyphInfo[]): void {
    const ctm = st.ctm;
    // Indexed, not destructured: destructuring goes through the array iterator, which allocated on every call.
    const c0 = ctm[0], c1 = ctm[1], c2 = ctm[2], c3 = ctm[3], c4 = ctm[4], c5 = ctm[5];
    const tm = st.tm;
    // The linear part of Tm × CTM stays put while glyphs only move the text matrix's origin.
    const ma = tm.a * c0 + tm.b * c2;
    const mb = tm.a * c1 + tm.b * c3;
    const mc = tm.c * c0 + tm.d * c2;
    const md = tm.c * c1 + tm.d * c3;
    const { fontSize: size, hScale: th, rise } = st;
    const g = this.g;
    g.font = font;
    g.fontSize = size;
    g.rise = rise;
    g.a = size * th * ma;
    g.b = size * th * mb;
    g.c = size * mc;
    g.d = size * md;
    g.advanceScale = Math.hypot(st.tlm.a, st.tlm.b) * Math.hypot(c0, c1);
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]!;
      const e = tm.e * c0 + tm.f * c2 + c4;
      const f = tm.e * c1 + tm.f * c3 + c5;
      const advance = glyph.width * size * th;
      g.text = glyph.text;
      g.e = rise * mc + e;
      g.f = rise * md + f;
      g.advance = advance;
      g.endX = g.e + advance * ma;
      g.endY = g.f + advance * mb;
      this.text.glyph(g);
      const spacing = st.charSpacing + (glyph.wordSpace ? st.wordSpacing : 0);
      st.translateText(advance + spacing * th, 0);
    }
  }

  /** Down the column: ty = w1y × Tfs + Tc (+ Tw for byte 32), as PDF 32000-1 §9.4.4 gives it. */
  private showVertical(st: GraphicsState, font: PdfFont, glyphs: readonly GlyphInfo[]): void {
    const size = st.fontSize;
    this.text.noteFont(font, size); // ends the horizontal run, as a font change does
    for (const glyph of glyphs) {
      const v = glyph.vertical;
      const advance = v?.advance ?? DEFAULT_VERTICAL_ADVANCE;
      const vx = v?.vx ?? glyph.width / 2;
      // The glyph's em box: across from its horizontal origin (−vx), down from the current point by its advance.
      const trm = this.renderingMatrix(st);
      const [ax, ay] = applyMatrix(trm, -vx, 0);
      const [bx, by] = applyMatrix(trm, glyph.width - vx, advance);
      this.vertical.glyph(glyph.text, ax, ay, bx, by);
      const spacing = st.charSpacing + (glyph.wordSpace ? st.wordSpacing : 0);
      st.translateText(0, advance * size + spacing);
    }
  }

  /** Glyph space (units of the font size) → page space, for the current text position. */
  private renderingMatrix(st: GraphicsState): Matrix {
    const textToUser = multiply(st.tm.toMatrix(), st.ctm);
    const glyphToText: Matrix = [st.fontSize * st.hScale, 0, 0, st.fontSize, 0, st.rise];
    return multiply(multiply(glyphToText, textToUser), this.viewport);
  }
}
