import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Word } from '../../../src/extract/document.js';
import { loadPdfjs, pdfjsOptions } from '../../../src/extract/pdfjs/load.js';
import { IDENTITY, toMatrix } from '../../../src/extract/pdf/matrix.js';
import { readOperatorList } from '../../../src/extract/pdfjs/operators.js';
import { textItemsToWords, verticalFontNames, type FontStyleLike } from '../../../src/extract/pdfjs/words.js';
import { openPdf } from '../../../src/extract/pdf/file.js';
import { createFontCache } from '../../../src/extract/pdf/font.js';
import { readPdfPage, type PdfPageContent } from '../../../src/extract/pdf/page-reader.js';
import { boxDiff, diffPage, type PageReading } from '../../../scripts/pdf-reader-diff.js';

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

function readOurs(path: string): PdfPageContent[] {
  const file = openPdf(read(path));
  const fonts = createFontCache(file);
  return Array.from({ length: file.pageCount }, (_, i) => readPdfPage(file, file.page(i), fonts));
}

/** The pdf.js path's words (as extract/pdfjs/read.ts builds them) and rulings, on every page. */
async function readPdfjs(path: string): Promise<PageReading[]> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ ...pdfjsOptions(), data: read(path) });
  try {
    const doc = await task.promise;
    const pages: PageReading[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = toMatrix(page.getViewport({ scale: 1 }).transform) ?? IDENTITY;
      const content = await page.getTextContent();
      const styles = content.styles as Record<string, FontStyleLike>;
      const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
      const graphics = readOperatorList(list, pdfjs.OPS, viewport, verticalFontNames(styles));
      pages.push({ words: [...textItemsToWords(content.items, styles, viewport), ...graphics.verticalWords], rulings: graphics.rulings });
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** Presentation forms (︑ for 、 in vertical text) read as their plain character: fonts may give either. */
const plain = (page: PageReading): PageReading => ({ ...page, words: page.words.map((w) => ({ ...w, text: w.text.normalize('NFKC') })) });

describe('readPdfPage gives what the pdf.js path gives', () => {
  const files = [
    'tests/fixtures/pdf/two-tables.pdf',
    'tests/fixtures/pdf/landscape.pdf',
    'tests/fixtures/pdf/landscape-rotated.pdf',
    'tests/fixtures/pdf/content-operators.pdf',
    'tests/fixtures/reports/report-2021.pdf',
    'tests/fixtures/shared/corpus/KIROGOVCOMPARE__hzq2024_working.pdf',
  ];
  for (const path of files) {
    it(`on ${path.split('/').pop()}: same words (boxes within 1 pt) and rulings (within 0.5 pt)`, async () => {
      const reference = await readPdfjs(path);
      const ours = readOurs(path);
      expect(ours).toHaveLength(reference.length);
      reference.forEach((ref, i) => {
        const d = diffPage(plain(ref), plain(ours[i]!));
        const summary = { missing: d.wordsMissing.map((w) => w.text), extra: d.wordsExtra.map((w) => w.text), rulingsMissing: d.rulingsMissing, rulingsExtra: d.rulingsExtra };
        expect(summary).toEqual({ missing: [], extra: [], rulingsMissing: [], rulingsExtra: [] });
        expect(d.sameTextInOrder).toBe(true);
        expect(d.wordsMatched).toBe(ref.words.length);
      });
    });
  }
});

describe('readPdfPage on real files', () => {
  it('turns a /Rotate 90 page upright: words and rulings as on the landscape original', () => {
    const [plainPage] = readOurs('tests/fixtures/pdf/landscape.pdf');
    const [rotated] = readOurs('tests/fixtures/pdf/landscape-rotated.pdf');
    expect(rotated!.size.width).toBeCloseTo(841.9, 1);
    expect(rotated!.size.height).toBeCloseTo(595.3, 1);
    expect(plainPage!.size.width).toBeCloseTo(rotated!.size.width, 3);
    expect(plainPage!.size.height).toBeCloseTo(rotated!.size.height, 3);
    const at = (page: PdfPageContent, text: string): Word => page.words.find((w) => w.text === text)!;
    for (const text of ['地区', '1821']) expect(boxDiff(at(rotated!, text).box, at(plainPage!, text).box)).toBeLessThan(0.5);
    expect(rotated!.rulings).toHaveLength(plainPage!.rulings.length);
  });

  it('reads a WPS report: the vertical-font label down its column, and the table borders', () => {
    const pages = readOurs('tests/fixtures/shared/corpus/KIROGOVCOMPARE__hzq2024_working.pdf');
    expect(pages.map((p) => p.size)).toEqual(Array(5).fill({ width: 595, height: 842 }));
    const vertical = pages[2]!.words.filter((w) => w.vertical === true);
    expect(vertical.map((w) => w.text)).toEqual(['三、本年度办理结果']);
    expect(vertical[0]!.box.y1 - vertical[0]!.box.y0).toBeGreaterThan(80);
    expect(vertical[0]!.box.x1 - vertical[0]!.box.x0).toBeLessThan(12);
    const title = pages[0]!.words.find((w) => w.text.includes('淮安市洪泽区人民政府'))!;
    expect(title.box.y0).toBeLessThan(100);
    // the left border of Table B on page 4 runs at x ≈ 77 from the top of the page's table
    expect(pages[3]!.rulings.some((r) => r.x0 === r.x1 && Math.abs(r.x0 - 77.1) < 0.5 && r.y0 < 85 && r.y1 > 285)).toBe(true);
  });

  it('reads a predefined-CMap font (STSong-Light, UniGB-UCS2-H) line by line', () => {
    const [page] = readOurs('tests/fixtures/pdf/predefined-cmap-stsong.pdf');
    expect(page!.words.map((w) => w.text)).toEqual(['政府信息公开工作年度报告', '本年新收申请数量']);
    expect(page!.rulings).toEqual([]);
  });

  it('cuts and spaces crafted text as pdf.js does (content-operators.pdf)', () => {
    const [page1, page2] = readOurs('tests/fixtures/pdf/content-operators.pdf');
    const texts = page1!.words.map((w) => w.text);
    // Tc 1 at 12 pt stays one word; Tc 2 (0.17 em) spaces every letter; Tw 10 splits words; TJ −300 is a space, −700 a cut
    expect(texts.slice(0, 11)).toEqual(['Plain text line', 'tracking one', 't r a c k i n g t w o', 'word', 'spacing', 'wide', 'condensed text', 'kerned gap', 'split', 'back', 'far']);
    expect(texts).toEqual(expect.arrayContaining(['E = mc', '2 ', 'after', 'line three', 'line', 'size', 'change', 'marked', 'before q inside q', 'after Q', 'one two', 'three', 'four']));
    expect(texts).toEqual(expect.arrayContaining(['text in a form', 'nested form', 'art then on page', 'quarter turn', 'thirty degrees']));
    const label = page1!.words.find((w) => w.vertical === true && w.text.normalize('NFKC') === '三、本年度办理结果');
    expect(label?.box).toEqual({ x0: 554, y0: 512, x1: 566, y1: 620 });
    // page 2: crop box [20 30 575 812] turned by /Rotate 270
    expect(page2!.size).toEqual({ width: 782, height: 555 });
    expect(page2!.words.map((w) => [w.text, w.vertical])).toEqual([['Region', true], ['1821', true], ['Total', true], ['42', true], ['地区', true]]);
  });
});
