/**
 * The report model: what recognition, normalisation and checks produce, and what every writer reads.
 * Field names follow the output contract of DESIGN.md (the writers only rename to snake_case).
 */
import type { Box, Format } from '../extract/document.js';
import type { Table } from '../tables/table.js';
import type { FlagCode, Message } from './flags.js';

export const TABLE_IDS = ['active_disclosure', 'requests', 'review_litigation'] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** Layout per table, decided from its labels (never from the year). */
export type Layout = '2019' | '2021' | 'mixed' | 'legacy' | 'absent';

export type Provenance = 'printed' | 'blank' | 'missing' | 'derived';

export type Unit = '件' | '万元';

export type Status = 'ok' | 'partial' | 'not_a_report' | 'failed';

/** One canonical cell: `<table>/<rowKey>/<colKey>`. */
export type KeyedCell = {
  readonly table: TableId;
  readonly rowKey: string;
  readonly colKey: string;
  /** A plain number; null for a blank, missing or unreadable cell. Never 0 for a blank. */
  readonly value: number | null;
  readonly unit: Unit | null;
  readonly provenance: Provenance;
  /** Cell text as printed, whitespace collapsed ('' when blank or missing). */
  readonly raw: string;
  /** The printed labels the keys were matched from (canonical label for derived cells). */
  readonly rowLabel: string;
  readonly colLabel: string;
  /** 1-based page where it was read (PDF), else null. */
  readonly page: number | null;
  /** Where on `page` the value was read (points, top-left origin), when the extractor knows it (PDF). */
  readonly box?: Box;
  readonly flags: readonly FlagCode[];
};

export type CheckStatus = 'pass' | 'fail' | 'not_evaluable';

export type CheckResult = {
  /** R1…R5 (DOMAIN.md §3), S5 etc. */
  readonly checkId: string;
  readonly table: TableId;
  /** What the relation was evaluated on, e.g. `col=natural_person` or `row=review`. */
  readonly subject: string;
  readonly expected: number | null;
  readonly actual: number | null;
  readonly status: CheckStatus;
  /** The formula, and e.g. `blank_as_zero` or which terms were missing. */
  readonly note: string;
};

export type ReportMeta = {
  readonly agency: string | null;
  readonly township: string | null;
  readonly county: string | null;
  readonly city: string | null;
  readonly province: string | null;
  readonly divisionCode: string | null;
  readonly year: number | null;
  /** ISO date (YYYY-MM-DD). */
  readonly publishedOn: string | null;
  readonly title: string | null;
};

/** A table found anywhere in the report, header rows flattened into one name per column. */
export type GenericTable = {
  readonly index: number;
  readonly pages: readonly number[];
  readonly method: Table['method'];
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
};

export type SourceInfo = {
  /** Path as given, relative to the input root. */
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
};

export type Report = {
  /** First 12 hex digits of the file's SHA-256. */
  readonly id: string;
  readonly source: SourceInfo;
  readonly format: Format | null;
  readonly pages: number | null;
  readonly status: Status;
  /** Plain-words reason when status is failed (or not_a_report). */
  readonly error: string | null;
  readonly meta: ReportMeta;
  readonly layouts: Readonly<Record<TableId, Layout>>;
  readonly cells: readonly KeyedCell[];
  readonly checks: readonly CheckResult[];
  readonly messages: readonly Message[];
  readonly genericTables: readonly GenericTable[];
  /** Full text in reading order, tables as tab-separated rows. */
  readonly text: string;
};

export const EMPTY_META: ReportMeta = {
  agency: null,
  township: null,
  county: null,
  city: null,
  province: null,
  divisionCode: null,
  year: null,
  publishedOn: null,
  title: null,
};

export const ABSENT_LAYOUTS: Readonly<Record<TableId, Layout>> = {
  active_disclosure: 'absent',
  requests: 'absent',
  review_litigation: 'absent',
};

export function reportIdOf(sha256: string): string {
  return sha256.slice(0, 12);
}

/** The report of a file that could not be read at all. */
export function failedReport(source: SourceInfo, error: string, format: Format | null = null): Report {
  return {
    id: reportIdOf(source.sha256),
    source,
    format,
    pages: null,
    status: 'failed',
    error,
    meta: EMPTY_META,
    layouts: ABSENT_LAYOUTS,
    cells: [],
    checks: [],
    messages: [],
    genericTables: [],
    text: '',
  };
}
