import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EncryptedFileError, FileTooLargeError } from '../../../src/errors.js';
import { readOperations } from '../../../src/extract/pdf/content-lexer.js';
import { DEFAULT_PDF_LIMITS, openPdf, type PdfFile } from '../../../src/extract/pdf/file.js';
import { isStream, UnsupportedPdfError, type Dict, type Name, type Stream } from '../../../src/extract/pdf/objects.js';
import { readXref } from '../../../src/extract/pdf/xref.js';
import { buildPdf, onePage, stream } from './pdf-builder.js';

const FIXTURES = 'tests/fixtures/';
const CORPUS = 'tests/fixtures/shared/corpus/';
const OBJECTS = 'tests/fixtures/pdf/objects/';

const open = (path: string): PdfFile => openPdf(new Uint8Array(readFileSync(path)));

/** Operator names of a page's content, in order. */
function operators(pdf: PdfFile, index: number): string[] {
  const out: string[] = [];
  for (const content of pdf.page(index).contents) readOperations(content, (op) => out.push(op));
  return out;
}

/** Page count, first MediaBox and Rotate as `pdfinfo -box` (poppler 22) prints them. */
const PDFINFO: ReadonlyArray<readonly [string, number, readonly number[], number]> = [
  [`${FIXTURES}pdf/borderless.pdf`, 1, [0, 0, 595.3, 841.89], 0],
  [`${FIXTURES}pdf/landscape-rotated.pdf`, 1, [0, 0, 595.3, 841.89], 90],
  [`${FIXTURES}pdf/landscape.pdf`, 1, [0, 0, 841.89, 595.3], 0],
  [`${FIXTURES}pdf/no-text-layer.pdf`, 1, [0, 0, 595, 842], 0],
  [`${FIXTURES}pdf/owner-password-only.pdf`, 1, [0, 0, 595.3, 841.89], 0],
  [`${FIXTURES}pdf/predefined-cmap-stsong.pdf`, 1, [0, 0, 595, 842], 0],
  [`${FIXTURES}pdf/split-row-label-across-pages.pdf`, 2, [0, 0, 595.3, 841.89], 0],
  [`${FIXTURES}pdf/two-tables.pdf`, 1, [0, 0, 595.3, 841.89], 0],
  [`${FIXTURES}bad/image-only.pdf`, 1, [0, 0, 595, 842], 0],
  [`${FIXTURES}bad/pages-2000.pdf`, 2000, [0, 0, 595, 842], 0],
  [`${FIXTURES}reports/report-2019.pdf`, 3, [0, 0, 595.3, 841.89], 0],
  [`${FIXTURES}reports/report-2021-landscape.pdf`, 4, [0, 0, 595.3, 841.89], 0],
  [`${FIXTURES}reports/report-2021-vertical.pdf`, 3, [0, 0, 595.3, 841.89], 0],
  [`${FIXTURES}reports/report-2021.pdf`, 3, [0, 0, 595.3, 841.89], 0],
  [`${FIXTURES}reports/report-mixed.pdf`, 3, [0, 0, 595.3, 841.89], 0],
  ['samples/pdf/样板乡2019年政府信息公开工作年报.pdf', 3, [0, 0, 595.3, 841.89], 0],
  ['samples/pdf/示例镇2023年政府信息公开工作年度报告.pdf', 3, [0, 0, 595.3, 841.89], 0],
  [`${CORPUS}GovBudgetChecker__unit_budget.pdf`, 21, [0, 0, 842, 595], 0],
  [`${CORPUS}GovBudgetChecker__万里街道办事处24年预算.pdf`, 33, [0, 0, 841.85, 595.25], 0],
  [`${CORPUS}GovBudgetChecker__万里街道办事处25年预算.pdf`, 31, [0, 0, 841.85, 595.25], 0],
  [`${CORPUS}GovBudgetChecker__区委社会工作部2024年度部门决算.pdf`, 24, [0, 0, 595.3, 841.9], 0],
  [`${CORPUS}GovBudgetChecker__区政府办公室25年预算.pdf`, 22, [0, 0, 842, 595], 0],
  [`${CORPUS}GovBudgetChecker__区政府办公室单位25年预算.pdf`, 21, [0, 0, 842, 595], 0],
  [`${CORPUS}GovBudgetChecker__商务委员会25年预算.pdf`, 26, [0, 0, 841.85, 595.25], 0],
  [`${CORPUS}GovBudgetChecker__商务委员会单位25年预算.pdf`, 22, [0, 0, 841.85, 595.25], 0],
  [`${CORPUS}GovBudgetChecker__普陀区财政局2024年度部门决算.pdf`, 25, [0, 0, 595, 842], 0],
  [`${CORPUS}GovBudgetChecker__规划和自然资源局2024年度部门决算.pdf`, 30, [0, 0, 595.32, 841.92], 0],
  [`${CORPUS}GovBudgetChecker__部门决算模板.pdf`, 23, [0, 0, 595.3, 841.9], 0],
  [`${CORPUS}KIROGOVCOMPARE__hzq2023_working.pdf`, 5, [0, 0, 595, 842], 0],
  [`${CORPUS}KIROGOVCOMPARE__hzq2024_working.pdf`, 5, [0, 0, 595, 842], 0],
  [`${CORPUS}tianbaoxitong__1769321433314-826553525.pdf`, 16, [0, 0, 841.85, 595.25], 0],
  [`${CORPUS}tianbaoxitong__1770007475548-818404804.pdf`, 35, [0, 0, 841.85, 595.25], 0],
  [`${CORPUS}tianbaoxitong__上海市财政局25年预算.pdf`, 21, [0, 0, 841.8, 595.2], 0],
  [`${CORPUS}tianbaoxitong__普陀区财政局部门25年预算.pdf`, 24, [0, 0, 841.9, 595.3], 0],
];

