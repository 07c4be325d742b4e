import { describe, expect, it } from 'vitest';
import { csvChunks, csvLines, formatValue, guardFormula, plainNumber, type CsvResource } from '../../src/output/csv.js';
import { parseCsv } from './read-csv.js';

describe('guardFormula', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    expect(guardFormula('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(guardFormula('+cmd')).toBe("'+cmd");
    expect(guardFormula('-2+3+cmd|calc')).toBe("'-2+3+cmd|calc");
    expect(guardFormula('@import')).toBe("'@import");
    expect(guardFormula('\tx')).toBe("'\tx");
  });

  it('leaves plain numbers and ordinary text alone', () => {
    expect(guardFormula('-5')).toBe('-5');
    expect(guardFormula('+1036')).toBe('+1036');
    expect(guardFormula('-0.5')).toBe('-0.5');
    expect(guardFormula('某乡 = 1')).toBe('某乡 = 1');
    expect(guardFormula('')).toBe('');
  });
});

describe('plainNumber and formatValue', () => {
  it('writes numbers plain: no exponent, no separators, negative kept', () => {
    expect(plainNumber(7730.28)).toBe('7730.28');
    expect(plainNumber(-5)).toBe('-5');
    expect(plainNumber(0)).toBe('0');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(-3e-9)).toBe('-0.000000003');
    expect(plainNumber(1.2345e25)).toBe('12345000000000000000000000');
    expect(plainNumber(Number.NaN)).toBe('');
  });

  it('writes null as empty and 0 as 0 (a blank never becomes 0)', () => {
    expect(formatValue(null)).toBe('');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-5)).toBe('-5');
    expect(formatValue('=1')).toBe("'=1");
  });
});

describe('csvLines', () => {
  it('quotes by RFC 4180 and ends lines with \\n only', () => {
    const text = csvLines([['a,b', 'say "hi"', 'two\nlines', 'cr\rinside', ' kept ', null, 3]]);
    expect(text).toBe('"a,b","say ""hi""","two\nlines","cr\rinside", kept ,,3\n');
    expect(parseCsv(text)).toEqual([['a,b', 'say "hi"', 'two\nlines', 'cr\rinside', ' kept ', '', '3']]);
  });

  it('reads back as written for any mix of delimiters, quotes and line breaks', () => {
    // A fixed pseudo-random sequence (a linear congruential generator), so every run checks the same strings.
    let seed = 20261122;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const alphabet = ['a', '申', ',', '"', '\n', '\r', ' ', '\t', ';', "'", '=', '-', '1'];
    const rows = Array.from({ length: 200 }, () =>
      Array.from({ length: 1 + next(5) }, () => Array.from({ length: next(8) }, () => alphabet[next(alphabet.length)]).join('')),
    );
    expect(parseCsv(csvLines(rows))).toEqual(rows.map((r) => r.map(formatValue)));
  });

  it('writes UTF-8 text without a byte-order mark', () => {
    const text = csvLines([['申请人情况']]);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('csvChunks', () => {
  const resource = (rows: number): CsvResource => ({
    name: 'x',
    path: 'x.csv',
    title: 'x',
    description: 'x',
    fields: [
      { name: 'id', type: 'string', description: '' },
      { name: 'n', type: 'integer', description: '' },
    ],
    rows: () => Array.from({ length: rows }, (_, i) => [`r${i}`, i % 3 === 0 ? null : i]),
  });

  it('gives the header, then the rows in batches, together one valid CSV', () => {
    const chunks = [...csvChunks(resource(5), 2)];
    expect(chunks).toHaveLength(4);
    expect(parseCsv(chunks.join(''))).toEqual([['id', 'n'], ['r0', ''], ['r1', '1'], ['r2', '2'], ['r3', ''], ['r4', '4']]);
  });

  it('writes only the header when there are no rows', () => {
    expect([...csvChunks(resource(0))].join('')).toBe('id,n\n');
  });
});
