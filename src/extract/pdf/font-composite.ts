/**
 * Composite fonts (Type0 with one CIDFont, PDF 32000-1 §9.7): codes split by the encoding CMap's
 * codespace (Identity-H/V: two bytes), code → CID through it, widths by CID from /W and /DW,
 * vertical metrics from /W2 and /DW2. Text per code: ToUnicode; else the code itself for the
 * Unicode-based predefined CMaps (UniGB-UCS2-H, …); else CID → Adobe-<Ordering>-UCS2. With none of
 * these the font cannot give text and building it throws UnsupportedPdfError.
 */
import type { Codespace } from './cmap-data.js';
import {
  collectionText,
  orderingOfCMapName,
  readEncodingCMap,
  readToUnicode,
  unicodeCodeText,
  type EncodingCMap,
  type StreamCMapCache,
  type TextSource,
} from './font-cmaps.js';
import { fontExtent, readDescriptor } from './font-descriptor.js';
import { makeGlyph, type VerticalMetrics } from './font-glyphs.js';
import type { GlyphInfo, PdfFont } from './font-model.js';
import type { FontSettings } from './font-settings.js';
import { readCidVerticalMetrics, readCidWidths, readDefaultVertical } from './font-widths.js';
import { isDict, isName, isNumber, UnsupportedPdfError, type Dict, type PdfResolver, type PdfValue } from './objects.js';

/** What a composite font is made of; built from a Type0 dictionary (or, for pdf.js's GBK quirk, a simple one). */
export type CompositeParts = {
  /** Ascent and descent (fractions of the font size); asked once, when first needed (it may read the program). */
  readonly extent: () => readonly [number, number];
  readonly vertical: boolean;
  /** The codespace to split strings by; undefined for Identity (two-byte codes). */
  readonly codespace: Codespace | undefined;
  readonly cidOf: (code: number) => number;
  readonly textOf: (code: number, cid: number) => string;
  /** Horizontal width (glyph units) of a glyph. */
  readonly widthOf: (cid: number, code: number, codeBytes: number) => number;
  /** Vertical fonts: w1y and the position vector (glyph units); `width` is the horizontal width. */
  readonly verticalOf: (cid: number, width: number) => VerticalMetrics;
  /** Width of bytes that match no codespace range (glyph units). */
  readonly notdefWidth: number;
};

/** Keys of the glyph cache: a code and its byte count (one value can be a 1-byte and a 2-byte code). */
const KEY_BYTES_FACTOR = 0x1_0000_0000;

export class CompositeFont implements PdfFont {
  readonly vertical: boolean;
  private readonly glyphs = new Map<number, GlyphInfo>();
  private extent: readonly [number, number] | undefined;

  constructor(private readonly parts: CompositeParts) {
    this.vertical = parts.vertical;
  }

  get ascent(): number {
    this.extent ??= this.parts.extent();
    return this.extent[0];
  }

  get descent(): number {
    this.extent ??= this.parts.extent();
    return this.extent[1];
  }

  decode(bytes: Uint8Array): readonly GlyphInfo[] {
    const out: GlyphInfo[] = [];
    const n = bytes.length;
    const codespace = this.parts.codespace;
    if (!codespace) {
      let i = 0;
      for (; i + 1 < n; i += 2) {
        const code = (bytes[i]! << 8) | bytes[i + 1]!;
        out.push(this.glyphs.get(code + 2 * KEY_BYTES_FACTOR) ?? this.build(code, 2));
      }
      if (i < n) out.push(this.notdef(bytes[i]!));
      return out;
    }
    for (let i = 0; i < n; ) {
      const code = codespace.read(bytes, i);
      const length = codespace.length;
      out.push(code < 0 ? this.notdef(bytes[i]!) : (this.glyphs.get(code + length * KEY_BYTES_FACTOR) ?? this.build(code, length)));
      i += length;
    }
    return out;
  }

  private build(code: number, codeBytes: number): GlyphInfo {
    const { cidOf, textOf, widthOf, verticalOf } = this.parts;
    const cid = cidOf(code);
    const width = widthOf(cid, code, codeBytes);
    const glyph = makeGlyph(code, codeBytes, textOf(code, cid), width, this.vertical ? verticalOf(cid, width) : undefined);
    this.glyphs.set(code + codeBytes * KEY_BYTES_FACTOR, glyph);
    return glyph;
  }

  /** Bytes no codespace range matches: one byte, no text (as pdf.js reads them). */
  private notdef(byte: number): GlyphInfo {
    const width = this.parts.notdefWidth;
    return makeGlyph(byte, 1, '', width, this.vertical ? this.parts.verticalOf(0, width) : undefined);
  }
}

function pdfString(resolver: PdfResolver, dict: Dict, key: string): string | undefined {
  const v = resolver.lookup(dict, key);
  if (v instanceof Uint8Array) return String.fromCharCode(...v);
  return isName(v) ? v.name : undefined;
}

