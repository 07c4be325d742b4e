/**
 * The 'cmap' table of an embedded TrueType font program (FontFile2), read for symbolic simple fonts
 * that have neither ToUnicode nor an /Encoding: their codes select glyphs through the (3,0) or (1,0)
 * subtable (PDF 32000-1 §9.6.6.4), and the (3,1) Unicode subtable, read backwards, tells which
 * character a glyph draws. Formats 0, 4, 6 and 12. Malformed tables read as absent, never throw.
 */

/** What a symbolic TrueType font's cmap tells about its codes. */
export type TrueTypeCmap = {
  /** The glyph a one-byte code selects (0 = none): (3,0) at F000+code or code, else (1,0), else (3,1). */
  glyphOfCode(code: number): number;
  /** A character the (3,1) subtable maps to this glyph (the lowest outside the private use area first). */
  unicodeOfGlyph(glyph: number): number | undefined;
};

/** Base of the (3,0) subtable's codes: symbol fonts put code c at U+F000 + c. */
const SYMBOL_BASE = 0xf000;
const PRIVATE_USE_START = 0xe000;
const PRIVATE_USE_END = 0xf8ff;
/** Bound on the codes a format 12 group may span, so that a damaged table cannot make a huge map. */
const MAX_GROUP_SPAN = 0x10000;
/** Bound on the codes a format 4 table may list (segments can overlap in damaged fonts). */
const MAX_FORMAT4_CODES = 0x20000;

type Subtables = { readonly symbol?: Map<number, number>; readonly mac?: Map<number, number>; readonly unicode?: Map<number, number> };

/** Reads the cmap of a TrueType (or OpenType, or first-of-collection) font program; undefined without one. */
export function readTrueTypeCmap(font: Uint8Array): TrueTypeCmap | undefined {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  try {
    const cmap = findTable(view, 'cmap');
    if (cmap === undefined) return undefined;
    const tables = readSubtables(view, cmap);
    if (!tables.symbol && !tables.mac && !tables.unicode) return undefined;
    return makeCmap(tables);
  } catch (e) {
    if (e instanceof RangeError) return undefined; // read past the end: a damaged font
    throw e;
  }
}

function makeCmap(tables: Subtables): TrueTypeCmap {
  let inverse: Map<number, number> | undefined;
  return {
    glyphOfCode(code) {
      if (tables.symbol) return tables.symbol.get(SYMBOL_BASE + code) ?? tables.symbol.get(code) ?? 0;
      if (tables.mac) return tables.mac.get(code) ?? 0;
      return tables.unicode?.get(code) ?? 0;
    },
    unicodeOfGlyph(glyph) {
      inverse ??= invert(tables.unicode);
      return inverse.get(glyph);
    },
  };
}

/** Glyph → character, preferring characters outside the private use area, then lower ones. */
function invert(unicode: Map<number, number> | undefined): Map<number, number> {
  const inverse = new Map<number, number>();
  if (!unicode) return inverse;
  const isPrivate = (cp: number): boolean => cp >= PRIVATE_USE_START && cp <= PRIVATE_USE_END;
  for (const [cp, glyph] of unicode) {
    if (glyph === 0) continue;
    const seen = inverse.get(glyph);
    if (seen === undefined || (isPrivate(seen) && !isPrivate(cp)) || (isPrivate(seen) === isPrivate(cp) && cp < seen)) {
      inverse.set(glyph, cp);
    }
  }
  return inverse;
}

/** Offset of a table in the font's table directory. */
function findTable(view: DataView, tag: string): number | undefined {
  let base = 0;
  if (view.getUint32(0) === 0x74746366) base = view.getUint32(12); // 'ttcf': the first font of a collection
  const count = view.getUint16(base + 4);
  const wanted = (tag.charCodeAt(0) << 24) | (tag.charCodeAt(1) << 16) | (tag.charCodeAt(2) << 8) | tag.charCodeAt(3);
  for (let i = 0; i < count; i++) {
    const record = base + 12 + i * 16;
    if (view.getInt32(record) === wanted) return view.getUint32(record + 8);
  }
  return undefined;
}

function readSubtables(view: DataView, cmap: number): Subtables {
  const count = view.getUint16(cmap + 2);
  let symbol: Map<number, number> | undefined;
  let mac: Map<number, number> | undefined;
  let unicode: Map<number, number> | undefined;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmap + view.getUint32(record + 4);
    if (platform === 3 && encoding === 0) symbol ??= readSubtable(view, offset);
    else if (platform === 1 && encoding === 0) mac ??= readSubtable(view, offset);
    else if (platform === 3 && encoding === 1) unicode ??= readSubtable(view, offset);
  }
  return { ...(symbol && { symbol }), ...(mac && { mac }), ...(unicode && { unicode }) };
}

/** One subtable as code → glyph; undefined for formats not read here. */
function readSubtable(view: DataView, offset: number): Map<number, number> | undefined {
  switch (view.getUint16(offset)) {
    case 0:
      return readFormat0(view, offset);
    case 4:
      return readFormat4(view, offset);
    case 6:
      return readFormat6(view, offset);
    case 12:
      return readFormat12(view, offset);
    default:
      return undefined;
  }
}

/** Byte encoding table: 256 one-byte glyph ids. */
function readFormat0(view: DataView, offset: number): Map<number, number> {
  const map = new Map<number, number>();
  for (let code = 0; code < 256; code++) {
    const glyph = view.getUint8(offset + 6 + code);
    if (glyph !== 0) map.set(code, glyph);
  }
  return map;
}

/** Segment mapping to delta values: segments of codes, each by delta or through the glyph id array. */
function readFormat4(view: DataView, offset: number): Map<number, number> {
  const map = new Map<number, number>();
  const segments = view.getUint16(offset + 6) >> 1;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  let budget = MAX_FORMAT4_CODES;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getUint16(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    budget -= end - start + 1;
    if (budget < 0) throw new RangeError('cmap format 4: too many codes');
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        glyph = view.getUint16(rangeOffsetAt + rangeOffset + (code - start) * 2);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(code, glyph);
    }
  }
  return map;
}

/** Trimmed table mapping: one run of codes with their glyph ids. */
function readFormat6(view: DataView, offset: number): Map<number, number> {
  const map = new Map<number, number>();
  const first = view.getUint16(offset + 6);
  const count = view.getUint16(offset + 8);
  for (let i = 0; i < count; i++) {
    const glyph = view.getUint16(offset + 10 + i * 2);
    if (glyph !== 0) map.set(first + i, glyph);
  }
  return map;
}

/** Segmented coverage: groups of consecutive characters mapped to consecutive glyphs. */
function readFormat12(view: DataView, offset: number): Map<number, number> {
  const map = new Map<number, number>();
  const groups = view.getUint32(offset + 12);
  for (let g = 0; g < groups; g++) {
    const at = offset + 16 + g * 12;
    const start = view.getUint32(at);
    const end = Math.min(view.getUint32(at + 4), start + MAX_GROUP_SPAN - 1);
    const glyph = view.getUint32(at + 8);
    for (let code = start; code <= end; code++) if (glyph + code - start !== 0) map.set(code, glyph + code - start);
  }
  return map;
}
