import { describe, expect, it } from 'vitest';
import { cell, gridOf, table, type Cell, type Table } from '../../src/tables/table.js';
import {
  detectHeaderRows,
  flattenHeader,
  genericTables,
  resolveHeaderSettings,
  uniqueNames,
  columnName,
  mergeSplitParents,
  leavesInFirstBodyRow,
  placeableHeaderRows,
} from '../../src/tables/header.js';
import { closeSpans, countCaptionRows, firstRowSpanningPast, firstValueRow } from '../../src/tables/header-rows.js';
import { cleanLabel, isNumberText } from '../../src/tables/cell-text.js';
import { SettingsError } from '../../src/errors.js';
import { spannedNames } from './generic-expected.js';
import { page, paragraph, tableBlock, type Document } from '../../src/extract/document.js';

const span = (row: number, col: number, text: string, rowSpan: number, colSpan: number): Cell =>
  cell(row, col, text, { rowSpan, colSpan });

/** One body row of label cells at cols [0, labels.length) followed by value cells. */
const bodyRow = (row: number, labels: readonly Cell[], values: readonly string[], firstValueCol: number): Cell[] => [
  ...labels,
  ...values.map((v, i) => cell(row, firstValueCol + i, v)),
];

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const APPLICANTS = ['自然人', '法人或其他组织', '总计'];

/** Table B's three header rows, as in the 2021 template (cells stored once, with spans). */
function requestsHeader(): Cell[] {
  return [
    span(0, 0, NOTE, 3, 3),
    span(0, 3, '申请人情况', 1, 7),
    span(1, 3, APPLICANTS[0]!, 2, 1),
    span(1, 4, APPLICANTS[1]!, 1, 5),
    span(1, 9, APPLICANTS[2]!, 2, 1),
    cell(2, 4, '商业\n企业'),
    cell(2, 5, '科研\n机构'),
    cell(2, 6, '社会\n公益\n组织'),
    cell(2, 7, '法律\u3000服务机构'),
    cell(2, 8, '其他'),
  ];
}

/** Table B's header plus its first body rows; `v` gives the seven value texts of each body row. */
function requestsTable(v: (row: number) => string[]): Table {
  return table(
    [
      ...requestsHeader(),
      ...bodyRow(3, [span(3, 0, '一、本年新收政府信息公开申请数量', 1, 3)], v(3), 3),
      ...bodyRow(4, [span(4, 0, '二、上年结转政府信息公开申请数量', 1, 3)], v(4), 3),
      ...bodyRow(5, [span(5, 0, '三、本年度\n办理结果', 3, 1), span(5, 1, '（一）予以公开', 1, 2)], v(5), 3),
      ...bodyRow(6, [span(6, 1, '（三）不予公开', 2, 1), cell(6, 2, '1.属于国家秘密')], v(6), 3),
      ...bodyRow(7, [cell(7, 2, '2.其他法律行政法规禁止公开')], v(7), 3),
    ],
    'markup',
  );
}

const REQUESTS_NAMES = [
  ...spannedNames(NOTE, 3),
  '申请人情况/自然人',
  '申请人情况/法人或其他组织/商业企业',
  '申请人情况/法人或其他组织/科研机构',
  '申请人情况/法人或其他组织/社会公益组织',
  '申请人情况/法人或其他组织/法律服务机构',
  '申请人情况/法人或其他组织/其他',
  '申请人情况/总计',
];

/** Table C: two header levels over 15 value columns, one data row. */
function reviewLitigationTable(values: readonly string[]): Table {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return table(
    [
      span(0, 0, '行政复议', 1, 5),
      span(0, 5, '行政诉讼', 1, 10),
      ...results.map((r, i) => span(1, i, r, 2, 1)),
      span(1, 5, '未经复议直接起诉', 1, 5),
      span(1, 10, '复议后起诉', 1, 5),
      ...results.map((r, i) => cell(2, 5 + i, r)),
      ...results.map((r, i) => cell(2, 10 + i, r)),
      ...values.map((v, i) => cell(3, i, v)),
    ],
    'markup',
  );
}

