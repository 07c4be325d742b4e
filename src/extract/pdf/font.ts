/**
 * Fonts for nianbao's PDF reader: font dictionaries → PdfFont (font-model.ts), one per font object
 * per document. Simple fonts (Type1, MMType1, TrueType) in font-simple.ts, Type0 in font-composite.ts.
 * A font that cannot give text (Type3, a CID font with no way to Unicode, a damaged dictionary) still
 * loads; it throws UnsupportedPdfError when asked to decode a non-empty string, so a file that only
 * names such a font in its resources is still read here, and one that shows text with it goes to pdf.js.
 */
import type { StreamCMapCache } from './font-cmaps.js';
import { createType0Font } from './font-composite.js';
import { createGbkWinAnsiFont, isGbkWinAnsiFont } from './font-gbk-winansi.js';
import type { FontCache, GlyphInfo, PdfFont } from './font-model.js';
import { DEFAULT_FONT_SETTINGS, type FontSettings } from './font-settings.js';
import { createSimpleFont } from './font-simple.js';
import { Dict, isDict, isName, Ref, UnsupportedPdfError, type PdfResolver, type PdfValue } from './objects.js';
import { FileTooLargeError } from '../../errors.js';

const NO_GLYPHS: readonly GlyphInfo[] = Object.freeze([]);

/** A font we do not read: fine until it shows text. */
class UnsupportedFont implements PdfFont {
  readonly vertical = false;
  readonly ascent: number;
  readonly descent: number;

  constructor(
    private readonly reason: string,
    settings: FontSettings,
  ) {
    this.ascent = settings.fallbackAscent;
    this.descent = settings.fallbackDescent;
  }

  decode(bytes: Uint8Array): readonly GlyphInfo[] {
    if (bytes.length === 0) return NO_GLYPHS;
    throw new UnsupportedPdfError(this.reason);
  }
}

/** One cache per document. `settings` are for tests and tuning; the defaults suit real files. */
export function createFontCache(resolver: PdfResolver, settings: FontSettings = DEFAULT_FONT_SETTINGS): FontCache {
  const byRef = new Map<string, PdfFont>();
  const byDict = new WeakMap<Dict, PdfFont>();
  const cmaps: StreamCMapCache = new WeakMap();
  return {
    font(value: PdfValue): PdfFont {
      const key = value instanceof Ref ? value.key : undefined;
      const known = key === undefined ? undefined : byRef.get(key);
      if (known) return known;
      const dict = resolver.get(value);
      let font = isDict(dict) ? byDict.get(dict) : undefined;
      if (!font) {
        font = buildFont(resolver, dict, settings, cmaps);
        if (isDict(dict)) byDict.set(dict, font);
      }
      if (key !== undefined) byRef.set(key, font);
      return font;
    },
  };
}

function buildFont(resolver: PdfResolver, dict: PdfValue | undefined, settings: FontSettings, cmaps: StreamCMapCache): PdfFont {
  if (!isDict(dict)) return new UnsupportedFont('font resource is not a dictionary', settings);
  try {
    const subtype = resolver.lookup(dict, 'Subtype');
    const kind = isName(subtype) ? subtype.name : resolver.lookup(dict, 'DescendantFonts') !== undefined ? 'Type0' : 'Type1';
    switch (kind) {
      case 'Type0':
        return createType0Font(resolver, dict, settings, cmaps);
      case 'Type1':
      case 'MMType1':
      case 'TrueType':
        if (isGbkWinAnsiFont(resolver, dict)) return createGbkWinAnsiFont(resolver, dict, settings);
        return createSimpleFont(resolver, dict, settings, cmaps);
      default:
        return new UnsupportedFont(`${kind} fonts are not read`, settings);
    }
  } catch (e) {
    // Whatever stops a font from loading (unsupported data, or data damaged in a way we did not
    // foresee) sends the file to pdf.js instead of failing it; a decompression bomb fails it.
    if (e instanceof FileTooLargeError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    return new UnsupportedFont(`font: ${reason}`, settings);
  }
}
