import { describe, expect, it } from 'vitest';
import { glyphNameToUnicode } from '../../../src/extract/pdf/glyph-names.js';

describe('glyphNameToUnicode', () => {
  it('knows the standard Latin names', () => {
    const names = ['A', 'zero', 'space', 'quoteright', 'quotedblleft', 'Euro', 'germandbls', 'fi', 'Lslash', 'trademark', 'minus', 'nbspace'];
    expect(names.map(glyphNameToUnicode)).toEqual(['A', '0', ' ', '’', '“', '€', 'ß', 'ﬁ', 'Ł', '™', '−', '\u00a0']);
  });

  it('reads uniXXXX (one or more units) and uXXXX to uXXXXXX', () => {
    expect(['uni4E00', 'uni00660069', 'u1F600', 'u4E00', 'u10FFFF', 'uni4e8c'].map(glyphNameToUnicode)).toEqual(['一', 'fi', '😀', '一', '\u{10FFFF}', '二']);
  });

  it('drops suffixes and reads ligature names part by part', () => {
    expect(['a.sc', 'one.oldstyle', 'f_f_i', 'uni4E00_uni4E8C.vert'].map(glyphNameToUnicode)).toEqual(['a', '1', 'ffi', '一二']);
  });

  it('gives no text for unknown, malformed or private-use names', () => {
    const names = ['.notdef', 'g123', 'uniG000', 'uniD800', 'u110000', 'uni4E0', 'cid1234', 'apple', 'ubreve', ''];
    expect(names.map(glyphNameToUnicode)).toEqual(Array(names.length).fill(''));
  });
});
