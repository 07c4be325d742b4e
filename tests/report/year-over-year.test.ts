import { describe, expect, it } from 'vitest';
import { agencyIdentity, yearOverYearChecks, yearOverYearChecksByReport, type YearReport } from '../../src/report/year-over-year.js';
import type { KeyedCell } from '../../src/report/report.js';

const COLS = ['natural_person', 'legal_person.commercial', 'legal_person.research', 'legal_person.public_interest', 'legal_person.legal_services', 'legal_person.other', 'total'];

function row(rowKey: string, values: readonly (number | null)[]): KeyedCell[] {
  return COLS.map((colKey, i) => {
    const value = values[i] ?? null;
    return {
      table: 'requests', rowKey, colKey, value, unit: '件', provenance: value === null ? 'blank' : 'printed',
      raw: value === null ? '' : String(value), rowLabel: rowKey, colLabel: colKey, page: null, flags: [],
    };
  });
}

function report(agency: string, divisionCode: string | null, year: number | null, cells: KeyedCell[]): YearReport {
  return { agency, divisionCode, year, cells };
}

describe('yearOverYearChecks (S1)', () => {
  const y2022 = report('海原县李俊乡人民政府', '640522211', 2022, row('carried_forward', [2, 1, 0, 0, 0, 0, 3]));
  const y2023 = report('李俊乡人民政府', '640522211', 2023, row('carried_over', [2, 0, 0, 0, 0, null, 3]));

  it('compares carried_over(Y) with carried_forward(Y−1) per column', () => {
    const checks = yearOverYearChecks([y2023, y2022]);
    expect(checks.map((c) => [c.subject, c.expected, c.actual, c.status])).toEqual([
      ['col=natural_person', 2, 2, 'pass'],
      ['col=legal_person.commercial', 1, 0, 'fail'],
      ['col=legal_person.research', 0, 0, 'pass'],
      ['col=legal_person.public_interest', 0, 0, 'pass'],
      ['col=legal_person.legal_services', 0, 0, 'pass'],
      ['col=legal_person.other', 0, null, 'not_evaluable'],
      ['col=total', 3, 3, 'pass'],
    ]);
    expect(checks.every((c) => c.checkId === 'S1' && c.table === 'requests')).toBe(true);
    expect(checks[0]?.note).toBe('B[carried_over,natural_person](2023) = B[carried_forward,natural_person](2022)');
  });

  it('attaches the checks to the later report', () => {
    const byReport = yearOverYearChecksByReport([y2022, y2023]);
    expect(byReport[0]).toEqual([]);
    expect(byReport[1]).toHaveLength(7);
  });

  it('does not pair non-consecutive years, other agencies, or a government with its own department', () => {
    const y2021 = report('海原县李俊乡人民政府', '640522211', 2021, row('carried_forward', [0, 0, 0, 0, 0, 0, 0]));
    expect(yearOverYearChecks([y2021, y2023])).toEqual([]);
    const other = report('海原县关桥乡人民政府', '640522200', 2022, row('carried_forward', [2, 0, 0, 0, 0, 0, 2]));
    expect(yearOverYearChecks([other, y2023])).toEqual([]);
    const government = report('海原县人民政府', '640522', 2022, row('carried_forward', [1, 0, 0, 0, 0, 0, 1]));
    const department = report('海原县财政局', '640522', 2023, row('carried_over', [1, 0, 0, 0, 0, 0, 1]));
    expect(yearOverYearChecks([government, department])).toEqual([]);
  });

  it('pairs a county department across years even when the place prefix is written differently', () => {
    const before = report('中卫市海原县财政局', '640522', 2022, row('carried_forward', [1, 0, 0, 0, 0, 0, 1]));
    const after = report('海原县财政局', '640522', 2023, row('carried_over', [1, 0, 0, 0, 0, 0, 1]));
    expect(agencyIdentity(before)).toBe(agencyIdentity(after));
    expect(yearOverYearChecks([before, after]).map((c) => c.status)).toEqual(Array(7).fill('pass'));
  });

  it('skips a year with two reports of the same agency (which one follows is unknown)', () => {
    const twice = report('海原县李俊乡人民政府', '640522211', 2022, row('carried_forward', [0, 0, 0, 0, 0, 0, 0]));
    expect(yearOverYearChecks([y2022, twice, y2023])).toEqual([]);
  });
});