function descendantOf(resolver: PdfResolver, dict: Dict): Dict {
  const list = resolver.lookup(dict, 'DescendantFonts');
  const first = resolver.get(Array.isArray(list) ? list[0] : list);
  if (!isDict(first)) throw new UnsupportedPdfError('Type0 font without a descendant font');
  return first;
}

/** Text of a code: ToUnicode first, then the code (Uni* CMaps) or its CID (Adobe collections). */
function chooseText(toUnicode: TextSource | undefined, byCode: TextSource | undefined, byCid: TextSource | undefined): (code: number, cid: number) => string {
  const fallback = (code: number, cid: number): string | undefined => (byCode ? byCode.text(code) : byCid?.text(cid));
  if (toUnicode) return (code, cid) => toUnicode.text(code) ?? fallback(code, cid) ?? '';
  if (!byCode && !byCid) throw new UnsupportedPdfError('composite font with no way to Unicode (no ToUnicode, not an Adobe collection)');
  return (code, cid) => fallback(code, cid) ?? '';
}

/** A Type0 font; throws UnsupportedPdfError when it cannot be read or cannot give text. */
export function createType0Font(resolver: PdfResolver, dict: Dict, settings: FontSettings, cmaps: StreamCMapCache): CompositeFont {
  const descendant = descendantOf(resolver, dict);
  const encodingValue = resolver.lookup(dict, 'Encoding');
  const encoding = readEncodingCMap(resolver, encodingValue, cmaps);
  if (!encoding) throw new UnsupportedPdfError('Type0 font without a usable /Encoding');
  const cmapName = encoding.kind === 'cmap' ? encoding.cmap.name : '';
  const info = resolver.lookup(descendant, 'CIDSystemInfo');
  const registry = isDict(info) ? pdfString(resolver, info, 'Registry') : undefined;
  const ordering = isDict(info) ? pdfString(resolver, info, 'Ordering') : undefined;
  const guessed = encoding.kind === 'cmap' && ordering === undefined ? orderingOfCMapName(cmapName) : undefined;
  const byCid = guessed ? collectionText('Adobe', guessed) : collectionText(registry, ordering);
  const textOf = chooseText(readToUnicode(resolver, resolver.lookup(dict, 'ToUnicode'), cmaps), unicodeCodeText(cmapName), byCid);
  const descriptor = readDescriptor(resolver, resolver.lookup(descendant, 'FontDescriptor'));
  const dw = resolver.lookup(descendant, 'DW');
  const defaultWidth = isNumber(dw) ? dw : settings.defaultCidWidth;
  const widths = readCidWidths(resolver, resolver.lookup(descendant, 'W'));
  const vertical = isVertical(encoding, encodingValue);
  return new CompositeFont({
    extent: () => fontExtent(resolver, descriptor, settings),
    vertical,
    // A CMap whose one codespace range is <0000> <FFFF> splits strings as Identity does: the fast path.
    codespace: encoding.kind === 'cmap' && !encoding.cmap.codespace.isTwoByteFull ? encoding.cmap.codespace : undefined,
    cidOf: encoding.kind === 'cmap' ? cidLookup(encoding) : (code) => code,
    textOf,
    widthOf: (cid) => widths.get(cid) ?? defaultWidth,
    verticalOf: vertical ? verticalMetrics(resolver, descendant, settings) : () => NO_VERTICAL,
    notdefWidth: widths.get(0) ?? defaultWidth,
  });
}

/** What horizontal fonts answer for vertical metrics (never asked). */
export const NO_VERTICAL: VerticalMetrics = Object.freeze({ advance: 0, vx: 0, vy: 0 });

function cidLookup(encoding: EncodingCMap & { kind: 'cmap' }): (code: number) => number {
  const cmap = encoding.cmap;
  return (code) => cmap.cid(code) ?? 0;
}

/** WMode 1, or an encoding CMap named …-V (Identity-V, UniGB-UCS2-V). */
function isVertical(encoding: EncodingCMap, value: PdfValue | undefined): boolean {
  if (encoding.kind === 'identity') return encoding.vertical;
  return encoding.cmap.vertical || encoding.cmap.name.endsWith('-V') || (isName(value) && value.name.endsWith('-V'));
}

/** /W2 per CID, else /DW2 with vx = half the horizontal width (§9.7.4.3). */
function verticalMetrics(resolver: PdfResolver, descendant: Dict, settings: FontSettings): (cid: number, width: number) => VerticalMetrics {
  const table = readCidVerticalMetrics(resolver, resolver.lookup(descendant, 'W2'));
  const [vy, advance] = readDefaultVertical(resolver, resolver.lookup(descendant, 'DW2'), settings);
  return (cid, width) => table.get(cid) ?? { advance, vx: width / 2, vy };
}
