import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraph, tableBlock, type Block, type Document } from '../../src/extract/document.js';
import { extractDocument } from '../../src/extract/index.js';
import { alignByCount, alignByHeader, isLostCellWindow, onlyLastFilled, trimTrailingEmpty } from '../../src/report/align.js';
import { activeDisclosureEdition, detectLayouts, editionVotes, requestsLayout } from '../../src/report/detect-layout.js';
import { classifyRow, findTableRows } from '../../src/report/find-tables.js';
import { headerColumns, headerLookup } from '../../src/report/header-map.js';
import { recognizeTables } from '../../src/report/recognize.js';
import { isValueText, rowViewsOfBlocks, sectionOf, splitRow, type SlotCell } from '../../src/report/row-view.js';
import type { TableId } from '../../src/report/report.js';
import { buildTables } from '../../src/tables/index.js';
import { cell, table, type Cell } from '../../src/tables/table.js';
import { actualGrid, cellAt, expectTables, flaggedRows } from './cell-grid.js';

const slot = (text: string, col = 0): SlotCell => ({ text, col, colSpan: 1, page: null });
const slots = (...texts: string[]): SlotCell[] => texts.map((t, i) => slot(t, i));
const kinds = (a: ReturnType<typeof alignByCount>) => a.slots.map((s) => (s.kind === 'cell' ? s.cell.text || '∅' : s.kind));

/** A text-method table from rows of fields (as a dump gives them). */
const textTable = (...rows: string[][]): Block => tableBlock(table(rows.flatMap((r, i) => r.map((t, j) => cell(i, j, t))), 'text'));
const views = (...blocks: Block[]) => rowViewsOfBlocks(blocks);
const docOf = (...blocks: Block[]): Document => ({ format: 'docx', pages: [{ number: 1, words: [], rulings: [], blocks }], messages: [] });

describe('row view', () => {
  it('isValueText: numbers (with units), dashes and blanks are values; labels are not', () => {
    for (const v of ['0', ' 0 ', '１２', '1,234', '91.68 万元', '251000元', '+3', '—', '无', '']) expect(isValueText(v), v).toBe(true);
    for (const l of ['1. 属于国家秘密', '规章', '(七) 总计', '总计']) expect(isValueText(l), l).toBe(false);
  });

  it('splitRow: values are the cells after the last label left of the first value', () => {
    const { labels, values } = splitRow(slots('', '(三) 不予公开', '1. 属于国家秘密', '0', '', '5'));
    expect(labels.map((c) => c.text)).toEqual(['(三) 不予公开', '1. 属于国家秘密']);
    expect(values.map((c) => c.text)).toEqual(['0', '', '5']);
    expect(splitRow(slots('0', '', '1')).values).toHaveLength(3);
    expect(splitRow(slots('规禁止公开', '', '')).values.map((c) => c.text)).toEqual(['', '']);
  });

  it('sectionOf: headings only, not long sentences that mention a table', () => {
    expect(sectionOf('#### 四、政府信息公开行政复议、行政诉讼情况')).toBe('review_litigation');
    expect(sectionOf('二、主动公开政府信息情况')).toBe('active_disclosure');
    expect(sectionOf('本报告共分6个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况')).toBeNull();
  });
});

describe('alignByCount', () => {
  it('takes the last n after trimming trailing padding', () => {
    const a = alignByCount(slots('', '0', '1', '2', '3', '4', '5', '6', '', ''), 7, true);
    expect([kinds(a), a.misaligned, a.empty]).toEqual([['0', '1', '2', '3', '4', '5', '6'], false, false]);
  });

  it('right-aligns fewer values: leading slots missing, row misaligned', () => {
    const a = alignByCount(slots('1', '2', '3'), 5, true);
    expect([kinds(a), a.misaligned]).toEqual([['missing', 'missing', '1', '2', '3'], true]);
  });

  it('keeps the "only 总计 printed" pattern blank', () => {
    const a = alignByCount(slots('', '', '9'), 7, true);
    expect([kinds(a), a.misaligned]).toEqual([['blank', 'blank', 'blank', 'blank', '∅', '∅', '9'], false]);
  });

  it('reads a lone empty cell before n−1 values as a lost cell (seed 000 四、结转)', () => {
    expect(kinds(alignByCount(slots('', '', '0', '0', '0', '0', '0', '0', ''), 7, true))).toEqual(['missing', '0', '0', '0', '0', '0', '0']);
    expect(alignByCount(slots('', '', '0', '0', '0', '0', '0', '0'), 7, true).misaligned).toBe(true);
    expect(isLostCellWindow(slots('', '1', '2'))).toBe(false);
    expect(isLostCellWindow(slots('', '1', '2'), { lostCellMinRun: 2 })).toBe(true);
  });

  it('gives an empty dump row no value, and keeps trailing blanks of markup rows', () => {
    const dump = alignByCount(slots('', '', ''), 3, true);
    expect([kinds(dump), dump.empty]).toEqual([['missing', 'missing', 'missing'], true]);
    expect(kinds(alignByCount(slots('4', '', ''), 3, false))).toEqual(['4', '∅', '∅']);
    expect(trimTrailingEmpty(slots('1', ' ', '')).map((c) => c.text)).toEqual(['1']);
    expect(onlyLastFilled(slots('', '2'))).toBe(true);
    expect(onlyLastFilled(slots('1', '2'))).toBe(false);
  });
});

