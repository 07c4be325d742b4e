/**
 * The content interpreter: one pass over a page's content stream (and the form XObjects it
 * paints), tracking the graphics and text state, and handing each shown glyph to the text runs
 * and each painted path to the ruling finder. Everything else a page draws (images, shadings,
 * colours, clipping) is skipped.
 * The operator callback is a method bound once per interpreter and the operand checks are loops, so V8
 * keeps their optimized code across GCs.
 */
import type { Ruling } from '../document.js';
import { multiply, type Matrix } from './matrix.js';
import { decodeDrawPath, DEFAULT_RULING_SETTINGS, subpathsToRulings, type Paint, type RulingSettings } from './rulings.js';
import { readOperations } from './content-lexer.js';
import type { FontCache } from './font-model.js';
import { GraphicsState } from './graphics-state.js';
import { isDict, isName, isStream, UnsupportedPdfError, type Dict, type PdfResolver, type PdfValue, type Stream } from './objects.js';
import { Op, OPERATORS, PAINT_OPS, PATH_OPS, SHOW_OPS, TEXT_OPS, type OpCode } from './operators.js';
import { PathBuffer } from './path-buffer.js';
import { ResourceScope } from './resources.js';
import { TextShower } from './text-shower.js';
import type { TextRuns } from './text-runs.js';
import type { VerticalRuns } from './vertical-runs.js';

export type ContentSettings = {
  /** Which painted paths are ruling lines (the same rules as the pdf.js path). */
  readonly rulings: RulingSettings;
  /**
   * How deep form XObjects may nest (a form painting a form …). Default 12: producers nest two or
   * three; deeper is a damaged or hostile file, left to pdf.js.
   */
  readonly maxFormDepth: number;
  /**
   * How many graphics states `q` may save. Default 1024: real files nest a few dozen; beyond this
   * (hostile content, millions of `q`) states are no longer saved, so memory stays bounded.
   */
  readonly maxSaveDepth: number;
};

export const DEFAULT_CONTENT_SETTINGS: ContentSettings = Object.freeze({
  rulings: DEFAULT_RULING_SETTINGS,
  maxFormDepth: 12,
  maxSaveDepth: 1024,
});

/** Where the interpreter puts what it finds. */
export type ContentSinks = { readonly text: TextRuns; readonly vertical: VerticalRuns; readonly rulings: Ruling[] };

const STROKE: Paint = Object.freeze({ stroke: true, fill: false });
const FILL: Paint = Object.freeze({ stroke: false, fill: true });
const FILL_STROKE: Paint = Object.freeze({ stroke: true, fill: true });
/** Tz gives the horizontal scale in percent. */
const PERCENT = 100;

/** Interprets one content stream with its resources; `viewport` maps user space to page space. */
export function interpretContent(
  resolver: PdfResolver,
  fonts: FontCache,
  data: Uint8Array,
  resources: Dict | undefined,
  viewport: Matrix,
  sinks: ContentSinks,
  settings: ContentSettings = DEFAULT_CONTENT_SETTINGS,
): void {
  new ContentInterpreter(resolver, fonts, viewport, sinks, settings).run(data, resources);
}

class ContentInterpreter {
  private state = new GraphicsState();
  private readonly stack: GraphicsState[] = [];
  /** Where the current form's saved states begin: its Q never restores its painter's states. */
  private stackBase = 0;
  /** `q`s beyond maxSaveDepth not saved, so that their `Q`s restore nothing. */
  private unsaved = 0;
  private readonly path = new PathBuffer();
  private readonly shower: TextShower;
  private readonly openForms = new Set<Stream>();
  private scope: ResourceScope;
  private device: Matrix | null = null;
  private readonly onOperation = this.operateNamed.bind(this);

  constructor(
    private readonly resolver: PdfResolver,
    private readonly fonts: FontCache,
    private readonly viewport: Matrix,
    private readonly sinks: ContentSinks,
    private readonly settings: ContentSettings,
  ) {
    this.shower = new TextShower(viewport, sinks.text, sinks.vertical);
    this.scope = new ResourceScope(resolver, undefined);
  }

