import { describe, expect, it } from 'vitest';
import type { Word } from '../../../src/extract/document.js';
import { readPdfPage } from '../../../src/extract/pdf/page-reader.js';
import { Name, UnsupportedPdfError, type Dict, type PdfValue } from '../../../src/extract/pdf/objects.js';
import { dict, fontCacheOf, memoryResolver, stream, testFont, testPage } from './reader-doubles.js';

const F1 = dict({ Test: Name.of('F1') });
const F2 = dict({ Test: Name.of('F2') });
const V1 = dict({ Test: Name.of('V1') });
const fonts = fontCacheOf(
  new Map<PdfValue, ReturnType<typeof testFont>>([
    [F1, testFont()],
    [F2, testFont({ widths: { W: 1 } })],
    [V1, testFont({ vertical: true, widths: { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 } })],
  ]),
);
const RESOURCES = dict({ Font: dict({ F1, F2, V1 }) });

function read(content: string | string[], resources: Dict = RESOURCES) {
  return readPdfPage(memoryResolver, testPage(content, resources), fonts);
}

const texts = (words: readonly Word[]): string[] => words.map((w) => w.text);
const round = (n: number): number => Math.round(n * 1000) / 1000;
const boxOf = (w: Word | undefined) => (w ? [w.box.x0, w.box.y0, w.box.x1, w.box.y1].map(round) : null);

