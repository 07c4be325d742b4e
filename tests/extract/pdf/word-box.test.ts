import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../../src/extract/pdf/matrix.js';
import { placeRun } from '../../../src/extract/pdf/word-box.js';

/** An A4 page's viewport at scale 1: y flipped so the origin is top-left. */
const FLIP: Matrix = [1, 0, 0, -1, 0, 842];
const metrics = { ascent: 0.8, descent: -0.2 };

describe('placeRun: the box of a run', () => {
  it('spans the width along the baseline and descent to ascent of the font size across it', () => {
    const word = placeRun('abc', { transform: [10, 0, 0, 10, 100, 700], width: 30 }, metrics, FLIP);
    // baseline at 842 − 700 = 142; 8 pt above it, 2 pt below
    expect(word).toEqual({ text: 'abc', box: { x0: 100, y0: 134, x1: 130, y1: 144 } });
  });

  it('falls back to CJK metrics (0.86 / −0.14) for a font without usable ascent or descent', () => {
    for (const font of [undefined, {}, { ascent: 0, descent: 0 }, { ascent: Number.NaN, descent: Number.POSITIVE_INFINITY }]) {
      const box = placeRun('年', { transform: [10, 0, 0, 10, 100, 700], width: 10 }, font, FLIP)!.box;
      expect(box.y0).toBeCloseTo(133.4, 9);
      expect(box.y1).toBeCloseTo(143.4, 9);
    }
  });

  it('takes the font size from the matrix across the baseline, not along it (horizontal scaling)', () => {
    const box = placeRun('a', { transform: [5, 0, 0, 10, 100, 700], width: 5 }, metrics, FLIP)!.box;
    expect(box).toEqual({ x0: 100, y0: 134, x1: 105, y1: 144 });
  });
});

describe('placeRun: direction', () => {
  it('marks a run whose baseline points up the page as vertical, its box turned with it', () => {
    // Tm [0 10 −10 0 200 300]: along the baseline is +y, across it −x
    const word = placeRun('ab', { transform: [0, 10, -10, 0, 200, 300], width: 10 }, metrics, FLIP);
    expect(word).toEqual({ text: 'ab', box: { x0: 192, y0: 532, x1: 202, y1: 542 }, vertical: true });
  });

  it('marks upright text on a page turned a quarter turn as vertical', () => {
    // /Rotate 90 on a 842 × 595 media box: user x runs down the page
    const turned: Matrix = [0, 1, 1, 0, 0, 0];
    const word = placeRun('ab', { transform: [10, 0, 0, 10, 100, 200], width: 20 }, metrics, turned);
    expect(word).toEqual({ text: 'ab', box: { x0: 198, y0: 100, x1: 208, y1: 120 }, vertical: true });
  });

  it('measures the direction over at least one font size, so a zero-width run still gets one', () => {
    const word = placeRun('|', { transform: [0, -10, 10, 0, 200, 300], width: 0 }, metrics, FLIP);
    expect(word?.vertical).toBe(true);
  });
});

describe('placeRun: no word', () => {
  it('gives none for blank text, a degenerate matrix or a malformed transform', () => {
    expect(placeRun(' \u3000', { transform: [10, 0, 0, 10, 100, 700], width: 10 }, metrics, FLIP)).toBeNull();
    expect(placeRun('a', { transform: [0, 0, 0, 10, 100, 700], width: 10 }, metrics, FLIP)).toBeNull();
    expect(placeRun('a', { transform: [10, 0, 0, 0, 100, 700], width: 10 }, metrics, FLIP)).toBeNull();
    expect(placeRun('a', { transform: [10, 0, 0, 10, 100], width: 10 }, metrics, FLIP)).toBeNull();
    expect(placeRun('a', { transform: [10, 0, 0, 10, Number.NaN, 700], width: 10 }, metrics, FLIP)).toBeNull();
  });
});
