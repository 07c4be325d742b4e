import { describe, expect, it } from 'vitest';
import type { Word } from '../../../src/extract/document.js';
import { DEFAULT_VERTICAL_TEXT_SETTINGS, VerticalRuns } from '../../../src/extract/pdf/vertical-runs.js';

/** 10 × 10 pt glyphs down one column at x 100, the first one's top at `top`, `step` pt apart top to top. */
function column(runs: VerticalRuns, text: string, top: number, step = 10, x = 100): void {
  [...text].forEach((ch, i) => runs.glyph(ch, x, top + i * step, x + 10, top + i * step + 10));
}

const texts = (words: readonly Word[]): string[] => words.map((w) => w.text);

describe('VerticalRuns: glyphs down a column → words', () => {
  it('joins glyphs that follow each other down one column into one vertical word', () => {
    const runs = new VerticalRuns();
    column(runs, '本年度', 200);
    expect(runs.words()).toEqual([{ text: '本年度', box: { x0: 100, y0: 200, x1: 110, y1: 230 }, vertical: true }]);
  });

  it('takes the glyph box from two opposite corners given in any order', () => {
    const runs = new VerticalRuns();
    runs.glyph('三', 110, 210, 100, 200);
    runs.glyph('、', 100, 220, 110, 210);
    expect(runs.words()).toEqual([{ text: '三、', box: { x0: 100, y0: 200, x1: 110, y1: 220 }, vertical: true }]);
  });

  it('skips white-space glyphs, so the glyphs around a space still meet', () => {
    const runs = new VerticalRuns();
    runs.glyph('办', 100, 200, 110, 210);
    runs.glyph(' ', 100, 210, 110, 215);
    runs.glyph('理', 100, 215, 110, 225);
    expect(texts(runs.words())).toEqual(['办理']);
  });

  it('starts a new word after a gap wider than 0.6 glyph heights', () => {
    const near = new VerticalRuns();
    column(near, '办理', 200, 16); // gap 6 pt = 0.6 em
    expect(texts(near.words())).toEqual(['办理']);
    const far = new VerticalRuns();
    column(far, '办理', 200, 16.5);
    expect(texts(far.words())).toEqual(['办', '理']);
  });

  it('starts a new word where the next glyph moves sideways more than 0.3 glyph widths', () => {
    const runs = new VerticalRuns();
    runs.glyph('结', 100, 200, 110, 210);
    runs.glyph('果', 103, 210, 113, 220); // 3 pt: same column
    runs.glyph('一', 106.5, 220, 116.5, 230); // 3.5 pt further: next column
    expect(texts(runs.words())).toEqual(['结果', '一']);
  });

  it('starts a new word where the next glyph goes back up by more than half a glyph', () => {
    const runs = new VerticalRuns();
    column(runs, '申请', 200, 5); // overlap 5 pt = 0.5 em: rounding, same word
    column(runs, '公开', 200); // back to the top of the column: a new label
    expect(texts(runs.words())).toEqual(['申请', '公开']);
  });

  it('follows its settings', () => {
    const runs = new VerticalRuns({ ...DEFAULT_VERTICAL_TEXT_SETTINGS, maxGapEm: 1 });
    column(runs, '办理', 200, 20); // gap 10 pt = 1 em
    expect(texts(runs.words())).toEqual(['办理']);
  });

  it('gives no words without glyphs', () => {
    expect(new VerticalRuns().words()).toEqual([]);
  });
});
