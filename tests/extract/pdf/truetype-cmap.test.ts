import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrueTypeCmap } from '../../../src/extract/pdf/truetype-cmap.js';

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const liberationSans = new Uint8Array(readFileSync(join(pdfjsDir, 'standard_fonts/LiberationSans-Regular.ttf')));

/** A cmap subtable in format 4 from [first, last, delta] segments (the 0xFFFF end segment added). */
function format4(segments: ReadonlyArray<readonly [number, number, number]>): Uint8Array {
  const all = [...segments, [0xffff, 0xffff, 1] as const];
  const n = all.length;
  const out = new DataView(new ArrayBuffer(16 + n * 8));
  out.setUint16(0, 4);
  out.setUint16(2, 16 + n * 8);
  out.setUint16(6, n * 2);
  all.forEach(([first, last, delta], i) => {
    out.setUint16(14 + i * 2, last);
    out.setUint16(16 + n * 2 + i * 2, first);
    out.setUint16(16 + n * 4 + i * 2, delta & 0xffff);
  });
  return new Uint8Array(out.buffer);
}

/** An sfnt holding only a cmap table with the given (platform, encoding) subtables. */
function sfntWithCmap(subtables: ReadonlyArray<readonly [number, number, Uint8Array]>): Uint8Array {
  const header = 4 + subtables.length * 8;
  const cmapLength = header + subtables.reduce((s, [, , t]) => s + t.length, 0);
  const out = new Uint8Array(12 + 16 + cmapLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, 1);
  out.set([0x63, 0x6d, 0x61, 0x70], 12); // 'cmap'
  view.setUint32(12 + 8, 28);
  view.setUint32(12 + 12, cmapLength);
  view.setUint16(28 + 2, subtables.length);
  let offset = header;
  subtables.forEach(([platform, encoding, table], i) => {
    view.setUint16(28 + 4 + i * 8, platform);
    view.setUint16(28 + 6 + i * 8, encoding);
    view.setUint32(28 + 8 + i * 8, offset);
    out.set(table, 28 + offset);
    offset += table.length;
  });
  return out;
}

describe('readTrueTypeCmap', () => {
  it('reads Liberation Sans: (1,0) format 6 gives the glyph of a code, (3,1) format 4 read backwards its character', () => {
    const cmap = readTrueTypeCmap(liberationSans)!;
    for (let code = 0x21; code <= 0x7e; code++) expect(cmap.unicodeOfGlyph(cmap.glyphOfCode(code))).toBe(code);
    // Mac Roman 0x8A is ä, 0xD0 an en dash.
    expect([0x8a, 0xd0].map((c) => cmap.unicodeOfGlyph(cmap.glyphOfCode(c)))).toEqual([0xe4, 0x2013]);
    expect(cmap.glyphOfCode(0x41)).not.toBe(cmap.glyphOfCode(0x42));
  });

  it('reads a LibreOffice subset: (1,0) format 0, codes are glyph ids, no Unicode subtable', () => {
    const cmap = readTrueTypeCmap(new Uint8Array(readFileSync('tests/fixtures/pdf-fonts/libreoffice-liberation-serif-subset.ttf')))!;
    expect(Array.from({ length: 13 }, (_, c) => cmap.glyphOfCode(c))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0]);
    expect(cmap.unicodeOfGlyph(1)).toBeUndefined();
  });

  it('takes a symbol (3,0) subtable at U+F000 + code, and names glyphs by the (3,1) subtable, private use last', () => {
    const font = sfntWithCmap([
      [3, 0, format4([[0xf020, 0xf07e, 10 - 0xf020]])], // code c → glyph c − 0x20 + 10
      [3, 1, format4([[0x20, 0x7e, 10 - 0x20], [0xe000, 0xe000, 200 - 0xe000], [0xe001, 0xe001, 11 - 0xe001]])],
    ]);
    const cmap = readTrueTypeCmap(font)!;
    expect([0x20, 0x41, 0x7f].map((c) => cmap.glyphOfCode(c))).toEqual([10, 43, 0]);
    expect([10, 11, 43, 200].map((g) => cmap.unicodeOfGlyph(g))).toEqual([0x20, 0x21, 0x41, 0xe000]);
  });

  it('reads damaged or foreign data as no cmap', () => {
    expect(readTrueTypeCmap(liberationSans.subarray(0, 400))).toBeUndefined();
    expect(readTrueTypeCmap(new Uint8Array(8))).toBeUndefined();
    expect(readTrueTypeCmap(sfntWithCmap([[0, 3, format4([[0x20, 0x7e, 0]])]]))).toBeUndefined(); // only a (0,3) subtable
  });
});
