/**
 * `nianbao.xlsx` (`--xlsx`): the CSVs a journalist needs, as sheets of one workbook. Rows come from the CSV row
 * builders (reports, the three wide tables, indicators, checks), so the workbook always says what the CSVs say.
 * Row 1 holds the field keys (with their descriptions as notes), row 2 the Chinese labels; both stay frozen.
 * Numbers are numbers, blanks are empty cells, and cells of failed checks are filled red with the formula as a note.
 */
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checksCsv } from './checks-csv.js';
import type { CsvResource, CsvRow, CsvValue, Field } from './csv.js';
import { INDICATOR_SET } from './indicator-set.js';
import { indicatorsCsv, type IndicatorSet } from './indicators-csv.js';
import { reportsCsv } from './reports-csv.js';
import { wideTableCsv } from './wide-tables.js';
import { writeAtomicChunks } from './write-atomic.js';
import { fieldLabel } from './xlsx-labels.js';
import { cellId } from '../report/derive.js';
import { TABLE_IDS, type CheckResult, type Report, type TableId } from '../report/report.js';
import { checkSummary, failedChecksByCell } from '../review/failed-cells.js';

export const WORKBOOK_PATH = 'nianbao.xlsx';

/** How the sheets look. */
export type WorkbookSettings = {
  /** Fill of a cell that takes part in a failed check (ARGB; Excel's "Bad" style). */
  readonly failFill: string;
  /** Font colour of such a cell (ARGB). */
  readonly failFont: string;
  /** Fill of the two header rows (ARGB). */
  readonly headerFill: string;
  /** Column widths in characters: at least `minWidth`, at most `maxWidth`, else the header's length. */
  readonly minWidth: number;
  readonly maxWidth: number;
  /** Number format of rate columns (unit 'ratio'): the value stays a plain fraction. */
  readonly rateFormat: string;
  /** Workbook creation date written into its properties: fixed, so two runs on the same files agree. */
  readonly created: Date;
};

export const DEFAULT_WORKBOOK_SETTINGS: WorkbookSettings = Object.freeze({
  failFill: 'FFFFC7CE',
  failFont: 'FF9C0006',
  headerFill: 'FFDDEBF7',
  minWidth: 8,
  maxWidth: 48,
  rateFormat: '0.00%',
  created: new Date(Date.UTC(2000, 0, 1)),
});

/** A data cell to highlight, with an optional note (the failed checks' formulas). */
type Mark = { readonly note?: string };
/** Decides per data cell whether it is highlighted. `column` is 0-based. */
type Marker = (row: CsvRow, column: number) => Mark | null;

export type SheetSpec = {
  readonly name: string;
  readonly resource: CsvResource;
  /** Set for a wide table: its value columns take their Chinese labels from the layout. */
  readonly table?: TableId;
  readonly marker: Marker;
};

const noMarks: Marker = () => null;

function fieldIndex(fields: readonly Field[], name: string): number {
  return fields.findIndex((f) => f.name === name);
}

/** Failed-check cells of every report, by report id. */
function failedByReport(reports: readonly Report[]): Map<string, Map<string, CheckResult[]>> {
  return new Map(reports.map((r) => [r.id, failedChecksByCell(r)]));
}

function wideMarker(resource: CsvResource, table: TableId, failed: Map<string, Map<string, CheckResult[]>>): Marker {
  const idAt = fieldIndex(resource.fields, 'report_id');
  const rowKeyAt = fieldIndex(resource.fields, 'row_key');
  return (row, column) => {
    const checks = failed.get(String(row[idAt]))?.get(cellId({ table, rowKey: String(row[rowKeyAt]), colKey: resource.fields[column]!.name }));
    return checks === undefined ? null : { note: checks.map(checkSummary).join('\n') };
  };
}

/** Marks the rows whose `field` passes `test`: every cell of the row, or only that field's cell (`onlyField`). */
function rowMarker(resource: CsvResource, field: string, test: (v: CsvValue | undefined) => boolean, onlyField: boolean): Marker {
  const at = fieldIndex(resource.fields, field);
  return (row, column) => (test(row[at]) && (!onlyField || column === at) ? {} : null);
}

