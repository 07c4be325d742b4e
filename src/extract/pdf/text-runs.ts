/**
 * Glyphs of horizontal fonts → words, cut the way pdf.js's getTextContent cuts its text items
 * (the tables stage was tuned on those): glyphs join one run while they follow each other along
 * one baseline in one font and size; a moderate gap becomes one space, a wide gap, a step back or
 * a new line ends the run. Runs then get their boxes from word-box.ts, as pdf.js items do.
 */
import type { Word } from '../document.js';
import type { Matrix } from './matrix.js';
import type { PdfFont } from './font-model.js';
import { glyphKind, GlyphKind, normalizeRunText } from './glyph-text.js';
import { baselineOffset, RunState } from './text-run-state.js';
import { placeRun, type FontMetricsLike, type RunGeometry } from './word-box.js';

/**
 * When glyphs join a run. Gaps are measured along the baseline in text space and compared with
 * the font size times these factors; the values are pdf.js 5.6's (getTextContent), so both readers
 * cut text alike.
 */
export type TextRunSettings = {
  /** A gap up to this share of the font size is letter spacing: no space. pdf.js TRACKING_SPACE_FACTOR, 0.102. */
  readonly trackingSpace: number;
  /** A gap up to this share of the font size clears the pending-space memory. pdf.js NOT_A_SPACE_FACTOR, 0.03. */
  readonly notASpace: number;
  /** A step back along the baseline beyond this share (negative) ends the run. pdf.js NEGATIVE_SPACE_FACTOR, −0.2. */
  readonly negativeSpace: number;
  /** A gap from this share of the font size … pdf.js SPACE_IN_FLOW_MIN_FACTOR, 0.102 … */
  readonly spaceInFlowMin: number;
  /** … up to this share becomes one space inside the run; wider ends the run. pdf.js SPACE_IN_FLOW_MAX_FACTOR, 0.6. */
  readonly spaceInFlowMax: number;
  /**
   * A baseline shift above this share of the text height (a superscript, a misaligned cell) ends the run.
   * pdf.js VERTICAL_SHIFT_RATIO, 0.25. A shift above the whole height is a new line and ends it anyway.
   */
  readonly verticalShift: number;
};

export const DEFAULT_TEXT_RUN_SETTINGS: TextRunSettings = Object.freeze({
  trackingSpace: 0.102,
  notASpace: 0.03,
  negativeSpace: -0.2,
  spaceInFlowMin: 0.102,
  spaceInFlowMax: 0.6,
  verticalShift: 0.25,
});

/**
 * One glyph as the content interpreter shows it, in user space (the CTM applied, not the viewport).
 * The interpreter fills one object and reuses it for every glyph.
 */
export type GlyphPlacement = {
  text: string;
  font: PdfFont;
  /** Tf's size operand (text space). */
  fontSize: number;
  /** Ts. */
  rise: number;
  /** Text rendering matrix before the glyph: [Tfs·Th 0 0 Tfs 0 Ts] × Tm × CTM. */
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  /** Where the glyph's advance ends (before Tc/Tw/TJ spacing), user space. */
  endX: number;
  endY: number;
  /** The glyph's advance in text space: w0 × Tfs × Th. */
  advance: number;
  /** Text space → user space length along the baseline: |Tm x-axis| × |CTM x-axis|. */
  advanceScale: number;
};

/** An ended run: what a pdf.js text item holds, with its font's metrics. */
type EndedRun = RunGeometry & { readonly text: string; readonly font: FontMetricsLike };

/** Collects the runs of one page (forms included) and turns them into words. */
export class TextRuns {
  private readonly ended: EndedRun[] = [];
  private readonly run = new RunState();
  /** The last glyph's end (kept across runs: the next glyph is measured from it). */
  private prev = { set: false, x: 0, y: 0, a: 0, b: 0, c: 0, d: 0, rise: 0 };
  /** What the painters of the open forms had measured (pdf.js reads each form with a fresh item). */
  private readonly painters: { prev: TextRuns['prev']; olderSpace: boolean; newerSpace: boolean }[] = [];
  /** pdf.js's memory of the last two characters: a shown space between glyphs becomes one space. */
  private olderSpace = true;
  private newerSpace = true;
  private lastFont: PdfFont | null = null;
  private lastSize = Number.NaN;

  constructor(
    /** The page's view box in user space: glyphs starting outside it are dropped (as pdf.js does). */
    private readonly viewBox: readonly [number, number, number, number],
    private readonly settings: TextRunSettings = DEFAULT_TEXT_RUN_SETTINGS,
  ) {}

