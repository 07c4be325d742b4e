import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCX_MAX_TOTAL_BYTES, DEFAULT_DOCX_SETTINGS, docxError, extractDocx } from '../../src/extract/docx.js';
import { blocksOf, type Block } from '../../src/extract/document.js';
import { gridOf, type Table } from '../../src/tables/table.js';
import { FileTooLargeError, InvalidFileError, WrongFormatError } from '../../src/errors.js';

const TEMPLATE = 'tests/fixtures/shared/corpus/govnianbao__政务公开年报模版.docx';
const fixture = (path: string): Uint8Array => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

function tablesOf(blocks: readonly Block[]): Table[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

function anchor(t: Table, text: string): { row: number; col: number; rowSpan: number; colSpan: number } | undefined {
  const c = t.cells.find((x) => x.text === text);
  return c && { row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan };
}

describe('extractDocx on the official blank template (WPS)', async () => {
  const doc = await extractDocx(readFileSync(TEMPLATE));
  const blocks = blocksOf(doc);
  const [a, b, c] = tablesOf(blocks);

  it('finds three tables of the official grid shapes, every slot covered', () => {
    expect(tablesOf(blocks).map((t) => [t.rows, t.cols, t.method])).toEqual([
      [14, 4, 'markup'],
      [28, 10, 'markup'],
      [4, 15, 'markup'],
    ]);
    for (const t of [a!, b!, c!]) expect(gridOf(t).flat().every((slot) => slot !== null)).toBe(true);
    expect(doc.messages).toEqual([]);
  });

  it('reads the merged cells as the XML writes them (gridSpan and vMerge)', () => {
    expect(b!.cells[0]).toMatchObject({ row: 0, col: 0, rowSpan: 3, colSpan: 3 });
    expect(b!.cells[0]!.text.startsWith('（本列数据的勾稽关系为')).toBe(true);
    expect(anchor(b!, '申请人情况')).toEqual({ row: 0, col: 3, rowSpan: 1, colSpan: 7 });
    expect(anchor(b!, '法人或其他组织')).toEqual({ row: 1, col: 4, rowSpan: 1, colSpan: 5 });
    expect(anchor(b!, '总计')).toEqual({ row: 1, col: 9, rowSpan: 2, colSpan: 1 });
    expect(anchor(b!, '三、本年度办理结果')).toEqual({ row: 5, col: 0, rowSpan: 22, colSpan: 1 });
    expect(anchor(b!, '（三）不予公开')).toEqual({ row: 7, col: 1, rowSpan: 8, colSpan: 1 });
    expect(anchor(b!, '（七）总计')).toEqual({ row: 26, col: 1, rowSpan: 1, colSpan: 2 });
    expect(anchor(b!, '四、结转下年度继续办理')).toEqual({ row: 27, col: 0, rowSpan: 1, colSpan: 3 });
    expect(anchor(c!, '行政复议')).toEqual({ row: 0, col: 0, rowSpan: 1, colSpan: 5 });
    expect(anchor(c!, '行政诉讼')).toEqual({ row: 0, col: 5, rowSpan: 1, colSpan: 10 });
    expect(anchor(c!, '未经复议直接起诉')).toEqual({ row: 1, col: 5, rowSpan: 1, colSpan: 5 });
    expect(c!.cells.filter((x) => x.row === 1 && x.rowSpan === 2).map((x) => x.col)).toEqual([0, 1, 2, 3, 4]);
    expect(anchor(a!, '本年处理决定数量')).toEqual({ row: 5, col: 1, rowSpan: 1, colSpan: 3 });
  });

  it('joins the paragraphs of a cell with newlines and keeps full-width spaces as characters', () => {
    expect(gridOf(b!)[2]![4]!.text).toBe('商业\n企业');
    expect(gridOf(c!)[1]![1]!.text).toBe('结果\n纠正');
    expect(gridOf(a!)[2]![1]!.text).toBe('\u3000\u3000');
    expect(gridOf(a!)[2]![3]!.text).toBe('');
  });

  it('keeps the section headings between the tables, in reading order', () => {
    const order = blocks.map((x) => (x.kind === 'table' ? 'T' : x.text.slice(0, 2)));
    expect(order.filter((k) => /^[一二三四五六]、$|^T$/.test(k))).toEqual(['一、', '二、', 'T', '三、', 'T', '四、', 'T', '五、', '六、']);
  });
});

describe('extractDocx on merges mammoth loses (tests/fixtures/docx/grid-before-vmerge.docx)', async () => {
  const doc = await extractDocx(fixture('docx/grid-before-vmerge.docx'));
  const blocks = blocksOf(doc);
  const [t] = tablesOf(blocks);
  const grid = gridOf(t!);

  it('puts every number in the column it names (row*100 + col), through gridBefore, gridAfter and hMerge', () => {
    expect([t!.rows, t!.cols]).toEqual([9, 6]);
    const numbers = t!.cells.filter((c) => /^\d{3}$/.test(c.text));
    expect(numbers).toHaveLength(29);
    expect(numbers.filter((c) => Number(c.text) !== c.row * 100 + c.col)).toEqual([]);
  });

  it('leaves the slots skipped by gridBefore / gridAfter empty and keeps the spans', () => {
    expect(grid[3]![0]).toBeNull(); // gridBefore 1
    expect(grid[4]!.slice(0, 2)).toEqual([null, null]); // gridBefore 2
    expect(grid[5]!.slice(4)).toEqual([null, null]); // gridAfter 2
    expect(anchor(t!, '403')).toEqual({ row: 4, col: 3, rowSpan: 1, colSpan: 2 });
    expect(anchor(t!, '601')).toEqual({ row: 6, col: 1, rowSpan: 1, colSpan: 2 }); // hMerge restart + continue
    expect(anchor(t!, '项目')).toEqual({ row: 0, col: 0, rowSpan: 2, colSpan: 1 });
    expect(anchor(t!, '乙组')).toEqual({ row: 0, col: 3, rowSpan: 1, colSpan: 3 });
    expect(anchor(t!, '705')).toEqual({ row: 7, col: 5, rowSpan: 2, colSpan: 1 });
    expect(anchor(t!, '行七\n（两行）')).toEqual({ row: 7, col: 0, rowSpan: 1, colSpan: 1 });
  });

  it('says which merges had to be read from the XML', () => {
    expect(t!.quality.messages).toEqual([
      {
        code: 'docx_cell_merging',
        severity: 'info',
        text: 'read from the XML: 2 row(s) with gridBefore, 1 row(s) with gridAfter, 1 row(s) with hMerge',
      },
    ]);
    expect(doc.messages).toEqual([]);
  });

  it('keeps the heading and the paragraphs around the table', () => {
    expect(blocks.map((b) => (b.kind === 'table' ? '[table]' : [b.text, b.heading ?? 0]))).toEqual([
      ['合并单元格测试', 1],
      ['下表含 gridBefore、gridAfter、hMerge、gridSpan 与 vMerge。', 0],
      '[table]',
      ['表后段落。', 0],
    ]);
  });

});

describe('extractDocx on a sliver grid column (tests/fixtures/docx/sliver-column.docx)', () => {
  it('drops the 1-twip column instead of adding a spurious one', async () => {
    const [t] = tablesOf(blocksOf(await extractDocx(fixture('docx/sliver-column.docx'))));
    expect([t!.rows, t!.cols]).toEqual([3, 3]);
    expect(gridOf(t!).map((r) => r.map((c) => c?.text))).toEqual([
      ['项目', '本年', '上年'],
      ['收入', '120', '110'],
      ['支出', '95', '90'],
    ]);
    expect(t!.quality.messages.map((m) => m.text)).toEqual(['read from the XML: 1 sliver grid column(s) narrower than 30 twips dropped']);
  });
});

describe('extractDocx errors', () => {
  it('refuses a part that inflates past the limit, whether declared honestly or not', async () => {
    await expect(extractDocx(fixture('broken/zip-bomb.docx'))).rejects.toThrow(FileTooLargeError);
    await expect(extractDocx(fixture('broken/zip-bomb-lying.docx'))).rejects.toThrow(
      new FileTooLargeError('too large: word/document.xml inflates to more than 50 MB (limit)'),
    );
    const small = { ...DEFAULT_DOCX_SETTINGS, maxPartBytes: 1000 };
    await expect(extractDocx(fixture('docx/sliver-column.docx'), small)).rejects.toThrow(FileTooLargeError);
  });

  it('refuses parts it reads that together inflate past the total limit, each under the per-part limit', async () => {
    const { Document: DocxDocument, Packer, Paragraph } = await import('docx');
    const JSZip = (await import('jszip')).default;
    const base = await Packer.toBuffer(new DocxDocument({ sections: [{ children: [new Paragraph('正文')] }] }));
    const zip = await JSZip.loadAsync(base);
    const filler = `<!-- ${'填充文字 filler text '.repeat(25_000)} -->`; // ~500 kB
    for (const name of ['word/document.xml', 'word/styles.xml']) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replace(/\?>/, `?>${filler}`));
    }
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(Buffer.byteLength(filler)).toBeGreaterThan(500_000);
    expect(bytes.length).toBeLessThan(100_000);

    const roomy = { ...DEFAULT_DOCX_SETTINGS, maxPartBytes: 1_000_000, maxTotalBytes: 1_500_000 };
    expect(blocksOf(await extractDocx(bytes, roomy))).toEqual([{ kind: 'paragraph', text: '正文' }]);
    const tight = { ...DEFAULT_DOCX_SETTINGS, maxPartBytes: 1_000_000, maxTotalBytes: 1_000_000 };
    await expect(extractDocx(bytes, tight)).rejects.toThrow(FileTooLargeError);
    await expect(extractDocx(bytes, tight)).rejects.toThrow(/^too large: the XML parts inflate to more than 1 MB in total \(limit\), at word\/styles\.xml$/);
    expect(DEFAULT_DOCX_SETTINGS.maxTotalBytes).toBe(DEFAULT_DOCX_MAX_TOTAL_BYTES);
  });

  it('never inflates parts it does not read (custom XML, five times over the total limit)', async () => {
    const { Document: DocxDocument, Packer, Paragraph } = await import('docx');
    const JSZip = (await import('jszip')).default;
    const base = await Packer.toBuffer(new DocxDocument({ sections: [{ children: [new Paragraph('正文')] }] }));
    const zip = await JSZip.loadAsync(base);
    const filler = `<?xml version="1.0"?><filler>${'<p>填充文字 filler text</p>'.repeat(15_000)}</filler>`; // ~400 kB each
    for (let i = 1; i <= 5; i++) zip.file(`customXml/item${i}.xml`, filler);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const tight = { ...DEFAULT_DOCX_SETTINGS, maxPartBytes: 1_000_000, maxTotalBytes: 400_000 };
    expect(blocksOf(await extractDocx(bytes, tight))).toEqual([{ kind: 'paragraph', text: '正文' }]);
  });

  it('maps a truncated file, a PDF and a zip without word/document.xml to typed errors', async () => {
    await expect(extractDocx(fixture('broken/truncated.docx'))).rejects.toThrow(InvalidFileError);
    await expect(extractDocx(fixture('broken/pdf-renamed.docx'))).rejects.toThrow(/^not a valid DOCX \(zip\) file/);
    await expect(extractDocx(fixture('broken/zip-without-document.docx'))).rejects.toThrow(
      new WrongFormatError('zip archive, but not a Word document (no word/document.xml)'),
    );
  });

  it('finds the main part through _rels/.rels, wherever the package puts it', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fixture('docx/sliver-column.docx'));
    const rename = async (from: string, to: string): Promise<void> => {
      zip.file(to, await zip.file(from)!.async('uint8array'));
      zip.remove(from);
    };
    await rename('word/document.xml', 'word/main.xml');
    await rename('word/_rels/document.xml.rels', 'word/_rels/main.xml.rels');
    const rels = await zip.file('_rels/.rels')!.async('string');
    zip.file('_rels/.rels', rels.replace('word/document.xml', 'word/main.xml'));
    const moved = await zip.generateAsync({ type: 'uint8array' });
    expect(blocksOf(await extractDocx(moved))).toEqual(blocksOf(await extractDocx(fixture('docx/sliver-column.docx'))));
  });

  it('maps a plain Error to InvalidFileError and keeps typed errors as they are', () => {
    const plain = docxError(new Error('Maximum call stack size exceeded'));
    expect(plain).toBeInstanceOf(InvalidFileError);
    expect(plain.message).toBe('could not read the DOCX file: Maximum call stack size exceeded');
    expect(plain.cause).toBeInstanceOf(Error);
    const typed = new WrongFormatError('zip archive, but not a Word document (no word/document.xml)');
    expect(docxError(typed)).toBe(typed);
  });
});

