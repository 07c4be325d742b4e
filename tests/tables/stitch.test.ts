import { describe, expect, it } from 'vitest';
import { joinTables, stitchAcrossPages, continues } from '../../src/tables/stitch.js';
import { DEFAULT_STITCH_SETTINGS } from '../../src/tables/settings.js';
import { cell, table, gridOf, type Cell, type Table } from '../../src/tables/table.js';
import { page, tableBlock, paragraph } from '../../src/extract/document.js';
import { CORPUS, FIXTURES, cellWith, readLaidOut, rowValues, tableWith, tablesOf } from './pdf-fixtures.js';

const B_HEADER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** A 1×1 cell with a box on a 100-pt-wide column grid (x = 0, 100, 200, …), rows 20 pt high. */
function boxed(row: number, col: number, text: string, extra: Partial<Cell> = {}): Cell {
  const colSpan = extra.colSpan ?? 1;
  const rowSpan = extra.rowSpan ?? 1;
  const box = { x0: col * 100, y0: 500 + row * 20, x1: (col + colSpan) * 100, y1: 500 + (row + rowSpan) * 20 };
  return cell(row, col, text, { box, ...extra });
}

function part(cells: Cell[], pageNumber: number): Table {
  return table(cells.map((c) => ({ ...c, page: pageNumber })), 'lattice', { pages: [pageNumber] });
}

describe('joinTables', () => {
  it('drops a repeated header row and extends a label that spans rows across the break', () => {
    const first = part(
      [boxed(0, 0, '项目'), boxed(0, 1, '数量'), boxed(1, 0, '甲组', { rowSpan: 2 }), boxed(1, 1, '1'), boxed(2, 1, '2')],
      1,
    );
    const next = part([boxed(0, 0, '项目'), boxed(0, 1, '数量'), boxed(1, 0, ''), boxed(1, 1, '3'), boxed(2, 0, '乙组'), boxed(2, 1, '4')], 2);
    const joined = joinTables(first, next, DEFAULT_STITCH_SETTINGS);
    expect(joined.rows).toBe(5);
    expect(cellWith(joined, '甲组').rowSpan).toBe(3);
    expect(gridOf(joined).map((r) => r.map((c) => c?.text))).toEqual([
      ['项目', '数量'],
      ['甲组', '1'],
      ['甲组', '2'],
      ['甲组', '3'],
      ['乙组', '4'],
    ]);
    expect(cellWith(joined, '3').page).toBe(2);
    expect(joined.pages).toEqual([1, 2]);
    expect(joined.quality.messages.map((m) => [m.code, m.severity])).toEqual([['table_split', 'info']]);
  });

  it('says where the continuation starts (1-based), and no page when the continuation has none', () => {
    const first = part([boxed(0, 0, '甲'), boxed(0, 1, '1')], 1);
    expect(joinTables(first, part([boxed(0, 0, '乙'), boxed(0, 1, '2')], 2)).quality.messages[0]?.where).toEqual({ page: 2 });
    const pageless = table([boxed(0, 0, '乙'), boxed(0, 1, '2')], 'lattice', { pages: [] });
    const split = joinTables(first, pageless).quality.messages[0];
    expect(split?.code).toBe('table_split');
    expect(split).not.toHaveProperty('where');
  });

  it('keeps an empty first row when its neighbour above is a plain one-row label (a real blank)', () => {
    const first = part([boxed(0, 0, '甲'), boxed(0, 1, '1')], 1);
    const next = part([boxed(0, 0, ''), boxed(0, 1, '2')], 2);
    expect(joinTables(first, next).rows).toBe(2);
  });

  it('does not take a first row that opens with a list marker for a cut label', () => {
    const first = part([boxed(0, 0, '1.属于国家秘密'), boxed(0, 1, '0')], 1);
    const next = part([boxed(0, 0, '2.其他'), boxed(0, 1, '')], 2);
    expect(joinTables(first, next).rows).toBe(2);
  });

  it('rejoins a row label and a group label both cut by the break (LibreOffice splits the row)', () => {
    const first = part(
      [boxed(0, 0, '（三）不予公开'), boxed(0, 1, '8.属于行政查询事项'), boxed(0, 2, '5'), boxed(1, 0, '（四）无法'), boxed(1, 1, '1.本机关不掌握相关政府信'), boxed(1, 2, '12')],
      1,
    );
    const next = part(
      [boxed(0, 0, '提供', { rowSpan: 3 }), boxed(0, 1, '息'), boxed(0, 2, ''), boxed(1, 1, '2.没有现成信息需要另行制作'), boxed(1, 2, '19'), boxed(2, 1, '3.补正后申请内容仍不明确'), boxed(2, 2, '3')],
      2,
    );
    const joined = joinTables(first, next);
    expect(gridOf(joined).map((r) => r.map((c) => c?.text))).toEqual([
      ['（三）不予公开', '8.属于行政查询事项', '5'],
      ['（四）无法\n提供', '1.本机关不掌握相关政府信\n息', '12'],
      ['（四）无法\n提供', '2.没有现成信息需要另行制作', '19'],
      ['（四）无法\n提供', '3.补正后申请内容仍不明确', '3'],
    ]);
    expect(cellWith(joined, '（四）无法提供')).toMatchObject({ row: 1, rowSpan: 3, page: 1 });
    expect(cellWith(joined, '19').page).toBe(2);
  });

  it('maps a continuation with fewer columns onto the wider grid as spans', () => {
    const first = part([boxed(0, 0, 'a'), boxed(0, 1, 'b'), boxed(0, 2, 'c')], 1);
    const next = part([boxed(0, 0, 'x'), boxed(0, 1, 'y', { colSpan: 2 })], 2);
    expect(continues(first, next, DEFAULT_STITCH_SETTINGS)).toBe(true);
    const joined = joinTables(first, next);
    expect(cellWith(joined, 'y')).toMatchObject({ row: 1, col: 1, colSpan: 2 });
  });
});

