/**
 * One report's share of every output file, rendered as text where the report is made (a batch worker), so that
 * the batch's serial end only concatenates text instead of formatting 10,000 reports on one thread.
 *
 * The parts are rendered before the batch is complete, so they leave room for the checks that compare reports
 * with each other (S1): `csvPartLines` and `jsonlLine` add those to checks.csv, to `checks_failed` in
 * reports.csv and to the `checks` array of reports.jsonl. Parts assembled with a report's batch checks give exactly the bytes of the
 * same report, with those checks appended, written whole.
 *
 * The big pieces are `Text`: strings where they are rendered, bytes where they are read back from the cache, so
 * the batch's end can copy a cached report's bytes into the output files without ever decoding them.
 */
import { checkRow } from './checks-csv.js';
import { csvLine, csvLines, type CsvRow } from './csv.js';
import { resourceJsonLine } from './datapackage-stream.js';
import { GENERIC_TABLES_DIR } from './generic-tables.js';
import { csvResources } from './index.js';
import { reportFromJson } from './read-reports.js';
import type { IndicatorSet } from './indicators-csv.js';
import { checkJson, reportJson } from './reports-jsonl.js';
import { REPORTS_FIELDS } from './reports-csv.js';
import { textFile } from './text.js';
import type { CheckResult, Report, Status } from '../report/report.js';

/** A piece of output text: a string as rendered, or its UTF-8 bytes as read from the cache (never decoded there). */
export type Text = string | Uint8Array;

/** One generic table: its file, its whole CSV text, and its resource as one line of datapackage.json. */
export type GenericPart = { readonly path: string; readonly csv: Text; readonly resource: string };

/** text/<id>.txt: its path and content. */
export type TextPart = { readonly path: string; readonly content: Text };

/** The reports.jsonl line, cut open at the end of its `checks` array: head + checks + tail. */
export type JsonlPart = {
  /** Everything up to and including `"checks":[`. */
  readonly head: Text;
  /** The report's own checks as JSON, without the brackets (empty when it has none). */
  readonly checks: Text;
  /** From the closing `]` to the end of the line, `\n` included. */
  readonly tail: Text;
};

export type ReportParts = {
  readonly id: string;
  /** The `source_file` the parts were rendered with: they fit only a file of that name. */
  readonly file: string;
  readonly status: Status;
  /** The reports.csv row as values, so batch checks can still change `checks_failed`. */
  readonly reportsRow: CsvRow;
  /** The report's lines of every other fixed CSV (cells.csv, checks.csv, tables/…, indicators.csv), by path. */
  readonly lines: Readonly<Record<string, Text>>;
  readonly jsonl: JsonlPart;
  readonly generic: readonly GenericPart[];
  /** text/<id>.txt, only when it was asked for (a failed report has none). */
  readonly text: TextPart | null;
};

export type PartsOptions = {
  readonly indicators: IndicatorSet;
  readonly nianbaoVersion: string;
  /** Render text/<id>.txt too. */
  readonly text: boolean;
};

const REPORTS_PATH = 'reports.csv';
const CHECKS_PATH = 'checks.csv';
const CHECKS_FAILED = REPORTS_FIELDS.findIndex((f) => f.name === 'checks_failed');

const decoder = new TextDecoder();

/** A piece as a string: decoded when it is bytes (only on rare paths: the batch's end copies bytes as they are). */
export function textOf(text: Text): string {
  return typeof text === 'string' ? text : decoder.decode(text);
}

/** An object's members as JSON, without the braces. */
function members(entries: readonly (readonly [string, unknown])[]): string {
  return JSON.stringify(Object.fromEntries(entries)).slice(1, -1);
}

/** The jsonl line of a report in three pieces (see JsonlPart). */
function jsonlPart(report: Report, indicators: IndicatorSet): JsonlPart {
  const entries = Object.entries(reportJson(report, indicators));
  const at = entries.findIndex(([key]) => key === 'checks');
  const before = members(entries.slice(0, at));
  const after = members(entries.slice(at + 1));
  return {
    head: `{${before === '' ? '' : `${before},`}"checks":[`,
    checks: JSON.stringify(entries[at]?.[1] ?? []).slice(1, -1),
    tail: `]${after === '' ? '' : `,${after}`}}\n`,
  };
}

export function renderParts(report: Report, options: PartsOptions): ReportParts {
  const lines: Record<string, string> = {};
  const generic: GenericPart[] = [];
  let reportsRow: CsvRow = [];
  for (const resource of csvResources([report], options.indicators)) {
    if (resource.path === REPORTS_PATH) reportsRow = [...resource.rows()][0] ?? [];
    else if (!resource.path.startsWith(`${GENERIC_TABLES_DIR}/`)) lines[resource.path] = csvLines(resource.rows());
    else generic.push({ path: resource.path, csv: csvLines([resource.fields.map((f) => f.name), ...resource.rows()]), resource: resourceJsonLine(resource, options) });
  }
  const text = options.text && report.status !== 'failed' ? textFile(report) : null;
  return { id: report.id, file: report.source.file, status: report.status, reportsRow, lines, jsonl: jsonlPart(report, options.indicators), generic, text };
}

/** The reports.csv line, with the failures among the batch checks counted. */
function reportsLine(parts: ReportParts, batchChecks: readonly CheckResult[]): string {
  const failed = batchChecks.filter((c) => c.status === 'fail').length;
  if (failed === 0) return csvLine(parts.reportsRow);
  const row = [...parts.reportsRow];
  row[CHECKS_FAILED] = Number(row[CHECKS_FAILED] ?? 0) + failed;
  return csvLine(row);
}

/** The report's lines of one fixed CSV, batch checks added to checks.csv; as chunks to write one after another. */
export function csvPartLines(parts: ReportParts, path: string, batchChecks: readonly CheckResult[]): Text[] {
  if (path === REPORTS_PATH) return [reportsLine(parts, batchChecks)];
  const own = parts.lines[path] ?? '';
  if (path !== CHECKS_PATH || batchChecks.length === 0) return [own];
  const owner = { id: parts.id, source: { file: parts.file } };
  return [own, csvLines(batchChecks.map((c) => checkRow(owner, c)))];
}

/** The reports.jsonl line, batch checks appended to `checks`; as chunks to write one after another. */
export function jsonlLine(parts: ReportParts, batchChecks: readonly CheckResult[]): Text[] {
  const { head, checks, tail } = parts.jsonl;
  if (batchChecks.length === 0) return [head, checks, tail];
  const added = batchChecks.map((c) => JSON.stringify(checkJson(c))).join(',');
  return [head, checks, checks.length === 0 ? added : `,${added}`, tail];
}

/** The whole Report back from its parts (through its reports.jsonl line), e.g. to render it under another name. */
export function reportFromParts(parts: ReportParts): Report {
  return reportFromJson(JSON.parse(jsonlLine(parts, []).map(textOf).join('')));
}

/** The files of their own the parts give: each generic table, and the text when they hold it. */
export function perReportFiles(parts: ReportParts): TextPart[] {
  const tables = parts.generic.map((g) => ({ path: g.path, content: g.csv }));
  return parts.text === null ? tables : [...tables, parts.text];
}