describe('alignByHeader', () => {
  it('places each cell by the column its header covers; a column no cell reaches is missing', () => {
    const a = alignByHeader([slot('5', 1), slot('7', 3)], 3, (c) => ({ 1: 0, 2: 1, 3: 2 })[c.col] ?? null);
    expect([kinds(a), a.misaligned]).toEqual([['5', 'missing', '7'], true]);
  });
});

describe('classifyRow', () => {
  const classify = (...cells: string[]) => classifyRow(views(textTable(cells))[0]!);

  it('tells block headers, header rows, data rows, groups and value rows apart', () => {
    expect(classify('第二十条第（五）项', '', '')).toEqual({ kind: 'block', table: 'active_disclosure', blockKey: 'art20_5' });
    expect(classify('信息内容', '本年制发件数', '本年度止件数')).toEqual({ kind: 'header', table: 'active_disclosure' });
    expect(classify('', '', '自然 人', '法人或其他组织', '', '总计')).toEqual({ kind: 'header', table: 'requests' });
    expect(classify('行政复议', '行政诉讼')).toEqual({ kind: 'header', table: 'review_litigation' });
    expect(classify('三、本年度办理结果', '(三)不予公开')).toEqual({ kind: 'group', table: 'requests' });
    expect(classify('0', '0')).toEqual({ kind: 'values' });
    expect(classify('本机关情况说明', '3')).toEqual({ kind: 'other', hasValues: true });
  });

  it('keys a data row by its sub-item wording, even with no numbers', () => {
    const row = classify('(五) 不予处理', '3.要求提供公开出版物', '0');
    expect(row).toMatchObject({ kind: 'data', table: 'requests', rowKey: 'result.not_processed.publication', how: 'exact' });
    expect(classify('3.其他', '', '')).toMatchObject({ kind: 'data', rowKey: 'result.other.other' });
    expect(classify('规禁止公开', '', '')).toMatchObject({ kind: 'data', rowKey: 'result.withheld.prohibited_by_law', how: 'distinctive' });
  });

  it('findTableRows: a label-less row is Table C data only in Table C context', () => {
    const rows = findTableRows(
      views(paragraph('二、主动公开政府信息情况'), textTable(['0', '0']), paragraph('四、政府信息公开行政复议、行政诉讼情况'), textTable(['0', '0'])),
    );
    expect(rows.map((r) => r.cls.kind)).toEqual(['values', 'flat']);
  });

  it('findTableRows: an empty data row after Table C header stands in for a blank Table C', () => {
    const header = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const rows = findTableRows(views(textTable(header, ['', '', '', '', ''])));
    expect(rows.map((r) => r.cls.kind)).toEqual(['header', 'flat']);
  });
});

describe('layout detection', () => {
  const rowsOf = (...cells: string[][]) => findTableRows(views(textTable(...cells)));

  it('requestsLayout: sub-items → 2021; a （六） leaf → 2019, or mixed beside 2021; else as Table A', () => {
    expect(requestsLayout('sub_items', '2019')).toBe('2021');
    expect(requestsLayout('leaf', '2021')).toBe('mixed');
    expect(requestsLayout('leaf', '2019')).toBe('2019');
    expect(requestsLayout('unknown', '2019')).toBe('2019');
  });

  it('editionVotes and Table A: markers decide; both editions present is flagged', () => {
    expect(editionVotes(['本年新制作数量', '本年增/减', '现行有效件数'])).toEqual({ '2019': 2, '2021': 1 });
    const mixed = rowsOf(['信息内容', '本年制发件数', '本年新公开数量']);
    expect(activeDisclosureEdition(mixed)).toEqual({ edition: '2021', mixed: true });
    expect(detectLayouts(mixed).messages.map((m) => m.code)).toEqual(['layout_mixed']);
    expect(activeDisclosureEdition(rowsOf(['政府集中采购', '1', '2']))).toEqual({ edition: '2019', mixed: false });
  });

  it('uses the year only when no table carries evidence; absent tables are absent', () => {
    const leafOnly = rowsOf(['(六) 其他处理', '0', '0', '0', '0', '0', '0', '0']);
    expect(detectLayouts(leafOnly, 2020).layouts).toEqual({ active_disclosure: 'absent', requests: '2019', review_litigation: 'absent' });
    expect(detectLayouts(leafOnly, 2023).layouts.requests).toBe('mixed');
    const withA = rowsOf(['信息内容', '本年新制作数量'], ['(六) 其他处理', '0', '0', '0', '0', '0', '0', '0']);
    expect(detectLayouts(withA, 2023).layouts).toEqual({ active_disclosure: '2019', requests: '2019', review_litigation: 'absent' });
  });
});

