/** `cells.csv`: the long (tidy) form, one row per canonical cell of every detected table. */
import { joinCodes, type CsvResource, type CsvRow, type Field } from './csv.js';
import { TABLE_IDS, type KeyedCell, type Report } from '../report/report.js';

export const CELLS_FIELDS: readonly Field[] = [
  { name: 'report_id', type: 'string', description: 'Report the cell belongs to (see reports.csv)' },
  { name: 'source_file', type: 'string', description: 'Path of the input file, relative to the input folder' },
  { name: 'table', type: 'string', enum: TABLE_IDS, description: 'Standard table: active_disclosure, requests or review_litigation' },
  { name: 'row_key', type: 'string', description: 'Canonical row key, e.g. result.withheld.state_secret' },
  { name: 'col_key', type: 'string', description: 'Canonical column key, e.g. legal_person.commercial' },
  { name: 'value', type: 'number', description: 'The number, in the unit of the unit column; blank for a blank, missing or unreadable cell (never 0 for a blank)' },
  { name: 'unit', type: 'string', enum: ['件', '万元'], description: '件 for counts, 万元 for money (amounts printed in 元 are converted)' },
  {
    name: 'provenance',
    type: 'string',
    enum: ['printed', 'blank', 'missing', 'derived'],
    description: 'printed (read from the document), blank (empty, a dash or 无), missing (the document lost it), derived (a subtotal the layout never prints)',
  },
  { name: 'raw', type: 'string', description: 'Cell text as printed, whitespace collapsed' },
  { name: 'row_label', type: 'string', description: 'Row label as printed (the canonical label for derived cells)' },
  { name: 'col_label', type: 'string', description: 'Column label as printed (the canonical label for derived cells)' },
  { name: 'page', type: 'integer', description: '1-based page the cell was read on (PDF only)' },
  { name: 'flags', type: 'string', description: "Cell-level flag codes joined with ';' (e.g. dash_or_word, unit_converted, label_fuzzy)" },
];

export function cellRow(report: Report, c: KeyedCell): CsvRow {
  return [
    report.id,
    report.source.file,
    c.table,
    c.rowKey,
    c.colKey,
    c.value,
    c.unit,
    c.provenance,
    c.raw,
    c.rowLabel,
    c.colLabel,
    c.page,
    joinCodes(c.flags),
  ];
}

export function* cellRows(reports: readonly Report[]): Generator<CsvRow> {
  for (const report of reports) for (const c of report.cells) yield cellRow(report, c);
}

export function cellsCsv(reports: readonly Report[]): CsvResource {
  return {
    name: 'cells',
    path: 'cells.csv',
    title: 'Cells (long form)',
    description: 'One row per canonical cell of each detected standard table: printed, blank, missing and derived cells',
    fields: CELLS_FIELDS,
    primaryKey: ['source_file', 'table', 'row_key', 'col_key'],
    rows: () => cellRows(reports),
  };
}