describe('openPdf on real files', () => {
  it.each(PDFINFO)('%s: pages, MediaBox and Rotate as pdfinfo says', (path, pages, mediaBox, rotate) => {
    const pdf = open(path);
    expect(pdf.pageCount).toBe(pages);
    const first = pdf.page(0);
    first.mediaBox.forEach((v, i) => expect(Math.abs(v - mediaBox[i]!)).toBeLessThan(0.006));
    expect(first.rotate).toBe(rotate);
    expect(first.contents.length).toBeGreaterThan(0);
  });

  it('reads every page of every corpus file into operations with text', () => {
    for (const [path, pages] of PDFINFO.filter(([p]) => p.startsWith(CORPUS))) {
      const pdf = open(path);
      let textOps = 0;
      for (let i = 0; i < pages; i++) textOps += operators(pdf, i).filter((op) => op === 'Tj' || op === 'TJ').length;
      expect(textOps, path).toBeGreaterThan(pages);
    }
  });

  it('opens an owner-password-only file (AES-256, R6): the content decrypts to two-tables.pdf', () => {
    const ops = operators(open(`${FIXTURES}pdf/owner-password-only.pdf`), 0);
    expect(ops).toEqual(operators(open(`${FIXTURES}pdf/two-tables.pdf`), 0));
    expect(ops).toContain('BT');
    expect(ops.filter((op) => op === 'Tj' || op === 'TJ').length).toBeGreaterThan(10);
  });

  it('throws EncryptedFileError when a user password is needed', () => {
    expect(() => open(`${FIXTURES}pdf/encrypted-user-password.pdf`)).toThrow(EncryptedFileError);
    expect(() => open(`${OBJECTS}rc4-128-user-password.pdf`)).toThrow(EncryptedFileError);
  });

  it('throws UnsupportedPdfError for the truncated file: the rebuilt xref finds no page tree', () => {
    expect(() => open(`${FIXTURES}pdf/truncated.pdf`)).toThrow(UnsupportedPdfError);
    expect(() => open(`${FIXTURES}pdf/truncated.pdf`)).toThrow('no pages found');
  });

  it('stops a decompression bomb, and a file whose streams add up past the limit, with FileTooLargeError', () => {
    expect(() => operators(open(`${FIXTURES}bad/flate-bomb.pdf`), 0)).toThrow(/^too large: a stream decodes to more than 64 MB \(limit\)$/);
    // pages-2000.pdf decodes ~0.3 MB of content in all, ~150 bytes a page.
    const pages = new Uint8Array(readFileSync(`${FIXTURES}bad/pages-2000.pdf`));
    const allPages = (pdf: PdfFile): number => Array.from({ length: pdf.pageCount }, (_, i) => operators(pdf, i).length).reduce((a, b) => a + b, 0);
    expect(allPages(openPdf(pages))).toBeGreaterThan(2000);
    const tight = (): number => allPages(openPdf(pages, { ...DEFAULT_PDF_LIMITS, maxDecodedBytes: 100_000 }));
    expect(tight).toThrow(FileTooLargeError);
    expect(tight).toThrow(/^too large: its streams decode to more than \d+ MB in all \(limit\)$/);
  });
});

