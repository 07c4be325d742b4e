/**
 * Simple fonts (Type1, MMType1, TrueType; PDF 32000-1 §9.6): one-byte codes. Text per code:
 * ToUnicode; then the encoding (/Differences over the base encoding, or the font's built-in one:
 * StandardEncoding for non-symbolic fonts, the program's own for embedded Type 1, the program's cmap
 * for symbolic TrueType) read through glyph names. Widths: /Widths from /FirstChar, else
 * /MissingWidth; without /Widths the standard 14 metrics, else a guess by script.
 */
import { baseEncoding, MAC_ROMAN_ENCODING, readDifferences, STANDARD_ENCODING, WIN_ANSI_ENCODING, withDifferences, type Encoding } from './encodings.js';
import { readToUnicode, type StreamCMapCache, type TextSource } from './font-cmaps.js';
import { fontExtent, FLAG_NONSYMBOLIC, FLAG_SYMBOLIC, readDescriptor, type FontDescriptorInfo } from './font-descriptor.js';
import { makeGlyph } from './font-glyphs.js';
import type { GlyphInfo, PdfFont } from './font-model.js';
import { CJK_START, type FontSettings } from './font-settings.js';
import { readSimpleWidths } from './font-widths.js';
import { glyphNameToUnicode } from './glyph-names.js';
import { isDict, isName, isNumber, UnsupportedPdfError, type Dict, type PdfResolver } from './objects.js';
import { standardFontMetrics, type StandardFontMetrics } from './standard-metrics.js';
import { readTrueTypeCmap, type TrueTypeCmap } from './truetype-cmap.js';
import { readType1Encoding } from './type1-encoding.js';

const CODES = 256;
/** Non-embedded symbol fonts: their glyphs are pictures, their codes no text we can name. */
const SYMBOL_FONT = /Symbol|Dingbats|Wingdings|Webdings/i;

/** How a simple font's codes become glyph names (and, through the cmap, text). */
type EncodingInfo = {
  readonly encoding: Encoding;
  readonly differences: ReadonlyMap<number, string>;
  /** /Encoding gave a base encoding or differences (pdf.js: "hasEncoding"). */
  readonly explicit: boolean;
  readonly cmap?: TrueTypeCmap;
};

class SimpleFont implements PdfFont {
  readonly vertical = false;
  private extent: readonly [number, number] | undefined;

  constructor(
    /** Ascent and descent, asked once when first needed (it may read the font program). */
    private readonly extentOf: () => readonly [number, number],
    private readonly glyphs: readonly GlyphInfo[],
  ) {}

  get ascent(): number {
    this.extent ??= this.extentOf();
    return this.extent[0];
  }

  get descent(): number {
    this.extent ??= this.extentOf();
    return this.extent[1];
  }

  decode(bytes: Uint8Array): readonly GlyphInfo[] {
    const n = bytes.length;
    const out = new Array<GlyphInfo>(n);
    for (let i = 0; i < n; i++) out[i] = this.glyphs[bytes[i]!]!;
    return out;
  }
}

export function baseFontName(resolver: PdfResolver, dict: Dict): string {
  const name = resolver.lookup(dict, 'BaseFont');
  return isName(name) ? name.name : '';
}

/** A simple font; throws UnsupportedPdfError when none of its codes could be given text. */
export function createSimpleFont(resolver: PdfResolver, dict: Dict, settings: FontSettings, cmaps: StreamCMapCache): PdfFont {
  const descriptor = readDescriptor(resolver, resolver.lookup(dict, 'FontDescriptor'));
  const subtype = resolver.lookup(dict, 'Subtype');
  const trueType = isName(subtype, 'TrueType');
  const baseFont = baseFontName(resolver, dict);
  const toUnicode = readToUnicode(resolver, resolver.lookup(dict, 'ToUnicode'), cmaps);
  const info = readEncoding(resolver, dict, descriptor, trueType, toUnicode === undefined);
  if (!toUnicode && !info.explicit && !descriptor.program && SYMBOL_FONT.test(baseFont)) {
    throw new UnsupportedPdfError(`symbol font ${baseFont} without ToUnicode`);
  }
  if (!toUnicode && !info.explicit && descriptor.program?.kind === 'FontFile3' && descriptor.flags & FLAG_SYMBOLIC) {
    throw new UnsupportedPdfError(`symbolic CFF font ${baseFont} without ToUnicode or Encoding`);
  }
  const textOf = (code: number): string => {
    const fromMap = toUnicode?.text(code);
    if (fromMap !== undefined) return fromMap;
    return toUnicode && !info.explicit ? '' : encodingText(info, code);
  };
  // Non-embedded standard 14 fonts (and their aliases) take the AFM's widths and extent where the dictionary has none.
  const standard = descriptor.program ? undefined : standardFontMetrics(baseFont);
  const widthOf = simpleWidths(resolver, dict, descriptor, info, standard, settings);
  const glyphs: GlyphInfo[] = [];
  for (let code = 0; code < CODES; code++) {
    const text = textOf(code);
    glyphs.push(makeGlyph(code, 1, text, widthOf(code, text)));
  }
  if (glyphs.every((g) => g.text === '')) throw new UnsupportedPdfError(`font ${baseFont}: no code maps to text`);
  return new SimpleFont(() => fontExtent(resolver, descriptor, settings, standard?.extent), glyphs);
}

