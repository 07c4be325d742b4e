import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPdf, type PdfReader } from '../../src/extract/pdf.js';
import { EncryptedFileError, InvalidFileError, NoTextError } from '../../src/errors.js';

const FIXTURES = 'tests/fixtures/pdf/';
/** The two lines drawn by scripts/fixtures/pdf-crafted.ts in STSong-Light (UniGB-UCS2-H). */
const CMAP_LINES = ['政府信息公开工作年度报告', '本年新收申请数量'];
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
/** Every test runs with both readers: nianbao's own, and pdf.js (its fallback). */
const READERS: readonly PdfReader[] = ['nianbao', 'pdfjs'];

describe.each(READERS)('with the %s reader', (reader) => {
  describe('extractPdf on a WPS report (hzq2024)', () => {
    const doc = extractPdf(read('tests/fixtures/shared/corpus/KIROGOVCOMPARE__hzq2024_working.pdf'), { reader });

    it('gives five A4 pages of words, rulings where the tables are, and no blocks yet', async () => {
      const { format, pages, messages } = await doc;
      expect([format, pages.length, messages]).toEqual(['pdf', 5, []]);
      expect(pages.map((p) => p.size)).toEqual(Array(5).fill({ width: 595, height: 842 }));
      expect(pages.map((p) => p.rulings.length > 0)).toEqual([false, true, true, true, false]);
      expect(pages.every((p) => p.blocks.length === 0)).toBe(true);
    });

    it('drops whitespace-only items and keeps every word on the page, top-left origin', async () => {
      for (const p of (await doc).pages) {
        for (const w of p.words) {
          expect(w.text.trim()).not.toBe('');
          expect(w.box.x0).toBeGreaterThanOrEqual(0);
          expect(w.box.y1).toBeLessThanOrEqual(842);
        }
      }
      const title = (await doc).pages[0]!.words.find((w) => w.text.includes('淮安市洪泽区人民政府'))!;
      const pageNumber = (await doc).pages[0]!.words.find((w) => w.text.replace(/\s/g, '') === '-1-')!;
      expect(title.box.y0).toBeLessThan(pageNumber.box.y0);
    });

    it('rebuilds the vertical-font label that pdf.js text content truncates', async () => {
      const vertical = (await doc).pages[2]!.words.filter((w) => w.vertical === true);
      expect(vertical.map((w) => w.text)).toEqual(['三、本年度办理结果']);
      const box = vertical[0]!.box;
      expect(box.y1 - box.y0).toBeGreaterThan(80);
      expect(box.x1 - box.x0).toBeLessThan(12);
    });

    it('reads the table borders as horizontal and vertical rulings in page space', async () => {
      const rulings = (await doc).pages[3]!.rulings;
      expect(rulings.every((r) => r.x0 === r.x1 || r.y0 === r.y1)).toBe(true);
      // the left border of Table B on page 4 runs at x ≈ 77 from the top of the page's table
      expect(rulings.some((r) => r.x0 === r.x1 && Math.abs(r.x0 - 77.1) < 0.5 && r.y0 < 85 && r.y1 > 285)).toBe(true);
    });
  });

  describe('extractPdf on crafted files', () => {
    it('reads Chinese text in a non-embedded font with a predefined CMap (cMaps set up)', async () => {
      const doc = await extractPdf(read(`${FIXTURES}predefined-cmap-stsong.pdf`), { reader });
      const words = doc.pages[0]!.words;
      expect(words.map((w) => w.text)).toEqual(CMAP_LINES);
      expect(words[0]!.box.y0).toBeLessThan(words[1]!.box.y0);
    });

    it('turns a /Rotate page upright through the viewport', async () => {
      const plain = await extractPdf(read(`${FIXTURES}landscape.pdf`), { reader });
      const rotated = await extractPdf(read(`${FIXTURES}landscape-rotated.pdf`), { reader });
      const at = (doc: typeof plain, text: string) => doc.pages[0]!.words.find((w) => w.text === text)!.box;
      expect(rotated.pages[0]!.size!.width).toBeCloseTo(plain.pages[0]!.size!.width, 1);
      for (const text of ['地区', '1821']) {
        const [a, b] = [at(plain, text), at(rotated, text)];
        expect(Math.max(Math.abs(b.x0 - a.x0), Math.abs(b.y0 - a.y0), Math.abs(b.x1 - a.x1), Math.abs(b.y1 - a.y1))).toBeLessThan(0.5);
      }
      expect(rotated.pages[0]!.rulings.length).toBe(plain.pages[0]!.rulings.length);
    });

    it('leaves the caller’s bytes usable (pdf.js gets a copy)', async () => {
      const bytes = read(`${FIXTURES}two-tables.pdf`);
      const length = bytes.length;
      await extractPdf(bytes, { reader });
      expect(bytes.length).toBe(length);
      expect((await extractPdf(bytes, { reader })).pages).toHaveLength(1);
    });
  });

  describe('extractPdf errors', () => {
    it('refuses a PDF with a user password', async () => {
      await expect(extractPdf(read(`${FIXTURES}encrypted-user-password.pdf`), { reader })).rejects.toBeInstanceOf(EncryptedFileError);
    });

    it('opens a PDF with an owner password only', async () => {
      const doc = await extractPdf(read(`${FIXTURES}owner-password-only.pdf`), { reader });
      expect(doc.pages[0]!.words.some((w) => w.text === '苹果')).toBe(true);
    });

    it('reports a truncated file as invalid, in plain words', async () => {
      const error = await extractPdf(read(`${FIXTURES}truncated.pdf`), { reader }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidFileError);
      expect((error as Error).message).toMatch(/^not a valid PDF \(truncated or damaged\): /);
    });

    it('reports a page without a text layer as a scan', async () => {
      const error = await extractPdf(read(`${FIXTURES}no-text-layer.pdf`), { reader }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NoTextError);
      expect((error as Error).message).toBe('scanned PDF: no text layer');
    });
  });
});

describe('the choice of reader', () => {
  it('hands a file with a Type3 font to pdf.js, and says so in an info message', async () => {
    const doc = await extractPdf(read(`${FIXTURES}type3-font.pdf`));
    expect(doc.pages[0]!.words.map((w) => w.text)).toEqual(['abba']);
    expect(doc.messages).toEqual([expect.objectContaining({ code: 'pdf_fallback', severity: 'info', text: expect.stringMatching(/^read with pdf\.js: .*Type3/) })]);
  });

  it('leaves no message on a file the own reader reads', async () => {
    expect((await extractPdf(read(`${FIXTURES}two-tables.pdf`))).messages).toEqual([]);
  });
});
