/**
 * End to end on two real WPS PDFs: ../shared/corpus/KIROGOVCOMPARE__hzq2023_working.pdf and …hzq2024_working.pdf
 * (洪泽区人民政府, 2023 and 2024). Every expected value and page below was read by eye from the rendered pages
 * (pdftoppm -r 70/130), not from nianbao's output. Both reports print （六）其他处理 as one leaf row with the
 * 2021 Table A, so Table B is 'mixed' (23 rows × 7 = 161 printed cells).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract-report.js';
import type { KeyedCell, Report, TableId } from '../../src/report/report.js';

const CORPUS = 'tests/fixtures/shared/corpus/';

type Year = 2023 | 2024;

const cache = new Map<Year, Promise<Report>>();
function reportOf(year: Year): Promise<Report> {
  let hit = cache.get(year);
  if (!hit) {
    const file = `KIROGOVCOMPARE__hzq${year}_working.pdf`;
    hit = extractReport(new Uint8Array(readFileSync(`${CORPUS}${file}`)), { file });
    cache.set(year, hit);
  }
  return hit;
}

/** Table A: row, column, printed text, page. */
type ACell = readonly [rowKey: string, colKey: string, raw: string, page: number];

const TABLE_A: Readonly<Record<Year, readonly ACell[]>> = {
  2023: [
    ['art20_1.regulations', 'issued', '0', 2],
    ['art20_1.regulations', 'repealed', '0', 2],
    ['art20_1.regulations', 'in_force', '0', 2],
    ['art20_1.normative_documents', 'issued', '0', 2],
    ['art20_1.normative_documents', 'repealed', '5', 2],
    ['art20_1.normative_documents', 'in_force', '5', 2],
    ['art20_5.administrative_licensing', 'decisions', '550', 2],
    ['art20_6.administrative_penalty', 'decisions', '4119', 3],
    ['art20_6.administrative_coercion', 'decisions', '195', 3],
    ['art20_8.administrative_fees', 'fee_amount', '7730.28', 3],
  ],
  2024: [
    ['art20_1.regulations', 'issued', '0', 2],
    ['art20_1.regulations', 'repealed', '0', 2],
    ['art20_1.regulations', 'in_force', '0', 2],
    ['art20_1.normative_documents', 'issued', '3', 2],
    ['art20_1.normative_documents', 'repealed', '0', 2],
    ['art20_1.normative_documents', 'in_force', '8', 2],
    ['art20_5.administrative_licensing', 'decisions', '9487', 2],
    ['art20_6.administrative_penalty', 'decisions', '2776', 3],
    ['art20_6.administrative_coercion', 'decisions', '84', 3],
    ['art20_8.administrative_fees', 'fee_amount', '7545', 3],
  ],
};

const B_COLUMNS = [
  'natural_person',
  'legal_person.commercial',
  'legal_person.research',
  'legal_person.public_interest',
  'legal_person.legal_services',
  'legal_person.other',
  'total',
] as const;

/** Table B: row → the seven printed numbers (自然人 … 总计) and the page. */
type BRow = readonly [values: string, page: number];

const TABLE_B: Readonly<Record<Year, Readonly<Record<string, BRow>>>> = {
  2023: {
    new_received: ['21 0 0 0 0 0 21', 3],
    carried_over: ['0 0 0 0 0 0 0', 3],
    'result.disclosed': ['0 0 0 0 0 0 0', 3],
    'result.partially_disclosed': ['4 0 0 0 0 0 4', 3],
    'result.withheld.state_secret': ['1 0 0 0 0 0 1', 3],
    'result.withheld.prohibited_by_law': ['0 0 0 0 0 0 0', 3],
    'result.withheld.security_stability': ['0 0 0 0 0 0 0', 3],
    'result.withheld.third_party_rights': ['0 0 0 0 0 0 0', 3],
    'result.withheld.internal_affairs': ['0 0 0 0 0 0 0', 3],
    'result.withheld.process_information': ['1 0 0 0 0 0 1', 3],
    'result.withheld.enforcement_case_file': ['1 0 0 0 0 0 1', 3],
    'result.withheld.administrative_inquiry': ['0 0 0 0 0 0 0', 3],
    'result.unable.not_held': ['10 0 0 0 0 0 10', 3],
    'result.unable.requires_creation': ['3 0 0 0 0 0 3', 3],
    'result.unable.unclear_after_correction': ['0 0 0 0 0 0 0', 4],
    'result.not_processed.petition_complaint': ['1 0 0 0 0 0 1', 4],
    'result.not_processed.duplicate': ['0 0 0 0 0 0 0', 4],
    'result.not_processed.publication': ['0 0 0 0 0 0 0', 4],
    'result.not_processed.excessive': ['0 0 0 0 0 0 0', 4],
    'result.not_processed.confirm_or_reissue': ['0 0 0 0 0 0 0', 4],
    'result.other.subtotal': ['0 0 0 0 0 0 0', 4],
    'result.total': ['21 0 0 0 0 0 21', 4],
    carried_forward: ['0 0 0 0 0 0 0', 4],
  },
  2024: {
    new_received: ['95 0 0 0 0 0 95', 3],
    carried_over: ['0 0 0 0 0 0 0', 3],
    'result.disclosed': ['50 0 0 0 0 0 50', 3],
    'result.partially_disclosed': ['9 0 0 0 0 0 9', 3],
    'result.withheld.state_secret': ['0 0 0 0 0 0 0', 3],
    'result.withheld.prohibited_by_law': ['0 0 0 0 0 0 0', 3],
    'result.withheld.security_stability': ['1 0 0 0 0 0 1', 3],
    'result.withheld.third_party_rights': ['0 0 0 0 0 0 0', 3],
    'result.withheld.internal_affairs': ['0 0 0 0 0 0 0', 3],
    'result.withheld.process_information': ['1 0 0 0 0 0 1', 3],
    'result.withheld.enforcement_case_file': ['1 0 0 0 0 0 1', 3],
    'result.withheld.administrative_inquiry': ['0 0 0 0 0 0 0', 3],
    'result.unable.not_held': ['31 0 0 0 0 0 31', 3],
    'result.unable.requires_creation': ['1 0 0 0 0 0 1', 4],
    'result.unable.unclear_after_correction': ['0 0 0 0 0 0 0', 4],
    'result.not_processed.petition_complaint': ['1 0 0 0 0 0 1', 4],
    'result.not_processed.duplicate': ['0 0 0 0 0 0 0', 4],
    'result.not_processed.publication': ['0 0 0 0 0 0 0', 4],
    'result.not_processed.excessive': ['0 0 0 0 0 0 0', 4],
    'result.not_processed.confirm_or_reissue': ['0 0 0 0 0 0 0', 4],
    'result.other.subtotal': ['0 0 0 0 0 0 0', 4],
    'result.total': ['95 0 0 0 0 0 95', 4],
    carried_forward: ['0 0 0 0 0 0 0', 4],
  },
};