/** Text of a code through the encoding: a /Differences name, the TrueType cmap, the base encoding's name. */
function encodingText(info: EncodingInfo, code: number): string {
  const difference = info.differences.get(code);
  if (difference !== undefined) return glyphNameToUnicode(difference);
  if (info.cmap) {
    const cp = info.cmap.unicodeOfGlyph(info.cmap.glyphOfCode(code));
    if (cp !== undefined) return String.fromCodePoint(cp);
  }
  const name = info.encoding[code];
  return name ? glyphNameToUnicode(name) : '';
}

/**
 * /Encoding (a name, or a dictionary with /BaseEncoding and /Differences) or the built-in encoding.
 * `textFromEncoding`: no ToUnicode, so the encoding gives the text (else the program is not read for it).
 */
function readEncoding(resolver: PdfResolver, dict: Dict, descriptor: FontDescriptorInfo, trueType: boolean, textFromEncoding: boolean): EncodingInfo {
  const value = resolver.lookup(dict, 'Encoding');
  let base: Encoding | undefined;
  let differences = new Map<number, string>();
  if (isName(value)) base = baseEncoding(value.name);
  else if (isDict(value)) {
    const baseName = resolver.lookup(value, 'BaseEncoding');
    if (isName(baseName)) base = baseEncoding(baseName.name);
    differences = readDifferences(resolver, resolver.lookup(value, 'Differences'));
  }
  const explicit = base !== undefined || differences.size > 0;
  if (base) return { encoding: withDifferences(base, differences), differences, explicit };
  const readProgram = textFromEncoding || differences.size > 0;
  const builtIn = builtInEncoding(resolver, descriptor, trueType, differences.size > 0, readProgram);
  return { ...builtIn, encoding: withDifferences(builtIn.encoding, differences), differences, explicit };
}

/**
 * The encoding a font uses when /Encoding names none (§9.6.6.1–4, with pdf.js's choices for
 * fonts whose flags disagree): the embedded Type 1 program's own, the symbolic TrueType program's
 * cmap over MacRoman, WinAnsi for TrueType fonts not marked non-symbolic, else StandardEncoding.
 */
function builtInEncoding(
  resolver: PdfResolver,
  descriptor: FontDescriptorInfo,
  trueType: boolean,
  hasDifferences: boolean,
  readProgram: boolean,
): { encoding: Encoding; cmap?: TrueTypeCmap } {
  const nonsymbolic = (descriptor.flags & FLAG_NONSYMBOLIC) !== 0;
  const symbolic = (descriptor.flags & FLAG_SYMBOLIC) !== 0 && !(trueType && nonsymbolic && hasDifferences);
  const program = readProgram ? descriptor.program : undefined;
  if (program?.kind === 'FontFile') {
    const length1 = resolver.lookup(program.stream.dict, 'Length1');
    const own = readType1Encoding(resolver.streamData(program.stream), isNumber(length1) ? length1 : undefined);
    return { encoding: own ?? STANDARD_ENCODING };
  }
  if (program?.kind === 'FontFile2' && symbolic) {
    const cmap = readTrueTypeCmap(resolver.streamData(program.stream));
    return cmap ? { encoding: MAC_ROMAN_ENCODING, cmap } : { encoding: MAC_ROMAN_ENCODING };
  }
  if (symbolic) return { encoding: MAC_ROMAN_ENCODING };
  if (trueType && !nonsymbolic) return { encoding: WIN_ANSI_ENCODING };
  return { encoding: STANDARD_ENCODING };
}

/** Width (glyph units) of a code: /Widths, /MissingWidth, standard 14 metrics, or a guess by script. */
function simpleWidths(
  resolver: PdfResolver,
  dict: Dict,
  descriptor: FontDescriptorInfo,
  info: EncodingInfo,
  metrics: StandardFontMetrics | undefined,
  settings: FontSettings,
): (code: number, text: string) => number {
  const widths = readSimpleWidths(resolver, dict);
  if (widths) {
    return (code) => widths.widths[code - widths.firstChar] ?? descriptor.missingWidth;
  }
  const guess = (text: string): number =>
    (text.codePointAt(0) ?? 0) >= CJK_START ? settings.unknownCjkWidth : settings.unknownLatinWidth;
  if (!metrics) return (_code, text) => guess(text);
  return (code, text) => {
    const name = info.encoding[code];
    return (name ? metrics.width(name) : undefined) ?? guess(text);
  };
}
