import { describe, expect, it } from 'vitest';
import type { Word } from '../../../src/extract/document.js';
import type { Matrix } from '../../../src/extract/pdf/matrix.js';
import { TextRuns, type GlyphPlacement } from '../../../src/extract/pdf/text-runs.js';
import { testFont } from './reader-doubles.js';

const A4_VIEW: [number, number, number, number] = [0, 0, 595, 842];
const FLIP: Matrix = [1, 0, 0, -1, 0, 842];
const font = testFont();
const otherFont = testFont();

type Shown = { text: string; x: number; y?: number; size?: number; width?: number; fontOf?: typeof font; rise?: number };

/** Glyphs on an upright baseline: each at x, advancing width × size (default 0.5 × 10). */
function wordsOf(glyphs: readonly Shown[], runs = new TextRuns(A4_VIEW)): Word[] {
  for (const s of glyphs) runs.glyph(place(s));
  return runs.words(FLIP);
}

function place({ text, x, y = 700, size = 10, width = 0.5, fontOf = font, rise = 0 }: Shown): GlyphPlacement {
  const advance = width * size;
  return { text, font: fontOf, fontSize: size, rise, a: size, b: 0, c: 0, d: size, e: x, f: y + rise, endX: x + advance, endY: y + rise, advance, advanceScale: 1 };
}

/** Glyphs of `text` one after another from x, with `gap` (pt) added after each. */
function spaced(text: string, x: number, gap: number, extra: Partial<Shown> = {}): Shown[] {
  return [...text].map((ch, i) => ({ text: ch, x: x + i * (5 + gap), ...extra }));
}

const texts = (words: readonly Word[]): string[] => words.map((w) => w.text);

describe('TextRuns: gaps along the baseline (pdf.js thresholds)', () => {
  it('glues glyphs closer than 0.102 em, puts one space up to 0.6 em, and cuts beyond', () => {
    expect(texts(wordsOf(spaced('abc', 100, 1)))).toEqual(['abc']); // 0.1 em
    expect(texts(wordsOf(spaced('abc', 100, 1.1)))).toEqual(['a b c']); // 0.11 em
    expect(texts(wordsOf(spaced('abc', 100, 6)))).toEqual(['a b c']); // 0.6 em
    expect(texts(wordsOf(spaced('abc', 100, 6.1)))).toEqual(['a', 'b', 'c']);
  });

  it('cuts where text steps back more than 0.2 em, keeps a smaller overlap in the run', () => {
    expect(texts(wordsOf([...spaced('ab', 100, 0), { text: 'c', x: 107 }]))).toEqual(['ab', 'c']); // back 3 pt
    expect(texts(wordsOf([...spaced('ab', 100, 0), { text: 'c', x: 109 }]))).toEqual(['abc']); // back 1 pt
  });

  it('makes one space of a shown space and drops white-space between words', () => {
    const shown = [...spaced('ab', 100, 0), { text: ' ', x: 110 }, { text: 'c', x: 112 }];
    expect(texts(wordsOf(shown))).toEqual(['ab c']);
    const ideographic = [...spaced('ab', 100, 0), { text: '\u3000', x: 110 }, { text: '\u3000', x: 120 }, { text: 'c', x: 130 }];
    expect(texts(wordsOf(ideographic))).toEqual(['ab', 'c']);
  });

  it('starts a new word on a new line, after a baseline shift, and on a change of font or size', () => {
    expect(texts(wordsOf([...spaced('ab', 100, 0), { text: 'c', x: 110, y: 688 }]))).toEqual(['ab', 'c']);
    expect(texts(wordsOf([...spaced('ab', 100, 0), { text: '2', x: 110, rise: 3 }]))).toEqual(['ab', '2']);
    expect(texts(wordsOf([...spaced('ab', 100, 0), { text: 'c', x: 110, y: 702 }]))).toEqual(['abc']);
    expect(texts(wordsOf([...spaced('ab', 100, 0), { text: 'c', x: 110, size: 12 }]))).toEqual(['ab', 'c']);
    expect(texts(wordsOf([...spaced('ab', 100, 0), { text: 'c', x: 110, fontOf: otherFont }]))).toEqual(['ab', 'c']);
  });

  it('drops glyphs that start outside the view box', () => {
    expect(texts(wordsOf([{ text: 'a', x: -20 }, ...spaced('bc', 100, 0), { text: 'z', x: 600 }]))).toEqual(['bc']);
  });

  it('ends a run where the caller flushes (marked content, XObjects)', () => {
    const runs = new TextRuns(A4_VIEW);
    runs.glyph(place({ text: 'a', x: 100 }));
    runs.flush();
    runs.glyph(place({ text: 'b', x: 105 }));
    expect(texts(runs.words(FLIP))).toEqual(['a', 'b']);
  });
});

describe('TextRuns: word boxes', () => {
  it('spans from the first glyph’s origin to the last glyph’s advance, descent to ascent', () => {
    const [word] = wordsOf(spaced('abc', 100, 2));
    expect(word!.text).toBe('a b c');
    // 3 glyphs of 5 pt with 2 pt after the first two; baseline at 842 − 700 = 142; ascent 0.8, descent −0.2 of 10 pt
    expect(word!.box).toEqual({ x0: 100, y0: 134, x1: 119, y1: 144 });
    expect(word!.vertical).toBeUndefined();
  });

  it('marks text whose baseline runs up the page as vertical', () => {
    const runs = new TextRuns(A4_VIEW);
    // Tm [0 10 −10 0 …]: the baseline points up; glyphs advance along +y
    for (const [i, text] of ['a', 'b'].entries()) {
      const y = 300 + i * 5;
      runs.glyph({ ...place({ text, x: 200 }), a: 0, b: 10, c: -10, d: 0, e: 200, f: y, endX: 200, endY: y + 5 });
    }
    const [word] = runs.words(FLIP);
    expect(word).toMatchObject({ text: 'ab', vertical: true });
    expect(word!.box).toEqual({ x0: 192, y0: 532, x1: 202, y1: 542 });
  });
});