const C_ROWS = ['review', 'litigation.direct', 'litigation.after_review'] as const;
const C_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** Table C: the one data row of 15 numbers (行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5), all on page 4. */
const TABLE_C: Readonly<Record<Year, string>> = {
  2023: '10 1 0 0 0 0 0 0 0 0 5 0 0 0 0',
  2024: '1 1 0 0 2 1 0 0 0 1 2 0 1 0 3',
};

type Expected = { table: TableId; rowKey: string; colKey: string; raw: string; page: number };

function expectedCells(year: Year): Expected[] {
  const a = TABLE_A[year].map(([rowKey, colKey, raw, page]) => ({ table: 'active_disclosure' as const, rowKey, colKey, raw, page }));
  const b = Object.entries(TABLE_B[year]).flatMap(([rowKey, [values, page]]) =>
    values.split(' ').map((raw, i) => ({ table: 'requests' as const, rowKey, colKey: B_COLUMNS[i]!, raw, page })),
  );
  const numbers = TABLE_C[year].split(' ');
  const c = C_ROWS.flatMap((rowKey, r) =>
    C_COLUMNS.map((colKey, k) => ({ table: 'review_litigation' as const, rowKey, colKey, raw: numbers[r * C_COLUMNS.length + k]!, page: 4 })),
  );
  return [...a, ...b, ...c];
}

const idOf = (c: { table: string; rowKey: string; colKey: string }): string => `${c.table}/${c.rowKey}/${c.colKey}`;

function cellOf(report: Report, table: TableId, rowKey: string, colKey: string): KeyedCell {
  const c = report.cells.find((x) => x.table === table && x.rowKey === rowKey && x.colKey === colKey);
  if (c === undefined) throw new Error(`no cell ${table}/${rowKey}/${colKey}`);
  return c;
}

