import { describe, expect, it } from 'vitest';
import { cellsToTables, edgesToIntersections, intersectionsToCells, placeCells } from '../../src/tables/lattice.js';
import { rulingsToEdges } from '../../src/tables/geometry.js';
import { findTables, layoutPdfPage } from '../../src/tables/find.js';
import { resolveTableSettings } from '../../src/tables/settings.js';
import { gridOf } from '../../src/tables/table.js';
import { page } from '../../src/extract/document.js';
import type { Ruling, Word } from '../../src/extract/document.js';
import { CORPUS, FIXTURES, cellWith, readLaidOut, rowValues, tableWith, tablesOf } from './pdf-fixtures.js';

const h = (y: number, x0: number, x1: number): Ruling => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Ruling => ({ x0: x, y0, x1: x, y1 });
const word = (text: string, x0: number, y0: number, x1: number, y1: number): Word => ({ text, box: { x0, y0, x1, y1 } });

describe('the lattice ladder on literal edges', () => {
  it('turns four edges into one cell', () => {
    const points = edgesToIntersections(rulingsToEdges([h(0, 0, 100), h(50, 0, 100), v(0, 0, 50), v(100, 0, 50)]), 1, 1);
    expect(points).toHaveLength(4);
    expect(intersectionsToCells(points)).toEqual([{ x0: 0, y0: 0, x1: 100, y1: 50 }]);
  });

  it('reads a missing inner line as a merged cell with a span', () => {
    // 2 × 2 grid; the vertical line at x = 50 stops at y = 20: the top row is one cell over both columns.
    const rulings = [h(0, 0, 100), h(20, 0, 100), h(40, 0, 100), v(0, 0, 40), v(100, 0, 40), v(50, 20, 40)];
    const boxes = intersectionsToCells(edgesToIntersections(rulingsToEdges(rulings), 1, 1));
    const grid = placeCells(boxes, 1);
    expect(grid.xs).toEqual([0, 50, 100]);
    expect(grid.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 2],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
    ]);
  });

  it('keeps two grids that share no corner as two tables', () => {
    const a = [h(0, 0, 50), h(10, 0, 50), v(0, 0, 10), v(50, 0, 10)];
    const b = [h(100, 0, 50), h(110, 0, 50), v(0, 100, 110), v(50, 100, 110)];
    const boxes = intersectionsToCells(edgesToIntersections(rulingsToEdges([...a, ...b]), 1, 1));
    expect(cellsToTables(boxes)).toHaveLength(2);
  });

  it('puts words into cells by midpoint, joins wrapped lines and reads one-character lines as one label', () => {
    const rulings = [h(0, 0, 200), h(100, 0, 200), v(0, 0, 100), v(40, 0, 100), v(200, 0, 100)];
    const words = [
      word('三', 15, 10, 25, 20), word('、', 15, 22, 25, 32), word('本', 15, 34, 25, 44),
      word('第一行', 50, 10, 80, 20), word('第二行', 50, 25, 80, 35),
    ];
    const found = findTables(page(1, [], { words, rulings }), resolveTableSettings({ minCells: 1 }));
    const t = found.tables[0]!.table;
    expect(gridOf(t)[0]!.map((c) => c?.text)).toEqual(['三、本', '第一行\n第二行']);
  });

  it('closes a grid the page break left open at the bottom', () => {
    const rulings = [h(0, 0, 100), h(20, 0, 100), v(0, 0, 40), v(50, 0, 40), v(100, 0, 40)];
    const words = [word('甲', 5, 25, 15, 35), word('1', 60, 25, 65, 35)];
    const t = findTables(page(1, [], { words, rulings })).tables[0]!.table;
    expect([t.rows, t.cols]).toEqual([2, 2]);
    expect(gridOf(t)[1]!.map((c) => c?.text)).toEqual(['甲', '1']);
    const open = findTables(page(1, [], { words, rulings }), resolveTableSettings({ openEndMinEdges: 0 })).tables[0]!.table;
    expect(open.rows).toBe(1);
  });
});

