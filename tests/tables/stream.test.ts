import { describe, expect, it } from 'vitest';
import { columnBands, findRowRuns, lineToSegments, streamTables } from '../../src/tables/stream.js';
import { groupLines } from '../../src/tables/lines.js';
import { DEFAULT_TABLE_SETTINGS } from '../../src/tables/settings.js';
import { gridOf } from '../../src/tables/table.js';
import type { Word } from '../../src/extract/document.js';
import { FIXTURES, readLaidOut, rowValues, tableWith, tablesOf } from './pdf-fixtures.js';

/** A 10-pt-high word at (x, y) whose width is 10 pt per character. */
const word = (text: string, x: number, y: number): Word => ({ text, box: { x0: x, y0: y, x1: x + 10 * [...text].length, y1: y + 10 } });

function rowsOf(words: Word[]) {
  return groupLines(words, 0.5).map((line) => ({ line, segments: lineToSegments(line, DEFAULT_TABLE_SETTINGS.streamColumnGap) }));
}

describe('stream steps', () => {
  it('splits a line into cells at wide gaps only', () => {
    const [line] = groupLines([word('项目', 0, 0), word('名称', 22, 0), word('12', 100, 0)], 0.5);
    expect(lineToSegments(line!, 1.2).map((s) => s.words.map((w) => w.text).join(''))).toEqual(['项目名称', '12']);
  });

  it('finds a run of multi-cell rows and takes the columns from the usual rows', () => {
    const words = [
      word('本段是正文，没有列。', 0, 0),
      word('项目', 0, 20), word('2023年合计金额', 100, 20),
      word('甲', 0, 35), word('1', 100, 35), word('2', 160, 35),
      word('乙', 0, 50), word('3', 100, 50), word('4', 160, 50),
      word('丙', 0, 65), word('5', 100, 65), word('6', 160, 65),
    ];
    const runs = findRowRuns(rowsOf(words), DEFAULT_TABLE_SETTINGS);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.length).toBe(4);
    expect(columnBands(runs[0]!)).toEqual([{ x0: 0, x1: 10 }, { x0: 100, x1: 110 }, { x0: 160, x1: 170 }]);
    const t = streamTables(words, 1, DEFAULT_TABLE_SETTINGS)[0]!.table;
    expect(t.method).toBe('stream');
    expect(t.cells[1]).toMatchObject({ text: '2023年合计金额', col: 1, colSpan: 2 });
    expect(gridOf(t)[2]!.map((c) => c?.text)).toEqual(['乙', '3', '4']);
  });

  it('finds nothing in body text', () => {
    const words = [word('第一段正文，一整行文字。', 0, 0), word('第二段正文，一整行文字。', 0, 15), word('第三行。', 0, 30)];
    expect(streamTables(words, 1, DEFAULT_TABLE_SETTINGS)).toEqual([]);
  });
});

describe('borderless LibreOffice table', () => {
  it('comes out as a stream table with its columns and right-aligned numbers', async () => {
    const { pages } = await readLaidOut(`${FIXTURES}borderless.pdf`);
    expect(pages[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const t = tableWith(tablesOf(pages), '一般公共预算');
    expect([t.method, t.rows, t.cols]).toEqual(['stream', 5, 4]);
    expect(rowValues(t, '政府性基金', 1)).toEqual(['300.00', '280.00', '-20.00']);
    expect(rowValues(t, '合计', 0)).toEqual(['合计', '1545.60', '1680.45', '134.85']);
    expect(gridOf(t)[0]!.map((c) => c!.text.replace(/\s/g, ''))).toEqual(['项目', '2022年', '2023年', '增减']);
  });
});
