/** `reports.csv`: one row per input file, with its status, metadata, layouts and counts. */
import { joinCodes, type CsvResource, type CsvRow, type Field } from './csv.js';
import type { Format } from '../extract/document.js';
import { TABLE_IDS, type Layout, type Report, type TableId } from '../report/report.js';

const FORMATS: readonly Format[] = ['pdf', 'docx', 'doc', 'html', 'text'];
const STATUSES = ['ok', 'partial', 'not_a_report', 'failed'] as const;
const LAYOUTS = ['2019', '2021', 'mixed', 'legacy', 'absent'] as const;

function layoutField(table: TableId): Field {
  return {
    name: `layout_${table}`,
    type: 'string',
    enum: LAYOUTS,
    description: `Layout of the ${table} table, decided from its labels (not the year): 2019, 2021, mixed, legacy or absent; blank when the file failed`,
  };
}

export const REPORTS_FIELDS: readonly Field[] = [
  { name: 'report_id', type: 'string', description: "First 12 hex digits of the file's SHA-256: stable across runs, renames and machines" },
  { name: 'source_file', type: 'string', description: 'Path of the input file, relative to the input folder' },
  { name: 'sha256', type: 'string', description: 'SHA-256 of the file bytes (hex)' },
  { name: 'format', type: 'string', enum: FORMATS, description: 'Format read from the bytes (not the extension); blank when it could not be told' },
  { name: 'pages', type: 'integer', description: 'Number of pages (PDF only; blank for other formats and failed files)' },
  { name: 'status', type: 'string', enum: STATUSES, description: 'ok, partial (tables or rows missing), not_a_report (no standard table) or failed (unreadable)' },
  { name: 'error', type: 'string', description: 'Why the file failed or is not a report, in plain words' },
  { name: 'agency', type: 'string', description: 'Agency that published the report' },
  { name: 'township', type: 'string', description: 'Township (乡镇/街道) of the agency, when it is one' },
  { name: 'county', type: 'string', description: 'County-level division of the agency' },
  { name: 'city', type: 'string', description: 'Prefecture-level division of the agency' },
  { name: 'province', type: 'string', description: 'Province-level division of the agency' },
  { name: 'division_code', type: 'string', description: 'Official administrative division code of the smallest division resolved' },
  { name: 'year', type: 'integer', description: 'Year the report covers (from the title or body, not the signature date)' },
  { name: 'published_on', type: 'date', description: 'Date the report was signed or published (YYYY-MM-DD)' },
  layoutField('active_disclosure'),
  layoutField('requests'),
  layoutField('review_litigation'),
  { name: 'cells', type: 'integer', description: 'Rows this report has in cells.csv (printed, blank, missing and derived cells)' },
  { name: 'checks_failed', type: 'integer', description: 'Consistency relations that failed (rows of checks.csv with status fail)' },
  { name: 'warnings', type: 'string', description: "Report-level message codes, each once, joined with ';' (details in reports.jsonl)" },
  { name: 'title', type: 'string', description: 'Title of the report as printed' },
];

/** Message codes of a report, each once, in the order they were raised. */
export function warningCodes(report: Report): string[] {
  return [...new Set(report.messages.map((m) => m.code))];
}

/**
 * The layout of each standard table as written out, in reports.csv and reports.jsonl alike: null for every table
 * of a failed file, which was never read (its stored layouts say 'absent', which would claim it was).
 */
export function writtenLayouts(report: Report): Record<TableId, Layout | null> {
  const failed = report.status === 'failed';
  return Object.fromEntries(TABLE_IDS.map((t) => [t, failed ? null : report.layouts[t]])) as Record<TableId, Layout | null>;
}

export function reportRow(report: Report): CsvRow {
  const { meta } = report;
  const layouts = writtenLayouts(report);
  return [
    report.id,
    report.source.file,
    report.source.sha256,
    report.format,
    report.pages,
    report.status,
    report.error,
    meta.agency,
    meta.township,
    meta.county,
    meta.city,
    meta.province,
    meta.divisionCode,
    meta.year,
    meta.publishedOn,
    layouts.active_disclosure,
    layouts.requests,
    layouts.review_litigation,
    report.cells.length,
    report.checks.filter((c) => c.status === 'fail').length,
    joinCodes(warningCodes(report)),
    meta.title,
  ];
}

export function reportsCsv(reports: readonly Report[]): CsvResource {
  return {
    name: 'reports',
    path: 'reports.csv',
    title: 'Reports',
    description: 'One row per input file: status, error, metadata, the layout of each standard table, counts and warnings',
    fields: REPORTS_FIELDS,
    primaryKey: ['source_file'],
    rows: () => reports.map(reportRow),
  };
}
