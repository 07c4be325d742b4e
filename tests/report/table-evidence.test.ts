import { describe, expect, it } from 'vitest';
import { paragraph, tableBlock, type Block, type Document } from '../../src/extract/document.js';
import { findTableRows } from '../../src/report/find-tables.js';
import { recognizeTables } from '../../src/report/recognize.js';
import { rowViewsOfBlocks } from '../../src/report/row-view.js';
import { evidenceOf, isProven, keepProvenTables } from '../../src/report/table-evidence.js';
import { cell, table } from '../../src/tables/table.js';

const textTable = (...rows: string[][]): Block => tableBlock(table(rows.flatMap((r, i) => r.map((t, j) => cell(i, j, t))), 'text'));
const rowsOf = (...blocks: Block[]) => findTableRows(rowViewsOfBlocks(blocks));
const docOf = (...blocks: Block[]): Document => ({ format: 'docx', pages: [{ number: 1, words: [], rulings: [], blocks }], messages: [] });
const SEVEN = ['0', '0', '0', '0', '0', '0', '0'];

/** Rows as a 部门预算 PDF prints them: generic 合计 / 总计 labels and one 上年结转资金 row. */
const budgetTable = (): Block =>
  textTable(
    ['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
    ['合计', '1,234.50', '1,000.00', '234.50'],
    ['上年结转资金', '12.00'],
    ['总计', '总计'],
    ['总计', '1,246.50'],
  );

/** The end of a Table B cut at a page break: no header, no heading, four specific row labels and （七）总计. */
const tableBTail = (): Block =>
  textTable(
    ['4.无正当理由大量反复申请', ...SEVEN],
    ['5.要求行政机关确认或重新出具已获取信息', ...SEVEN],
    ['（六）其他处理', ...SEVEN],
    ['（七）总计', ...SEVEN],
    ['四、结转下年度继续办理', ...SEVEN],
  );

describe('table evidence', () => {
  it('a budget table: its 合计 / 总计 rows look like Table B, but only one specific label backs them', () => {
    const rows = rowsOf(paragraph('一、部门主要职能'), budgetTable());
    expect(rows.filter((r) => r.cls.kind !== 'other').map((r) => r.cls.kind)).toEqual(['data', 'data', 'data', 'header', 'data']);
    expect(evidenceOf(rows, 'requests')).toEqual({ heading: false, labels: ['row:carried_over'] });
    expect(isProven(evidenceOf(rows, 'requests'))).toBe(false);
    const kept = keepProvenTables(rows);
    expect(kept.map((r) => r.cls)).toEqual(rows.map((r) => ({ kind: 'other', hasValues: r.values.some((c) => c.text !== '') })));
  });

  it('a Table B tail without heading or header is proven by its distinct specific labels; （七）总计 does not count', () => {
    const rows = rowsOf(tableBTail());
    const e = evidenceOf(rows, 'requests');
    expect(e).toEqual({
      heading: false,
      labels: ['row:carried_forward', 'row:result.not_processed.confirm_or_reissue', 'row:result.not_processed.excessive', 'row:result.other.subtotal'],
    });
    expect(keepProvenTables(rows)).toEqual(rows);
  });

  it('the threshold is a setting: fewer distinct labels than minDistinctLabels reject the table', () => {
    const rows = rowsOf(tableBTail());
    expect(isProven(evidenceOf(rows, 'requests'), { minDistinctLabels: 4 })).toBe(true);
    expect(isProven(evidenceOf(rows, 'requests'), { minDistinctLabels: 5 })).toBe(false);
    expect(keepProvenTables(rows, { minDistinctLabels: 5 }).every((r) => r.cls.kind === 'other')).toBe(true);
  });

  it('the section heading alone proves a table, even with only generic labels under it', () => {
    const rows = rowsOf(paragraph('三、收到和处理政府信息公开申请情况'), textTable(['（七）总计', ...SEVEN]));
    expect(evidenceOf(rows, 'requests')).toEqual({ heading: true, labels: [] });
    expect(keepProvenTables(rows)).toEqual(rows);
  });

  it('recognizeTables: a document of budget tables has no standard table, no cell and no row warnings', () => {
    const r = recognizeTables(docOf(paragraph('一、部门主要职能'), budgetTable(), budgetTable()));
    expect(r.layouts).toEqual({ active_disclosure: 'absent', requests: 'absent', review_litigation: 'absent' });
    expect(r.cells).toEqual([]);
    expect(r.messages.map((m) => m.code)).toEqual(['table_missing', 'table_missing', 'table_missing']);
  });
});
