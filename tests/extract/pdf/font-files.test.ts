/**
 * Fonts of real files, read with nianbao's own reader (openPdf + createFontCache): every font of the
 * first pages loads and decodes what the page shows. Expected texts were read with pdftotext
 * (poppler); the vertical label is the one tests/extract/pdf.test.ts expects; widths are the files'
 * own /W and /Widths entries (qpdf --show-object), extents what pdf.js reports for the same fonts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOperations } from '../../../src/extract/pdf/content-lexer.js';
import { openPdf, type PdfFile } from '../../../src/extract/pdf/file.js';
import { createFontCache } from '../../../src/extract/pdf/font.js';
import type { FontCache, GlyphInfo, PdfFont } from '../../../src/extract/pdf/font-model.js';
import { isDict, isName, isNumber, type PdfValue } from '../../../src/extract/pdf/objects.js';

type Shown = { readonly fontName: string; readonly font: PdfFont; readonly size: number; readonly glyphs: readonly GlyphInfo[] };
type PageFonts = { readonly fonts: ReadonlyMap<string, PdfFont>; readonly shown: readonly Shown[]; readonly text: string };

/** Loads every font of a page's resources and decodes every string its content shows (forms aside). */
function readPage(pdf: PdfFile, cache: FontCache, index: number): PageFonts {
  const page = pdf.page(index);
  const fontDict = page.resources ? pdf.lookup(page.resources, 'Font') : undefined;
  const fonts = new Map<string, PdfFont>();
  if (isDict(fontDict)) for (const [name, value] of fontDict.map) fonts.set(name, cache.font(value));
  const shown: Shown[] = [];
  let current: { fontName: string; font: PdfFont; size: number } | undefined;
  const show = (value: PdfValue | undefined): void => {
    if (value instanceof Uint8Array && current) shown.push({ ...current, glyphs: current.font.decode(value) });
  };
  for (const content of page.contents) {
    readOperations(content, (operator, operands) => {
      if (operator === 'Tf' && isName(operands[0])) {
        const font = fonts.get(operands[0].name);
        current = font && { fontName: operands[0].name, font, size: isNumber(operands[1]) ? operands[1] : 0 };
      } else if (operator === 'Tj' || operator === "'") show(operands[0]);
      else if (operator === '"') show(operands[2]);
      else if (operator === 'TJ' && Array.isArray(operands[0])) operands[0].forEach(show);
    });
  }
  return { fonts, shown, text: shown.map((s) => s.glyphs.map((g) => g.text).join('')).join('') };
}

function open(path: string): { pdf: PdfFile; cache: FontCache } {
  const pdf = openPdf(new Uint8Array(readFileSync(path)));
  return { pdf, cache: createFontCache(pdf) };
}

const extent = (font: PdfFont): string[] => [font.ascent, font.descent].map((v) => v.toFixed(4));

describe('fonts of a WPS report (hzq2024: CID TrueType Identity-H and Identity-V with ToUnicode)', () => {
  const { pdf, cache } = open('tests/fixtures/shared/corpus/KIROGOVCOMPARE__hzq2024_working.pdf');
  const pages = [0, 1, 2].map((i) => readPage(pdf, cache, i));

  it('decodes the first page as pdftotext reads it', () => {
    const { text, fonts } = pages[0]!;
    expect(fonts.size).toBeGreaterThanOrEqual(2);
    for (const part of ['淮安市洪泽区人民政府', '2024年政府信息公开工作年度报告', '（国令第711号）', '电话：0517-87290606）。', '一、总体情况']) {
      expect(text).toContain(part);
    }
  });

  it('reads the Identity-V font of page 3 as vertical, with the default vertical metrics', () => {
    const vertical = pages[2]!.shown.filter((s) => s.font.vertical);
    expect(vertical.map((s) => s.glyphs.map((g) => g.text).join('')).join('')).toBe('三、本年度办理结果');
    const glyph = vertical[0]!.glyphs[0]!;
    expect([glyph.width, glyph.vertical]).toEqual([1, { advance: -1, vx: 0.5, vy: 0.88 }]); // DW 1000, no /W2 or /DW2
  });

  it('takes widths from /W (TimesNewRoman: 16 [333 250] 19 27 500, DW 777) and extents from the programs hhea', () => {
    const times = pages[0]!.shown.find((s) => s.glyphs.some((g) => g.text === '1') && s.font.decode(new Uint8Array([0, 0x10]))[0]!.width === 0.333);
    expect(times).toBeDefined();
    const font = times!.font;
    expect(widths(font, [0x10, 0x11, 0x13, 0x1b, 0x1c, 0x03])).toEqual([0.333, 0.25, 0.5, 0.5, 0.777, 0.777]);
    expect(extent(font)).toEqual(['0.8911', '-0.2163']); // hhea 1825/−443 per 2048; the descriptor says 1039/−306
    const song = pages[0]!.shown.find((s) => s.glyphs.some((g) => g.text === '淮'))!.font;
    expect(extent(song)).toEqual(['0.8594', '-0.1406']);
  });
});

