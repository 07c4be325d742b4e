import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readWordBody, type BodyContext } from '../../src/extract/docx-body.js';
import { DEFAULT_DOCX_SETTINGS, extractDocx } from '../../src/extract/docx.js';
import { parseWordXml } from '../../src/extract/docx-xml.js';
import { readDocxStyles } from '../../src/extract/docx-styles.js';
import { blocksOf, type Block } from '../../src/extract/document.js';
import { gridOf } from '../../src/tables/table.js';

const TEMPLATE = 'tests/fixtures/shared/corpus/govnianbao__政务公开年报模版.docx';
const fixture = (path: string): Uint8Array => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

/** A block as one comparable value: [text, heading] for a paragraph, the grid text for a table. */
function shown(b: Block): [string, number | null] | string[][] {
  if (b.kind === 'paragraph') return [b.text, b.heading ?? null];
  return gridOf(b.table).map((r) => r.map((c) => c?.text ?? ''));
}

async function readFixture(path: string): Promise<Array<[string, number | null] | string[][]>> {
  return blocksOf(await extractDocx(fixture(path))).map(shown);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const NO_STYLES: BodyContext = { styles: readDocxStyles(null, DEFAULT_DOCX_SETTINGS.headingStyles), tables: DEFAULT_DOCX_SETTINGS.tables };

function body(xml: string): Block[] {
  return readWordBody(parseWordXml(`<w:document ${W}><w:body>${xml}</w:body></w:document>`), NO_STYLES).blocks;
}

const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('readWordBody on body-features.docx (the docx package, wrappers patched in)', async () => {
  const blocks = await readFixture('docx/body-features.docx');

  it('reads headings by name, by WPS name, by basedOn and by outline level; not the Title style', () => {
    expect(blocks.filter((b) => typeof b[1] === 'number')).toEqual([
      ['一、总体情况', 1],
      ['（一）主动公开', 2],
      ['1. 规章', 3],
      ['提纲二级段落', 2],
    ]);
    expect(blocks[0]).toEqual(['政府信息公开工作年度报告（测试）', null]);
  });

  it('reads run text as Word shows it: tabs, breaks, hyperlinks, insertions, fields; no deletions, symbols or marks', () => {
    expect(blocks.slice(2, 8)).toEqual([
      ['本年度\t主动公开\n第二行\n分页后', null],
      ['详见门户网站。', null],
      ['保留新增文字', null],
      ['年报数据截至年底。', null],
      ['电话0591-12345完', null],
      ['共3页', null],
    ]);
  });

  it('keeps paragraphs and tables in reading order; a nested table stays in its cell', () => {
    const at = blocks.findIndex((b) => b[0] === '表前段落。');
    expect(blocks.slice(at, at + 2)).toEqual([
      ['表前段落。', null],
      [
        ['项目', '数量'],
        ['外单元格\n内表格', '12'],
      ],
    ]);
  });

  it('puts a text box where it is anchored, its paragraphs and table between the text around it', () => {
    const at = blocks.findIndex((b) => b[0] === '框前文字');
    expect(blocks.slice(at, at + 6)).toEqual([
      ['框前文字', null],
      ['文本框第一段', null],
      ['文本框第二段', null],
      ['框后文字', null],
      ['文本框中的表格：', null],
      [['框内', '表格']],
    ]);
  });

  it('looks through content controls, smart tags and custom XML, reads the field result and joins a deleted mark', () => {
    const at = blocks.findIndex((b) => b[0] === '内容控件中的段落');
    expect(blocks.slice(at)).toEqual([
      ['内容控件中的段落', null],
      ['智能标记自定义回车前\n回车后\t右对齐', null],
      ['印发日期：2024年1月1日', null],
      ['段落标记被删除，与下一段合并。', null],
      ['替代内容前', null],
      ['替代内容文本框', null], // once: the mc:Choice, not the mc:Fallback as well
      ['替代内容后', null],
      ['报告结束。', null],
      ['注：数据来源于统计台账。', null], // the referenced footnote, after the body
    ]);
  });
});

describe('readWordBody on body-features-libreoffice.docx (saved by LibreOffice Writer)', async () => {
  const blocks = await readFixture('docx/body-features-libreoffice.docx');

  it('reads DrawingML text boxes whose VML fallback LibreOffice left empty', () => {
    const at = blocks.findIndex((b) => b[0] === '框前文字');
    expect(blocks.slice(at, at + 6)).toEqual([
      ['框前文字', null],
      ['文本框第一段', null],
      ['文本框第二段', null],
      ['框后文字', null],
      ['文本框中的表格：', null],
      [['框内', '表格']],
    ]);
    expect(blocks.filter((b) => b[0] === '替代内容文本框')).toHaveLength(1);
  });

  it('reads the heading levels LibreOffice kept (its "标题 2" has style id "2") and the footnote at the end', () => {
    expect(blocks.filter((b) => typeof b[1] === 'number').map((b) => b[1])).toEqual([1, 2, 3, 2]);
    expect(blocks.at(-1)).toEqual(['注：数据来源于统计台账。', null]);
    expect(blocks).toContainEqual(['共2页', null]); // the complex field's cached result
  });
});

describe('readWordBody on report fixtures and the official template', () => {
  const kinds = (bs: readonly ReturnType<typeof shown>[]): string =>
    bs.map((b) => (typeof b[1] === 'number' || b[1] === null ? 'p' : 'T')).join('');

  it('gives the report-2021 fixture its 29 paragraphs and 3 tables in order, each table after its section title', async () => {
    const blocks = await readFixture('reports/report-2021.docx');
    expect(kinds(blocks)).toBe(`${'p'.repeat(19)}TpTpT${'p'.repeat(8)}`);
    const titles = blocks.flatMap((b, i) => (Array.isArray(b[0]) ? [blocks[i - 1]?.[0]] : []));
    expect(titles).toEqual(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
  });

  it('reads the WPS template in order and without headings (its paragraphs use plain styles)', async () => {
    const blocks = blocksOf(await extractDocx(readFileSync(TEMPLATE))).map(shown);
    expect(kinds(blocks)).toBe('ppppTpTpTpppp');
    expect(blocks.every((b) => b[1] === null || Array.isArray(b[0]))).toBe(true);
  });
});

describe('readWordBody on literal XML', () => {
  it('drops blank paragraphs and empty lines, keeps full-width spaces inside text', () => {
    expect(body(`<w:p/><w:p>${run('  ')}</w:p><w:p><w:r><w:br/><w:t>甲\u3000乙</w:t><w:br/><w:br/></w:r></w:p>`)).toEqual([
      { kind: 'paragraph', text: '甲\u3000乙' },
    ]);
  });

  it('skips field codes, deleted text, moved-away runs and note reference marks', () => {
    const xml =
      `<w:p>${run('前')}<w:r><w:instrText>PAGE</w:instrText></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>` +
      `<w:moveFrom>${run('移走')}</w:moveFrom><w:moveTo>${run('移来')}</w:moveTo><w:r><w:footnoteReference w:id="3"/></w:r>${run('后')}</w:p>`;
    const reading = readWordBody(parseWordXml(`<w:document ${W}><w:body>${xml}</w:body></w:document>`), NO_STYLES);
    expect(reading.blocks).toEqual([{ kind: 'paragraph', text: '前移来后' }]);
    expect(reading.notes).toEqual([{ kind: 'footnote', id: '3' }]);
  });

  it('leaves out a table without cells but still ends the paragraph before it', () => {
    expect(body(`<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr>${run('甲')}</w:p><w:tbl><w:tr/></w:tbl><w:p>${run('乙')}</w:p>`)).toEqual([
      { kind: 'paragraph', text: '甲' },
      { kind: 'paragraph', text: '乙' },
    ]);
  });
});

describe('extractDocx footnotes', () => {
  it('reads only referenced notes, once each, in the order of their first reference', async () => {
    const zip = await JSZip.loadAsync(fixture('docx/body-features.docx'));
    const notes = await zip.file('word/footnotes.xml')!.async('string');
    const second = '<w:footnote w:id="2"><w:p><w:r><w:t>第二条注释</w:t></w:r></w:p></w:footnote><w:footnote w:id="9"><w:p><w:r><w:t>未引用</w:t></w:r></w:p></w:footnote>';
    zip.file('word/footnotes.xml', notes.replace('</w:footnotes>', `${second}</w:footnotes>`));
    const main = await zip.file('word/document.xml')!.async('string');
    const refs = '<w:p><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>再引</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>';
    zip.file('word/document.xml', main.replace('<w:sectPr', `${refs}<w:sectPr`));
    const blocks = blocksOf(await extractDocx(await zip.generateAsync({ type: 'uint8array' })));
    expect(blocks.slice(-4).map(shown)).toEqual([
      ['报告结束。', null],
      ['再引', null],
      ['注：数据来源于统计台账。', null],
      ['第二条注释', null],
    ]);
  });
});