/** The /Info /Title of a fixture, decoded from UTF-16BE (or Latin-1). */
function title(pdf: PdfFile, path: string): string {
  const trailer = readXref(new Uint8Array(readFileSync(path))).trailer;
  const info = pdf.get(trailer.raw('Info')) as Dict;
  const bytes = pdf.lookup(info, 'Title') as Uint8Array;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return Buffer.from(bytes).toString('latin1');
}

describe('openPdf on the objects fixtures (qpdf variants of base.pdf)', () => {
  const base = open(`${OBJECTS}base.pdf`);
  const variants = ['base', 'rc4-40', 'rc4-128', 'aes-128', 'aes-256-r5', 'object-streams', 'linearized'];

  it.each(variants)('%s.pdf: strings and streams read as in base.pdf', (name) => {
    const path = `${OBJECTS}${name}.pdf`;
    const pdf = open(path);
    expect(title(pdf, path)).toBe('年报 objects fixture');
    expect(operators(pdf, 0)).toEqual(operators(base, 0));
    expect(operators(pdf, 0)).toEqual(['BT', 'Tf', 'Td', 'Tj', 'TJ', 'ET', 'rg', 're', 'f']);
    let shown: Uint8Array | undefined;
    readOperations(pdf.page(0).contents[0]!, (op, args) => {
      if (op === 'Tj') shown = args[0] as Uint8Array;
    });
    expect(Buffer.from(shown!).toString('latin1')).toBe('Hello (world)');
  });

  it.each(variants)('%s.pdf: page 2 inherits MediaBox and Resources, Rotate -90 reads 270, CropBox clipped', (name) => {
    const pdf = open(`${OBJECTS}${name}.pdf`);
    expect(pdf.pageCount).toBe(2);
    const page = pdf.page(1);
    expect(page.mediaBox).toEqual([0, 0, 500, 700]);
    expect(page.cropBox).toEqual([10, 10, 500, 650]);
    expect(page.rotate).toBe(270);
    expect(page.contents.map((c) => c.length)).toEqual([18, pdf.page(0).contents[0]!.length]);
    const fonts = pdf.lookup(page.resources!, 'Font') as Dict;
    expect((pdf.lookup(pdf.get(fonts.raw('F1')) as Dict, 'BaseFont') as Name).name).toBe('Helvetica');
  });

  it('reads the xref without rebuilding: xref stream with PNG predictor, object streams, /Prev of a linearized file', () => {
    const xref = readXref(new Uint8Array(readFileSync(`${OBJECTS}object-streams.pdf`)));
    expect([...xref.entries.values()].filter((e) => e.kind === 'compressed').length).toBeGreaterThanOrEqual(5);
    expect(xref.xrefStreams.size).toBe(1);
    const linearized = readXref(new Uint8Array(readFileSync(`${OBJECTS}linearized.pdf`)));
    expect(linearized.entries.get(1)).toEqual({ kind: 'offset', offset: 1155, gen: 0 }); // qpdf --show-xref
    expect(linearized.entries.get(13)).toEqual({ kind: 'offset', offset: 1110, gen: 0 });
  });

  it('keeps cleartext metadata clear (/EncryptMetadata false) and decrypts the rest', () => {
    const pdf = open(`${OBJECTS}aes-128.pdf`);
    const catalog = pdf.get(readXref(new Uint8Array(readFileSync(`${OBJECTS}aes-128.pdf`))).trailer.raw('Root')) as Dict;
    const metadata = pdf.lookup(catalog, 'Metadata');
    expect(isStream(metadata)).toBe(true);
    expect(Buffer.from(pdf.streamData(metadata as Stream)).toString('latin1')).toMatch(/^<\?xpacket begin=/);
  });

  it('lets the newest section of an incremental update win', () => {
    const path = `${OBJECTS}incremental.pdf`;
    expect(title(open(path), path)).toBe('updated title');
  });
});

