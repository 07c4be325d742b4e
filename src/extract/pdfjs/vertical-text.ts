/**
 * Text in vertical fonts (WPS sets group labels like 三、本年度办理结果 in a vertical CJK font).
 * pdf.js 5.6 `getTextContent` loses most of such a run (it keeps the first glyphs and drops the
 * rest as off-page), so these runs are rebuilt from the glyphs in the operator list, with the
 * text state tracked as the PDF text operators define it; the glyphs become words as nianbao's
 * reader makes them (pdf/vertical-runs.ts).
 */
import type { Word } from '../document.js';
import { applyMatrix, IDENTITY, isNumberList, multiply, toMatrix, type Matrix } from '../pdf/matrix.js';
import { DEFAULT_VERTICAL_TEXT_SETTINGS, VerticalRuns, type VerticalTextSettings } from '../pdf/vertical-runs.js';

/** The pdf.js OPS codes the tracker reads (values of `pdfjs.OPS`). */
export type TextOps = {
  readonly beginText: number;
  readonly setFont: number;
  readonly setTextMatrix: number;
  readonly moveText: number;
  readonly setLeadingMoveText: number;
  readonly setLeading: number;
  readonly nextLine: number;
  readonly setCharSpacing: number;
  readonly setWordSpacing: number;
  readonly setHScale: number;
  readonly showText: number;
  readonly showSpacedText: number;
  readonly nextLineShowText: number;
  readonly nextLineSetSpacingShowText: number;
};

type Glyph = { readonly unicode: string; readonly width: number; readonly vmetric: readonly number[] | null; readonly isSpace: boolean };

/** Units per text-space unit in glyph widths and metrics (PDF 32000-1 §9.2.4). */
const GLYPH_UNITS = 1000;
/** A vertical glyph's advance when the font gives no metrics: DW2's default w1y of −1000 (PDF 32000-1 §9.7.4.3). */
const DEFAULT_W1Y = -1000;

export class VerticalTextTracker {
  private readonly runs: VerticalRuns;
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;
  private font = '';
  private size = 0;
  private leading = 0;
  private charSpacing = 0;
  private wordSpacing = 0;
  private hScale = 1;

  constructor(
    private readonly ops: TextOps,
    private readonly verticalFonts: ReadonlySet<string>,
    settings: VerticalTextSettings = DEFAULT_VERTICAL_TEXT_SETTINGS,
  ) {
    this.runs = new VerticalRuns(settings);
  }

  /** Feeds one operator; `toDevice` maps user space (the current CTM) to page top-left space. */
  handle(fn: number, args: unknown, toDevice: Matrix): void {
    const a = Array.isArray(args) ? (args as unknown[]) : [];
    const o = this.ops;
    switch (fn) {
      case o.beginText:
        this.tm = this.tlm = IDENTITY;
        break;
      case o.setFont:
        this.font = typeof a[0] === 'string' ? a[0] : '';
        this.size = num(a[1]);
        break;
      case o.setTextMatrix:
        this.tm = this.tlm = toMatrix(isNumberList(a[0]) ? a[0] : a) ?? this.tlm;
        break;
      case o.setLeadingMoveText:
        this.leading = -num(a[1]);
        this.moveLine(num(a[0]), num(a[1]));
        break;
      case o.moveText:
        this.moveLine(num(a[0]), num(a[1]));
        break;
      case o.setLeading:
        this.leading = num(a[0]);
        break;
      case o.nextLine:
        this.moveLine(0, -this.leading);
        break;
      default:
        this.handleShowOrSpacing(fn, a, toDevice);
    }
  }

  private handleShowOrSpacing(fn: number, a: unknown[], toDevice: Matrix): void {
    const o = this.ops;
    switch (fn) {
      case o.setCharSpacing:
        this.charSpacing = num(a[0]);
        break;
      case o.setWordSpacing:
        this.wordSpacing = num(a[0]);
        break;
      case o.setHScale:
        this.hScale = num(a[0], 100) / 100;
        break;
      case o.showText:
      case o.showSpacedText:
        this.show(a[0], toDevice);
        break;
      case o.nextLineShowText:
        this.moveLine(0, -this.leading);
        this.show(a[0], toDevice);
        break;
      case o.nextLineSetSpacingShowText:
        this.wordSpacing = num(a[0]);
        this.charSpacing = num(a[1]);
        this.moveLine(0, -this.leading);
        this.show(a[2], toDevice);
        break;
      default:
        break;
    }
  }

  /** The vertical glyphs grouped into words, one per run down a column. */
  words(): Word[] {
    return this.runs.words();
  }

  private moveLine(tx: number, ty: number): void {
    this.tlm = multiply([1, 0, 0, 1, tx, ty], this.tlm);
    this.tm = this.tlm;
  }

  private show(glyphs: unknown, toDevice: Matrix): void {
    if (!Array.isArray(glyphs)) return;
    const vertical = this.verticalFonts.has(this.font);
    for (const item of glyphs as unknown[]) {
      if (typeof item === 'number') this.advance(vertical, (-item / GLYPH_UNITS) * this.size);
      else if (isGlyph(item)) this.showGlyph(item, vertical, toDevice);
    }
  }

  private showGlyph(g: Glyph, vertical: boolean, toDevice: Matrix): void {
    const spacing = this.charSpacing + (g.isSpace ? this.wordSpacing : 0);
    if (!vertical) {
      this.advance(false, (g.width / GLYPH_UNITS) * this.size + spacing);
      return;
    }
    const [w1y = DEFAULT_W1Y, vx = 0] = g.vmetric ?? [DEFAULT_W1Y, g.width / 2];
    const s = this.size / GLYPH_UNITS;
    const m = multiply(this.tm, toDevice);
    const [ax, ay] = applyMatrix(m, -vx * s, 0);
    const [bx, by] = applyMatrix(m, (g.width - vx) * s, w1y * s);
    this.runs.glyph(g.unicode, ax, ay, bx, by);
    this.advance(true, Math.abs(w1y) * s + spacing);
  }

  /** Moves the text matrix along the writing direction (down for vertical fonts). */
  private advance(vertical: boolean, amount: number): void {
    const step: Matrix = vertical ? [1, 0, 0, 1, 0, -amount] : [1, 0, 0, 1, amount * this.hScale, 0];
    this.tm = multiply(step, this.tm);
  }
}

function isGlyph(v: unknown): v is Glyph {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as Record<string, unknown>;
  return typeof g['unicode'] === 'string' && typeof g['width'] === 'number';
}

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