describe('extractDocx headings', () => {
  it('reads Word "heading N" and WPS "标题 N" paragraph styles as heading levels', async () => {
    const { Document: DocxDocument, HeadingLevel, Packer, Paragraph } = await import('docx');
    const file = new DocxDocument({
      styles: { paragraphStyles: [{ id: 'WpsHeading2', name: '标题 2', run: { bold: true } }] },
      sections: [
        {
          children: [
            new Paragraph({ text: '年度报告', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '一、总体情况', style: 'WpsHeading2' }),
            new Paragraph('正文'),
          ],
        },
      ],
    });
    const doc = await extractDocx(new Uint8Array(await Packer.toBuffer(file)));
    expect(blocksOf(doc)).toEqual([
      { kind: 'paragraph', text: '年度报告', heading: 1 },
      { kind: 'paragraph', text: '一、总体情况', heading: 2 },
      { kind: 'paragraph', text: '正文' },
    ]);
  });

  it('takes the heading style names from the settings', async () => {
    const { Document: DocxDocument, Packer, Paragraph } = await import('docx');
    const file = new DocxDocument({
      styles: { paragraphStyles: [{ id: 'Custom', name: '报告大标题', run: { bold: true } }] },
      sections: [{ children: [new Paragraph({ text: '年度报告', style: 'Custom' }), new Paragraph('正文')] }],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(file));
    expect(blocksOf(await extractDocx(bytes))[0]).toEqual({ kind: 'paragraph', text: '年度报告' });
    const custom = { ...DEFAULT_DOCX_SETTINGS, headingStyles: ['报告大标题'] };
    expect(blocksOf(await extractDocx(bytes, custom))[0]).toEqual({ kind: 'paragraph', text: '年度报告', heading: 1 });
  });
});
