/**
 * Small stand-ins for the reader's other layers, for unit tests of the content interpreter: an
 * in-memory resolver (no indirect objects) and a font with known widths, one byte per glyph.
 */
import type { FontCache, GlyphInfo, PdfFont } from '../../../src/extract/pdf/font-model.js';
import { Dict, Stream, type PdfPageInfo, type PdfResolver, type PdfValue } from '../../../src/extract/pdf/objects.js';

export const memoryResolver: PdfResolver = {
  get: (value) => value,
  lookup: (dict, key) => dict.raw(key),
  streamData: (stream) => stream.raw,
};

export function dict(entries: Record<string, PdfValue>): Dict {
  return new Dict(new Map(Object.entries(entries)));
}

export function bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

export function stream(entries: Record<string, PdfValue>, content: string): Stream {
  return new Stream(dict(entries), bytes(content));
}

export type TestFontOptions = {
  /** Advance per glyph in units of the font size; default 0.5 for every byte. */
  readonly widths?: Readonly<Record<string, number>>;
  readonly vertical?: boolean;
};

/** A font whose bytes are Latin-1 characters, ascent 0.8, descent −0.2. */
export function testFont(options: TestFontOptions = {}): PdfFont {
  const glyph = (code: number): GlyphInfo => {
    const text = String.fromCharCode(code);
    const width = options.widths?.[text] ?? 0.5;
    const base = { code, text, width, wordSpace: code === 32 };
    return options.vertical ? { ...base, vertical: { advance: -1, vx: width / 2, vy: 0.88 } } : base;
  };
  return {
    vertical: options.vertical ?? false,
    ascent: 0.8,
    descent: -0.2,
    decode: (b) => Array.from(b, glyph),
  };
}

/** Fonts keyed by the value the Font resource dictionary holds for them. */
export function fontCacheOf(fonts: ReadonlyMap<PdfValue, PdfFont>): FontCache {
  return {
    font: (value) => {
      const font = fonts.get(value);
      if (!font) throw new Error('unknown test font');
      return font;
    },
  };
}

/** An A4 page (or the given box) with one content stream. */
export function testPage(content: string | string[], resources: Dict, box: PdfPageInfo['cropBox'] = [0, 0, 595, 842], rotate = 0): PdfPageInfo {
  const contents = (Array.isArray(content) ? content : [content]).map(bytes);
  return { mediaBox: box, cropBox: box, rotate, resources, contents };
}
