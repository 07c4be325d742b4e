/**
 * Composite fonts (Type0 with one CIDFont, PDF 32000-1 §9.7): codes split by the encoding CMap's
 * codespace (Identity-H/V: two bytes), code → CID through it, widths by CID from /W and /DW,
 * vertical metrics from /W2 and /DW2. Text per code: ToUnicode; else the code itself for the
 * Unicode-based predefined CMaps (UniGB-UCS2-H, …); else CID → Adobe-<Ordering>-UCS2. With none of
 * these the font cannot give text and building it throws UnsupportedPdfError.
 * A Type0 font's parts are methods of one module-level class, not closures made per font, so V8 keeps
 * their optimized code across GCs.
 */
import type { CMap, Codespace } from './cmap-data.js';
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
import { fontExtent, readDescriptor, type FontDescriptorInfo } from './font-descriptor.js';
import { makeGlyph, type VerticalMetrics } from './font-glyphs.js';
import type { GlyphInfo, PdfFont } from './font-model.js';
import type { FontSettings } from './font-settings.js';
import { readCidVerticalMetrics, readCidWidths, readDefaultVertical, type CidTable } from './font-widths.js';
import { isDict, isName, isNumber, UnsupportedPdfError, type Dict, type PdfResolver, type PdfValue } from './objects.js';

/**
 * What a composite font is made of; built from a Type0 dictionary (or, for pdf.js's GBK quirk, a simple one).
 * CompositeFont calls the functions as methods of this object (`parts.cidOf(code)`).
 */
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
    const parts = this.parts;
    const cid = parts.cidOf(code);
    const width = parts.widthOf(cid, code, codeBytes);
    const glyph = makeGlyph(code, codeBytes, parts.textOf(code, cid), width, this.vertical ? parts.verticalOf(cid, width) : undefined);
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

/** Where a Type0 font's text comes from: ToUnicode first, then the code (Uni* CMaps) or its CID (Adobe collections). */
type TextSources = { readonly toUnicode: TextSource | undefined; readonly byCode: TextSource | undefined; readonly byCid: TextSource | undefined };

function textSources(toUnicode: TextSource | undefined, byCode: TextSource | undefined, byCid: TextSource | undefined): TextSources {
  if (!toUnicode && !byCode && !byCid) throw new UnsupportedPdfError('composite font with no way to Unicode (no ToUnicode, not an Adobe collection)');
  return { toUnicode, byCode, byCid };
}

/** A vertical font's /W2 per CID, and /DW2's vy and w1y for the CIDs /W2 does not list. */
type VerticalSource = { readonly table: CidTable<VerticalMetrics>; readonly vy: number; readonly advance: number };

/** What createType0Font reads from the Type0 font and its CIDFont. */
type Type0Source = {
  readonly resolver: PdfResolver;
  readonly descriptor: FontDescriptorInfo;
  readonly settings: FontSettings;
  /** The encoding CMap; undefined for Identity-H/V (the code is the CID). */
  readonly cmap: CMap | undefined;
  readonly text: TextSources;
  readonly widths: CidTable<number>;
  readonly defaultWidth: number;
  /** Undefined for a horizontal font. */
  readonly vertical: VerticalSource | undefined;
};

/** A Type0 font's CompositeParts. */
class Type0Parts implements CompositeParts {
  readonly vertical: boolean;
  readonly notdefWidth: number;

  constructor(
    private readonly source: Type0Source,
    readonly codespace: Codespace | undefined,
  ) {
    this.vertical = source.vertical !== undefined;
    this.notdefWidth = source.widths.get(0) ?? source.defaultWidth;
  }

  extent(): readonly [number, number] {
    return fontExtent(this.source.resolver, this.source.descriptor, this.source.settings);
  }

  cidOf(code: number): number {
    const cmap = this.source.cmap;
    return cmap ? (cmap.cid(code) ?? 0) : code;
  }

  textOf(code: number, cid: number): string {
    const { toUnicode, byCode, byCid } = this.source.text;
    return toUnicode?.text(code) ?? (byCode ? byCode.text(code) : byCid?.text(cid)) ?? '';
  }

  widthOf(cid: number): number {
    return this.source.widths.get(cid) ?? this.source.defaultWidth;
  }

  /** /W2 per CID, else /DW2 with vx = half the horizontal width (§9.7.4.3). */
  verticalOf(cid: number, width: number): VerticalMetrics {
    const v = this.source.vertical;
    if (!v) return NO_VERTICAL;
    return v.table.get(cid) ?? { advance: v.advance, vx: width / 2, vy: v.vy };
  }
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
  const text = textSources(readToUnicode(resolver, resolver.lookup(dict, 'ToUnicode'), cmaps), unicodeCodeText(cmapName), byCid);
  const descriptor = readDescriptor(resolver, resolver.lookup(descendant, 'FontDescriptor'));
  const dw = resolver.lookup(descendant, 'DW');
  const defaultWidth = isNumber(dw) ? dw : settings.defaultCidWidth;
  const widths = readCidWidths(resolver, resolver.lookup(descendant, 'W'));
  const cmap = encoding.kind === 'cmap' ? encoding.cmap : undefined;
  // A CMap whose one codespace range is <0000> <FFFF> splits strings as Identity does: the fast path.
  const codespace = cmap && !cmap.codespace.isTwoByteFull ? cmap.codespace : undefined;
  const vertical = isVertical(encoding, encodingValue) ? verticalSource(resolver, descendant, settings) : undefined;
  return new CompositeFont(new Type0Parts({ resolver, descriptor, settings, cmap, text, widths, defaultWidth, vertical }, codespace));
}

/** What horizontal fonts answer for vertical metrics (never asked). */
export const NO_VERTICAL: VerticalMetrics = Object.freeze({ advance: 0, vx: 0, vy: 0 });

/** WMode 1, or an encoding CMap named …-V (Identity-V, UniGB-UCS2-V). */
function isVertical(encoding: EncodingCMap, value: PdfValue | undefined): boolean {
  if (encoding.kind === 'identity') return encoding.vertical;
  return encoding.cmap.vertical || encoding.cmap.name.endsWith('-V') || (isName(value) && value.name.endsWith('-V'));
}

/** A vertical font's /W2 and /DW2. */
function verticalSource(resolver: PdfResolver, descendant: Dict, settings: FontSettings): VerticalSource {
  const table = readCidVerticalMetrics(resolver, resolver.lookup(descendant, 'W2'));
  const [vy, advance] = readDefaultVertical(resolver, resolver.lookup(descendant, 'DW2'), settings);
  return { table, vy, advance };
}
