/** Each writer on hand-built reports: rows as a user reads them back from the CSV. */
import { describe, expect, it } from 'vitest';
import { cellsCsv } from '../../src/output/cells-csv.js';
import { checksCsv } from '../../src/output/checks-csv.js';
import { csvChunks, type CsvResource } from '../../src/output/csv.js';
import { genericColumnNames, genericTablesCsv } from '../../src/output/generic-tables.js';
import { INDICATOR_SET } from '../../src/output/indicator-set.js';
import { indicatorsCsv } from '../../src/output/indicators-csv.js';
import { reportsCsv } from '../../src/output/reports-csv.js';
import { reportsJsonlChunks } from '../../src/output/reports-jsonl.js';
import { textFile } from '../../src/output/text.js';
import { wideTableCsv } from '../../src/output/wide-tables.js';
import { reportFromJson } from '../../src/output/read-reports.js';
import { allColumnKeys } from '../../src/report/layouts.js';
import { csvRecords, parseCsv } from './read-csv.js';
import { FAILED_REPORT, PARTIAL_REPORT } from './sample-reports.js';

const REPORTS = [PARTIAL_REPORT, FAILED_REPORT];

function written(resource: CsvResource): string[][] {
  return parseCsv([...csvChunks(resource)].join(''));
}

function records(resource: CsvResource): Record<string, string>[] {
  return csvRecords([...csvChunks(resource)].join(''));
}

describe('reports.csv', () => {
  it('has the contract columns in order, then title', () => {
    expect(written(reportsCsv(REPORTS))[0]).toEqual([
      'report_id', 'source_file', 'sha256', 'format', 'pages', 'status', 'error', 'agency', 'township', 'county', 'city',
      'province', 'division_code', 'year', 'published_on', 'layout_active_disclosure', 'layout_requests',
      'layout_review_litigation', 'cells', 'checks_failed', 'warnings', 'title',
    ]);
  });

  it('writes one row per file with counts, unique warning codes and a guarded agency', () => {
    const [partial, failed] = records(reportsCsv(REPORTS));
    expect(partial).toMatchObject({
      report_id: 'a1b2c3d4e5f6',
      source_file: 'county/某乡 2023.pdf',
      pages: '5',
      status: 'partial',
      error: '',
      agency: "'=某乡人民政府",
      division_code: '630106202',
      year: '2023',
      published_on: '2024-01-16',
      layout_active_disclosure: 'absent',
      layout_requests: '2021',
      layout_review_litigation: 'mixed',
      cells: '9',
      checks_failed: '1',
      warnings: 'table_missing;table_split',
    });
    expect(failed).toMatchObject({
      report_id: 'ffeeddccbbaa',
      format: 'pdf',
      pages: '',
      status: 'failed',
      error: 'truncated: the PDF ends before its cross-reference table',
      layout_requests: '',
      cells: '0',
      warnings: '',
      year: '',
    });
  });
});

describe('cells.csv', () => {
  const rows = records(cellsCsv(REPORTS));

  it('writes every cell of the reports that have cells, in order', () => {
    expect(rows).toHaveLength(PARTIAL_REPORT.cells.length);
    expect(rows.map((r) => `${r.table}/${r.row_key}/${r.col_key}`)).toEqual(
      PARTIAL_REPORT.cells.map((c) => `${c.table}/${c.rowKey}/${c.colKey}`),
    );
  });

  it('keeps blank empty, 0 as 0, negatives plain, and joins flags with ;', () => {
    const byKey = new Map(rows.map((r) => [`${r.row_key}/${r.col_key}`, r]));
    expect(byKey.get('new_received/legal_person.commercial')).toMatchObject({ value: '', provenance: 'blank', raw: '—', flags: 'dash_or_word' });
    expect(byKey.get('carried_over/total')).toMatchObject({ value: '0', provenance: 'printed' });
    expect(byKey.get('carried_forward/total')).toMatchObject({ value: '-5', raw: '-5', flags: 'not_a_count' });
    expect(byKey.get('new_received/total')).toMatchObject({ value: '12', raw: '1,2', flags: 'misaligned;label_fuzzy', page: '2' });
    expect(byKey.get('result.disclosed/total')).toMatchObject({ value: '', provenance: 'missing', flags: 'missing_rows' });
    expect(byKey.get('result.withheld.subtotal/total')).toMatchObject({ value: '', provenance: 'derived', row_label: '（三）不予公开' });
  });
});

describe('checks.csv', () => {
  it('writes expected and actual as numbers, blank when not evaluable', () => {
    const rows = records(checksCsv(REPORTS));
    expect(rows).toEqual([
      expect.objectContaining({ check_id: 'R1', subject: 'col=total', expected: '12', actual: '11', status: 'fail' }),
      expect.objectContaining({ subject: 'col=natural_person', expected: '', actual: '', status: 'not_evaluable' }),
    ]);
  });
});