describe('Table C of the hzq reports (15 numbers under a three-level header)', () => {
  it.each([
    ['hzq2023', ['10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0']],
    ['hzq2024', ['1', '1', '0', '0', '2', '1', '0', '0', '0', '1', '2', '0', '1', '0', '3']],
  ])('%s: the numbers in order and the header spans', async (name, numbers) => {
    const { pages } = await readLaidOut(`${CORPUS}KIROGOVCOMPARE__${name}_working.pdf`);
    const t = tableWith(tablesOf(pages), '未经复议直接起诉');
    expect([t.rows, t.cols, t.pages]).toEqual([4, 15, [4]]);
    expect(gridOf(t)[3]!.map((c) => c?.text)).toEqual(numbers);
    expect(cellWith(t, '行政复议')).toMatchObject({ row: 0, col: 0, colSpan: 5 });
    expect(cellWith(t, '未经复议直接起诉')).toMatchObject({ row: 1, col: 5, colSpan: 5 });
    expect(cellWith(t, '复议后起诉')).toMatchObject({ row: 1, col: 10, colSpan: 5 });
    expect(gridOf(t)[1]!.slice(0, 5).map((c) => [c?.text.replace(/\s/g, ''), c?.rowSpan])).toEqual([
      ['结果维持', 2], ['结果纠正', 2], ['其他结果', 2], ['尚未审结', 2], ['总计', 2],
    ]);
    // 2023 prints 行政诉讼 over all ten columns; 2024 draws a rule inside it, and the grid keeps what is drawn.
    expect(cellWith(t, '行政诉讼')).toMatchObject(name === 'hzq2023' ? { col: 5, colSpan: 10 } : { col: 8, colSpan: 7 });
  });

  it('keeps Table A in one piece across its page break (the continuation has fewer columns)', async () => {
    const { pages } = await readLaidOut(`${CORPUS}KIROGOVCOMPARE__hzq2023_working.pdf`);
    const t = tableWith(tablesOf(pages), '第二十条第（一）项');
    expect([t.cols, t.pages]).toEqual([4, [2, 3]]);
    expect(rowValues(t, '行政规范性文件', 1)).toEqual(['0', '5', '5']);
    expect(cellWith(t, '4119')).toMatchObject({ col: 1, colSpan: 3, page: 3 });
    expect(rowValues(t, '行政事业性收费', 1)).toEqual(['7730.28', '7730.28', '7730.28']);
  });
});

describe('budget template 收入决算表 (page 6, landscape)', () => {
  it('has the two-level header with its spans', async () => {
    const { pages } = await readLaidOut(`${CORPUS}GovBudgetChecker__部门决算模板.pdf`);
    const t = tableWith(tablesOf(pages), '附属单位上缴收入');
    expect([t.rows, t.cols, t.pages]).toEqual([10, 9, [6]]);
    expect(cellWith(t, '项目')).toMatchObject({ row: 0, col: 0, rowSpan: 1, colSpan: 2 });
    expect(cellWith(t, '功能分类科目编码')).toMatchObject({ row: 1, col: 0, rowSpan: 1, colSpan: 1 });
    expect(cellWith(t, '科目名称')).toMatchObject({ row: 1, col: 1 });
    for (const label of ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']) {
      expect(cellWith(t, label), label).toMatchObject({ row: 0, rowSpan: 2, colSpan: 1 });
    }
    expect(cellWith(t, '合计')).toMatchObject({ row: 2, col: 0, colSpan: 2 });
    expect(rowValues(t, '教育支出', 0).slice(0, 3)).toEqual(['205', '教育支出', '']);
  });
});

describe('LibreOffice fixtures', () => {
  it('finds two tables on one page, in reading order with the text between them', async () => {
    const { pages } = await readLaidOut(`${FIXTURES}two-tables.pdf`);
    expect(pages[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph', 'table']);
    const [first, second] = tablesOf(pages);
    expect(gridOf(first!).map((r) => r.map((c) => c?.text))).toEqual([
      ['名称', '数量', '单位'],
      ['苹果', '12', '箱'],
      ['梨', '7', '箱'],
    ]);
    expect(cellWith(second!, '类别')).toMatchObject({ rowSpan: 2, colSpan: 1 });
    expect(cellWith(second!, '收入')).toMatchObject({ row: 0, col: 1, colSpan: 2 });
    expect(rowValues(second!, '其他', 1)).toEqual(['601', '602', '603']);
  });

  it.each(['landscape.pdf', 'landscape-rotated.pdf'])('reads the wide table of %s upright', async (file) => {
    const { doc, pages } = await readLaidOut(`${FIXTURES}${file}`);
    expect(doc.pages[0]!.size!.width).toBeGreaterThan(doc.pages[0]!.size!.height);
    const t = tableWith(tablesOf(pages), '地区');
    expect([t.rows, t.cols]).toEqual([4, 8]);
    expect(gridOf(t)[0]!.map((c) => c?.text)).toEqual(['地区', '一月', '二月', '三月', '四月', '五月', '六月', '合计']);
    expect(rowValues(t, '南区', 1)).toEqual(['301', '302', '303', '304', '305', '306', '1821']);
  });

  it('lays out a page: paragraphs and tables by their tops, no word lost or doubled', async () => {
    const { doc } = await readLaidOut(`${FIXTURES}two-tables.pdf`);
    const laid = layoutPdfPage(doc.pages[0]!);
    const text = laid.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.table.cells.map((c) => c.text).join(''))).join('');
    const squeeze = (s: string): string => s.replace(/\s+/g, '');
    expect(squeeze(text).length).toBe(squeeze(doc.pages[0]!.words.map((w) => w.text).join('')).length);
  });
});
