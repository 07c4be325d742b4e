/**
 * The text run being built (one pdf.js text item), and how far a glyph sits from the previous
 * one along and across the baseline. pdf.js keeps a run's last measures after the run ended and
 * compares the next glyph with them; RunState keeps them the same way.
 */
import type { GlyphPlacement, TextRunSettings } from './text-runs.js';
import type { FontMetricsLike } from './word-box.js';

/** The run being built, with pdf.js's habit of keeping its last measures after it ended. */
export class RunState {
  started = false;
  readonly parts: string[] = [];
  transform: number[] = [];
  /** The font the run started in (its ascent and descent size the run's box). */
  font: FontMetricsLike = {};
  /** Text space along the baseline since the last change of advance scale. */
  width = 0;
  /** User space, for the parts before the last change of advance scale. */
  totalWidth = 0;
  height = 0;
  advanceScale = 1;
  trackingSpace = 0;
  notASpace = 0;
  negativeSpace = 0;
  spaceInFlowMin = 0;
  spaceInFlowMax = 0;

  start(g: GlyphPlacement, s: TextRunSettings): void {
    this.started = true;
    this.font = g.font;
    this.transform = [g.a, g.b, g.c, g.d, g.e, g.f];
    this.width = this.totalWidth = 0;
    this.height = Math.hypot(g.c, g.d);
    this.advanceScale = g.advanceScale;
    this.trackingSpace = g.fontSize * s.trackingSpace;
    this.notASpace = g.fontSize * s.notASpace;
    this.negativeSpace = g.fontSize * s.negativeSpace;
    this.spaceInFlowMin = g.fontSize * s.spaceInFlowMin;
    this.spaceInFlowMax = g.fontSize * s.spaceInFlowMax;
  }

  /** A new text matrix scale inside a run: bank the width so far at the old scale. */
  rescale(advanceScale: number): void {
    if (!this.started || advanceScale === this.advanceScale) return;
    this.totalWidth += this.width * this.advanceScale;
    this.width = 0;
    this.advanceScale = advanceScale;
  }
}

type Previous = { readonly x: number; readonly y: number; readonly a: number; readonly b: number; readonly c: number; readonly d: number };

/** The result of `baselineOffset`, reused (one allocation per page, not per glyph). */
const offset = { along: 0, across: 0 };

/**
 * The glyph's offset from the previous glyph's end, along and across the baseline: exact for text
 * turned by quarter turns, through each matrix's own rotation otherwise (as pdf.js measures).
 */
export function baselineOffset(g: GlyphPlacement, p: Previous): typeof offset {
  if (g.a !== 0 && g.b === 0 && g.c === 0) {
    const sign = g.a > 0 ? 1 : -1;
    offset.along = sign * (g.e - p.x);
    offset.across = sign * (g.f - p.y);
  } else if (g.b !== 0 && g.a === 0 && g.d === 0) {
    const sign = g.b > 0 ? 1 : -1;
    offset.along = sign * (g.f - p.y);
    offset.across = sign * (g.e - p.x);
  } else {
    const s = Math.hypot(g.a, g.b);
    const ps = Math.hypot(p.a, p.b);
    offset.along = (g.a * g.e + g.b * g.f) / s - (p.a * p.x + p.b * p.y) / ps;
    offset.across = (g.c * g.e + g.d * g.f) / s - (p.c * p.x + p.d * p.y) / ps;
  }
  return offset;
}