describe('text state and positioning', () => {
  it('places a shown string at the text matrix, in page space', () => {
    const page = read('BT /F1 10 Tf 100 700 Td (Hello) Tj ET');
    expect(page.size).toEqual({ width: 595, height: 842 });
    expect(texts(page.words)).toEqual(['Hello']);
    expect(boxOf(page.words[0])).toEqual([100, 134, 125, 144]);
  });

  it('moves glyphs by TJ adjustments: −n/1000 × Tfs', () => {
    expect(texts(read('BT /F1 10 Tf 100 700 Td [(ab) -300 (cd)] TJ ET').words)).toEqual(['ab cd']);
    expect(texts(read('BT /F1 10 Tf 100 700 Td [(ab) -50 (cd)] TJ ET').words)).toEqual(['abcd']);
    expect(texts(read('BT /F1 10 Tf 100 700 Td [(ab) -700 (cd)] TJ ET').words)).toEqual(['ab', 'cd']);
    expect(texts(read('BT /F1 10 Tf 100 700 Td [(ab) 300 (cd)] TJ ET').words)).toEqual(['ab', 'cd']);
  });

  it('applies character spacing to every glyph and word spacing to byte 32 only', () => {
    expect(texts(read('BT /F1 10 Tf 1 Tc 100 700 Td (abc) Tj ET').words)).toEqual(['abc']);
    expect(texts(read('BT /F1 10 Tf 2 Tc 100 700 Td (abc) Tj ET').words)).toEqual(['a b c']);
    const words = read('BT /F1 10 Tf 20 Tw 100 700 Td (ab cd) Tj ET').words;
    expect(texts(words)).toEqual(['ab', 'cd']);
    expect(boxOf(words[1])).toEqual([135, 134, 145, 144]); // 2 glyphs + space (5) + Tw 20 from 100
  });

  it('scales advances horizontally by Tz', () => {
    expect(boxOf(read('BT /F1 10 Tf 50 Tz 100 700 Td (abcd) Tj ET').words[0])).toEqual([100, 134, 110, 144]);
  });

  it('moves to the next line with T*, TD, \' and " using the leading', () => {
    const words = read('BT /F1 10 Tf 12 TL 100 700 Td (ab) Tj T* (cd) Tj 0 -12 TD (ef) Tj (gh) \' 5 0 (ij) " ET').words;
    expect(texts(words)).toEqual(['ab', 'cd', 'ef', 'gh', 'ij']);
    expect(words.map((w) => round(w.box.y1))).toEqual([144, 156, 168, 180, 192]);
  });

  it('raises text by Ts: a superscript is a word of its own', () => {
    const words = read('BT /F1 10 Tf 100 700 Td (ab) Tj 4 Ts (2) Tj ET').words;
    expect(texts(words)).toEqual(['ab', '2']);
    expect(boxOf(words[1])).toEqual([110, 130, 115, 140]);
  });

  it('cuts runs at a change of font size and at marked content', () => {
    expect(texts(read('BT /F1 10 Tf 100 700 Td (ab) Tj /F1 12 Tf (cd) Tj ET').words)).toEqual(['ab', 'cd']);
    expect(texts(read('BT /F1 10 Tf 100 700 Td /Span <</MCID 0>> BDC (ab) Tj EMC (cd) Tj ET').words)).toEqual(['ab', 'cd']);
    expect(texts(read('BT /F1 10 Tf 100 700 Td (ab) Tj ET BT /F1 10 Tf 110 700 Td (cd) Tj ET').words)).toEqual(['abcd']);
  });

  it('carries the CTM through cm, q and Q', () => {
    const words = read('q 2 0 0 2 0 0 cm BT /F1 10 Tf 50 350 Td (ab) Tj ET Q BT /F1 10 Tf 100 600 Td (cd) Tj ET').words;
    expect(boxOf(words[0])).toEqual([100, 126, 120, 146]);
    expect(boxOf(words[1])).toEqual([100, 234, 110, 244]);
  });

  it('reads text turned a quarter turn as vertical words', () => {
    const words = read('BT /F1 10 Tf 0 1 -1 0 300 400 Tm (abc) Tj ET').words;
    expect(words).toEqual([{ text: 'abc', box: { x0: 292, y0: 427, x1: 302, y1: 442 }, vertical: true }]);
  });

  it('joins several content streams, even when one ends inside a text object', () => {
    expect(texts(read(['BT /F1 10 Tf 100 700 Td (ab) Tj', '(cd) Tj ET']).words)).toEqual(['abcd']);
  });

  it('reads content nesting q far beyond the saved-state limit, restoring the states it kept', () => {
    const deep = 'q '.repeat(100_000) + '1 0 0 1 10 0 cm ' + 'Q '.repeat(100_000);
    const page = read(`q 1 0 0 1 5 0 cm ${deep} 72 700 m 300 700 l S Q 72 600 m 300 600 l S`);
    expect(page.rulings).toEqual([
      { x0: 77, y0: 142, x1: 305, y1: 142 },
      { x0: 72, y0: 242, x1: 300, y1: 242 },
    ]);
  });

  it('refuses a font missing from the resources (pdf.js then reads the file)', () => {
    expect(() => read('BT /F9 10 Tf 100 700 Td (ab) Tj ET')).toThrow(UnsupportedPdfError);
  });

  it('shows nothing before the first Tf', () => {
    expect(read('BT 100 700 Td (ab) Tj ET').words).toEqual([]);
  });
});

describe('vertical fonts', () => {
  it('runs glyphs down the column by their vertical advance', () => {
    const words = read('BT /V1 10 Tf 300 700 Td (abcd) Tj ET').words;
    expect(texts(words)).toEqual(['abcd']);
    expect(words[0]!.vertical).toBe(true);
    // 1 em wide glyphs centred on x = 300 (vx = w0 / 2), 1 em down each from the baseline point
    expect(boxOf(words[0])).toEqual([295, 142, 305, 182]);
  });

  it('moves down by positive TJ adjustments (PDF 32000-1 §9.4.4) and starts a new word after a gap or in another column', () => {
    const words = read('BT /V1 10 Tf 300 700 Td [(ab) 1000 (cd)] TJ 20 0 Td (ef) Tj ET').words;
    expect(texts(words)).toEqual(['ab', 'cd', 'ef']);
    expect(boxOf(words[1])).toEqual([295, 172, 305, 192]);
    expect(boxOf(words[2])).toEqual([315, 142, 325, 162]);
  });
});