describe('tables/requests.csv (wide form)', () => {
  const table = written(wideTableCsv(REPORTS, 'requests'));

  it('has the identity columns, then one column per column key of every layout', () => {
    expect(table[0]).toEqual(['report_id', 'source_file', 'agency', 'year', 'row_key', 'row_label', ...allColumnKeys('requests')]);
  });

  it('writes one row per report and row key, blanks empty and zeros as 0', () => {
    const rows = csvRecords([...csvChunks(wideTableCsv(REPORTS, 'requests'))].join(''));
    expect(rows.map((r) => r.row_key)).toEqual([
      'new_received', 'carried_over', 'result.total', 'carried_forward', 'result.withheld.subtotal', 'result.disclosed',
    ]);
    expect(rows[0]).toMatchObject({ natural_person: '10', total: '12', 'legal_person.commercial': '', 'legal_person.research': '' });
    expect(rows[1]).toMatchObject({ total: '0', natural_person: '' });
    expect(rows[3]).toMatchObject({ total: '-5' });
  });

  it('puts Table C cells only in review_litigation.csv', () => {
    const rows = records(wideTableCsv(REPORTS, 'review_litigation'));
    expect(rows).toEqual([expect.objectContaining({ row_key: 'review', corrected: '1', upheld: '' })]);
    expect(records(wideTableCsv(REPORTS, 'active_disclosure'))).toEqual([]);
  });
});

describe('indicators.csv', () => {
  it('has the identity columns, then one column per indicator', () => {
    expect(written(indicatorsCsv(REPORTS, INDICATOR_SET))[0]).toEqual([
      'report_id', 'source_file', 'agency', 'division_code', 'province', 'city', 'county', 'township', 'year',
      ...INDICATOR_SET.columns.map((c) => c.key),
    ]);
  });

  it('computes from the cells, blank where an input is blank, one row per file', () => {
    const [partial, failed] = records(indicatorsCsv(REPORTS, INDICATOR_SET));
    expect(partial).toMatchObject({ applications_received: '12', handled: '11', workload: '12', division_code: '630106202' });
    // result.disclosed is missing: the disclosure rate cannot be computed and stays blank.
    expect(partial?.disclosure_rate).toBe('');
    expect(failed).toMatchObject({ report_id: 'ffeeddccbbaa', applications_received: '', handled: '' });
  });
});

describe('tables_generic', () => {
  it('makes column names unique, non-empty and safe from formulas', () => {
    const t = PARTIAL_REPORT.genericTables[0]!;
    expect(genericColumnNames(t)).toEqual(['申请人情况/自然人', '申请人情况/自然人 (2)', 'col_3', "'@sum"]);
  });

  it('writes the table as printed, text guarded, numbers as printed', () => {
    const [resource] = genericTablesCsv(REPORTS);
    expect(resource?.path).toBe('tables_generic/a1b2c3d4e5f6-1.csv');
    expect(written(resource!)).toEqual([
      ['申请人情况/自然人', '申请人情况/自然人 (2)', 'col_3', "'@sum"],
      ['10', '-3', "'=1+1", 'x,"y"\nz'],
    ]);
  });
});

describe('reports.jsonl', () => {
  const lines = [...reportsJsonlChunks(REPORTS, INDICATOR_SET)].join('').split('\n');

  it('writes one JSON object per line and report', () => {
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
  });

  it('holds everything, unguarded, with snake_case keys', () => {
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({
      report_id: 'a1b2c3d4e5f6',
      status: 'partial',
      meta: { agency: '=某乡人民政府', division_code: '630106202', year: 2023 },
      layouts: { requests: '2021' },
      warnings: ['table_missing', 'table_split'],
      indicators: { applications_received: 12, disclosure_rate: null },
      text: PARTIAL_REPORT.text,
    });
    expect(first.cells).toContainEqual(expect.objectContaining({ row_key: 'new_received', col_key: 'legal_person.commercial', value: null, provenance: 'blank' }));
    expect(first.messages).toContainEqual({ code: 'table_split', severity: 'warning', text: 'requests stitched across pages 2 and 3', where: { page: 3, table: 'requests' } });
    expect(first.generic_tables).toEqual([expect.objectContaining({ file: 'tables_generic/a1b2c3d4e5f6-1.csv', pages: [2, 3] })]);
  });

  it('writes where a PDF cell was read, null for a cell without a box, and reads both back', () => {
    const first = JSON.parse(lines[0]!) as { cells: { row_key: string; col_key: string; box: unknown }[] };
    const boxOf = (rowKey: string, colKey: string) => first.cells.find((c) => c.row_key === rowKey && c.col_key === colKey)?.box;
    expect(boxOf('new_received', 'natural_person')).toEqual({ x0: 310.5, y0: 402, x1: 330.25, y1: 414 });
    expect(boxOf('new_received', 'total')).toBeNull();
    const back = reportFromJson(first);
    expect(back.cells).toEqual(PARTIAL_REPORT.cells);
  });

  it('gives a failed file null layouts, as reports.csv leaves them blank, and agrees with it on every report', () => {
    const failed = JSON.parse(lines[1]!) as Record<string, unknown>;
    expect(failed).toMatchObject({ status: 'failed', pages: null, cells: [], checks: [] });
    expect(failed['layouts']).toEqual({ active_disclosure: null, requests: null, review_litigation: null });
    const rows = records(reportsCsv(REPORTS));
    REPORTS.forEach((report, i) => {
      const json = JSON.parse(lines[i]!) as { layouts: Record<string, string | null> };
      const row = rows[i]!;
      for (const table of ['active_disclosure', 'requests', 'review_litigation']) {
        expect(row[`layout_${table}`], `${report.id} ${table}`).toBe(json.layouts[table] ?? '');
      }
    });
  });
});

describe('text/<report_id>.txt', () => {
  it('names the file by report id and ends the text with one newline', () => {
    expect(textFile({ ...PARTIAL_REPORT, text: 'a\nb\n\n\n' })).toEqual({ path: 'text/a1b2c3d4e5f6.txt', content: 'a\nb\n' });
  });
});
