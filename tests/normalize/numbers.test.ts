import { describe, expect, it } from 'vitest';
import { collapseWhitespace, compactNumberText, isDashOrWord, parseDecimal, shiftDecimal } from '../../src/normalize/numbers.js';

const parse = (text: string) => {
  const num = parseDecimal(compactNumberText(text));
  if (num === null) throw new Error(`not a number: ${text}`);
  return num;
};

describe('numbers', () => {
  it('collapses every kind of whitespace', () => {
    expect(collapseWhitespace('\u3000a\u00a0\u00a0b\n\tc\u200b ')).toBe('a b c');
  });

  it('parses signs, separators and fractions', () => {
    expect(parseDecimal('+1,036')).toEqual({ sign: '+', intDigits: '1036', fracDigits: '', value: 1036 });
    expect(parseDecimal('-0.50')).toEqual({ sign: '-', intDigits: '0', fracDigits: '50', value: -0.5 });
    expect(parseDecimal('-0')?.value).toBe(0);
    expect(Object.is(parseDecimal('-0')?.value, -0)).toBe(false);
    expect(parseDecimal('1,2345')).toBeNull();
    expect(parseDecimal('.5')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it('tells dashes and words from numbers', () => {
    for (const t of ['—', '―', '--', '/', '无', '空']) expect(isDashOrWord(compactNumberText(t)), t).toBe(true);
    for (const t of ['0', '-1', '一', '无效']) expect(isDashOrWord(compactNumberText(t)), t).toBe(false);
  });

  it('moves the decimal point exactly', () => {
    expect(shiftDecimal(parse('1260000'), 4, 6)).toBe(126);
    expect(shiftDecimal(parse('251000'), 4, 6)).toBe(25.1);
    expect(shiftDecimal(parse('5'), 4, 6)).toBe(0.0005);
    expect(shiftDecimal(parse('0.5'), 4, 6)).toBe(0.00005);
    expect(shiftDecimal(parse('-12345.67'), 4, 6)).toBe(-1.234567);
    expect(shiftDecimal(parse('0.000049'), 4, 6)).toBe(0);
  });

  it('matches the decimal text for every amount of whole fen up to 10 万元', () => {
    // Each amount in 元 with two decimals, divided by 10^4, must read back as the shifted decimal text.
    for (let fen = 0; fen <= 100_000_000; fen += 9_973) {
      const yuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
      const digits = String(fen).padStart(7, '0');
      const expected = Number(`${digits.slice(0, -6)}.${digits.slice(-6)}`);
      expect(shiftDecimal(parse(yuan), 4, 6), yuan).toBe(expected);
    }
  });
});