/** The sheets, in order: reports, the three wide tables, indicators, checks. */
export function workbookSheets(reports: readonly Report[], indicators: IndicatorSet = INDICATOR_SET): SheetSpec[] {
  const failed = failedByReport(reports);
  const reportsResource = reportsCsv(reports);
  const checksResource = checksCsv(reports);
  return [
    { name: 'reports', resource: reportsResource, marker: rowMarker(reportsResource, 'checks_failed', (v) => typeof v === 'number' && v > 0, true) },
    ...TABLE_IDS.map((table): SheetSpec => {
      const resource = wideTableCsv(reports, table);
      return { name: table, resource, table, marker: wideMarker(resource, table, failed) };
    }),
    { name: 'indicators', resource: indicatorsCsv(reports, indicators), marker: noMarks },
    { name: 'checks', resource: checksResource, marker: rowMarker(checksResource, 'status', (v) => v === 'fail', false) },
  ];
}

/** A value as the sheet stores it: numbers stay numbers, blanks (null or '') are empty cells. */
export function xlsxValue(value: CsvValue | undefined): string | number | null {
  if (value === undefined || value === null || value === '') return null;
  return value;
}

function columnWidth(field: Field, label: string, settings: WorkbookSettings): number {
  // A CJK character is about two columns wide.
  const wide = Math.max(field.name.length, label.length * 2) + 2;
  return Math.min(settings.maxWidth, Math.max(settings.minWidth, wide));
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function writeHeader(sheet: ExcelJS.Worksheet, spec: SheetSpec, labels: readonly string[], settings: WorkbookSettings): void {
  const keys = sheet.addRow(spec.resource.fields.map((f) => f.name));
  spec.resource.fields.forEach((f, i) => {
    const cell = keys.getCell(i + 1);
    cell.note = f.unit === undefined ? f.description : `${f.description} (${f.unit})`;
    cell.font = { bold: true };
    cell.fill = solid(settings.headerFill);
  });
  keys.commit();
  const names = sheet.addRow([...labels]);
  labels.forEach((_, i) => {
    names.getCell(i + 1).font = { bold: true };
    names.getCell(i + 1).fill = solid(settings.headerFill);
  });
  names.commit();
}

function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec, settings: WorkbookSettings): void {
  const { fields } = spec.resource;
  const labels = fields.map((f) => fieldLabel(f.name, spec.table));
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }] });
  sheet.columns = fields.map((f, i) => ({
    key: f.name,
    width: columnWidth(f, labels[i] ?? '', settings),
    ...(f.unit === 'ratio' ? { style: { numFmt: settings.rateFormat } } : {}),
  }));
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: fields.length } };
  writeHeader(sheet, spec, labels, settings);
  for (const values of spec.resource.rows()) {
    const row = sheet.addRow(fields.map((_, i) => xlsxValue(values[i])));
    fields.forEach((_, i) => {
      const mark = spec.marker(values, i);
      if (mark === null) return;
      const cell = row.getCell(i + 1);
      cell.fill = solid(settings.failFill);
      cell.font = { color: { argb: settings.failFont } };
      if (mark.note !== undefined) cell.note = mark.note;
    });
    row.commit();
  }
  sheet.commit();
}

/** Builds the workbook into a stream (exceljs's streaming writer: rows leave memory as they are committed). */
async function buildWorkbook(out: PassThrough, sheets: readonly SheetSpec[], settings: WorkbookSettings): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.creator = 'nianbao';
  workbook.created = settings.created;
  workbook.modified = settings.created;
  for (const spec of sheets) writeSheet(workbook, spec, settings);
  await workbook.commit();
}

/** Writes `<outDir>/nianbao.xlsx` atomically and returns its path relative to outDir. */
export async function writeWorkbook(
  reports: readonly Report[],
  outDir: string,
  options: { indicators?: IndicatorSet; settings?: Partial<WorkbookSettings> } = {},
): Promise<string> {
  const settings = { ...DEFAULT_WORKBOOK_SETTINGS, ...options.settings };
  const sheets = workbookSheets(reports, options.indicators);
  const out = new PassThrough();
  const writing = writeAtomicChunks(join(outDir, WORKBOOK_PATH), out);
  const building = buildWorkbook(out, sheets, settings).catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  await Promise.all([writing, building]);
  return WORKBOOK_PATH;
}
