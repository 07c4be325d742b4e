import { describe, expect, it } from 'vitest';
import { readOperations } from '../../../src/extract/pdf/content-lexer.js';
import { Dict, Name, type PdfValue } from '../../../src/extract/pdf/objects.js';

type Op = { op: string; args: PdfValue[] };

function ops(content: string | Uint8Array): Op[] {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  const out: Op[] = [];
  readOperations(new Uint8Array(bytes), (op, args) => out.push({ op, args: [...args] }));
  return out;
}

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const text = (v: PdfValue | undefined): string => Buffer.from(v as Uint8Array).toString('latin1');

describe('readOperations', () => {
  it('reads operators with numbers, names and arrays', () => {
    const result = ops('q 1 0 0 -1 +.5 -.002 cm /F1 12 Tf [(A) -120 (B)] TJ 4. 0 m Q');
    expect(result.map((o) => o.op)).toEqual(['q', 'cm', 'Tf', 'TJ', 'm', 'Q']);
    expect(result[1]!.args).toEqual([1, 0, 0, -1, 0.5, -0.002]);
    expect(result[2]!.args).toEqual([Name.of('F1'), 12]);
    const tj = result[3]!.args[0] as PdfValue[];
    expect(tj.map((v) => (typeof v === 'number' ? v : text(v)))).toEqual(['A', -120, 'B']);
    expect(result[4]!.args).toEqual([4, 0]);
  });

  it('interns operators: the same string object each time', () => {
    const result = ops('BT ET BT ET');
    expect(result[0]!.op).toBe(result[2]!.op);
    expect(result[0]!.op).toBe('BT');
  });

  it('reads malformed numbers as viewers do', () => {
    expect(ops('--5 1-2 . - 0 Td')[0]!.args).toEqual([-5, 12, 0, 0, 0]);
  });

  it('decodes literal string escapes, nested parentheses and line continuations', () => {
    const result = ops('(a\\nb\\r\\t\\b\\f\\(\\)\\\\) Tj (x(y)z) Tj (\\101\\1012\\7) Tj (ab\\\ncd\\\r\nef) Tj (\\q) Tj');
    expect(result.map((o) => text(o.args[0]))).toEqual(['a\nb\r\t\b\f()\\', 'x(y)z', 'AA2\x07', 'abcdef', 'q']);
  });

  it('decodes hex strings with white-space and an odd digit count', () => {
    const result = ops('<4E 6F\n7> Tj <> Tj');
    expect([...(result[0]!.args[0] as Uint8Array)]).toEqual([0x4e, 0x6f, 0x70]);
    expect((result[1]!.args[0] as Uint8Array).length).toBe(0);
  });

  it('decodes names with #xx escapes and reads dictionaries', () => {
    const result = ops('/Span <</ActualText (x) /MCID 3 /A#20B true /N null>> BDC EMC');
    const dict = result[0]!.args[1] as Dict;
    expect(result[0]!.args[0]).toBe(Name.of('Span'));
    expect(dict.raw('MCID')).toBe(3);
    expect(dict.raw('A B')).toBe(true);
    expect(dict.raw('N')).toBe(null);
    expect(result[1]).toEqual({ op: 'EMC', args: [] });
  });

  it("reads the quote operators and true/false operands", () => {
    const result = ops("(a) ' 1 2 (b) \" false true d0");
    expect(result.map((o) => o.op)).toEqual(["'", '"', 'd0']);
    expect(result[1]!.args.slice(0, 2)).toEqual([1, 2]);
    expect(result[2]!.args).toEqual([false, true]);
  });

  it('skips comments', () => {
    expect(ops('1 w % 2 w (not a string\n0 G %end').map((o) => o.op)).toEqual(['w', 'G']);
  });

  it('skips an inline image whose binary data holds "EI" by chance', () => {
    const head = bytes('q BI /W 4 /H 1 /BPC 8 /CS /G ID ');
    const data = bytes('\x00EI\x01'); // "EI" inside the data, not preceded by white-space
    const tail = bytes(' EI Q 1 0 0 1 5 5 cm');
    const result = ops(Buffer.concat([head, data, tail]));
    expect(result.map((o) => o.op)).toEqual(['q', 'BI', 'Q', 'cm']);
    const dict = result[1]!.args[0] as Dict;
    expect(result[1]!.args).toHaveLength(1);
    expect(dict.raw('W')).toBe(4);
    expect(dict.raw('CS')).toBe(Name.of('G'));
  });

  it('skips inline image data that holds " EI " followed by binary bytes', () => {
    const content = Buffer.concat([bytes('BI /W 8 /H 1 /BPC 8 ID\n'), bytes('ab EI \xff\xfe\x01\x02cd'), bytes('\nEI\nBT ET')]);
    expect(ops(content).map((o) => o.op)).toEqual(['BI', 'BT', 'ET']);
  });

  it('uses /L to skip inline image data', () => {
    const content = Buffer.concat([bytes('BI /W 3 /H 1 /L 6 ID '), bytes('EI EI '), bytes('EI 0 g')]);
    const result = ops(content);
    expect(result.map((o) => o.op)).toEqual(['BI', 'g']);
    expect(result[1]!.args).toEqual([0]);
  });

  it('survives malformed content without throwing', () => {
    expect(ops(') ] >> } { 1 w (unterminated').map((o) => o.op)).toEqual(['w']);
    expect(ops('[[[[' + '['.repeat(10_000) + ' 1 w')).toEqual([]);
    expect(ops('BI /W 1')).toEqual([]);
    expect(ops('')).toEqual([]);
  });

  it('lets errors of the handler through', () => {
    expect(() =>
      readOperations(bytes('BT ET'), () => {
        throw new Error('stop');
      }),
    ).toThrow('stop');
  });
});
