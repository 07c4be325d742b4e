/**
 * End to end on the budget PDFs of ../shared/corpus (部门预算/决算 and 单位预算 from GovBudgetChecker and
 * tianbaoxitong, made by WPS, ONLYOFFICE, Word 2010 and Excel 2007): none holds a standard annual-report table
 * (MANIFEST.tsv, has_standard_tables = no), though every page prints 合计 / 总计 rows and some 上年结转资金.
 * Each must be not_a_report with no keyed cell, and still give its tables as generic tables.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOT_A_REPORT_ERROR } from '../../src/analyze.js';
import { extractReport } from '../../src/extract-report.js';
import { isGenericLabel } from '../../src/report/label-index.js';
import { ABSENT_LAYOUTS } from '../../src/report/report.js';

const CORPUS = 'tests/fixtures/shared/corpus/';

/** The PDFs the manifest marks as holding no standard table. */
function budgetPdfs(): string[] {
  const [head, ...lines] = readFileSync(`${CORPUS}MANIFEST.tsv`, 'utf8').trim().split('\n');
  const columns = head!.split('\t');
  const at = (line: string, name: string): string => line.split('\t')[columns.indexOf(name)] ?? '';
  return lines.filter((l) => at(l, 'format') === 'pdf' && at(l, 'has_standard_tables').startsWith('no')).map((l) => at(l, 'file'));
}

const FILES = budgetPdfs();

describe('budget PDFs of the corpus', () => {
  it('are listed in the manifest: 15 PDFs from both repositories', () => {
    expect(FILES).toHaveLength(15);
    expect(new Set(FILES.map((f) => f.split('__')[0]))).toEqual(new Set(['GovBudgetChecker', 'tianbaoxitong']));
  });

  it.each(FILES)('%s: not_a_report, no keyed cell, its tables kept as generic tables', async (file) => {
    const report = await extractReport(new Uint8Array(readFileSync(`${CORPUS}${file}`)), { file });
    expect([report.status, report.error, report.format]).toEqual(['not_a_report', NOT_A_REPORT_ERROR, 'pdf']);
    expect(report.layouts).toEqual(ABSENT_LAYOUTS);
    expect(report.cells).toEqual([]);
    expect(report.checks).toEqual([]);
    const codes = report.messages.map((m) => m.code);
    expect(codes.filter((c) => c === 'table_missing')).toHaveLength(3);
    expect(codes.filter((c) => c === 'row_unrecognized' || c === 'duplicate_row' || c === 'missing_rows')).toEqual([]);
    expect(report.genericTables.length).toBeGreaterThanOrEqual(1);
    // The generic words that used to make a Table B are still there, in the generic tables.
    const texts = report.genericTables.flatMap((t) => [...t.header, ...t.rows.flat()]);
    expect(texts.some((t) => isGenericLabel(t))).toBe(true);
  });
});
