import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FileTooLargeError } from '../../../src/errors.js';
import { decodeFilters, filterSteps, inflate, type Getter } from '../../../src/extract/pdf/filters.js';
import { Lexer } from '../../../src/extract/pdf/lexer.js';
import { Dict, UnsupportedPdfError, type PdfValue } from '../../../src/extract/pdf/objects.js';
import { Parser } from '../../../src/extract/pdf/parser.js';
import { undoPredictor } from '../../../src/extract/pdf/predictors.js';
import { ascii85Decode, asciiHexDecode, lzwDecode, runLengthDecode } from '../../../src/extract/pdf/simple-filters.js';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const latin = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const direct: Getter = (v: PdfValue | undefined) => v;

/** Decodes `data` with the filters of the stream dictionary written as `dict`. */
function decode(dict: string, data: Uint8Array, maxBytes?: number): Uint8Array {
  const d = new Parser(new Lexer(bytes(dict)), true).readValue() as Dict;
  return decodeFilters(data, filterSteps(d, direct), direct, maxBytes);
}

describe('simple filters', () => {
  it('LZWDecode: the example of PDF 32000-1 §7.4.4.2', () => {
    const encoded = Uint8Array.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]);
    expect(latin(lzwDecode(encoded, 1))).toBe('-----A---B');
    expect(latin(decode('<< /Filter /LZWDecode >>', encoded))).toBe('-----A---B');
  });

  it('ASCII85Decode: data encoded by Python base64.a85encode, with z groups and a short last group', () => {
    expect([...ascii85Decode(bytes('87cURD_*#-6q/="!!!!AASu#~>'))]).toEqual([...Buffer.from('Hello, PDF!\0\0\0\0 end', 'latin1')]);
    expect([...ascii85Decode(bytes('z@:E_W\nzG^0~>'))]).toEqual([0, 0, 0, 0, 97, 98, 99, 100, 0, 0, 0, 0, 120, 121]);
    expect(latin(ascii85Decode(bytes('@:E^~>')))).toBe('abc');
  });

  it('ASCIIHexDecode stops at > and pads an odd digit', () => {
    expect([...asciiHexDecode(bytes('41 4a\n7>ff'))]).toEqual([0x41, 0x4a, 0x70]);
  });

  it('RunLengthDecode copies literal runs, repeats bytes and stops at 128', () => {
    expect(latin(runLengthDecode(Uint8Array.from([2, 97, 98, 99, 254, 120, 0, 122, 128, 65])))).toBe('abcxxxz');
  });

  it('runs a chain of filters in order with abbreviated names', () => {
    const hex = Buffer.from(deflateSync(Buffer.from('chained'))).toString('hex') + '>';
    expect(latin(decode('<< /Filter [/AHx /Fl] >>', bytes(hex)))).toBe('chained');
  });

  it('refuses image codecs and unknown filters', () => {
    expect(() => decode('<< /Filter /DCTDecode >>', bytes('x'))).toThrow(UnsupportedPdfError);
    expect(() => decode('<< /Filter /JBIG2Decode >>', bytes('x'))).toThrow(UnsupportedPdfError);
    expect(() => decode('<< /Filter /Foo >>', bytes('x'))).toThrow(UnsupportedPdfError);
  });
});

describe('FlateDecode', () => {
  const text = 'BT /F1 12 Tf (hello) Tj ET\n'.repeat(200);
  const packed = new Uint8Array(deflateSync(Buffer.from(text)));

  it('inflates whole, truncated and damaged streams as far as they go', () => {
    expect(latin(inflate(packed))).toBe(text);
    const truncated = inflate(packed.subarray(0, packed.length >> 1));
    expect(truncated.length).toBeGreaterThan(0);
    expect(text.startsWith(latin(truncated))).toBe(true);
    const badChecksum = packed.slice();
    badChecksum[badChecksum.length - 1] = badChecksum.at(-1)! ^ 0xff;
    expect(latin(inflate(badChecksum))).toBe(text);
    const badHeader = packed.slice();
    badHeader[0] = 0;
    expect(latin(inflate(badHeader))).toBe(text);
  });

  it('returns the blocks before a corrupt one', () => {
    const long = text.repeat(20); // ~110 KB: several stored blocks
    const stored = new Uint8Array(deflateSync(Buffer.from(long), { level: 0 }));
    const firstLength = stored[3]! | (stored[4]! << 8); // stored block header after the 2-byte zlib header
    const second = 2 + 5 + firstLength;
    stored[second + 3] = stored[second + 3]! ^ 0xff; // NLEN no longer the complement of LEN
    expect(() => inflateSync(stored)).toThrow();
    expect(latin(inflate(stored))).toBe(long.slice(0, firstLength));
  });
});

