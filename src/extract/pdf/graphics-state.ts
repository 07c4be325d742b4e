/**
 * The parts of the PDF graphics state (PDF 32000-1 §8.4, §9.3) the content interpreter tracks:
 * the CTM, the text state parameters, and the text and text line matrices. `q` saves all of it
 * (the text matrices too, as pdf.js does for the rare `q` inside BT…ET).
 */
import { IDENTITY, type Matrix } from './matrix.js';
import type { PdfFont } from './font-model.js';

/** A text matrix [a b c d e f], mutable: glyph advances move it thousands of times per page. */
export class TextMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  set(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.e = e;
    this.f = f;
  }

  copyFrom(m: TextMatrix): void {
    this.set(m.a, m.b, m.c, m.d, m.e, m.f);
  }

  /** Moves the origin by (tx, ty) in the matrix's own space. */
  translate(tx: number, ty: number): void {
    this.e += tx * this.a + ty * this.c;
    this.f += tx * this.b + ty * this.d;
  }

  toMatrix(): Matrix {
    return [this.a, this.b, this.c, this.d, this.e, this.f];
  }
}

export class GraphicsState {
  ctm: Matrix = IDENTITY;
  font: PdfFont | null = null;
  /** Tf's size operand (Tfs). */
  fontSize = 0;
  /** Tc, Tw, TL and Ts in unscaled text space units; hScale is Tz / 100 (Th). */
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  rise = 0;
  hScale = 1;
  /** Tm and Tlm. */
  readonly tm = new TextMatrix();
  readonly tlm = new TextMatrix();

  clone(): GraphicsState {
    const s = new GraphicsState();
    s.ctm = this.ctm;
    s.font = this.font;
    s.fontSize = this.fontSize;
    s.charSpacing = this.charSpacing;
    s.wordSpacing = this.wordSpacing;
    s.leading = this.leading;
    s.rise = this.rise;
    s.hScale = this.hScale;
    s.tm.copyFrom(this.tm);
    s.tlm.copyFrom(this.tlm);
    return s;
  }

  /** BT: both text matrices start over at the identity. */
  beginText(): void {
    this.tm.set(1, 0, 0, 1, 0, 0);
    this.tlm.set(1, 0, 0, 1, 0, 0);
  }

  /** Tm: sets both text matrices. */
  setTextMatrix(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.tlm.set(a, b, c, d, e, f);
    this.tm.set(a, b, c, d, e, f);
  }

  /** Td: the next line starts at (tx, ty) from the start of this one. */
  moveLine(tx: number, ty: number): void {
    this.tlm.translate(tx, ty);
    this.tm.copyFrom(this.tlm);
  }

  /** Moves the text matrix by (tx, ty) in text space (a glyph's advance, a TJ adjustment). */
  translateText(tx: number, ty: number): void {
    this.tm.translate(tx, ty);
  }
}