describe('cleanLabel', () => {
  it('removes line breaks and padding inside Chinese labels but keeps a space between Latin words', () => {
    expect(cleanLabel('商业\n企业')).toBe('商业企业');
    expect(cleanLabel(' 法律\u3000服务\u00a0机构 ')).toBe('法律服务机构');
    expect(cleanLabel('Total   amount\n(2024)')).toBe('Total amount(2024)');
    expect(cleanLabel('1 234')).toBe('1 234');
  });

  it('reads printed numbers, full-width and bracketed ones included, but not labels with digits', () => {
    for (const n of ['0', '1,234.56', '１２３', '-5', '(12.5)', '98.5%', '+3']) expect(isNumberText(n), n).toBe(true);
    for (const s of ['2024年', '一、', '1.属于国家秘密', '', '—']) expect(isNumberText(s), s).toBe(false);
  });
});

describe('detectHeaderRows steps', () => {
  it('counts full-width title rows as captions, but never the last row', () => {
    const t = table([span(0, 0, '财政拨款“三公”经费', 1, 2), cell(1, 0, '合计'), cell(1, 1, '小计'), cell(2, 0, '1'), cell(2, 1, '2')], 'lattice');
    expect(countCaptionRows(t, gridOf(t))).toBe(1);
    const single = table([span(0, 0, 'only', 1, 2)], 'lattice');
    expect(countCaptionRows(single, gridOf(single))).toBe(0);
  });

  it('finds the first row whose cells are mostly values, not counting a blank corner', () => {
    const t = table(
      [cell(0, 0, ''), cell(0, 1, '金额'), cell(1, 0, '收入'), cell(1, 1, '12.5'), cell(2, 0, '支出'), cell(2, 1, '')],
      'lattice',
    );
    expect(firstValueRow(t, 0, 0.5)).toBe(1);
    expect(firstValueRow(t, 0, 1)).toBeUndefined();
    const labelsOnly = table([cell(0, 0, '序号'), cell(0, 1, '名称'), cell(1, 0, '1'), cell(1, 1, '关于印发')], 'lattice');
    expect(firstValueRow(labelsOnly, 0, 0.6)).toBeUndefined();
    expect(firstValueRow(labelsOnly, 0, 0.5)).toBe(1);
  });

  it('cuts the header where a lower row opens a span into the body, and closes spans the header opened', () => {
    const t = table(
      [span(0, 0, '项目', 2, 1), cell(0, 1, '金额'), cell(1, 1, '万元'), span(2, 0, '三、办理结果', 3, 1), cell(2, 1, 'x')],
      'markup',
    );
    expect(firstRowSpanningPast(t, 1, 3)).toBe(2);
    expect(firstRowSpanningPast(t, 1, 2)).toBeUndefined();
    expect(closeSpans(t, 0, 1)).toBe(2);
    expect(closeSpans(t, 2, 3)).toBe(5);
  });

  it('rejects settings out of range', () => {
    expect(() => resolveHeaderSettings({ valueRowShare: 0 })).toThrow(SettingsError);
    expect(resolveHeaderSettings({ valueRowShare: 0.75 }).valueRowShare).toBe(0.75);
  });
});