describe('stitchAcrossPages', () => {
  it('ignores page numbers between the parts and leaves tables separated by text alone', () => {
    const a = part([boxed(0, 0, 'a'), boxed(0, 1, '1')], 1);
    const b = part([boxed(0, 0, 'b'), boxed(0, 1, '2')], 2);
    const size = { width: 595, height: 842 };
    const pages = [
      page(1, [tableBlock(a), paragraph('- 1 -', { box: { x0: 280, y0: 800, x1: 300, y1: 810 } })], { size }),
      page(2, [tableBlock(b)], { size }),
    ];
    const stitched = stitchAcrossPages(pages);
    expect(stitched[1]!.blocks).toEqual([]);
    expect(tablesOf(stitched)[0]!.rows).toBe(2);
    const apart = [page(1, [tableBlock(a)], { size }), page(2, [paragraph('表二', { box: { x0: 70, y0: 300, x1: 120, y1: 312 } }), tableBlock(b)], { size })];
    expect(tablesOf(stitchAcrossPages(apart))).toHaveLength(2);
  });
});

describe('LibreOffice table crossing a page break', () => {
  it('drops the repeated header and rejoins the label cut between 无 and 法提供', async () => {
    const { pages } = await readLaidOut(`${FIXTURES}split-row-label-across-pages.pdf`);
    const tables = tablesOf(pages);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.pages).toEqual([1, 2]);
    expect([t.rows, t.cols]).toEqual([14, 4]);
    expect(t.cells.filter((c) => c.text === '项目')).toHaveLength(1);
    const cut = t.cells.find((c) => c.text.startsWith('（四）无'))!;
    expect(cut.text.split('\n')).toEqual(['（四）无', '法提供', '（说明：本行标签', '共有六行，', '用于检验跨页', '断行的拼接）']);
    expect(cut.page).toBe(1);
    expect(rowValues(t, cut.text, 1)).toEqual(['901', '902', '903']);
    expect(gridOf(t)[cut.row + 1]!.map((c) => c?.text.replace(/\s/g, ''))).toEqual(['第7项', '71', '72', '73']);
    expect(cellWith(t, '71').page).toBe(2);
    expect(t.quality.messages.map((m) => m.code)).toEqual(['table_split']);
  });
});

/** Hand-read from the PDFs (rendered pages): label → the seven values 自然人 … 总计. */
const EXPECTED_B = {
  hzq2023: {
    '一、本年新收政府信息公开申请数量': ['21', '0', '0', '0', '0', '0', '21'],
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': ['4', '0', '0', '0', '0', '0', '4'],
    '1.属于国家秘密': ['1', '0', '0', '0', '0', '0', '1'],
    '1.本机关不掌握相关政府信息': ['10', '0', '0', '0', '0', '0', '10'],
    '2.没有现成信息需要另行制作': ['3', '0', '0', '0', '0', '0', '3'],
    '3.补正后申请内容仍不明确': ['0', '0', '0', '0', '0', '0', '0'],
    '1.信访举报投诉类申请': ['1', '0', '0', '0', '0', '0', '1'],
    '（七）总计': ['21', '0', '0', '0', '0', '0', '21'],
  },
  hzq2024: {
    '一、本年新收政府信息公开申请数量': ['95', '0', '0', '0', '0', '0', '95'],
    '（一）予以公开': ['50', '0', '0', '0', '0', '0', '50'],
    '3.危及“三安全一稳定”': ['1', '0', '0', '0', '0', '0', '1'],
    '1.本机关不掌握相关政府信息': ['31', '0', '0', '0', '0', '0', '31'],
    '2.没有现成信息需要另行制作': ['1', '0', '0', '0', '0', '0', '1'],
    '（七）总计': ['95', '0', '0', '0', '0', '0', '95'],
  },
} as const;

