import { describe, expect, it } from 'vitest';
import { standardFontMetrics, standardFontName } from '../../../src/extract/pdf/standard-metrics.js';

/** Width of a string of glyph names in a standard font (glyph units). */
function width(font: string, glyphs: string): number {
  const metrics = standardFontMetrics(font)!;
  return glyphs.split(' ').reduce((sum, g) => sum + (metrics.width(g) ?? NaN), 0);
}

describe('standardFontMetrics', () => {
  // Expected values: pdf.js's text widths for "Hello" at 12 pt in each font (×1000/12), and single AFM entries.
  it('gives the AFM widths of Helvetica, Times and Courier', () => {
    const hello = 'H e l l o';
    expect(['Helvetica', 'Helvetica-Bold', 'Times-Roman', 'Times-Bold', 'Times-Italic', 'Courier'].map((f) => width(f, hello))).toEqual([
      2278, 2445, 2222, 2278, 2222, 3000,
    ]);
    expect(['space', 'quoteright', 'quotesingle', 'ellipsis', 'emdash', 'fi', 'at'].map((g) => width('Helvetica', g))).toEqual([278, 222, 191, 1000, 1000, 500, 1015]);
    expect(['hyphen', 'minus', 'Euro'].map((g) => standardFontMetrics('Times-Roman')!.width(g))).toEqual([333, 564, undefined]);
  });

  it('takes the Helvetica extent pdf.js reports, and none for Times and Courier', () => {
    expect(standardFontMetrics('Helvetica-Bold')!.extent!.map((v) => Math.round(v))).toEqual([905, -212]);
    expect(standardFontMetrics('Times-Roman')!.extent).toBeUndefined();
    expect(standardFontMetrics('Courier')!.extent).toBeUndefined();
  });

  it('maps aliases and subset names to the standard fonts, and nothing else', () => {
    const names = ['Arial', 'ArialMT', 'Arial,Bold', 'Arial-BoldItalicMT', 'ABCDEF+TimesNewRomanPSMT', 'Times New Roman,Italic', 'CourierNewPS-BoldMT', 'Helvetica-Oblique'];
    expect(names.map(standardFontName)).toEqual([
      'Helvetica', 'Helvetica', 'Helvetica-Bold', 'Helvetica-BoldOblique', 'Times-Roman', 'Times-Italic', 'Courier-Bold', 'Helvetica-Oblique',
    ]);
    expect(['Symbol', 'ZapfDingbats', 'SimSun', 'ArialNarrow', 'Arial Unicode MS'].map(standardFontName)).toEqual(Array(5).fill(undefined));
    expect(width('Helvetica-BoldOblique', 'H e l l o')).toBe(2445);
  });
});