const CONTENT = 'BT /F1 12 Tf 72 700 Td (Hi) Tj ET';

describe('openPdf on crafted damage', () => {
  it('opens a file with a wrong startxref (rebuilt xref)', () => {
    const pdf = openPdf(buildPdf(onePage('/MediaBox [0 0 300 400]', CONTENT), { startxref: 17 }));
    expect(pdf.pageCount).toBe(1);
    expect(pdf.page(0).mediaBox).toEqual([0, 0, 300, 400]);
    expect(operators(pdf, 0)).toEqual(['BT', 'Tf', 'Td', 'Tj', 'ET']);
  });

  it('rebuilds an encrypted file with object streams and a broken startxref', () => {
    const bytes = new Uint8Array(readFileSync(`${OBJECTS}object-streams.pdf`));
    const at = Buffer.from(bytes).lastIndexOf('startxref') + 'startxref\n'.length;
    bytes[at] = 0x39; // the offset now points into the middle of nothing
    expect(() => readXref(bytes)).toThrow(UnsupportedPdfError);
    const pdf = openPdf(bytes);
    expect(pdf.pageCount).toBe(2);
    expect(operators(pdf, 0)).toEqual(['BT', 'Tf', 'Td', 'Tj', 'TJ', 'ET', 'rg', 're', 'f']);
    expect(pdf.page(1).rotate).toBe(270);
  });

  it('opens files with offsets a few bytes off, a table numbered from 1, or no xref at all', () => {
    for (const options of [{ offsetShift: 3 }, { offsetShift: -2 }, { firstNum: 1 }, { noXref: true }]) {
      const pdf = openPdf(buildPdf(onePage('', CONTENT), options));
      expect(operators(pdf, 0), JSON.stringify(options)).toEqual(['BT', 'Tf', 'Td', 'Tj', 'ET']);
    }
  });

  it('gives a page without MediaBox the Letter size and normalises boxes and odd rotations', () => {
    expect(openPdf(buildPdf(onePage('', CONTENT))).page(0).mediaBox).toEqual([0, 0, 612, 792]);
    const page = openPdf(buildPdf(onePage('/MediaBox [600 800 0 0] /Rotate 45', CONTENT))).page(0);
    expect(page.mediaBox).toEqual([0, 0, 600, 800]);
    expect(page.rotate).toBe(0);
    expect(openPdf(buildPdf(onePage('/Rotate 450', CONTENT))).page(0).rotate).toBe(90);
  });

  it('reads a stream whose /Length is wrong or an indirect reference', () => {
    const wrong = onePage('', CONTENT);
    wrong[3] = stream('', CONTENT, 5);
    expect(operators(openPdf(buildPdf(wrong)), 0)).toHaveLength(5);
    const indirect = onePage('', CONTENT);
    indirect[3] = `<< /Length 5 0 R >>\nstream\n${CONTENT}\nendstream`;
    indirect.push(String(CONTENT.length));
    expect(operators(openPdf(buildPdf(indirect)), 0)).toHaveLength(5);
  });

  it('falls back to /Type /Page objects when the page tree is broken', () => {
    const objects = onePage('', CONTENT);
    objects[0] = '<< /Type /Catalog /Pages 9 0 R >>'; // a missing object
    objects.push(objects[2]!.replace('/Contents 4 0 R', '/Contents 4 0 R /Rotate 180'));
    const pdf = openPdf(buildPdf(objects));
    expect(pdf.pageCount).toBe(2);
    expect(pdf.page(1).rotate).toBe(180);
  });

  it('survives a /Kids loop in the page tree', () => {
    const objects = onePage('', CONTENT);
    objects[1] = '<< /Type /Pages /Kids [3 0 R 2 0 R 5 0 R] /Count 1 >>';
    objects.push('<< /Type /Pages /Kids [2 0 R 3 0 R] >>');
    expect(openPdf(buildPdf(objects)).pageCount).toBe(2);
  });

  it('reads a hybrid file: objects in an object stream listed by /XRefStm', () => {
    const bytes = hybridPdf();
    const xref = readXref(bytes);
    expect(xref.entries.get(2)).toEqual({ kind: 'compressed', stream: 5, index: 0 });
    expect(xref.entries.get(3)).toEqual({ kind: 'compressed', stream: 5, index: 1 });
    const pdf = openPdf(bytes);
    expect(pdf.page(0).mediaBox).toEqual([0, 0, 200, 200]);
    expect(operators(pdf, 0)).toEqual(['BT', 'Tf', 'Td', 'Tj', 'ET']);
  });

  it('throws UnsupportedPdfError for bytes that hold no PDF objects', () => {
    expect(() => openPdf(new Uint8Array(Buffer.from('not a pdf at all')))).toThrow(UnsupportedPdfError);
  });
});

