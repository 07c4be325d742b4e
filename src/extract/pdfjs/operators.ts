/**
 * One pass over a page's pdf.js operator list: tracks the current transform through
 * save/restore/transform and form XObjects, collects ruling lines from path operators,
 * and feeds the text operators to the vertical-text tracker.
 */
import type { Ruling, Word } from '../document.js';
import { IDENTITY, isNumberList, multiply, toMatrix, type Matrix } from '../pdf/matrix.js';
import {
  decodeDrawPath,
  decodeLegacyPath,
  DEFAULT_RULING_SETTINGS,
  subpathsToRulings,
  type Paint,
  type RulingSettings,
  type Subpath,
} from '../pdf/rulings.js';
import { DEFAULT_VERTICAL_TEXT_SETTINGS, type VerticalTextSettings } from '../pdf/vertical-runs.js';
import { VerticalTextTracker, type TextOps } from './vertical-text.js';

/** The pdf.js OPS codes this module reads (pass `pdfjs.OPS`). */
export type PdfOps = TextOps & {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly constructPath: number;
  readonly stroke: number;
  readonly closeStroke: number;
  readonly fill: number;
  readonly eoFill: number;
  readonly fillStroke: number;
  readonly eoFillStroke: number;
  readonly closeFillStroke: number;
  readonly closeEOFillStroke: number;
  readonly endPath: number;
};

export type OperatorList = { readonly fnArray: ArrayLike<number>; readonly argsArray: ArrayLike<unknown> };

export type PageGraphics = { readonly rulings: Ruling[]; readonly verticalWords: Word[] };

/** How the operator list is read: which paths are rulings, and which vertical glyphs form one word. */
export type GraphicsSettings = { readonly rulings: RulingSettings; readonly verticalText: VerticalTextSettings };

export const DEFAULT_GRAPHICS_SETTINGS: GraphicsSettings = Object.freeze({
  rulings: DEFAULT_RULING_SETTINGS,
  verticalText: DEFAULT_VERTICAL_TEXT_SETTINGS,
});

const STROKE: Paint = Object.freeze({ stroke: true, fill: false });
const FILL: Paint = Object.freeze({ stroke: false, fill: true });
const FILL_STROKE: Paint = Object.freeze({ stroke: true, fill: true });

/** Which paint operators stroke and which fill. */
function paintOf(op: number, ops: PdfOps): Paint | null {
  if (op === ops.stroke || op === ops.closeStroke) return STROKE;
  if (op === ops.fill || op === ops.eoFill) return FILL;
  if (op === ops.fillStroke || op === ops.eoFillStroke || op === ops.closeFillStroke || op === ops.closeEOFillStroke) {
    return FILL_STROKE;
  }
  return null;
}

class GraphicsWalker {
  readonly rulings: Ruling[] = [];
  private ctm: Matrix = IDENTITY;
  /** ctm × viewport, computed when first needed after the ctm changed. */
  private device: Matrix | null = null;
  private readonly stack: Matrix[] = [];
  /** Pre-5.1 encoding: the path built by constructPath waits for its paint operator. */
  private pending: Subpath[] = [];

  constructor(
    private readonly ops: PdfOps,
    private readonly viewport: Matrix,
    private readonly settings: RulingSettings,
    /** Null on a page without vertical fonts: then no text operator needs tracking. */
    readonly text: VerticalTextTracker | null,
  ) {}

  step(fn: number, args: unknown): void {
    const o = this.ops;
    const a = Array.isArray(args) ? (args as unknown[]) : [];
    switch (fn) {
      case o.save:
        this.stack.push(this.ctm);
        break;
      case o.restore:
      case o.paintFormXObjectEnd:
        this.setCtm(this.stack.pop() ?? this.ctm);
        break;
      case o.transform:
        this.concat(toMatrix(a));
        break;
      case o.paintFormXObjectBegin:
        this.stack.push(this.ctm);
        this.concat(toMatrix(a[0]));
        break;
      case o.constructPath:
        this.constructPath(a);
        break;
      case o.endPath:
        this.pending = [];
        break;
      default: {
        const paint = paintOf(fn, o);
        if (paint) this.paintPending(paint);
        else this.text?.handle(fn, args, this.toDevice());
      }
    }
  }

  private concat(m: Matrix | null): void {
    if (m) this.setCtm(multiply(m, this.ctm));
  }

  private setCtm(m: Matrix): void {
    if (m !== this.ctm) this.device = null;
    this.ctm = m;
  }

  private toDevice(): Matrix {
    this.device ??= multiply(this.ctm, this.viewport);
    return this.device;
  }

  private constructPath(a: unknown[]): void {
    const [head, data] = a;
    if (typeof head === 'number') {
      // pdf.js ≥ 5.1: [paintOp, [Float32Array | null], minMax]
      const path = Array.isArray(data) ? data[0] : null;
      const paint = paintOf(head, this.ops);
      if (paint && isNumberList(path)) this.emit(decodeDrawPath(path, this.toDevice()), paint);
      return;
    }
    if (isNumberList(head) && isNumberList(data)) {
      this.pending.push(...decodeLegacyPath(head, data, this.toDevice()));
    }
  }

  private paintPending(paint: Paint): void {
    this.emit(this.pending, paint);
    this.pending = [];
  }

  private emit(subpaths: readonly Subpath[], paint: Paint): void {
    for (const r of subpathsToRulings(subpaths, paint, this.settings)) this.rulings.push(r);
  }
}

/** Rulings and vertical-font words of one page. `viewport` is the page viewport's transform at scale 1. */
export function readOperatorList(
  list: OperatorList,
  ops: PdfOps,
  viewport: Matrix,
  verticalFonts: ReadonlySet<string>,
  settings: GraphicsSettings = DEFAULT_GRAPHICS_SETTINGS,
): PageGraphics {
  // Only vertical fonts' glyphs become words here: without them the text operators need no tracking.
  const text = verticalFonts.size > 0 ? new VerticalTextTracker(ops, verticalFonts, settings.verticalText) : null;
  const walker = new GraphicsWalker(ops, viewport, settings.rulings, text);
  const n = list.fnArray.length;
  for (let i = 0; i < n; i++) walker.step(list.fnArray[i] ?? -1, list.argsArray[i]);
  return { rulings: walker.rulings, verticalWords: text?.words() ?? [] };
}
