import { describe, expect, it } from 'vitest';
import { Lexer } from '../../../src/extract/pdf/lexer.js';
import { Dict, Name, Ref, Stream, type PdfValue } from '../../../src/extract/pdf/objects.js';
import { Parser, readIndirectObject } from '../../../src/extract/pdf/parser.js';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const latin = (b: PdfValue | undefined): string => Buffer.from(b as Uint8Array).toString('latin1');

/** Every value of `text` read in turn by a parser (references on). */
function values(text: string): PdfValue[] {
  const parser = new Parser(new Lexer(bytes(text)), true);
  const out: PdfValue[] = [];
  for (;;) {
    const v = parser.readValue();
    if (v === undefined) {
      if (parser.lexer.peek() < 0) return out;
      parser.skipToken();
    } else out.push(v);
  }
}

describe('Lexer numbers', () => {
  it('reads integers, reals and the loose forms viewers accept', () => {
    expect(values('0 42 -17 +5 3.25 +.5 -.002 4. 00012 .')).toEqual([0, 42, -17, 5, 3.25, 0.5, -0.002, 4, 12, 0]);
  });

  it('reads "--5" as -5, ignores a minus inside digits and reads a lone sign as 0', () => {
    expect(values('--5 5-3 - +')).toEqual([-5, 53, 0, 0]);
    expect(Object.is(values('-')[0], 0)).toBe(true);
  });

  it('tells integers from reals for references', () => {
    const lx = new Lexer(bytes('12 1.0'));
    lx.readNumber();
    expect(lx.lastWasInteger).toBe(true);
    lx.skipSpace();
    lx.readNumber();
    expect(lx.lastWasInteger).toBe(false);
  });
});

describe('Lexer names and strings', () => {
  it('decodes #xx escapes in names and interns them', () => {
    const [a, b, c, d] = values('/A#20B /F1 /F1 /#CB#CE#CC#E5');
    expect(a).toBe(Name.of('A B'));
    expect(b).toBe(c);
    expect((d as Name).name).toBe('\xcb\xce\xcc\xe5'); // GBK bytes of 宋体, one char per byte
    expect((values('/Bad#zz /')[0] as Name).name).toBe('Bad#zz');
    expect((values('/')[0] as Name).name).toBe('');
  });

  it('decodes every literal string escape', () => {
    const [s] = values('(\\n\\r\\t\\b\\f\\(\\)\\\\\\053\\53\\0053\\q)');
    expect([...(s as Uint8Array)]).toEqual([10, 13, 9, 8, 12, 40, 41, 92, 43, 43, 5, 0x33, 0x71]);
  });

  it('balances nested parentheses and joins continued lines', () => {
    expect(values('(a(b(c))d) (x\\\ny) (p\\\r\nq) (line\r\nend)').map(latin)).toEqual(['a(b(c))d', 'xy', 'pq', 'line\r\nend']);
  });

  it('returns an unterminated string up to the end', () => {
    expect(values('(abc').map(latin)).toEqual(['abc']);
  });

  it('reads hex strings with white-space, odd length and stray bytes', () => {
    const [a, b, c] = values('<48 65\n6C6c6F> <414> <4x1>');
    expect(latin(a)).toBe('Hello');
    expect([...(b as Uint8Array)]).toEqual([0x41, 0x40]);
    expect([...(c as Uint8Array)]).toEqual([0x41]);
  });

  it('skips comments between tokens', () => {
    expect(values('1 % a comment ) ] >>\n2%\r3')).toEqual([1, 2, 3]);
  });
});

describe('Parser', () => {
  it('reads references, arrays, nested dictionaries and constants', () => {
    const [dict] = values('<< /Kids [3 0 R 4 0 R] /Count 2 /Sub << /A true /B false /C null >> /R 1 2 /S (x) >>');
    const d = dict as Dict;
    expect(d.raw('Kids')).toEqual([new Ref(3, 0), new Ref(4, 0)]);
    expect(d.raw('Count')).toBe(2);
    expect(d.raw('R')).toBe(1); // "1 2" without R: the 2 is a stray value
    const sub = d.raw('Sub') as Dict;
    expect([sub.raw('A'), sub.raw('B'), sub.raw('C')]).toEqual([true, false, null]);
  });

  it('does not read "1 0 R" as a reference without the R keyword or with a real', () => {
    expect(values('[1 0 Ra 1.0 0 R 5 0 R]')[0]).toEqual([1, 0, 1, 0, new Ref(5, 0)]);
  });

  it('skips unreadable tokens inside arrays and dictionaries', () => {
    const [arr, dict] = values('[1 foo ) 2] << /A 1 bar /B 2 3 /C >>');
    expect(arr).toEqual([1, 2]);
    expect([...(dict as Dict).map]).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });

  it('reads an indirect stream with a right /Length, a wrong one, and a missing endstream', () => {
    const right = readIndirectObject(bytes('7 0 obj\n<< /Length 5 >>\nstream\r\nab\ncd\nendstream\nendobj'), 0, () => 5);
    expect(right?.num).toBe(7);
    expect(latin((right?.value as Stream).raw)).toBe('ab\ncd');
    expect((right?.value as Stream).ref).toEqual(new Ref(7, 0));
    const wrong = readIndirectObject(bytes('7 0 obj << /Length 2 >> stream\nabcdef\r\nendstream endobj'), 0, () => 2);
    expect(latin((wrong?.value as Stream).raw)).toBe('abcdef');
    const cut = readIndirectObject(bytes('7 0 obj << >> stream\nabc\nendobj'), 0, () => undefined);
    expect(latin((cut?.value as Stream).raw)).toBe('abc');
  });

  it('reads no object where there is no `num gen obj` header', () => {
    expect(readIndirectObject(bytes('7 0 R'), 0, () => undefined)).toBeUndefined();
    expect(readIndirectObject(bytes('7.5 0 obj 1 endobj'), 0, () => undefined)).toBeUndefined();
    expect(readIndirectObject(bytes('  12 3 obj 1 endobj'), 0, () => undefined)).toEqual({ num: 12, gen: 3, value: 1 });
  });
});
