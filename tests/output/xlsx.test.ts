import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKBOOK_PATH, xlsxValue } from '../../src/output/xlsx.js';
import { runBatch } from '../../src/pipeline.js';
import type { Report } from '../../src/report/report.js';
import { csvRecords } from './read-csv.js';
import { HZQ2023_PDF, PIPELINE_INPUTS } from '../review/review-reports.js';
import { tempDir } from '../temp-dirs.js';

let dir = '';
let reports: readonly Report[] = [];
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  dir = await tempDir('nianbao-xlsx-');
  // One real run: the workbook and the CSVs come from the same Reports.
  const run = await runBatch(PIPELINE_INPUTS, { out: dir, quiet: true, xlsx: true });
  expect(run.written).toContain(WORKBOOK_PATH);
  reports = run.reports;
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, WORKBOOK_PATH));
}, 60_000);

function sheet(name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Data rows of a sheet as records keyed by the row-1 field names (values as exceljs reads them). */
function records(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const keys = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n <= 2) return;
    out.push(Object.fromEntries(keys.map((k, i) => [k, row.getCell(i + 1).value])));
  });
  return out;
}

describe('writeWorkbook', () => {
  it('has the six sheets in order, each with frozen key and label header rows', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['reports', 'active_disclosure', 'requests', 'review_litigation', 'indicators', 'checks']);
    for (const ws of workbook.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(ws.getRow(1).getCell(1).value).toBe('report_id');
      expect(ws.getRow(2).getCell(1).value).toBe('报告编号');
    }
  });

  it('puts the Chinese labels of the layout and indicators under the keys', () => {
    const label = (ws: ExcelJS.Worksheet, key: string): ExcelJS.CellValue => {
      const keys = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
      return ws.getRow(2).getCell(keys.indexOf(key) + 1).value;
    };
    expect(label(sheet('requests'), 'natural_person')).toBe('自然人');
    expect(label(sheet('requests'), 'legal_person.commercial')).toBe('商业企业');
    expect(label(sheet('active_disclosure'), 'fee_amount')).toBe('本年收费金额（单位：万元）');
    expect(label(sheet('review_litigation'), 'corrected')).toBe('结果纠正');
    expect(label(sheet('indicators'), 'applications_received')).toBe('申请数量');
    expect(label(sheet('indicators'), 'disclosure_rate')).toBe('公开率');
    expect(label(sheet('requests'), 'row_label')).toBe('行标签');
  });

  it('holds exactly the values of cells.csv in the wide sheets: numbers as numbers, blanks empty', async () => {
    const cells = csvRecords(await readFile(join(dir, 'cells.csv'), 'utf8'));
    expect(cells.length).toBeGreaterThan(900);
    const wide = new Map(
      ['active_disclosure', 'requests', 'review_litigation'].map((t) => [t, new Map(records(sheet(t)).map((r) => [`${String(r.report_id)}|${String(r.row_key)}`, r]))]),
    );
    let blanks = 0;
    for (const c of cells) {
      const row = wide.get(c.table!)?.get(`${c.report_id}|${c.row_key}`);
      expect(row, `${c.table}/${c.row_key}`).toBeDefined();
      const value = row![c.col_key!];
      if (c.value === '') {
        blanks += 1;
        expect(value ?? null, `${c.report_id} ${c.table}/${c.row_key}/${c.col_key}`).toBeNull();
      } else {
        expect(typeof value).toBe('number');
        expect(value).toBe(Number(c.value));
      }
    }
    expect(blanks).toBeGreaterThan(0);
    // And nothing else: every number in a wide sheet is one of cells.csv.
    const numbers = [...wide.values()].flatMap((rows) => [...rows.values()]).flatMap((r) => Object.values(r).filter((v) => typeof v === 'number'));
    const printedYears = [...wide.values()].flatMap((rows) => [...rows.values()]).filter((r) => typeof r.year === 'number').length;
    expect(numbers.length - printedYears).toBe(cells.filter((c) => c.value !== '').length);
  });

  it('matches reports.csv, indicators.csv and checks.csv row for row', async () => {
    for (const name of ['reports', 'indicators', 'checks']) {
      const csv = csvRecords(await readFile(join(dir, `${name}.csv`), 'utf8'));
      const rows = records(sheet(name));
      expect(rows.length).toBe(csv.length);
      csv.forEach((record, i) => {
        for (const [key, text] of Object.entries(record)) {
          const value = rows[i]![key] ?? null;
          if (text === '') expect(value, `${name} ${key}`).toBeNull();
          else if (typeof value === 'number') expect(value).toBe(Number(text));
          // CSV text that would run as a formula is guarded with a quote; the sheet keeps the plain text.
          else expect(text === value || text === `'${String(value)}`, `${name} ${key}: ${text} vs ${String(value)}`).toBe(true);
        }
      });
    }
    const hzq = records(sheet('reports')).find((r) => r.source_file === HZQ2023_PDF);
    expect(hzq?.pages).toBe(5);
  });

  it('fills the cells of failed checks and puts the formula in their note', () => {
    const ws = sheet('review_litigation');
    const keys = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const hzq = reports.find((r) => r.source.file === HZQ2023_PDF)!;
    // DOMAIN.md §3: 洪泽区 2023 fails R4 on review and litigation.after_review.
    expect(hzq.checks.filter((c) => c.status === 'fail').map((c) => `${c.checkId} ${c.subject}`)).toEqual(['R4 row=review', 'R4 row=litigation.after_review']);
    let filled = 0;
    ws.eachRow((row, n) => {
      if (n <= 2 || row.getCell(1).value !== hzq.id) return;
      const rowKey = row.getCell(keys.indexOf('row_key') + 1).value;
      const total = row.getCell(keys.indexOf('total') + 1);
      const fill = total.fill as ExcelJS.FillPattern | undefined;
      if (rowKey === 'review' || rowKey === 'litigation.after_review') {
        filled += 1;
        expect(fill?.fgColor?.argb).toBe('FFFFC7CE');
        expect(String(total.note)).toContain('R4');
        expect(String(total.note)).toContain('upheld + corrected + other + pending = total');
      } else {
        expect(fill?.fgColor?.argb).toBeUndefined();
      }
    });
    expect(filled).toBe(2);
    const checks = sheet('checks');
    const statusAt = (checks.getRow(1).values as ExcelJS.CellValue[]).slice(1).indexOf('status') + 1;
    let failed = 0;
    checks.eachRow((row, n) => {
      if (n <= 2) return;
      const fill = row.getCell(1).fill as ExcelJS.FillPattern | undefined;
      const isFail = row.getCell(statusAt).value === 'fail';
      if (isFail) failed += 1;
      expect(fill?.fgColor?.argb === 'FFFFC7CE').toBe(isFail);
    });
    expect(failed).toBeGreaterThanOrEqual(2);
    expect(failed).toBe(reports.flatMap((r) => r.checks).filter((c) => c.status === 'fail').length);
  });

  it('stores rates as fractions with a percent format', () => {
    const ws = sheet('indicators');
    const keys = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const hzqRow = records(ws).findIndex((r) => r.source_file === HZQ2023_PDF);
    const cell = ws.getRow(hzqRow + 3).getCell(keys.indexOf('disclosure_rate') + 1);
    expect(cell.value).toBeCloseTo(4 / 21, 4);
    expect(cell.numFmt).toBe('0.00%');
  });

  it('never writes a blank as 0 or text as a number', () => {
    expect(xlsxValue(null)).toBeNull();
    expect(xlsxValue('')).toBeNull();
    expect(xlsxValue(0)).toBe(0);
    expect(xlsxValue('=1+1')).toBe('=1+1');
  });
});
