/** Test helper: hand-built Reports for the writers (the recognizer is tested on its own). */
import { failedReport, type CheckResult, type KeyedCell, type Report } from '../../src/report/report.js';
import { message } from '../../src/report/flags.js';

export function cell(rowKey: string, colKey: string, value: number | null, extra: Partial<KeyedCell> = {}): KeyedCell {
  return {
    table: 'requests',
    rowKey,
    colKey,
    value,
    unit: '件',
    provenance: value === null ? 'blank' : 'printed',
    raw: value === null ? '' : String(value),
    rowLabel: rowKey,
    colLabel: colKey,
    page: 2,
    flags: [],
    ...extra,
  };
}

const R1_FAIL: CheckResult = {
  checkId: 'R1',
  table: 'requests',
  subject: 'col=total',
  expected: 12,
  actual: 11,
  status: 'fail',
  note: 'new_received + carried_over = result.total + carried_forward',
};

/** A partial 2021 report with a blank, a zero, a negative printed count and text that looks like a formula. */
export const PARTIAL_REPORT: Report = {
  id: 'a1b2c3d4e5f6',
  source: { file: 'county/某乡 2023.pdf', sha256: `a1b2c3d4e5f6${'0'.repeat(52)}`, bytes: 1234 },
  format: 'pdf',
  pages: 5,
  status: 'partial',
  error: null,
  meta: {
    agency: '=某乡人民政府',
    township: '某乡',
    county: '某县',
    city: '某市',
    province: '某省',
    divisionCode: '630106202',
    year: 2023,
    publishedOn: '2024-01-16',
    title: '某乡2023年政府信息公开工作年度报告',
  },
  layouts: { active_disclosure: 'absent', requests: '2021', review_litigation: 'mixed' },
  cells: [
    cell('new_received', 'natural_person', 10, { box: { x0: 310.5, y0: 402, x1: 330.25, y1: 414 } }),
    cell('new_received', 'total', 12, { raw: '1,2', flags: ['misaligned', 'label_fuzzy'] }),
    cell('new_received', 'legal_person.commercial', null, { raw: '—', flags: ['dash_or_word'] }),
    cell('carried_over', 'total', 0),
    cell('result.total', 'total', 11),
    cell('carried_forward', 'total', -5, { raw: '-5', flags: ['not_a_count'] }),
    cell('result.withheld.subtotal', 'total', null, { provenance: 'derived', raw: '', rowLabel: '（三）不予公开' }),
    cell('result.disclosed', 'total', null, { provenance: 'missing', raw: '', flags: ['missing_rows'] }),
    cell('review', 'corrected', 1, { table: 'review_litigation' }),
  ],
  checks: [R1_FAIL, { ...R1_FAIL, subject: 'col=natural_person', expected: null, actual: null, status: 'not_evaluable', note: 'terms missing' }],
  messages: [
    message('table_missing', 'active_disclosure not found'),
    message('table_split', 'requests stitched across pages 2 and 3', { page: 3, table: 'requests' }),
    message('table_split', 'review_litigation stitched across pages 3 and 4', { page: 4, table: 'review_litigation' }),
  ],
  genericTables: [
    { index: 0, pages: [2, 3], method: 'lattice', header: ['申请人情况/自然人', '申请人情况/自然人', '', '@sum'], rows: [['10', '-3', '=1+1', 'x,"y"\nz']] },
  ],
  text: '某乡2023年政府信息公开工作年度报告\n一、总体情况\n',
};

export const FAILED_REPORT: Report = failedReport(
  { file: 'broken.pdf', sha256: `ffeeddccbbaa${'1'.repeat(52)}`, bytes: 10 },
  'truncated: the PDF ends before its cross-reference table',
  'pdf',
);
