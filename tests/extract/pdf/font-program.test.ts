import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { programExtent } from '../../../src/extract/pdf/font-program.js';
import { MemoryResolver, stream } from './font-doubles.js';

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const liberationSans = new Uint8Array(readFileSync(join(pdfjsDir, 'standard_fonts/LiberationSans-Regular.ttf')));
/** Liberation Sans hhea: ascender 1854, descender −434, unitsPerEm 2048. */
const LIBERATION_SANS = [(1854 * 1000) / 2048, (-434 * 1000) / 2048];

/** The font with its table data reordered so that 'head' and 'hhea' come last (as LibreOffice writes them). */
function tablesLast(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const records = Array.from({ length: count }, (_, i) => ({ at: 12 + i * 16, tag: String.fromCharCode(...font.subarray(12 + i * 16, 16 + i * 16)), offset: view.getUint32(20 + i * 16), length: view.getUint32(24 + i * 16) }));
  const order = [...records.filter((r) => r.tag !== 'head' && r.tag !== 'hhea'), ...records.filter((r) => r.tag === 'head' || r.tag === 'hhea')];
  const out = new Uint8Array(12 + count * 16 + records.reduce((s, r) => s + ((r.length + 3) & ~3), 0));
  out.set(font.subarray(0, 12 + count * 16));
  const outView = new DataView(out.buffer);
  let offset = 12 + count * 16;
  for (const r of order) {
    out.set(font.subarray(r.offset, r.offset + r.length), offset);
    outView.setUint32(r.at + 8, offset);
    offset += (r.length + 3) & ~3;
  }
  return out;
}

describe('programExtent', () => {
  it('reads hhea and head from the first inflated bytes of a FlateDecode program without reading it whole', () => {
    const resolver = new MemoryResolver();
    const program = stream({ Filter: 'FlateDecode' }, new Uint8Array(deflateSync(liberationSans)));
    expect(programExtent(resolver, program)).toEqual(LIBERATION_SANS);
    expect(resolver.streamReads).toBe(0);
  });

  it('reads the whole program when the tables lie further on, or the stream is not plain FlateDecode', () => {
    const resolver = new MemoryResolver();
    const late = stream({ Filter: 'FlateDecode' }, new Uint8Array(deflateSync(tablesLast(liberationSans))));
    expect(programExtent(resolver, late)).toEqual(LIBERATION_SANS);
    expect(programExtent(resolver, stream({}, liberationSans))).toEqual(LIBERATION_SANS);
    expect(resolver.streamReads).toBe(2);
  });

  it('gives nothing for data that is not a TrueType program, damaged or not, and never throws', () => {
    const resolver = new MemoryResolver();
    expect(programExtent(resolver, stream({ Filter: 'FlateDecode' }, new Uint8Array([1, 2, 3, 4, 5])))).toBeUndefined();
    expect(programExtent(resolver, stream({}, '%!PS-AdobeFont-1.0: Test'))).toBeUndefined();
    expect(programExtent(resolver, stream({}, liberationSans.subarray(0, 100)))).toBeUndefined();
  });
});
