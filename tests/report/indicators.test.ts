import { describe, expect, it } from 'vitest';
import { computeIndicators, INDICATOR_KEYS, INDICATORS } from '../../src/report/indicators.js';
import type { KeyedCell, TableId } from '../../src/report/report.js';

const COLS = ['natural_person', 'legal_person.commercial', 'legal_person.research', 'legal_person.public_interest', 'legal_person.legal_services', 'legal_person.other', 'total'];
const OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'];

function cell(table: TableId, rowKey: string, colKey: string, value: number | null, provenance: KeyedCell['provenance'] = 'printed'): KeyedCell {
  const blank = value === null && provenance === 'printed';
  return {
    table, rowKey, colKey, value, unit: '件', provenance: blank ? 'blank' : provenance, raw: value === null ? '' : String(value),
    rowLabel: rowKey, colLabel: colKey, page: null, flags: [],
  };
}

/** A Table B row: seven values in column order. */
function bRow(rowKey: string, values: readonly (number | null)[]): KeyedCell[] {
  return COLS.map((col, i) => cell('requests', rowKey, col, values[i] ?? null));
}

/** A Table C row: five values (upheld, corrected, other, pending, total). */
function cRow(rowKey: string, values: readonly (number | null)[]): KeyedCell[] {
  return OUTCOMES.map((col, i) => cell('review_litigation', rowKey, col, values[i] ?? null));
}

/** Only the total column matters for most indicators; the other columns are filled to keep rows realistic. */
function totalOnly(rowKey: string, total: number | null): KeyedCell[] {
  return bRow(rowKey, [total, 0, 0, 0, 0, 0, total]);
}

/** A 2021 report with non-zero numbers (R1 and R3 hold: 25 + 1 = 24 + 2; 4+3+3+13+1+0 = 24). */
function busyReport(): KeyedCell[] {
  return [
    ...bRow('new_received', [15, 5, 0, 0, 4, 1, 25]),
    ...totalOnly('carried_over', 1),
    ...totalOnly('result.disclosed', 4),
    ...totalOnly('result.partially_disclosed', 3),
    ...['state_secret', 'prohibited_by_law', 'security_stability', 'internal_affairs', 'enforcement_case_file', 'administrative_inquiry'].flatMap((k) => totalOnly(`result.withheld.${k}`, 0)),
    ...totalOnly('result.withheld.third_party_rights', 2),
    ...totalOnly('result.withheld.process_information', 1),
    ...COLS.map((col) => cell('requests', 'result.withheld.subtotal', col, null, 'derived')),
    ...totalOnly('result.unable.not_held', 8),
    ...totalOnly('result.unable.requires_creation', 2),
    ...totalOnly('result.unable.unclear_after_correction', 3),
    ...totalOnly('result.not_processed.duplicate', 1),
    ...totalOnly('result.total', 24),
    ...totalOnly('carried_forward', 2),
    ...cRow('review', [2, 1, 0, 1, 4]),
    ...cRow('litigation.direct', [1, 0, 0, 0, 1]),
    ...cRow('litigation.after_review', [0, 1, 0, 1, 2]),
  ];
}

describe('computeIndicators', () => {
  it('computes every indicator of a busy report (rates rounded to 4 decimals)', () => {
    expect(computeIndicators(busyReport())).toEqual({
      applications_received: 25,
      handled: 24,
      workload: 26,
      natural_person_share: 0.6, // 15 / 25
      disclosure_rate: 0.2917, // (4 + 3) / 24
      full_disclosure_rate: 0.1667, // 4 / 24
      withheld_rate: 0.125, // (2 + 1) / 24, summed from the leaves: the derived cell came empty
      not_held_rate: 0.3333, // 8 / 24
      review_correction_rate: 0.3333, // 1 / (4 − 1)
      litigation_correction_rate: 0.5, // (0 + 1) / ((1 + 2) − (0 + 1))
      dispute_rate: 0.2083, // (4 + 1) / 24
      backlog_rate: 0.0769, // 2 / (25 + 1)
    });
  });

  it('uses a derived subtotal when the cells carry its value', () => {
    const cells = busyReport().map((c) => (c.rowKey === 'result.withheld.subtotal' && c.colKey === 'total' ? { ...c, value: 6 } : c));
    expect(computeIndicators(cells).withheld_rate).toBe(0.25);
  });

  it('gives null, not 0 or Infinity, when a denominator is 0', () => {
    const cells = [
      ...bRow('new_received', [0, 0, 0, 0, 0, 0, 0]),
      ...totalOnly('carried_over', 0),
      ...totalOnly('result.disclosed', 0),
      ...totalOnly('result.partially_disclosed', 0),
      ...totalOnly('result.unable.not_held', 0),
      ...totalOnly('result.total', 0),
      ...totalOnly('carried_forward', 0),
      ...cRow('review', [0, 0, 0, 2, 2]),
      ...cRow('litigation.direct', [0, 0, 0, 0, 0]),
      ...cRow('litigation.after_review', [0, 0, 0, 0, 0]),
    ];
    const result = computeIndicators(cells);
    expect(result).toMatchObject({ applications_received: 0, handled: 0, workload: 0 });
    expect(result.natural_person_share).toBeNull();
    expect(result.disclosure_rate).toBeNull();
    expect(result.backlog_rate).toBeNull();
    expect(result.review_correction_rate).toBeNull(); // all 2 reviews pending: 2 − 2 = 0
    expect(result.litigation_correction_rate).toBeNull();
  });

  it('gives null when an input is blank or missing', () => {
    const cells = busyReport()
      .filter((c) => !(c.rowKey === 'carried_over'))
      .map((c) => (c.rowKey === 'result.withheld.state_secret' && c.colKey === 'total' ? { ...c, value: null, provenance: 'blank' as const } : c));
    const result = computeIndicators(cells);
    expect(result.workload).toBeNull();
    expect(result.backlog_rate).toBeNull();
    expect(result.withheld_rate).toBeNull();
    expect(result.applications_received).toBe(25);
    expect(result.not_held_rate).toBe(0.3333);
  });

  it('gives all null for a report without tables', () => {
    expect(Object.values(computeIndicators([])).every((v) => v === null)).toBe(true);
  });
});

describe('INDICATORS', () => {
  it('describes every key once, with its formula over canonical keys', () => {
    expect(INDICATORS.map((i) => i.key)).toEqual([...INDICATOR_KEYS]);
    const byKey = Object.fromEntries(INDICATORS.map((i) => [i.key, i]));
    expect(byKey.review_correction_rate?.formula).toBe('C[review,corrected] / (C[review,total] − C[review,pending])');
    expect(byKey.disclosure_rate?.formula).toBe('(B[result.disclosed,total] + B[result.partially_disclosed,total]) / B[result.total,total]');
    expect(byKey.applications_received?.formula).toBe('B[new_received,total]');
    expect(byKey.disclosure_rate?.name).toBe('公开率');
    expect(byKey.handled).toMatchObject({ unit: '件', type: 'integer' });
    expect(byKey.backlog_rate).toMatchObject({ unit: 'ratio', type: 'number' });
  });
});