  run(data: Uint8Array, resources: Dict | undefined): void {
    this.scope = new ResourceScope(this.resolver, resources);
    readOperations(data, this.onOperation);
  }

  private operateNamed(operator: string, operands: readonly PdfValue[]): void {
    const code = OPERATORS.get(operator);
    if (code !== undefined) this.operate(code, operands);
  }

  private operate(code: OpCode, a: readonly PdfValue[]): void {
    if (code >= SHOW_OPS) this.showOperation(code, a);
    else if (code >= TEXT_OPS) this.textOperation(code, a);
    else if (code >= PAINT_OPS) this.paintOperation(code);
    else if (code >= PATH_OPS) this.pathOperation(code, a);
    else this.stateOperation(code, a);
  }

  private stateOperation(code: OpCode, a: readonly PdfValue[]): void {
    switch (code) {
      case Op.save:
        if (this.stack.length < this.settings.maxSaveDepth) this.stack.push(this.state.clone());
        else this.unsaved++;
        break;
      case Op.restore:
        if (this.unsaved > 0) this.unsaved--;
        else if (this.stack.length > this.stackBase) this.setState(this.stack.pop() ?? this.state);
        break;
      case Op.concat:
        this.concat(matrixOf(a));
        break;
      case Op.paintXObject:
        this.paintXObject(a[0]);
        break;
      case Op.extGState:
        this.setExtGState(a[0]);
        break;
      case Op.markedContent:
        this.sinks.text.flush(); // pdf.js ends its text item at marked content
        break;
      default:
        break;
    }
  }

  private pathOperation(code: OpCode, a: readonly PdfValue[]): void {
    const p = this.path;
    switch (code) {
      case Op.moveTo:
        p.moveTo(num(a[0]), num(a[1]));
        break;
      case Op.lineTo:
        p.lineTo(num(a[0]), num(a[1]));
        break;
      case Op.curveTo:
        p.curveTo(num(a[0]), num(a[1]), num(a[2]), num(a[3]), num(a[4]), num(a[5]));
        break;
      case Op.curveFromCurrent:
        p.curveFromCurrent(num(a[0]), num(a[1]), num(a[2]), num(a[3]));
        break;
      case Op.curveToEnd:
        p.curveToEnd(num(a[0]), num(a[1]), num(a[2]), num(a[3]));
        break;
      case Op.rectangle:
        p.rectangle(num(a[0]), num(a[1]), num(a[2]), num(a[3]));
        break;
      default:
        p.close();
    }
  }

  private paintOperation(code: OpCode): void {
    switch (code) {
      case Op.stroke:
        return this.paint(STROKE, false);
      case Op.closeStroke:
        return this.paint(STROKE, true);
      case Op.fill:
        return this.paint(FILL, false);
      case Op.fillStroke:
        return this.paint(FILL_STROKE, false);
      case Op.closeFillStroke:
        return this.paint(FILL_STROKE, true);
      default:
        this.path.clear(); // n: the path only clipped
    }
  }

  private paint(paint: Paint, close: boolean): void {
    const p = this.path;
    if (close) p.close();
    if (p.empty) return;
    const subpaths = decodeDrawPath(p.codes, this.toDevice());
    for (const r of subpathsToRulings(subpaths, paint, this.settings.rulings)) this.sinks.rulings.push(r);
    p.clear();
  }

  private textOperation(code: OpCode, a: readonly PdfValue[]): void {
    const st = this.state;
    switch (code) {
      case Op.beginText:
        return st.beginText();
      case Op.setFont:
        return this.setFont(a[0], num(a[1]));
      case Op.charSpacing:
        st.charSpacing = num(a[0]);
        return;
      case Op.wordSpacing:
        st.wordSpacing = num(a[0]);
        return;
      case Op.hScale:
        st.hScale = num(a[0]) / PERCENT;
        return;
      case Op.leading:
        st.leading = num(a[0]);
        return;
      case Op.rise:
        st.rise = num(a[0]);
        return;
      case Op.moveLine:
        return st.moveLine(num(a[0]), num(a[1]));
      case Op.moveLineSetLeading:
        st.leading = -num(a[1]);
        return st.moveLine(num(a[0]), num(a[1]));
      case Op.textMatrix:
        return st.setTextMatrix(num(a[0]), num(a[1]), num(a[2]), num(a[3]), num(a[4]), num(a[5]));
      default:
        st.moveLine(0, -st.leading); // T*
    }
  }