describe('predictors', () => {
  it('undoes PNG None/Up/Sub/Average/Paeth rows (values worked out by hand)', () => {
    const rows = [
      [2, 1, 2, 3, 4],
      [2, 1, 1, 1, 1],
      [1, 5, 1, 1, 1],
      [3, 0, 0, 0, 0],
      [4, 1, 1, 1, 1],
      [0, 9, 9, 9, 9],
    ].flat();
    const out = undoPredictor(Uint8Array.from(rows), { predictor: 15, colors: 1, bitsPerComponent: 8, columns: 4 });
    expect([...out]).toEqual([1, 2, 3, 4, 2, 3, 4, 5, 5, 6, 7, 8, 2, 4, 5, 6, 3, 5, 6, 7, 9, 9, 9, 9]);
  });

  it('undoes TIFF predictor 2 per colour component', () => {
    const out = undoPredictor(Uint8Array.from([10, 20, 1, 2, 1, 2]), { predictor: 2, colors: 2, bitsPerComponent: 8, columns: 3 });
    expect([...out]).toEqual([10, 20, 11, 22, 12, 24]);
  });

  it('applies /DecodeParms of a Flate stream', () => {
    const predicted = Uint8Array.from([2, 0, 0, 1, 0, 2, 0, 0, 0, 5]); // two 4-byte rows, PNG Up
    const data = decode('<< /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >> >>', new Uint8Array(deflateSync(predicted)));
    expect([...data]).toEqual([0, 0, 1, 0, 0, 0, 1, 5]);
  });
});

describe('decompression bombs', () => {
  const tooLarge = /^too large: a stream decodes to more than 1 MB \(limit\)$/;
  const limit = 1_000_000;

  it('stops a FlateDecode stream at the limit, whole or damaged, without trying prefixes of it', () => {
    const zeros = new Uint8Array(deflateSync(Buffer.alloc(limit + 1)));
    expect(zeros.length).toBeLessThan(2_000);
    expect(decode('<< /Filter /FlateDecode >>', zeros, limit + 1)).toHaveLength(limit + 1);
    expect(() => decode('<< /Filter /FlateDecode >>', zeros, limit)).toThrow(FileTooLargeError);
    expect(() => decode('<< /Filter /FlateDecode >>', zeros, limit)).toThrow(tooLarge);
    const badHeader = zeros.slice();
    badHeader[0] = 0;
    expect(() => inflate(badHeader, limit)).toThrow(tooLarge);
    expect(() => inflate(zeros.subarray(0, zeros.length - 10), limit / 2)).toThrow(FileTooLargeError);
  });

  it('stops the filters that expand their input: RunLength, ASCII85 (z) and LZW', () => {
    const runs = Uint8Array.from({ length: 2 * 8_000 }, (_, i) => (i % 2 === 0 ? 129 : 0x20)); // 128 bytes per 2
    expect(decode('<< /Filter /RunLengthDecode >>', runs, 1_024_000)).toHaveLength(1_024_000);
    expect(() => decode('<< /Filter /RunLengthDecode >>', runs, limit)).toThrow(tooLarge);
    const zs = bytes(`${'z'.repeat(300_000)}~>`);
    expect(() => decode('<< /Filter /ASCII85Decode >>', zs, limit)).toThrow(tooLarge);
    // LZW of one byte repeated: each code stands for one byte more than the one before.
    const lzw = lzwRepeated(2_000);
    expect(lzwDecode(lzw, 1).length).toBeGreaterThan(limit);
    expect(() => decode('<< /Filter /LZWDecode >>', lzw, limit)).toThrow(tooLarge);
  });
});

/** LZW codes (9–12 bits, early change) for 'a' repeated: 97, then 258, 259, … each one byte longer. */
function lzwRepeated(codes: number): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let count = 0;
  const put = (code: number, width: number): void => {
    bits = (bits << width) | code;
    count += width;
    while (count >= 8) {
      out.push((bits >>> (count - 8)) & 0xff);
      count -= 8;
    }
    bits &= (1 << count) - 1;
  };
  // The table fills at 4096 entries; a clear code starts it again.
  let next = 258;
  put(97, 9);
  for (let i = 0; i < codes; i++) {
    const width = next + 1 >= 2048 ? 12 : next + 1 >= 1024 ? 11 : next + 1 >= 512 ? 10 : 9;
    if (next >= 4095) {
      put(256, width);
      next = 258;
      put(97, 9);
      continue;
    }
    put(next, width);
    next++;
  }
  if (count > 0) out.push((bits << (8 - count)) & 0xff);
  return Uint8Array.from(out);
}
