/**
 * `tables_generic/<report_id>-<n>.csv`: every table found anywhere in a report, as printed, with its header rows
 * flattened into one name per column (`申请人情况/法人或其他组织/商业企业`). Values stay text.
 */
import { guardFormula, type CsvResource, type CsvRow, type Field } from './csv.js';
import { collapseWhitespace } from '../normalize/text.js';
import type { GenericTable, Report } from '../report/report.js';
import { blankColumnName, uniqueNames } from '../tables/header.js';

export const GENERIC_TABLES_DIR = 'tables_generic';

/** The table's file, relative to the output folder; n counts the report's tables from 1. */
export function genericTableFile(report: Report, t: GenericTable): string {
  const n = report.genericTables.indexOf(t) + 1;
  return `${GENERIC_TABLES_DIR}/${report.id}-${n}.csv`;
}

/**
 * Column names as the schema and the header row carry them, by the naming rule of tables/header.ts: a blank name
 * becomes `col_<n>`, repeated names get " (2)", " (3)"… Names are also put on one line and guarded against
 * running as a formula, and a body row wider than the header gets names for its extra columns.
 */
export function genericColumnNames(t: GenericTable): string[] {
  const width = Math.max(1, t.header.length, ...t.rows.map((r) => r.length));
  const names = Array.from({ length: width }, (_, k) => guardFormula(collapseWhitespace(t.header[k] ?? '') || blankColumnName(k)));
  return uniqueNames(names);
}

function genericRows(t: GenericTable, width: number): CsvRow[] {
  return t.rows.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? ''));
}

export function genericTableCsv(report: Report, t: GenericTable): CsvResource {
  const names = genericColumnNames(t);
  const fields = names.map((name, k): Field => ({ name, type: 'string', description: `Column ${k + 1} as printed` }));
  const path = genericTableFile(report, t);
  const n = report.genericTables.indexOf(t) + 1;
  const pages = t.pages.length > 0 ? ` on page ${t.pages.join(', ')}` : '';
  return {
    name: `generic-${report.id}-${n}`,
    path,
    title: `${report.source.file}: table ${n}`,
    description: `Table ${n} of ${report.source.file}${pages} (found by ${t.method}), header rows flattened`,
    fields,
    rows: () => genericRows(t, names.length),
  };
}

export function genericTablesCsv(reports: readonly Report[]): CsvResource[] {
  return reports.flatMap((r) => r.genericTables.map((t) => genericTableCsv(r, t)));
}