  private showOperation(code: OpCode, a: readonly PdfValue[]): void {
    const st = this.state;
    switch (code) {
      case Op.show:
        return this.shower.show(st, a[0]);
      case Op.showArray:
        return this.shower.showArray(st, a[0]);
      case Op.nextLineShow:
        st.moveLine(0, -st.leading);
        return this.shower.show(st, a[0]);
      default: // "
        st.wordSpacing = num(a[0]);
        st.charSpacing = num(a[1]);
        st.moveLine(0, -st.leading);
        this.shower.show(st, a[2]);
    }
  }

  private setState(s: GraphicsState): void {
    if (s.ctm !== this.state.ctm) this.device = null;
    this.state = s;
  }

  private concat(m: Matrix | null): void {
    if (!m) return;
    this.state.ctm = multiply(m, this.state.ctm);
    this.device = null;
  }

  /** CTM × viewport: user space → page space. */
  private toDevice(): Matrix {
    this.device ??= multiply(this.state.ctm, this.viewport);
    return this.device;
  }

  private setFont(name: PdfValue | undefined, size: number): void {
    const font = this.scope.font(name, this.fonts);
    if (!font) throw new UnsupportedPdfError(`font ${String(name)} is not in the resources`);
    this.state.font = font;
    this.state.fontSize = size;
  }

  /** `gs` may set the font (rare, but pdf.js honours it). */
  private setExtGState(name: PdfValue | undefined): void {
    const gs = this.scope.extGState(name);
    const font = isDict(gs) ? this.resolver.lookup(gs, 'Font') : undefined;
    if (!Array.isArray(font) || font[0] === undefined) return;
    this.sinks.text.flush();
    this.state.font = this.fonts.font(font[0]);
    this.state.fontSize = num(this.resolver.get(font[1]));
  }

  private paintXObject(name: PdfValue | undefined): void {
    this.sinks.text.flush(); // pdf.js ends its text item at any XObject, images included
    const xobject = this.scope.xobject(name);
    if (!isStream(xobject) || !isName(this.resolver.lookup(xobject.dict, 'Subtype'), 'Form')) return;
    if (this.openForms.has(xobject)) return; // a form that paints itself: drawn once, as viewers do
    if (this.openForms.size >= this.settings.maxFormDepth) throw new UnsupportedPdfError('form XObjects nested too deep');
    this.paintForm(xobject);
  }

  private paintForm(form: Stream): void {
    const own = this.resolver.lookup(form.dict, 'Resources');
    const parent = this.scope;
    const saved = this.state;
    const base = this.stackBase;
    const unsaved = this.unsaved;
    this.unsaved = 0;
    this.openForms.add(form);
    this.state = saved.clone();
    this.stackBase = this.stack.length;
    this.concat(matrixOf(arrayOf(this.resolver.lookup(form.dict, 'Matrix'))));
    this.sinks.text.beginForm();
    try {
      this.run(this.resolver.streamData(form), isDict(own) ? own : parent.dict);
    } finally {
      this.sinks.text.endForm();
      this.stack.length = this.stackBase; // unbalanced q inside the form ends with it
      this.stackBase = base;
      this.unsaved = unsaved;
      this.setState(saved);
      this.scope = parent;
      this.path.clear();
      this.openForms.delete(form);
    }
  }
}

function num(v: PdfValue | undefined): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function arrayOf(v: PdfValue | undefined): readonly PdfValue[] {
  return Array.isArray(v) ? v : [];
}

/** Six numbers; null when any is missing (an absent /Matrix is the identity: no change). */
function matrixOf(a: readonly PdfValue[]): Matrix | null {
  const m = [a[0], a[1], a[2], a[3], a[4], a[5]];
  for (const v of m) if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  return m as unknown as Matrix;
}