describe.each(['hzq2023', 'hzq2024'] as const)('%s Table B stitched across pages 3 and 4', (name) => {
  const load = async (): Promise<Table> => tableWith(tablesOf((await readLaidOut(`${CORPUS}KIROGOVCOMPARE__${name}_working.pdf`)).pages), '申请人情况');

  it('is one table of 26 rows × 10 columns (3 label + 7 value columns) on pages 3–4', async () => {
    const t = await load();
    expect([t.rows, t.cols, t.method]).toEqual([26, 10, 'lattice']);
    expect(t.pages).toEqual([3, 4]);
    expect(t.quality.messages.map((m) => m.code)).toEqual(['table_split']);
  });

  it('has the header cells with their spans', async () => {
    const t = await load();
    expect(cellWith(t, B_HEADER)).toMatchObject({ row: 0, col: 0, rowSpan: 3, colSpan: 3 });
    expect(cellWith(t, '申请人情况')).toMatchObject({ row: 0, col: 3, rowSpan: 1, colSpan: 7 });
    expect(cellWith(t, '自然人')).toMatchObject({ row: 1, col: 3, rowSpan: 2, colSpan: 1 });
    expect(cellWith(t, '法人或其他组织')).toMatchObject({ row: 1, col: 4, rowSpan: 1, colSpan: 5 });
    expect(cellWith(t, '总计')).toMatchObject({ row: 1, col: 9, rowSpan: 2, colSpan: 1 });
    expect(gridOf(t)[2]!.slice(4, 9).map((c) => c!.text.replace(/\n/g, ''))).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });

  it('reads the vertical group label as one label spanning all 20 result rows, and rejoins (四) across the break', async () => {
    const t = await load();
    expect(cellWith(t, '三、本年度办理结果')).toMatchObject({ row: 5, col: 0, rowSpan: 20, colSpan: 1, page: 3 });
    expect(cellWith(t, '（四）无法提供')).toMatchObject({ col: 1, rowSpan: 3 });
    expect(cellWith(t, '3.补正后申请内容仍不明确').page).toBe(4);
    expect(cellWith(t, '四、结转下年度继续办理')).toMatchObject({ row: 25, col: 0, colSpan: 3 });
  });

  it('has the printed values on the right rows', async () => {
    const t = await load();
    for (const [label, values] of Object.entries(EXPECTED_B[name])) expect(rowValues(t, label, 3), label).toEqual(values);
  });
});

describe('report-2021.pdf Table B (LibreOffice splits the row 1.本机关不掌握相关政府信|息 across pages 2–3)', () => {
  it('rejoins the cut row label and the cut group label （四）无法|提供, keeping the values on their row', async () => {
    const t = tableWith(tablesOf((await readLaidOut('tests/fixtures/reports/report-2021.pdf')).pages), '申请人情况');
    expect(t.pages).toEqual([2, 3]);
    expect(rowValues(t, '1.本机关不掌握相关政府信息', 3)).toEqual(['12', '15', '18', '21', '1', '4', '71']);
    expect(cellWith(t, '（四）无法提供')).toMatchObject({ col: 1, rowSpan: 3, page: 2 });
    expect(rowValues(t, '2.没有现成信息需要另行制作', 1)[0]!.replace(/\s/g, '')).toBe('（四）无法提供');
    expect(cellWith(t, '三、本年度办理结果').rowSpan).toBe(22);
  });
});

describe('budget template 财政拨款收入支出决算总表 (pages 8–9)', () => {
  it('stitches without dropping its blank label rows and keeps the two-level header', async () => {
    const { pages } = await readLaidOut(`${CORPUS}GovBudgetChecker__部门决算模板.pdf`);
    const t = tableWith(tablesOf(pages), '国有资本经营预算财政拨款');
    expect(t.pages).toEqual([8, 9]);
    expect([t.rows, t.cols]).toEqual([32, 7]);
    expect(cellWith(t, '收入')).toMatchObject({ row: 0, col: 0, colSpan: 2 });
    expect(cellWith(t, '支出')).toMatchObject({ row: 0, col: 2, colSpan: 5 });
    expect(rowValues(t, '十六、金融支出', 0)).toEqual(['', '', '十六、金融支出', '', '', '', '']);
  });
});