/** Widths of two-byte codes. */
function widths(font: PdfFont, codes: number[]): number[] {
  return font.decode(new Uint8Array(codes.flatMap((c) => [c >> 8, c & 0xff]))).map((g) => g.width);
}

describe('fonts of a LibreOffice report (report-2021.pdf: Type 1 and TrueType subsets with ToUnicode)', () => {
  const { pdf, cache } = open('tests/fixtures/reports/report-2021.pdf');
  const page = readPage(pdf, cache, 0);

  it('decodes the first page as pdftotext reads it', () => {
    for (const part of ['示例县示例镇人民政府', '2023', '年政府信息公开工', '作年度报告', '本报告根据《中华人民共和国政府信息公开条例》（以下简']) {
      expect(page.text).toContain(part);
    }
  });

  it('reads the one-byte LiberationSerif subset: ToUnicode text, /Widths, hhea extent', () => {
    const serif = page.shown.find((s) => s.glyphs.map((g) => g.text).join('') === '2023');
    expect(serif).toBeDefined();
    expect(serif!.glyphs.map((g) => [g.code, g.width])).toEqual([[1, 0.5], [2, 0.5], [1, 0.5], [3, 0.5]]);
    expect(extent(serif!.font)).toEqual(['0.8911', '-0.2163']); // the descriptor's Ascent/Descent are 0
    const cjk = page.shown.find((s) => s.glyphs.some((g) => g.text === '示'))!;
    expect([cjk.glyphs[0]!.width, cjk.font.ascent, cjk.font.descent]).toEqual([1, 0.86, -0.14]); // Type 1, Ascent 0: fallbacks
  });
});

describe('fonts of a Word file (规划和自然资源局: TrueType WinAnsi subsets without ToUnicode, CID fonts with)', () => {
  const { pdf, cache } = open('tests/fixtures/shared/corpus/GovBudgetChecker__规划和自然资源局2024年度部门决算.pdf');
  const pages = [0, 1].map((i) => readPage(pdf, cache, i));

  it('decodes the first two pages as pdftotext reads them', () => {
    expect(pages[0]!.text.replace(/\s+/g, '')).toBe('上海市普陀区规划和自然资源局2024年度部门决算');
    for (const part of ['第一部分', '上海市普陀区规划和自然资源局概况', '一、主要职能', '二、部门决算单位构成']) expect(pages[1]!.text).toContain(part);
  });

  it('reads the WinAnsi digits of F4 with its /Widths (FirstChar 32: [320 … 620 0 620 0 620])', () => {
    const digits = pages[0]!.shown.filter((s) => s.fontName === 'F4');
    expect(digits.map((s) => s.glyphs.map((g) => g.text).join('')).join('')).toBe(' 2024 ');
    expect(digits.flatMap((s) => s.glyphs.map((g) => g.width))).toEqual([0.32, 0.62, 0.62, 0.62, 0.62, 0.32]);
    expect(digits[0]!.glyphs[0]!.wordSpace).toBe(true);
  });
});

describe('a non-embedded STSong-Light with /UniGB-UCS2-H (predefined-cmap-stsong.pdf)', () => {
  const { pdf, cache } = open('tests/fixtures/pdf/predefined-cmap-stsong.pdf');
  const page = readPage(pdf, cache, 0);

  it('decodes both lines with the code as text, DW 1000 and the descriptor extent', () => {
    expect(page.shown.map((s) => s.glyphs.map((g) => g.text).join(''))).toEqual(['政府信息公开工作年度报告', '本年新收申请数量']);
    const font = page.shown[0]!.font;
    expect(page.shown[0]!.glyphs.every((g) => g.width === 1 && !g.wordSpace)).toBe(true);
    expect([font.vertical, font.ascent, font.descent]).toEqual([false, 0.88, -0.12]);
  });
});