  /** Adds one glyph of a horizontal font. */
  glyph(g: GlyphPlacement): void {
    this.noteFont(g.font, g.fontSize);
    this.run.rescale(g.advanceScale);
    const kind = glyphKind(g.text);
    if (kind === GlyphKind.Invisible) return;
    if (kind === GlyphKind.Space) {
      this.saveLastChar(true);
      return;
    }
    if (kind !== GlyphKind.Mark && !this.placeAfterPrevious(g)) return;
    if (!this.run.started) this.run.start(g, this.settings);
    const advance = kind === GlyphKind.Mark ? 0 : g.advance;
    this.run.width += advance;
    if (advance !== 0) this.setPrevious(g);
    if (this.saveLastChar(false)) this.run.parts.push(' ');
    this.run.parts.push(g.text);
  }

  /** A change of font or size ends the run (pdf.js compares both before each shown string). */
  noteFont(font: PdfFont, size: number): void {
    if (font === this.lastFont && size === this.lastSize) return;
    this.flush();
    this.lastFont = font;
    this.lastSize = size;
  }

  /** Ends the current run (marked content, XObjects and font changes do this in pdf.js). */
  flush(): void {
    const run = this.run;
    if (!run.started) return;
    run.totalWidth += run.width * run.advanceScale;
    this.ended.push({
      text: normalizeRunText(run.parts.join('')),
      transform: run.transform,
      width: Math.abs(run.totalWidth),
      font: run.font,
    });
    run.started = false;
    run.parts.length = 0;
  }

  /** A form XObject starts: its text is measured on its own. */
  beginForm(): void {
    this.flush();
    this.painters.push({ prev: this.prev, olderSpace: this.olderSpace, newerSpace: this.newerSpace });
    this.prev = { ...this.prev, set: false };
    this.resetLastChars();
  }

  /** The form ends: its last run too; measuring goes on from the painter's last glyph. */
  endForm(): void {
    this.flush();
    const painter = this.painters.pop();
    if (!painter) return;
    this.prev = painter.prev;
    this.olderSpace = painter.olderSpace;
    this.newerSpace = painter.newerSpace;
  }

  /** The words of every run so far, in page space. */
  words(viewport: Matrix): Word[] {
    this.flush();
    const words: Word[] = [];
    for (const r of this.ended) {
      const placed = placeRun(r.text, r, r.font, viewport);
      if (placed) words.push(placed);
    }
    return words;
  }

  private setPrevious(g: GlyphPlacement): void {
    const p = this.prev;
    p.set = true;
    p.x = g.endX;
    p.y = g.endY;
    p.a = g.a;
    p.b = g.b;
    p.c = g.c;
    p.d = g.d;
    p.rise = g.rise;
  }

  /**
   * Measures the glyph against the previous one and ends the run, adds a space or widens the run as
   * pdf.js's compareWithLastPosition does. False when the glyph lies off the view box.
   */
  private placeAfterPrevious(g: GlyphPlacement): boolean {
    const vb = this.viewBox;
    if (g.e + g.advance < vb[0] || g.e > vb[2] || g.f < vb[1] || g.f > vb[3]) return false;
    const p = this.prev;
    if (!p.set || (p.x === g.e && p.y === g.f)) return true;
    const run = this.run;
    const { along, across } = baselineOffset(g, p);
    const advanceX = along / run.advanceScale;
    const orientation = Math.sign(run.width || run.totalWidth);
    if (advanceX < orientation * run.negativeSpace) {
      this.endRun();
      return true;
    }
    const riseDelta = g.rise - p.rise;
    const acrossCorrected = riseDelta === 0 ? across : across - (g.d / g.fontSize) * riseDelta;
    if (Math.abs(acrossCorrected) > run.height) {
      this.endRun();
      return true;
    }
    this.measureGap(advanceX, orientation);
    if (Math.abs(across) > run.height * this.settings.verticalShift) this.flush();
    return true;
  }

  /** A gap along the baseline: glued, one space, or the end of the run. */
  private measureGap(advanceX: number, orientation: number): void {
    const run = this.run;
    if (advanceX <= orientation * run.notASpace) this.resetLastChars();
    if (advanceX <= orientation * run.trackingSpace) {
      if (this.shouldAddSpace()) this.endRun();
      else run.width += advanceX;
      return;
    }
    if (orientation * run.spaceInFlowMin <= advanceX && advanceX <= orientation * run.spaceInFlowMax) {
      if (run.started) {
        this.resetLastChars();
        run.parts.push(' ');
      }
    } else {
      this.endRun();
      return;
    }
    if (run.parts.length === 0) this.resetLastChars();
    else run.width += advanceX;
  }

  private endRun(): void {
    this.resetLastChars();
    this.flush();
  }

  private saveLastChar(isSpace: boolean): boolean {
    const spaceBetween = !this.olderSpace && this.newerSpace;
    this.olderSpace = this.newerSpace;
    this.newerSpace = isSpace;
    return spaceBetween;
  }

  private shouldAddSpace(): boolean {
    return !this.olderSpace && this.newerSpace;
  }

  private resetLastChars(): void {
    this.olderSpace = this.newerSpace = true;
  }
}
