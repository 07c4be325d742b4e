import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  baseEncoding,
  MAC_ROMAN_ENCODING,
  readDifferences,
  STANDARD_ENCODING,
  WIN_ANSI_ENCODING,
  withDifferences,
  type Encoding,
} from '../../../src/extract/pdf/encodings.js';
import { glyphNameToUnicode } from '../../../src/extract/pdf/glyph-names.js';
import { Name } from '../../../src/extract/pdf/objects.js';
import { MemoryResolver } from './font-doubles.js';

const textOf = (encoding: Encoding, code: number): string => glyphNameToUnicode(encoding[code] ?? '');

describe('base encodings', () => {
  it('WinAnsiEncoding reads as Windows-1252, with bullets for its unused codes and a space at 0xA0', () => {
    for (let code = 0x20; code <= 0xff; code++) {
      const cp1252 = iconv.decode(Buffer.from([code]), 'win1252');
      const expected = [0x7f, 0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(code) ? '•' : code === 0xa0 ? ' ' : code === 0xad ? '-' : cp1252;
      expect(textOf(WIN_ANSI_ENCODING, code), `code ${code.toString(16)}`).toBe(expected);
    }
    expect(textOf(WIN_ANSI_ENCODING, 0x1f)).toBe('');
  });

  it('MacRomanEncoding reads as Mac OS Roman, but for currency at 0xDB and nothing at 0xF0 (the Apple logo)', () => {
    const mac = new TextDecoder('macintosh');
    for (let code = 0x20; code <= 0xff; code++) {
      if (code === 0x7f) continue;
      const expected = code === 0xdb ? '¤' : code === 0xf0 ? '' : code === 0xca ? ' ' : mac.decode(new Uint8Array([code]));
      expect(textOf(MAC_ROMAN_ENCODING, code), `code ${code.toString(16)}`).toBe(expected);
    }
  });

  it('StandardEncoding has curly quotes at 0x27/0x60, ligatures and no Latin-1 letters', () => {
    expect([0x27, 0x41, 0x60, 0xa4, 0xae, 0xaf, 0xd0, 0xe1, 0xfb].map((c) => textOf(STANDARD_ENCODING, c))).toEqual([
      '’', 'A', '‘', '⁄', 'ﬁ', 'ﬂ', '—', 'Æ', 'ß',
    ]);
    expect([0xa0, 0xb0, 0xc9, 0xe0, 0xfc].map((c) => STANDARD_ENCODING[c])).toEqual(['', '', '', '', '']);
  });

  it('names only the three base encodings', () => {
    expect(baseEncoding('WinAnsiEncoding')).toBe(WIN_ANSI_ENCODING);
    expect(baseEncoding('MacExpertEncoding')).toBeUndefined();
    expect(baseEncoding('toString')).toBeUndefined();
  });
});

describe('readDifferences', () => {
  it('reads code runs, skipping junk, and lays them over a base encoding', () => {
    const resolver = new MemoryResolver();
    const array = [32, Name.of('space'), Name.of('uni4E00'), 65, Name.of('Alpha'), true, Name.of('B'), 300, Name.of('x')];
    const differences = readDifferences(resolver, resolver.add(array));
    expect([...differences]).toEqual([
      [32, 'space'],
      [33, 'uni4E00'],
      [65, 'Alpha'],
      [66, 'B'],
    ]);
    const encoding = withDifferences(WIN_ANSI_ENCODING, differences);
    expect([33, 65, 67].map((c) => textOf(encoding, c))).toEqual(['一', '', 'C']);
    expect(textOf(WIN_ANSI_ENCODING, 33)).toBe('!'); // the base is not changed
  });
});