describe('form XObjects', () => {
  const form = stream({ Subtype: Name.of('Form'), Matrix: [1, 0, 0, 1, 0, -100] }, 'BT /F1 10 Tf 100 700 Td (form) Tj ET 100 690 m 300 690 l S');
  const image = stream({ Subtype: Name.of('Image') }, 'not content');
  const withOwnFont = stream({ Subtype: Name.of('Form'), Resources: dict({ Font: dict({ X: F2 }) }) }, 'BT /X 10 Tf 100 500 Td (W) Tj ET');
  const selfPainting = stream({ Subtype: Name.of('Form') }, 'BT /F1 10 Tf 100 400 Td (self) Tj ET /Me Do');
  const resources = dict({ Font: dict({ F1 }), XObject: dict({ Fm: form, Im: image, Own: withOwnFont, Me: selfPainting }) });
  selfPainting.dict.map.set('Resources', resources);

  it('paints forms through their /Matrix, with their own resources or the page’s', () => {
    const page = read('/Im Do /Fm Do /Own Do', resources);
    expect(texts(page.words)).toEqual(['form', 'W']);
    expect(boxOf(page.words[0])).toEqual([100, 234, 120, 244]);
    expect(boxOf(page.words[1])).toEqual([100, 334, 110, 344]); // W is 1 em wide in the form's font
    expect(page.rulings).toEqual([{ x0: 100, y0: 252, x1: 300, y1: 252 }]);
  });

  it('paints a form that paints itself once', () => {
    expect(texts(read('/Me Do', resources).words)).toEqual(['self']);
  });

  it('refuses forms nested deeper than the limit', () => {
    const chain: Dict[] = [];
    let inner = stream({ Subtype: Name.of('Form') }, 'BT /F1 10 Tf 100 400 Td (deep) Tj ET');
    for (let i = 0; i < 13; i++) {
      const xobjects = dict({ Next: inner });
      chain.push(xobjects);
      inner = stream({ Subtype: Name.of('Form'), Resources: dict({ Font: dict({ F1 }), XObject: xobjects }) }, '/Next Do');
    }
    expect(() => read('/Next Do', dict({ Font: dict({ F1 }), XObject: dict({ Next: inner }) }))).toThrow(UnsupportedPdfError);
  });
});

describe('paths → rulings', () => {
  it('reads stroked lines, rectangles and thin filled rectangles, in page space', () => {
    const page = read('72 700 m 300 700 l S 72 600 100 50 re S 72 500 200 0.5 re f 72 400 200 30 re f');
    expect(page.rulings).toEqual([
      { x0: 72, y0: 142, x1: 300, y1: 142 },
      { x0: 72, y0: 242, x1: 172, y1: 242 },
      { x0: 172, y0: 192, x1: 172, y1: 242 },
      { x0: 72, y0: 192, x1: 172, y1: 192 },
      { x0: 72, y0: 192, x1: 72, y1: 242 },
      { x0: 72, y0: 341.75, x1: 272, y1: 341.75 },
    ]);
  });

  it('ends a straight run at a curve, closes with s and b, and discards paths ended by n', () => {
    expect(read('72 700 m 72 600 l 100 600 120 580 150 600 c 300 600 l S').rulings).toEqual([
      { x0: 72, y0: 142, x1: 72, y1: 242 },
      { x0: 150, y0: 242, x1: 300, y1: 242 },
    ]);
    expect(read('72 700 m 300 700 l 300 600 l 72 600 l S').rulings).toHaveLength(3);
    expect(read('72 700 m 300 700 l 300 600 l 72 600 l s').rulings).toHaveLength(4);
    expect(read('72 700 m 300 700 l 300 600 l 72 600 l b').rulings).toHaveLength(4);
    expect(read('0 0 595 842 re W n 72 700 m 300 700 l n').rulings).toEqual([]);
  });

  it('keeps the path through colour and clip operators and paints with the CTM of the paint', () => {
    const page = read('q 1 0 0 1 10 0 cm 0 0 1 RG 72 700 m 300 700 l W S Q');
    expect(page.rulings).toEqual([{ x0: 82, y0: 142, x1: 310, y1: 142 }]);
  });
});