describe('recognizeTables without standard tables', () => {
  it('reports each missing table, with no cells', () => {
    const r = recognizeTables(docOf(paragraph('一、总体情况'), textTable(['项目', '金额'], ['基本支出', '12.5'])));
    expect(r.layouts).toEqual({ active_disclosure: 'absent', requests: 'absent', review_litigation: 'absent' });
    expect(r.cells).toEqual([]);
    expect(r.messages.map((m) => [m.code, m.where?.table])).toEqual([
      ['table_missing', 'active_disclosure'],
      ['table_missing', 'requests'],
      ['table_missing', 'review_litigation'],
    ]);
  });

  it('calls a pre-2019 report with its headings legacy', () => {
    const r = recognizeTables(docOf(paragraph('三、依申请公开政府信息情况'), paragraph('五、政府信息公开的收费及减免情况')));
    expect(r.layouts).toEqual({ active_disclosure: 'legacy', requests: 'legacy', review_litigation: 'legacy' });
    expect([r.cells, r.messages]).toEqual([[], []]);
  });
});

describe('header geometry (markup tables)', () => {
  /** Table B header of the official layout (3 label columns, 7 value columns) and one data row. */
  function requestsTable(values: readonly (readonly [number, string])[]): Block {
    const cells: Cell[] = [
      cell(0, 0, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rowSpan: 3, colSpan: 3 }),
      cell(0, 3, '申请人情况', { colSpan: 7 }),
      cell(1, 3, '自然人', { rowSpan: 2 }),
      cell(1, 4, '法人或其他组织', { colSpan: 5 }),
      cell(1, 9, '总计', { rowSpan: 2 }),
      ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t, i) => cell(2, 4 + i, t)),
      cell(3, 0, '一、本年新收政府信息公开申请数量', { colSpan: 3, page: 2 }),
      ...values.map(([col, text]) => cell(3, col, text, { page: 2 })),
    ];
    return tableBlock(table(cells, 'markup'));
  }

  it('maps grid columns to keys, lower header rows overriding their parents', () => {
    const rows = findTableRows(views(requestsTable([])));
    const header = headerColumns(rows.filter((r) => r.cls.kind === 'header'), 'requests');
    expect([...header.byCol.entries()].map(([c, s]) => `${c}:${s.key}`)).toEqual([
      '3:natural_person',
      '4:legal_person.commercial',
      '5:legal_person.research',
      '6:legal_person.public_interest',
      '7:legal_person.legal_services',
      '8:legal_person.other',
      '9:total',
    ]);
    expect(headerLookup(header, ['natural_person', 'nowhere'])).toBeNull();
  });

  it('places a markup row with a lost middle cell by geometry, not by count', () => {
    const block = requestsTable([[3, '11'], [4, '2'], [6, '3'], [7, '4'], [8, '5'], [9, '25']]);
    const r = recognizeTables(docOf(paragraph('三、收到和处理政府信息公开申请情况'), block));
    const row = actualGrid(r.cells, 'requests');
    expect(Object.entries(row).filter(([k]) => k.startsWith('new_received/'))).toEqual([
      ['new_received/natural_person', '11'],
      ['new_received/legal_person.commercial', '2'],
      ['new_received/legal_person.research', '?'],
      ['new_received/legal_person.public_interest', '3'],
      ['new_received/legal_person.legal_services', '4'],
      ['new_received/legal_person.other', '5'],
      ['new_received/total', '25'],
    ]);
    expect(flaggedRows(r.cells, 'requests', 'misaligned').rows).toEqual(['new_received']);
    expect(cellAt(r, 'requests', 'new_received', 'total').page).toBe(2);
    expect(r.layouts).toEqual({ active_disclosure: 'absent', requests: '2021', review_litigation: 'absent' });
    expect(r.messages.filter((m) => m.code === 'table_missing').map((m) => m.where?.table)).toEqual(['active_disclosure', 'review_litigation']);
  });
});

