/**
 * S1 (DOMAIN.md §3): for the same agency in consecutive years, what a report carries over from the previous
 * year equals what the previous report carried forward: B[carried_over,c](Y) = B[carried_forward,c](Y−1).
 * A soft relation: reorganisations and re-scoping break it, so a failure is a flag, never a rejection.
 */
import { cellLookup } from './cell-index.js';
import { organPartOf, placePartOf } from './agency.js';
import { REQUEST_COLUMNS } from './relations.js';
import type { CheckResult, KeyedCell } from './report.js';

export type YearReport = {
  readonly agency: string | null;
  readonly divisionCode: string | null;
  readonly year: number | null;
  readonly cells: readonly KeyedCell[];
};

/** Length of a township code: a township government is the only publisher of its code. */
const TOWNSHIP_CODE_LENGTH = 9;

/**
 * Who published the report, stable across years: the township code alone, else the code plus the name without
 * its place prefix (a county's government and its departments share the county code), else the name.
 */
export function agencyIdentity(report: Pick<YearReport, 'agency' | 'divisionCode'>): string | null {
  const code = report.divisionCode ?? '';
  if (code.length === TOWNSHIP_CODE_LENGTH) return code;
  const name = report.agency === null ? '' : placePartOf(report.agency);
  if (code === '') return name === '' ? null : `name:${name}`;
  return `${code}:${organPartOf(report.agency ?? '')}`;
}

function checksForPair(current: YearReport, previous: YearReport): CheckResult[] {
  const now = cellLookup(current.cells);
  const before = cellLookup(previous.cells);
  return REQUEST_COLUMNS.map((col) => {
    const expected = before('requests', 'carried_forward', col);
    const actual = now('requests', 'carried_over', col);
    const evaluable = expected !== null && actual !== null;
    return {
      checkId: 'S1',
      table: 'requests',
      subject: `col=${col}`,
      expected,
      actual,
      status: !evaluable ? 'not_evaluable' : expected === actual ? 'pass' : 'fail',
      note: `B[carried_over,${col}](${current.year ?? '?'}) = B[carried_forward,${col}](${previous.year ?? '?'})`,
    };
  });
}

/**
 * S1 checks, one list per input report (aligned with `reports`): a report gets checks when exactly one report
 * of the same agency exists for the year before. Reports without a year or an agency get none.
 */
export function yearOverYearChecksByReport(reports: readonly YearReport[]): CheckResult[][] {
  const byAgencyYear = new Map<string, number[]>();
  reports.forEach((r, i) => {
    const identity = agencyIdentity(r);
    if (identity === null || r.year === null) return;
    const key = `${identity}|${r.year}`;
    byAgencyYear.set(key, [...(byAgencyYear.get(key) ?? []), i]);
  });
  return reports.map((r) => {
    const identity = agencyIdentity(r);
    if (identity === null || r.year === null) return [];
    const previous = byAgencyYear.get(`${identity}|${r.year - 1}`) ?? [];
    const [only] = previous;
    const report = only === undefined ? undefined : reports[only];
    return previous.length === 1 && report !== undefined ? checksForPair(r, report) : [];
  });
}

/** S1 over a batch: every check of every report, in input order. */
export function yearOverYearChecks(reports: readonly YearReport[]): CheckResult[] {
  return yearOverYearChecksByReport(reports).flat();
}
