/**
 * GlyphInfo values as fonts hand them out: made once per code and shared by every string that shows
 * the code, so that decoding a string allocates nothing but its result array.
 */
import type { GlyphInfo } from './font-model.js';

/** Glyph-space units per text-space unit (PDF widths are in 1/1000 of the font size). */
export const GLYPH_UNITS = 1000;
/** The one-byte code that word spacing (Tw) applies to (PDF 32000-1 §9.3.3). */
const SPACE_CODE = 0x20;

/** Vertical metrics in glyph units: w1y and the position vector (vx, vy). */
export type VerticalMetrics = { readonly advance: number; readonly vx: number; readonly vy: number };

/** A glyph; `codeBytes` is the length of the code in the string (word spacing is for 1-byte 32 only). */
export function makeGlyph(code: number, codeBytes: number, text: string, width: number, vertical?: VerticalMetrics): GlyphInfo {
  const base = { code, text: visibleText(text), width: width / GLYPH_UNITS, wordSpace: codeBytes === 1 && code === SPACE_CODE };
  if (!vertical) return base;
  return {
    ...base,
    vertical: { advance: vertical.advance / GLYPH_UNITS, vx: vertical.vx / GLYPH_UNITS, vy: vertical.vy / GLYPH_UNITS },
  };
}

function isControl(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/** Text without U+0000 and other control characters (C0, DEL, C1): they are never page text. */
export function visibleText(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (isControl(text.charCodeAt(i))) {
      let out = '';
      for (let j = 0; j < text.length; j++) if (!isControl(text.charCodeAt(j))) out += text[j];
      return out;
    }
  }
  return text;
}
