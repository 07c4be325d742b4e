/** `indicators.csv`: one row per report, identity columns then the headline numbers and rates of DOMAIN.md §5.2. */
import type { CsvResource, CsvRow, Field } from './csv.js';
import type { KeyedCell, Report } from '../report/report.js';

/** What the writer needs to know of an indicator. */
export type IndicatorColumn = {
  readonly key: string;
  readonly type: 'integer' | 'number';
  readonly description: string;
  readonly unit: string;
};

/** A set of indicators: their columns, and how to compute them from a report's cells (null when not computable). */
export type IndicatorSet = {
  readonly columns: readonly IndicatorColumn[];
  readonly compute: (cells: readonly KeyedCell[]) => ReadonlyMap<string, number | null>;
};

const IDENTITY_FIELDS: readonly Field[] = [
  { name: 'report_id', type: 'string', description: 'Report (see reports.csv)' },
  { name: 'source_file', type: 'string', description: 'Path of the input file, relative to the input folder' },
  { name: 'agency', type: 'string', description: 'Agency that published the report' },
  { name: 'division_code', type: 'string', description: 'Official administrative division code of the smallest division resolved' },
  { name: 'province', type: 'string', description: 'Province-level division' },
  { name: 'city', type: 'string', description: 'Prefecture-level division' },
  { name: 'county', type: 'string', description: 'County-level division' },
  { name: 'township', type: 'string', description: 'Township (乡镇/街道)' },
  { name: 'year', type: 'integer', description: 'Year the report covers' },
];

export function indicatorFields(set: IndicatorSet): Field[] {
  return [
    ...IDENTITY_FIELDS,
    ...set.columns.map((c): Field => ({ name: c.key, type: c.type, unit: c.unit, description: c.description })),
  ];
}

export function indicatorRow(report: Report, set: IndicatorSet): CsvRow {
  const { meta } = report;
  const values = set.compute(report.cells);
  return [
    report.id,
    report.source.file,
    meta.agency,
    meta.divisionCode,
    meta.province,
    meta.city,
    meta.county,
    meta.township,
    meta.year,
    ...set.columns.map((c) => values.get(c.key) ?? null),
  ];
}

/** One row per row of reports.csv (failed files and non-reports get blank indicators), so the two join 1:1. */
export function indicatorsCsv(reports: readonly Report[], set: IndicatorSet): CsvResource {
  return {
    name: 'indicators',
    path: 'indicators.csv',
    title: 'Indicators',
    description: 'One row per input file (as reports.csv): headline numbers and rates computed from the cells; blank when a term is blank or missing (also a leaf behind a derived subtotal such as （三）不予公开) or a denominator is 0',
    fields: indicatorFields(set),
    primaryKey: ['source_file'],
    rows: () => reports.map((r) => indicatorRow(r, set)),
  };
}
