/**
 * Reads `reports.jsonl` (output/reports-jsonl.ts) back into Reports, so `nianbao review OUTPUT` can build the
 * review pages of an earlier run. The inverse of `reportJson`: snake_case fields back to the model's names.
 * A line that is not a report object is an error naming its line number (the file is ours; it should not happen).
 */
import type { Box, Format } from '../extract/document.js';
import type { FlagCode, Message, Severity } from '../report/flags.js';
import type { CheckResult, GenericTable, KeyedCell, Layout, Report, ReportMeta, TableId } from '../report/report.js';

type Json = Record<string, unknown>;

export class ReportsFileError extends Error {
  override readonly name = 'ReportsFileError';
}

function obj(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ReportsFileError(`${what} is not an object`);
  return value as Json;
}

function arr(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new ReportsFileError(`${what} is not a list`);
  return value;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function strOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function numOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function boxOf(value: unknown): Box | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const b = value as Json;
  const [x0, y0, x1, y1] = [b.x0, b.y0, b.x1, b.y1].map(numOrNull);
  return x0 == null || y0 == null || x1 == null || y1 == null ? undefined : { x0, y0, x1, y1 };
}

function cellOf(value: unknown): KeyedCell {
  const c = obj(value, 'a cell');
  const cell: KeyedCell = {
    table: str(c.table) as TableId,
    rowKey: str(c.row_key),
    colKey: str(c.col_key),
    value: numOrNull(c.value),
    unit: strOrNull(c.unit) as KeyedCell['unit'],
    provenance: str(c.provenance) as KeyedCell['provenance'],
    raw: str(c.raw),
    rowLabel: str(c.row_label),
    colLabel: str(c.col_label),
    page: numOrNull(c.page),
    flags: arr(c.flags ?? [], 'flags').map(str) as FlagCode[],
  };
  const box = boxOf(c.box);
  return box === undefined ? cell : { ...cell, box };
}

function checkOf(value: unknown): CheckResult {
  const c = obj(value, 'a check');
  return {
    checkId: str(c.check_id),
    table: str(c.table) as TableId,
    subject: str(c.subject),
    expected: numOrNull(c.expected),
    actual: numOrNull(c.actual),
    status: str(c.status) as CheckResult['status'],
    note: str(c.note),
  };
}

function messageOf(value: unknown): Message {
  const m = obj(value, 'a message');
  const base = { code: str(m.code) as FlagCode, severity: str(m.severity) as Severity, text: str(m.text) };
  if (typeof m.where !== 'object' || m.where === null) return base;
  const w = m.where as Json;
  const where = Object.fromEntries(
    [['page', numOrNull(w.page)], ['table', strOrNull(w.table)], ['rowKey', strOrNull(w.row_key)], ['colKey', strOrNull(w.col_key)]].filter(([, v]) => v !== null),
  );
  return { ...base, where };
}

function metaOf(value: unknown): ReportMeta {
  const m = obj(value ?? {}, 'meta');
  return {
    agency: strOrNull(m.agency),
    township: strOrNull(m.township),
    county: strOrNull(m.county),
    city: strOrNull(m.city),
    province: strOrNull(m.province),
    divisionCode: strOrNull(m.division_code),
    year: numOrNull(m.year),
    publishedOn: strOrNull(m.published_on),
    title: strOrNull(m.title),
  };
}

function genericOf(value: unknown): GenericTable {
  const t = obj(value, 'a generic table');
  return {
    index: numOrNull(t.index) ?? 0,
    pages: arr(t.pages ?? [], 'pages').map((p) => numOrNull(p) ?? 0),
    method: str(t.method) as GenericTable['method'],
    header: arr(t.header ?? [], 'header').map(str),
    rows: arr(t.rows ?? [], 'rows').map((r) => arr(r, 'a row').map(str)),
  };
}

/** One line of reports.jsonl as a Report. */
export function reportFromJson(value: unknown): Report {
  const r = obj(value, 'the line');
  const layouts = obj(r.layouts ?? {}, 'layouts');
  return {
    id: str(r.report_id),
    source: { file: str(r.source_file), sha256: str(r.sha256), bytes: numOrNull(r.bytes) ?? 0 },
    format: strOrNull(r.format) as Format | null,
    pages: numOrNull(r.pages),
    status: str(r.status) as Report['status'],
    error: strOrNull(r.error),
    meta: metaOf(r.meta),
    layouts: {
      active_disclosure: (strOrNull(layouts.active_disclosure) ?? 'absent') as Layout,
      requests: (strOrNull(layouts.requests) ?? 'absent') as Layout,
      review_litigation: (strOrNull(layouts.review_litigation) ?? 'absent') as Layout,
    },
    cells: arr(r.cells ?? [], 'cells').map(cellOf),
    checks: arr(r.checks ?? [], 'checks').map(checkOf),
    messages: arr(r.messages ?? [], 'messages').map(messageOf),
    genericTables: arr(r.generic_tables ?? [], 'generic_tables').map(genericOf),
    text: str(r.text),
  };
}