describe.each([2023, 2024] as const)('洪泽区 %i report (WPS PDF) through extractReport', (year) => {
  it('is ok, with the layouts 2021 / mixed / 2021 and no message', async () => {
    const report = await reportOf(year);
    expect([report.status, report.error, report.format, report.pages]).toEqual(['ok', null, 'pdf', 5]);
    expect(report.layouts).toEqual({ active_disclosure: '2021', requests: 'mixed', review_litigation: '2021' });
    expect(report.messages).toEqual([]);
  });

  it('reads every printed cell of the three tables: value, raw text, unit and page', async () => {
    const report = await reportOf(year);
    const expected = expectedCells(year);
    expect(expected.filter((e) => e.table === 'active_disclosure')).toHaveLength(10);
    expect(expected.filter((e) => e.table === 'requests')).toHaveLength(161);
    expect(expected.filter((e) => e.table === 'review_litigation')).toHaveLength(15);
    const got = (e: Expected) => {
      const c = cellOf(report, e.table, e.rowKey, e.colKey);
      return `${c.value}|${c.provenance}|${c.raw}|${c.unit}|${c.page}`;
    };
    const want = (e: Expected) => `${Number(e.raw)}|printed|${e.raw}|${e.colKey === 'fee_amount' ? '万元' : '件'}|${e.page}`;
    expect(expected.filter((e) => got(e) !== want(e)).map((e) => `${idOf(e)}: got ${got(e)}, want ${want(e)}`)).toEqual([]);
    // Nothing else was read: every other cell of the layouts is a derived subtotal.
    const printed = new Set(expected.map(idOf));
    expect(report.cells.filter((c) => !printed.has(idOf(c)) && c.provenance !== 'derived').map(idOf)).toEqual([]);
    expect(report.cells.filter((c) => c.flags.length > 0).map((c) => `${idOf(c)} ${c.flags.join(';')}`)).toEqual([]);
  });

  it('gives each printed cell its box, left to right along its row', async () => {
    const report = await reportOf(year);
    const rows = new Map<string, KeyedCell[]>();
    for (const c of report.cells.filter((x) => x.provenance === 'printed')) {
      expect(c.box, idOf(c)).toBeDefined();
      const key = c.table === 'review_litigation' ? 'C' : `${c.table}/${c.rowKey}`;
      rows.set(key, [...(rows.get(key) ?? []), c]);
    }
    for (const [key, cells] of rows) {
      const xs = cells.map((c) => c.box!.x0);
      expect(xs, key).toEqual([...xs].sort((p, q) => p - q));
      expect(new Set(cells.map((c) => Math.round(c.box!.y0))).size, key).toBe(1);
    }
  });

  it('keeps the printed labels, the corrupt 2.其他法律行政止公开 included, without wrapping spaces', async () => {
    const report = await reportOf(year);
    const label = (t: TableId, r: string, k: string) => {
      const c = cellOf(report, t, r, k);
      return `${c.rowLabel} | ${c.colLabel}`;
    };
    expect(label('requests', 'result.withheld.prohibited_by_law', 'total')).toBe('2.其他法律行政止公开 | 总计');
    expect(label('requests', 'result.partially_disclosed', 'legal_person.commercial')).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 商业企业');
    expect(label('requests', 'result.not_processed.confirm_or_reissue', 'legal_person.public_interest')).toBe('5.要求行政机关确认或重新出具已获取信息 | 社会公益组织');
    expect(label('requests', 'result.other.subtotal', 'legal_person.legal_services')).toBe('（六）其他处理 | 法律服务机构');
    expect(label('review_litigation', 'litigation.direct', 'total')).toBe('未经复议直接起诉 | 总计');
    expect(label('review_litigation', 'litigation.after_review', 'upheld')).toBe('复议后起诉 | 结果维持');
    expect(label('active_disclosure', 'art20_8.administrative_fees', 'fee_amount')).toBe('行政事业性收费 | 本年收费金额（单位：万元）');
  });
});

describe('metadata of the 洪泽区 reports', () => {
  const common = { township: null, county: '洪泽区', city: '淮安市', province: '江苏省', divisionCode: '320813' };

  it('2023: title whole over its two centred lines; the body names the full 淮安市洪泽区人民政府; no printed date', async () => {
    expect((await reportOf(2023)).meta).toEqual({
      ...common,
      agency: '淮安市洪泽区人民政府',
      year: 2023,
      publishedOn: null,
      title: '洪泽区人民政府2023年政府信息公开工作年度报告',
    });
  });

  it('2024: the title names 淮安市洪泽区人民政府 itself; no printed date', async () => {
    expect((await reportOf(2024)).meta).toEqual({
      ...common,
      agency: '淮安市洪泽区人民政府',
      year: 2024,
      publishedOn: null,
      title: '淮安市洪泽区人民政府2024年政府信息公开工作年度报告',
    });
  });
});

describe('checks of the 洪泽区 reports', () => {
  it('2023: R4 fails where 行政复议 and 复议后起诉 print 总计 0 over non-zero parts; the printed totals stay 0', async () => {
    const report = await reportOf(2023);
    const failed = report.checks.filter((c) => c.status === 'fail').map((c) => [c.checkId, c.subject, c.expected, c.actual]);
    expect(failed).toEqual([
      ['R4', 'row=review', 11, 0],
      ['R4', 'row=litigation.after_review', 5, 0],
    ]);
    expect(report.checks.find((c) => c.checkId === 'R4' && c.subject === 'row=litigation.direct')?.status).toBe('pass');
    expect(cellOf(report, 'review_litigation', 'review', 'total')).toMatchObject({ value: 0, provenance: 'printed', raw: '0' });
    expect(cellOf(report, 'review_litigation', 'litigation.after_review', 'total')).toMatchObject({ value: 0, provenance: 'printed' });
    expect(report.checks.filter((c) => c.checkId === 'R1' || c.checkId === 'R3').every((c) => c.status === 'pass')).toBe(true);
    expect(report.checks.find((c) => c.checkId === 'S5')).toMatchObject({ expected: 21, actual: 21, status: 'pass' });
  });

  it('2024: every table relation holds; the prose (17 received by the office) disagrees with Table B (95): S5 fails', async () => {
    const report = await reportOf(2024);
    expect(report.checks.filter((c) => c.checkId.startsWith('R') && c.status !== 'pass')).toEqual([]);
    const failed = report.checks.filter((c) => c.status === 'fail').map((c) => [c.checkId, c.subject, c.expected, c.actual]);
    expect(failed).toEqual([['S5', 'row=new_received,col=total', 17, 95]]);
  });
});
