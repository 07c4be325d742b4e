import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredCharset, extractHtml, htmlToBlocks } from '../../src/extract/html.js';
import { blocksOf, type Block } from '../../src/extract/document.js';
import { gridOf, type Table } from '../../src/tables/table.js';

const PINGTAN = 'tests/fixtures/shared/corpus/pingtan-gov-zwgk-archive__2024_report_body.transcribed.html';
const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url));

function tablesOf(blocks: readonly Block[]): Table[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

function paragraphsOf(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

/** The anchor cell's text at a grid slot. */
function at(t: Table, row: number, col: number): string | undefined {
  return gridOf(t)[row]?.[col]?.text;
}

describe('extractHtml on the pingtan report page', async () => {
  const doc = await extractHtml(readFileSync(PINGTAN));
  const blocks = blocksOf(doc);
  const [a, b, c] = tablesOf(blocks);

  it('finds the three tables with their grid shapes, in order between the section headings', () => {
    expect(tablesOf(blocks).map((t) => [t.rows, t.cols, t.method])).toEqual([
      [14, 4, 'markup'],
      [28, 10, 'markup'],
      [4, 15, 'markup'],
    ]);
    const kinds = blocks.map((x) => (x.kind === 'table' ? 'T' : x.text.slice(0, 2)));
    expect(kinds.slice(kinds.indexOf('二、'), kinds.indexOf('五、') + 1)).toEqual(['二、', 'T', '三、', 'T', '四、', 'T', '五、']);
    expect(doc.messages).toEqual([]);
  });

  it('keeps the spans of Table B and Table C', () => {
    expect(b!.cells[0]).toMatchObject({ row: 0, col: 0, rowSpan: 3, colSpan: 3 });
    expect(b!.cells.find((x) => x.text === '申请人情况')).toMatchObject({ row: 0, col: 3, colSpan: 7 });
    expect(b!.cells.find((x) => x.text.startsWith('三、本'))).toMatchObject({ row: 5, col: 0, rowSpan: 22 });
    expect(c!.cells.find((x) => x.text === '行政诉讼')).toMatchObject({ row: 0, col: 5, colSpan: 10 });
    expect(c!.cells.find((x) => x.text === '复议后起诉')).toMatchObject({ row: 1, col: 10, colSpan: 5 });
  });

  it('joins <p>- and <br>-split header cells with newlines and keeps &nbsp; runs as U+00A0', () => {
    expect(at(b!, 2, 4)).toBe('商业\n企业');
    expect(at(b!, 2, 6)!.split('\n').map((l) => l.replace(/[\s\u00a0]+/g, ''))).toEqual(['社会', '公益', '组织']);
    expect(at(b!, 2, 6)).toContain('\u00a0');
    expect(at(c!, 1, 1)).toBe('结果\n纠正');
    expect(at(c!, 2, 5)).toBe('结果\n维持');
  });

  it('puts every number in its column', () => {
    expect([1, 2, 3].map((k) => at(a!, 3, k))).toEqual(['62', '33', '440']);
    expect(at(a!, 13, 1)).toBe('18651.06');
    expect([3, 4, 5, 6, 7, 8, 9].map((k) => at(b!, 3, k))).toEqual(['217', '1', '0', '0', '0', '0', '218']);
    expect(gridOf(c!)[3]!.map((x) => x?.text)).toEqual(['2', '1', '3', '1', '7', '0', '0', '0', '0', '0', '13', '2', '4', '0', '19']);
  });

  it('reads the paragraphs, keeping a trailing &nbsp; and dropping blank ones', () => {
    const paragraphs = paragraphsOf(blocks);
    expect(paragraphs[0]).toBe('平潭综合实验区2024年度政府信息公开工作年度报告');
    expect(paragraphs).toContain('一、总体情况\u00a0');
    expect(paragraphs.at(-1)).toBe('2024年，无收取信息处理费情况。');
  });
});

describe('extractHtml decoding', () => {
  const expectReportTable = (blocks: readonly Block[]): void => {
    const [t] = tablesOf(blocks);
    expect(paragraphsOf(blocks)[0]).toBe('某某县人民政府2022年政府信息公开工作年度报告');
    expect(gridOf(t!)[1]!.map((x) => x?.text)).toEqual(['信息内容', '本年\n制发件数', '本年废止件数', '现行有效件数']);
    expect(gridOf(t!)[2]!.map((x) => x?.text)).toEqual(['规章', '2', '\u00a0', '17']);
  };

  it('decodes GBK bytes declared by http-equiv Content-Type (gb2312) without a message', async () => {
    const doc = await extractHtml(fixture('gbk-meta-charset.html'));
    expectReportTable(blocksOf(doc));
    expect(doc.messages).toEqual([]);
  });

  it('detects GBK bytes without any declaration, and says the encoding was guessed', async () => {
    const doc = await extractHtml(fixture('gbk-no-charset.html'));
    expectReportTable(blocksOf(doc));
    expect(doc.messages.map((m) => [m.code, m.severity])).toEqual([['encoding_guessed', 'info']]);
  });

  it('overrules a wrong utf-8 declaration when the bytes are GBK', async () => {
    const doc = await extractHtml(fixture('gbk-declared-utf8.html'));
    expectReportTable(blocksOf(doc));
    expect(doc.messages.map((m) => [m.code, m.severity])).toEqual([['encoding_guessed', 'warning']]);
  });

  it('finds the declared charset in meta charset, http-equiv and the XML declaration', () => {
    const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(declaredCharset(bytes('<meta charset="GBK">'))).toBe('GBK');
    expect(declaredCharset(bytes('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">'))).toBe('gb2312');
    expect(declaredCharset(bytes('<?xml version="1.0" encoding="GB18030"?><html>'))).toBe('GB18030');
    expect(declaredCharset(bytes('<html><body>无声明</body></html>'))).toBeUndefined();
  });
});

describe('htmlToBlocks', () => {
  it('descends into layout tables: the data table inside comes out whole, navigation as paragraphs', async () => {
    const doc = await extractHtml(fixture('nested-layout.html'));
    const blocks = blocksOf(doc);
    const [t, extra] = tablesOf(blocks);
    expect(extra).toBeUndefined();
    expect([t!.rows, t!.cols]).toEqual([5, 5]);
    expect(t!.cells.find((x) => x.text === '三、本年度\n办理结果')).toMatchObject({ row: 3, col: 0, rowSpan: 2 });
    expect(gridOf(t!)[3]!.map((x) => x?.text)).toEqual(['三、本年度\n办理结果', '（一）予以公开', '12', '\u00a0', '12']);
    expect(gridOf(t!)[1]![3]!.text).toBe('法人或\n其他组织');
    expect(blocks.map((x) => (x.kind === 'table' ? '[table]' : x.text))).toEqual([
      '首页',
      '政务公开',
      '三、收到和处理政府信息公开申请情况',
      '截至2022年底\n单位：件',
      '[table]',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
  });

  it('reads a single-cell frame table as layout: its paragraphs stay paragraphs', () => {
    const blocks = htmlToBlocks('<table><tr><td><p>一、总体情况</p><p>正文</p></td></tr></table><table><tr><td>1</td><td>2</td></tr></table>');
    expect(blocks.map((b) => (b.kind === 'table' ? `[${b.table.rows}x${b.table.cols}]` : b.text))).toEqual(['一、总体情况', '正文', '[1x2]']);
  });

  it('marks h1–h6 headings with their level and drops script and style', () => {
    const blocks = htmlToBlocks('<h3>标题</h3><script>x()</script><style>p{}</style><div>正文 <b>加粗</b>\n 续</div>');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '标题', heading: 3 },
      { kind: 'paragraph', text: '正文 加粗 续' },
    ]);
  });
});
