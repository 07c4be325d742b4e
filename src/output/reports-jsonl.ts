/** `reports.jsonl`: one JSON object per line and report, holding everything nianbao knows of it (snake_case keys). */
import type { IndicatorSet } from './indicators-csv.js';
import { genericTableFile } from './generic-tables.js';
import { warningCodes, writtenLayouts } from './reports-csv.js';
import type { Message } from '../report/flags.js';
import type { CheckResult, KeyedCell, Report } from '../report/report.js';

function cellJson(c: KeyedCell): Record<string, unknown> {
  return {
    table: c.table,
    row_key: c.rowKey,
    col_key: c.colKey,
    value: c.value,
    unit: c.unit,
    provenance: c.provenance,
    raw: c.raw,
    row_label: c.rowLabel,
    col_label: c.colLabel,
    page: c.page,
    // Where on the page the value was read (PDF cells; null otherwise), so `nianbao review` can outline the cell.
    box: c.box === undefined ? null : { x0: c.box.x0, y0: c.box.y0, x1: c.box.x1, y1: c.box.y1 },
    flags: c.flags,
  };
}

export function checkJson(c: CheckResult): Record<string, unknown> {
  return {
    check_id: c.checkId,
    table: c.table,
    subject: c.subject,
    expected: c.expected,
    actual: c.actual,
    status: c.status,
    note: c.note,
  };
}

function messageJson(m: Message): Record<string, unknown> {
  const where = m.where ? { page: m.where.page, table: m.where.table, row_key: m.where.rowKey, col_key: m.where.colKey } : undefined;
  return { code: m.code, severity: m.severity, text: m.text, where };
}

/** The JSON object of one report (before serialisation). */
export function reportJson(report: Report, indicators: IndicatorSet): Record<string, unknown> {
  const { meta } = report;
  return {
    report_id: report.id,
    source_file: report.source.file,
    sha256: report.source.sha256,
    bytes: report.source.bytes,
    format: report.format,
    pages: report.pages,
    status: report.status,
    error: report.error,
    meta: {
      agency: meta.agency,
      township: meta.township,
      county: meta.county,
      city: meta.city,
      province: meta.province,
      division_code: meta.divisionCode,
      year: meta.year,
      published_on: meta.publishedOn,
      title: meta.title,
    },
    layouts: writtenLayouts(report),
    cells: report.cells.map(cellJson),
    checks: report.checks.map(checkJson),
    warnings: warningCodes(report),
    messages: report.messages.map(messageJson),
    indicators: Object.fromEntries(indicators.compute(report.cells)),
    generic_tables: report.genericTables.map((t) => ({
      file: genericTableFile(report, t),
      index: t.index,
      pages: t.pages,
      method: t.method,
      header: t.header,
      rows: t.rows,
    })),
    text: report.text,
  };
}

/** One line per report, each ending in `\n`. */
export function* reportsJsonlChunks(reports: readonly Report[], indicators: IndicatorSet): Generator<string> {
  for (const report of reports) yield `${JSON.stringify(reportJson(report, indicators))}\n`;
}

export const REPORTS_JSONL_PATH = 'reports.jsonl';
