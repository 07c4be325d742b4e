import { describe, expect, it } from 'vitest';
import { isBlankWord, parseDecimal, readsAsNumber, roundDecimals, shiftDecimal } from '../../src/normalize/numbers.js';
import { compactText } from '../../src/normalize/text.js';

const parse = (text: string) => {
  const num = parseDecimal(compactText(text));
  if (num === null) throw new Error(`not a number: ${text}`);
  return num;
};

describe('numbers', () => {
  it('parses signs, separators and fractions', () => {
    expect(parseDecimal('+1,036')).toEqual({ sign: '+', intDigits: '1036', fracDigits: '', value: 1036 });
    expect(parseDecimal('-0.50')).toEqual({ sign: '-', intDigits: '0', fracDigits: '50', value: -0.5 });
    expect(parseDecimal('-0')?.value).toBe(0);
    expect(Object.is(parseDecimal('-0')?.value, -0)).toBe(false);
    expect(parseDecimal('1,2345')).toBeNull();
    expect(parseDecimal('.5')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it('tells dashes, asterisks and words meaning none from numbers (one vocabulary)', () => {
    for (const t of ['—', '―', '--', '/', '／', '－', '*', '＊', '无', '空', '暂无', ' 暂 无 ']) expect(isBlankWord(t), t).toBe(true);
    for (const t of ['0', '-1', '一', '无效', '', '*1']) expect(isBlankWord(t), t).toBe(false);
  });

  it('recognises printed numbers the way the header heuristics need', () => {
    for (const t of ['0', '1,234.56', '１２３', '-5', '−5', '(12.5)', '（12.5）', '98.5%', '９８％', '+3', ' 7 ']) {
      expect(readsAsNumber(t), t).toBe(true);
    }
    for (const t of ['2024年', '一、', '1.属于国家秘密', '', '—', '*', '1 234', 'x1']) expect(readsAsNumber(t), t).toBe(false);
  });

  it('rounds through the decimal text, never to -0', () => {
    expect(roundDecimals(2 / 3, 4)).toBe(0.6667);
    expect(roundDecimals(1.005, 2)).toBe(1); // 1.005 is 1.00499… as a double
    expect(Object.is(roundDecimals(-0.00001, 4), 0)).toBe(true);
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
