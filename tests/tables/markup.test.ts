import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { placeMarkupRows, readMarkupRows, tableFromHtml } from '../../src/tables/markup.js';
import { gridOf, rowTexts } from '../../src/tables/table.js';

function firstTable(html: string): Element {
  const el = cheerio.load(html)('table').get(0);
  if (!el) throw new Error('no table in test markup');
  return el;
}

describe('placeMarkupRows', () => {
  it('puts each cell in the first column not covered by a rowspan from above', () => {
    const cells = placeMarkupRows([
      [{ text: 'A', rowSpan: 2, colSpan: 1 }, { text: 'B', rowSpan: 1, colSpan: 2 }],
      [{ text: 'C', rowSpan: 1, colSpan: 1 }, { text: 'D', rowSpan: 1, colSpan: 1 }],
    ]);
    expect(cells.map((c) => [c.text, c.row, c.col])).toEqual([
      ['A', 0, 0],
      ['B', 0, 1],
      ['C', 1, 1],
      ['D', 1, 2],
    ]);
  });
});

describe('readMarkupRows / tableFromHtml', () => {
  it('keeps spans, joins <p>/<br> lines with newlines and keeps &nbsp; as U+00A0', () => {
    const t = tableFromHtml(
      firstTable(`<table><tbody>
        <tr><td rowspan="2" colspan="2">项目</td><td colspan="2">申请人情况</td></tr>
        <tr><td><p>商业</p><p>企业</p></td><td>法人或<br>其他组织</td></tr>
        <tr><td>一</td><td>二</td><td>&nbsp;</td><td>  7 </td></tr>
      </tbody></table>`),
    );
    expect(t).not.toBeNull();
    expect([t!.rows, t!.cols]).toEqual([3, 4]);
    expect(t!.cells[0]).toMatchObject({ row: 0, col: 0, rowSpan: 2, colSpan: 2, text: '项目' });
    expect(rowTexts(t!)).toEqual([['项目', '申请人情况'], ['商业\n企业', '法人或\n其他组织'], ['一', '二', '\u00a0', '7']]);
    expect(gridOf(t!)[1]![1]!.text).toBe('项目');
  });

  it("reads only the table's own rows, not a nested table's", () => {
    const rows = readMarkupRows(firstTable('<table><tr><td><table><tr><td>内</td></tr></table></td><td>外</td></tr></table>'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.map((c) => c.text)).toEqual(['内', '外']);
  });

  it('clamps a rowspan past the last row and reads rowspan="0" as "to the end"', () => {
    const t = tableFromHtml(firstTable('<table><tr><td rowspan="9">甲</td><td rowspan="0">乙</td><td>1</td></tr><tr><td>2</td></tr></table>'));
    expect(t!.rows).toBe(2);
    expect(t!.cells.filter((c) => c.rowSpan === 2).map((c) => c.text)).toEqual(['甲', '乙']);
    expect(t!.cells.find((c) => c.text === '2')).toMatchObject({ row: 1, col: 2 });
  });

  it('reads an invalid colspan as 1 and returns null for a table without cells', () => {
    const t = tableFromHtml(firstTable('<table><tr><td colspan="x">a</td><td colspan="-2">b</td></tr></table>'));
    expect(t!.cells.map((c) => [c.col, c.colSpan])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(tableFromHtml(firstTable('<table><tr></tr></table>'))).toBeNull();
  });
});