describe('detectHeaderRows on whole tables', () => {
  it('ends Table B header at the first numeric row', () => {
    const t = requestsTable(() => ['217', '1', '0', '0', '0', '0', '218']);
    expect(detectHeaderRows(t)).toEqual({ start: 0, end: 3, rule: 'value_row' });
  });

  it('ends an empty template header at the first row of blank value cells', () => {
    expect(detectHeaderRows(requestsTable(() => Array<string>(7).fill('')))).toEqual({ start: 0, end: 3, rule: 'value_row' });
    expect(detectHeaderRows(reviewLitigationTable(Array<string>(15).fill('\u3000')))).toEqual({ start: 0, end: 3, rule: 'value_row' });
  });

  it('ends the header at a row-group label whose span crosses into the body', () => {
    // The group label row itself holds only labels; its numbers start one row lower.
    const t = table(
      [
        cell(0, 0, '项目'), cell(0, 1, '金额'),
        span(1, 0, '三、本年度办理结果', 3, 1), cell(1, 1, '（一）予以公开'),
        cell(2, 1, '5'), cell(3, 1, '6'),
      ],
      'markup',
    );
    expect(detectHeaderRows(t)).toEqual({ start: 0, end: 1, rule: 'span_into_body' });
  });

  it('falls back to the span structure when no row reads as values', () => {
    const t = table(
      [
        span(0, 0, '文件', 1, 2), span(0, 2, '备注', 2, 1),
        cell(1, 0, '名称'), cell(1, 1, '文号'),
        cell(2, 0, '关于印发通知'), cell(2, 1, '沪府发'), cell(2, 2, '已废止'),
        cell(3, 0, '关于公布目录'), cell(3, 1, '沪府办'), cell(3, 2, '有效'),
      ],
      'lattice',
    );
    expect(detectHeaderRows(t)).toEqual({ start: 0, end: 2, rule: 'span_structure' });
  });

  it('treats a table that starts with values as headerless', () => {
    const t = table([cell(0, 0, '1'), cell(0, 1, '2'), cell(1, 0, '3'), cell(1, 1, '4')], 'stream');
    const flat = flattenHeader(t);
    expect(flat.headerRows).toEqual({ start: 0, end: 0, rule: 'value_row' });
    expect(flat.header).toEqual(['col_1', 'col_2']);
    expect(flat.rows).toEqual([['1', '2'], ['3', '4']]);
  });
});

describe('flattenHeader', () => {
  it('names Table B columns parent first, without repeating merged cells, and lists body rows per grid column', () => {
    const flat = flattenHeader(requestsTable((r) => ['1', '2', '3', '4', '5', '6', String(r)]));
    expect(flat.header).toEqual(REQUESTS_NAMES);
    expect(flat.caption).toBe('');
    expect(flat.rows).toEqual([
      ['一、本年新收政府信息公开申请数量', '', '', '1', '2', '3', '4', '5', '6', '3'],
      ['二、上年结转政府信息公开申请数量', '', '', '1', '2', '3', '4', '5', '6', '4'],
      ['三、本年度办理结果', '（一）予以公开', '', '1', '2', '3', '4', '5', '6', '5'],
      ['', '（三）不予公开', '1.属于国家秘密', '1', '2', '3', '4', '5', '6', '6'],
      ['', '', '2.其他法律行政法规禁止公开', '1', '2', '3', '4', '5', '6', '7'],
    ]);
  });

  it('names the 15 columns of Table C', () => {
    const flat = flattenHeader(reviewLitigationTable(Array.from({ length: 15 }, (_, i) => String(i))));
    expect(flat.header).toEqual([
      '行政复议/结果维持', '行政复议/结果纠正', '行政复议/其他结果', '行政复议/尚未审结', '行政复议/总计',
      '行政诉讼/未经复议直接起诉/结果维持', '行政诉讼/未经复议直接起诉/结果纠正', '行政诉讼/未经复议直接起诉/其他结果',
      '行政诉讼/未经复议直接起诉/尚未审结', '行政诉讼/未经复议直接起诉/总计',
      '行政诉讼/复议后起诉/结果维持', '行政诉讼/复议后起诉/结果纠正', '行政诉讼/复议后起诉/其他结果',
      '行政诉讼/复议后起诉/尚未审结', '行政诉讼/复议后起诉/总计',
    ]);
    expect(flat.rows).toEqual([Array.from({ length: 15 }, (_, i) => String(i))]);
  });

  it('keeps a whole-width title out of the names and reports it as the caption', () => {
    const t = table(
      [
        span(0, 0, '财政拨款“三公”经费', 1, 4),
        span(1, 0, '合计', 1, 2), span(1, 2, '公务接待费', 1, 2),
        cell(2, 0, '预算数'), cell(2, 1, '决算数'), cell(2, 2, '预算数'), cell(2, 3, '决算数'),
        cell(3, 0, '10.00'), cell(3, 1, '8.50'), cell(3, 2, ''), cell(3, 3, '—'),
      ],
      'lattice',
    );
    const flat = flattenHeader(t);
    expect(flat.caption).toBe('财政拨款“三公”经费');
    expect(flat.header).toEqual(['合计/预算数', '合计/决算数', '公务接待费/预算数', '公务接待费/决算数']);
    expect(flat.rows).toEqual([['10.00', '8.50', '', '—']]);
  });

  it('names an empty stub column col_<n> and suffixes duplicate names', () => {
    const t = table(
      [cell(0, 0, ''), cell(0, 1, '总计'), cell(0, 2, '总计'), cell(1, 0, '合计'), cell(1, 1, '1'), cell(1, 2, '2')],
      'lattice',
    );
    expect(flattenHeader(t).header).toEqual(['col_1', '总计', '总计 (2)']);
    expect(uniqueNames(['a', 'a', 'a (2)', 'a'])).toEqual(['a', 'a (2)', 'a (2) (2)', 'a (3)']);
  });

  it('skips empty header cells and a label repeated just below itself', () => {
    const t = table(
      [cell(0, 0, '收入'), cell(1, 0, ''), cell(2, 0, '收入'), cell(3, 0, '项目'), cell(0, 1, 'x'), cell(1, 1, 'y'), cell(2, 1, 'z'), cell(3, 1, 'w')],
      'lattice',
    );
    expect(columnName(gridOf(t), { start: 0, end: 4, rule: 'value_row' }, 0)).toBe('收入/项目');
  });
});

