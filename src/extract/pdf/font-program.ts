/**
 * Ascent and descent from an embedded TrueType/OpenType program's 'hhea' and 'head' tables, which is
 * what pdf.js uses for such fonts (it ignores the descriptor's /Ascent and /Descent, which WPS sets to
 * the font's bounding box). Inflating a whole program costs more than reading the page it serves, so
 * only the first compressed bytes are inflated: subsets from WPS and Word keep both tables in the
 * first few hundred bytes. When they lie further on, the whole program is read instead.
 */
import { constants, inflateSync } from 'node:zlib';
import { GLYPH_UNITS } from './font-glyphs.js';
import { isName, type PdfResolver, type Stream } from './objects.js';
import { FileTooLargeError } from '../../errors.js';

/** Compressed bytes inflated first; enough for the table directory, 'head' and 'hhea' of common subsets. */
const PREFIX_BYTES = 2048;
/** Bound on what that partial inflate may produce (it is garbage when the stream is encrypted). */
const PREFIX_OUTPUT_LIMIT = 1 << 20;
/** 'head' table magic number (checks that the bytes really are a font's). */
const HEAD_MAGIC = 0x5f0f3cf5;
const SFNT_TRUETYPE = 0x00010000;
const SFNT_TRUE = 0x74727565; // 'true'
const SFNT_OTTO = 0x4f54544f; // 'OTTO'
const MIN_UNITS_PER_EM = 16;
const MAX_UNITS_PER_EM = 16384;

/** Ascent and descent in glyph units (1/1000 of the font size), as a FontDescriptor gives them. */
export type Extent = readonly [number, number];

/** Not enough bytes to read the tables from. */
const MORE = 'more';

/**
 * The program's hhea ascender/descender over head's unitsPerEm (glyph units); undefined when
 * unreadable. A damaged program costs the extent only (the descriptor's is used); only a decompression
 * bomb throws (FileTooLargeError).
 */
export function programExtent(resolver: PdfResolver, program: Stream): Extent | undefined {
  const prefix = inflatedPrefix(resolver, program);
  const quick = prefix ? readExtent(prefix) : MORE;
  if (quick !== MORE) return quick;
  try {
    const full = readExtent(resolver.streamData(program));
    return full === MORE ? undefined : full;
  } catch (e) {
    if (e instanceof FileTooLargeError) throw e; // a decompression bomb fails the file
    return undefined;
  }
}

/** The first inflated bytes of a plain FlateDecode stream; undefined for other streams or on any error. */
function inflatedPrefix(resolver: PdfResolver, stream: Stream): Uint8Array | undefined {
  const filter = resolver.lookup(stream.dict, 'Filter');
  const single = Array.isArray(filter) && filter.length === 1 ? resolver.get(filter[0]) : filter;
  if (!isName(single, 'FlateDecode') || resolver.lookup(stream.dict, 'DecodeParms') !== undefined) return undefined;
  try {
    return inflateSync(stream.raw.subarray(0, PREFIX_BYTES), {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: PREFIX_OUTPUT_LIMIT,
    });
  } catch {
    return undefined; // encrypted, or damaged: the full read decides
  }
}

/** Reads the extent from sfnt bytes; MORE when the tables lie past the end of `data`. */
function readExtent(data: Uint8Array): Extent | undefined | typeof MORE {
  if (data.length < 12) return MORE;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = view.getUint32(0);
  if (version !== SFNT_TRUETYPE && version !== SFNT_TRUE && version !== SFNT_OTTO) return undefined;
  const count = view.getUint16(4);
  if (data.length < 12 + count * 16) return MORE;
  let head = -1;
  let hhea = -1;
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = view.getUint32(record);
    if (tag === 0x68656164) head = view.getUint32(record + 8); // 'head'
    else if (tag === 0x68686561) hhea = view.getUint32(record + 8); // 'hhea'
  }
  if (head < 0 || hhea < 0) return undefined;
  if (data.length < head + 20 || data.length < hhea + 8) return MORE;
  if (view.getUint32(head + 12) !== HEAD_MAGIC) return undefined;
  const unitsPerEm = view.getUint16(head + 18);
  if (unitsPerEm < MIN_UNITS_PER_EM || unitsPerEm > MAX_UNITS_PER_EM) return undefined;
  const scale = GLYPH_UNITS / unitsPerEm;
  return [view.getInt16(hhea + 4) * scale, view.getInt16(hhea + 6) * scale];
}
