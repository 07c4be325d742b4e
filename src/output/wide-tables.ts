/**
 * `tables/<table>.csv`: the wide form, one row per report × row key, one column per column key of the table
 * (every layout's columns, so 2019 and 2021 reports share one file; a column a layout lacks stays blank).
 */
import type { CsvResource, CsvRow, Field } from './csv.js';
import { allColumnKeys, columnDef, rowDef } from '../report/layouts.js';
import { TABLE_IDS, type KeyedCell, type Report, type TableId } from '../report/report.js';

const IDENTITY_FIELDS: readonly Field[] = [
  { name: 'report_id', type: 'string', description: 'Report the row belongs to (see reports.csv)' },
  { name: 'source_file', type: 'string', description: 'Path of the input file, relative to the input folder' },
  { name: 'agency', type: 'string', description: 'Agency that published the report' },
  { name: 'year', type: 'integer', description: 'Year the report covers' },
  { name: 'row_key', type: 'string', description: 'Canonical row key' },
  { name: 'row_label', type: 'string', description: 'Row label as printed (the canonical label for derived rows)' },
];

function valueField(table: TableId, colKey: string): Field {
  const def = columnDef(table, colKey);
  const money = def?.kind === 'money';
  return {
    name: colKey,
    // Counts are whole numbers when printed right, but a misprinted count is kept as printed (flag not_a_count).
    type: 'number',
    unit: money ? '万元' : '件',
    description: def ? `${def.label}: ${def.description}` : colKey,
  };
}

export function wideFields(table: TableId): Field[] {
  return [...IDENTITY_FIELDS, ...allColumnKeys(table).map((k) => valueField(table, k))];
}

/** The cells of one table grouped by row key, rows in the order the report lists them. */
function cellsByRow(cells: readonly KeyedCell[], table: TableId): Map<string, KeyedCell[]> {
  const rows = new Map<string, KeyedCell[]>();
  for (const c of cells) {
    if (c.table !== table) continue;
    const row = rows.get(c.rowKey);
    if (row) row.push(c);
    else rows.set(c.rowKey, [c]);
  }
  return rows;
}

function rowLabelOf(table: TableId, rowKey: string, cells: readonly KeyedCell[]): string {
  const printed = cells.find((c) => c.rowLabel !== '')?.rowLabel;
  return printed ?? rowDef(table, rowKey)?.label ?? '';
}

export function* wideRows(reports: readonly Report[], table: TableId): Generator<CsvRow> {
  const colKeys = allColumnKeys(table);
  for (const report of reports) {
    for (const [rowKey, cells] of cellsByRow(report.cells, table)) {
      const byCol = new Map(cells.map((c) => [c.colKey, c.value]));
      yield [
        report.id,
        report.source.file,
        report.meta.agency,
        report.meta.year,
        rowKey,
        rowLabelOf(table, rowKey, cells),
        ...colKeys.map((k) => byCol.get(k) ?? null),
      ];
    }
  }
}

export function wideTableCsv(reports: readonly Report[], table: TableId): CsvResource {
  return {
    name: `table-${table.replaceAll('_', '-')}`,
    path: `tables/${table}.csv`,
    title: `Table ${table} (wide form)`,
    description: `One row per report and row key of the ${table} table, one column per column key; blank cells stay empty`,
    fields: wideFields(table),
    primaryKey: ['source_file', 'row_key'],
    rows: () => wideRows(reports, table),
  };
}

export function wideTablesCsv(reports: readonly Report[]): CsvResource[] {
  return TABLE_IDS.map((t) => wideTableCsv(reports, t));
}