describe('header repairs', () => {
  it('merges an empty piece of a parent cut by a stray ruling into its labelled neighbour', () => {
    // "行政诉讼" drawn as an empty box over cols 1-2 and a labelled one over 3-4; "未经复议直接起诉" straddles both.
    const t = table(
      [
        span(0, 0, '行政复议', 2, 1), span(0, 1, '', 1, 2), span(0, 3, '行政诉讼', 1, 2),
        span(1, 1, '未经复议直接起诉', 1, 3), cell(1, 4, '复议后起诉'),
        cell(2, 0, '1'), cell(2, 1, '2'), cell(2, 2, '3'), cell(2, 3, '4'), cell(2, 4, '5'),
      ],
      'lattice',
    );
    const rows = detectHeaderRows(t);
    expect(mergeSplitParents(gridOf(t), rows)[0]?.map((c) => c?.text)).toEqual(['行政复议', '行政诉讼', '行政诉讼', '行政诉讼', '行政诉讼']);
    expect(flattenHeader(t).header).toEqual([
      '行政复议', '行政诉讼/未经复议直接起诉', '行政诉讼/未经复议直接起诉 (2)', '行政诉讼/未经复议直接起诉 (3)', '行政诉讼/复议后起诉',
    ]);
  });

  it('leaves an empty header cell alone when no child reaches a labelled neighbour', () => {
    const t = table([cell(0, 0, ''), cell(0, 1, '金额'), cell(1, 0, '项目'), cell(1, 1, '万元'), cell(2, 0, '合计'), cell(2, 1, '5')], 'lattice');
    expect(flattenHeader(t).header).toEqual(['项目', '金额/万元']);
  });

  it('takes header leaves printed in the first body row under a multi-column header cell', () => {
    // 决算 PDFs draw "类 | 款 | 项" in the row of the 合计 line, under "科目编码" spanning three columns.
    const values = (row: number, texts: readonly string[]): Cell[] => texts.map((v, i) => cell(row, 4 + i, v));
    const t = table(
      [
        span(0, 0, '科目编码', 1, 3), cell(0, 3, '科目名称'), cell(0, 4, '合计'), cell(0, 5, '财政拨款'), cell(0, 6, '事业收入'), cell(0, 7, '其他'),
        cell(1, 0, '类'), cell(1, 1, '款'), cell(1, 2, '项'), cell(1, 3, '合计'), ...values(1, ['2,946.25', '2,940.05', '', '6.20']),
        cell(2, 0, '201'), cell(2, 1, ''), cell(2, 2, ''), cell(2, 3, '一般公共服务支出'), ...values(2, ['2,112.86', '2,106.66', '', '6.20']),
      ],
      'lattice',
    );
    const rows = detectHeaderRows(t);
    expect(rows).toEqual({ start: 0, end: 1, rule: 'value_row' });
    expect(leavesInFirstBodyRow(gridOf(t), rows)).toEqual(['类', '款', '项']);
    const flat = flattenHeader(t);
    expect(flat.header).toEqual(['科目编码/类', '科目编码/款', '科目编码/项', '科目名称', '合计', '财政拨款', '事业收入', '其他']);
    expect(flat.rows[0]).toEqual(['类', '款', '项', '合计', '2,946.25', '2,940.05', '', '6.20']);
  });

  it('takes no leaves when the first body row under a spanned header holds codes', () => {
    const t = table(
      [span(0, 0, '科目编码', 1, 2), cell(0, 2, '金额'), cell(1, 0, '201'), cell(1, 1, '06'), cell(1, 2, '5')],
      'lattice',
    );
    expect(flattenHeader(t).header).toEqual(['科目编码', '科目编码 (2)', '金额']);
  });

  it('keeps a row of empty boxes between header levels in the header', () => {
    const t = table(
      [
        span(0, 0, '合计', 1, 2), span(0, 2, '公务接待费', 1, 2),
        cell(1, 0, ''), cell(1, 1, ''), cell(1, 2, ''), cell(1, 3, ''),
        cell(2, 0, '预算数'), cell(2, 1, '决算数'), cell(2, 2, '预算数'), cell(2, 3, '决算数'),
        cell(3, 0, '0.95'), cell(3, 1, ''), cell(3, 2, '0.95'), cell(3, 3, ''),
      ],
      'lattice',
    );
    expect(detectHeaderRows(t)).toEqual({ start: 0, end: 3, rule: 'value_row' });
    expect(flattenHeader(t).header).toEqual(['合计/预算数', '合计/决算数', '公务接待费/预算数', '公务接待费/决算数']);
  });

  it('leaves short header rows of text tables out of the names, but keeps them in lattice tables', () => {
    const cells = [
      cell(0, 0, '行政复议'), cell(0, 1, '行政诉讼'),
      cell(1, 0, '结果维持'), cell(1, 1, '总计'), cell(1, 2, '结果维持'),
      cell(2, 0, '1'), cell(2, 1, '2'), cell(2, 2, '3'),
    ];
    const text = table(cells, 'text');
    expect(placeableHeaderRows(text, gridOf(text), detectHeaderRows(text))[0]).toEqual([null, null, null]);
    expect(flattenHeader(text).header).toEqual(['结果维持', '总计', '结果维持 (2)']);
    expect(flattenHeader(table(cells, 'lattice')).header).toEqual(['行政复议/结果维持', '行政诉讼/总计', '结果维持']);
  });
});

describe('genericTables', () => {
  it('lists every table block in reading order with its index, pages and method', () => {
    const a = table([cell(0, 0, '项目'), cell(0, 1, '金额'), cell(1, 0, '合计'), cell(1, 1, '3')], 'lattice', { pages: [2, 3] });
    const b = reviewLitigationTable(Array<string>(15).fill('0'));
    const doc: Document = {
      format: 'pdf',
      messages: [],
      pages: [page(1, [paragraph('一、总体情况'), tableBlock(a)]), page(2, [paragraph('四、'), tableBlock(b)])],
    };
    const generic = genericTables(doc);
    expect(generic.map((g) => [g.index, g.pages, g.method, g.header.length, g.rows.length])).toEqual([
      [0, [2, 3], 'lattice', 2, 1],
      [1, [], 'markup', 15, 1],
    ]);
    expect(generic[0]?.header).toEqual(['项目', '金额']);
    expect(generic[0]?.rows).toEqual([['合计', '3']]);
  });
});
