/**
 * The checks that compare reports with each other (S1, year over year). A batch keeps only a small
 * `YearInput` per report while it runs, and evaluates S1 once every report is known.
 */
import { cellLookup } from './report/cell-index.js';
import { REQUEST_COLUMNS } from './report/relations.js';
import type { CheckResult, KeyedCell, Report } from './report/report.js';
import { agencyIdentity, yearOverYearChecksByReport, type YearReport } from './report/year-over-year.js';

/** What S1 needs of one report: who published it, for which year, and the two rows it compares (REQUEST_COLUMNS order). */
export type YearInput = {
  readonly agency: string | null;
  readonly divisionCode: string | null;
  readonly year: number;
  readonly carriedOver: readonly (number | null)[];
  readonly carriedForward: readonly (number | null)[];
};

const CARRIED_OVER = 'carried_over';
const CARRIED_FORWARD = 'carried_forward';

/** The S1 input of a report, or null when S1 cannot apply to it (no year, or no way to tell its agency). */
export function yearInputOf(report: Report): YearInput | null {
  const { agency, divisionCode, year } = report.meta;
  if (year === null || agencyIdentity({ agency, divisionCode }) === null) return null;
  const lookup = cellLookup(report.cells);
  return {
    agency,
    divisionCode,
    year,
    carriedOver: REQUEST_COLUMNS.map((c) => lookup('requests', CARRIED_OVER, c)),
    carriedForward: REQUEST_COLUMNS.map((c) => lookup('requests', CARRIED_FORWARD, c)),
  };
}

function rowCells(rowKey: string, values: readonly (number | null)[]): KeyedCell[] {
  return REQUEST_COLUMNS.map((colKey, i) => ({
    table: 'requests',
    rowKey,
    colKey,
    value: values[i] ?? null,
    unit: '件',
    provenance: 'printed',
    raw: '',
    rowLabel: '',
    colLabel: '',
    page: null,
    flags: [],
  }));
}

function yearReportOf(input: YearInput): YearReport {
  return {
    agency: input.agency,
    divisionCode: input.divisionCode,
    year: input.year,
    cells: [...rowCells(CARRIED_OVER, input.carriedOver), ...rowCells(CARRIED_FORWARD, input.carriedForward)],
  };
}

/**
 * S1 checks per SHA-256: each distinct file counts once (the same report under two names is not two agencies'
 * reports), and files without checks are absent from the map.
 */
export function yearOverYearBySha(entries: Iterable<{ readonly sha256: string; readonly year: YearInput | null }>): Map<string, CheckResult[]> {
  const inputs = new Map<string, YearInput>();
  for (const e of entries) if (e.year !== null && !inputs.has(e.sha256)) inputs.set(e.sha256, e.year);
  const shas = [...inputs.keys()];
  const checks = yearOverYearChecksByReport([...inputs.values()].map(yearReportOf));
  const bySha = new Map<string, CheckResult[]>();
  shas.forEach((sha, i) => {
    const list = checks[i] ?? [];
    if (list.length > 0) bySha.set(sha, list);
  });
  return bySha;
}