/**
 * A hybrid-reference file: objects 1, 4 and 5 in the classic table; 2 and 3 (page tree) in object
 * stream 5, found only through the xref stream (object 6) that /XRefStm points at.
 */
function hybridPdf(): Uint8Array {
  const pages = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>';
  const header = `2 0 3 ${pages.length + 1} `;
  const objStm = Buffer.from(`${header}${pages}\n${page}`, 'latin1');
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n', 'latin1')];
  const offsets: Record<number, number> = {};
  const add = (num: number, head: string, data?: Buffer): void => {
    offsets[num] = parts.reduce((n, p) => n + p.length, 0);
    parts.push(Buffer.from(`${num} 0 obj\n${head}`, 'latin1'));
    if (data) parts.push(data, Buffer.from('\nendstream', 'latin1'));
    parts.push(Buffer.from('\nendobj\n', 'latin1'));
  };
  add(1, '<< /Type /Catalog /Pages 2 0 R >>');
  add(4, `<< /Length ${CONTENT.length} >>\nstream\n`, Buffer.from(CONTENT, 'latin1'));
  const packed = deflateSync(objStm);
  add(5, `<< /Type /ObjStm /N 2 /First ${header.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, packed);
  const rows = Buffer.from([2, 0, 5, 0, 2, 0, 5, 1]); // W [1 2 1]: objects 2 and 3 in stream 5
  add(6, `<< /Type /XRef /Size 7 /Index [2 2] /W [1 2 1] /Length ${rows.length} >>\nstream\n`, rows);
  const xref = parts.reduce((n, p) => n + p.length, 0);
  const line = (n: number): string => `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  const table = `xref\n0 2\n0000000000 65535 f \n${line(1)}4 3\n${line(4)}${line(5)}${line(6)}`;
  const trailer = `trailer\n<< /Size 7 /Root 1 0 R /XRefStm ${offsets[6]} >>\nstartxref\n${xref}\n%%EOF\n`;
  parts.push(Buffer.from(table + trailer, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