async function recognizeFile(path: string) {
  return recognizeTables(buildTables(await extractDocument(new Uint8Array(readFileSync(path)), path)));
}

describe('real documents', () => {
  it('the official template DOCX: all three tables, every key, every cell blank (2021)', async () => {
    const r = await recognizeFile('tests/fixtures/shared/corpus/govnianbao__政务公开年报模版.docx');
    expectTables(r, { active_disclosure: '2021', requests: '2021', review_litigation: '2021' }, {
      active_disclosure: { fill: '_' },
      requests: { fill: '_' },
      review_litigation: { fill: '_' },
    });
    expect(r.messages).toEqual([]);
  });

  it('平潭 2024 HTML: every number as printed', async () => {
    const r = await recognizeFile('tests/fixtures/shared/corpus/pingtan-gov-zwgk-archive__2024_report_body.transcribed.html');
    const z7 = '0 0 0 0 0 0 0';
    expectTables(r, { active_disclosure: '2021', requests: '2021', review_litigation: '2021' }, {
      active_disclosure: {
        fill: 'x',
        rows: {
          'art20_1.regulations': '0 0 0',
          'art20_1.normative_documents': '62 33 440',
          'art20_5.administrative_licensing': '4529',
          'art20_6.administrative_penalty': '1100',
          'art20_6.administrative_coercion': '65',
          'art20_8.administrative_fees': '18651.06',
        },
      },
      requests: {
        fill: '0',
        rows: {
          new_received: '217 1 0 0 0 0 218',
          carried_over: z7,
          'result.disclosed': '71 0 0 0 0 0 71',
          'result.partially_disclosed': '29 0 0 0 0 0 29',
          'result.withheld.state_secret': '4 0 0 0 0 0 4',
          'result.withheld.third_party_rights': '3 0 0 0 0 0 3',
          'result.withheld.internal_affairs': '32 0 0 0 0 0 32',
          'result.unable.not_held': '75 0 0 0 0 0 75',
          'result.not_processed.duplicate': '1 0 0 0 0 0 1',
          'result.other.no_correction': '1 0 0 0 0 0 1',
          'result.other.other': '1 1 0 0 0 0 2',
          'result.total': '217 1 0 0 0 0 218',
        },
      },
      review_litigation: { fill: 'x', rows: { review: '2 1 3 1 7', 'litigation.direct': '0 0 0 0 0', 'litigation.after_review': '13 2 4 0 19' } },
    });
    expect(cellAt(r, 'active_disclosure', 'art20_8.administrative_fees', 'fee_amount').unit).toBe('万元');
    expect(cellAt(r, 'requests', 'result.other.subtotal', 'total').value).toBe(3);
    expect(cellAt(r, 'review_litigation', 'litigation.all', 'total').value).toBe(19);
    expect(r.messages).toEqual([]);
  });
});

type FixtureCell = { table: TableId; rowKey: string; colKey: string; value: number | null; provenance: string; raw: string; unit: string };
type Fixture = { layouts: Record<TableId, string>; cells: FixtureCell[] };

describe('generated report fixtures (tests/fixtures/reports)', () => {
  const dir = 'tests/fixtures/reports';
  const files = readdirSync(dir);
  const cases = files
    .filter((f) => /\.(docx|html|pdf)$/.test(f))
    .map((f) => ({ file: f, expected: f.replace(/\.(docx|html|pdf)$/, '.expected.json') }))
    .filter((c) => files.includes(c.expected));

  it('cover DOCX, HTML and PDF', () => {
    expect(new Set(cases.map((c) => c.file.split('.').pop()))).toEqual(new Set(['docx', 'html', 'pdf']));
  });

  it.each(cases)('$file: every cell matches its expected value, provenance, unit and raw text', async ({ file, expected }) => {
    const exp = JSON.parse(readFileSync(join(dir, expected), 'utf8')) as Fixture;
    const r = await recognizeFile(join(dir, file));
    expect(r.layouts).toEqual(exp.layouts);
    const got = new Map(r.cells.map((c) => [`${c.table}/${c.rowKey}/${c.colKey}`, c]));
    const pick = (c: { value: number | null; provenance: string; unit: string | null; raw: string } | undefined) =>
      c === undefined ? 'absent' : `${c.value}|${c.provenance}|${c.unit}|${c.raw}`;
    const mismatches = exp.cells
      .map((e) => ({ id: `${e.table}/${e.rowKey}/${e.colKey}`, want: pick(e), got: pick(got.get(`${e.table}/${e.rowKey}/${e.colKey}`)) }))
      .filter((m) => m.want !== m.got);
    expect(mismatches).toEqual([]);
    expect(r.cells.filter((c) => c.provenance === 'missing')).toEqual([]);
  });
});
