import { describe, expect, it } from 'vitest';
import { deriveCells } from '../../src/report/derive.js';
import { computeIndicators, INDICATOR_KEYS, INDICATORS } from '../../src/report/indicators.js';
import { rowDef } from '../../src/report/layouts.js';
import type { KeyedCell } from '../../src/report/report.js';
import { find, requestRow, reviewRow, tableCells, type CellValue, type TableValues } from './keyed-cells.js';

/** Only the total column matters for most indicators; natural_person repeats it so that R2 holds. */
function totalOnly(rowKey: string, total: CellValue): TableValues {
  return requestRow(rowKey, [total, 0, 0, 0, 0, 0, total]);
}

/** Every cell of 2021 Tables B and C, unlisted printed cells `fill`, derived cells computed as the pipeline does. */
function report(requests: TableValues, review: readonly CellValue[], fill: CellValue = 0): KeyedCell[] {
  return deriveCells([
    ...tableCells('requests', '2021', requests, fill),
    ...tableCells('review_litigation', '2021', reviewRow(review), fill),
  ]);
}

/** A 2021 Table B with non-zero numbers (R1 and R3 hold: 25 + 1 = 24 + 2; 4+3+3+13+1+0 = 24); other leaves print 0. */
const BUSY_REQUESTS: TableValues = {
  ...requestRow('new_received', [15, 5, 0, 0, 4, 1, 25]),
  ...totalOnly('carried_over', 1),
  ...totalOnly('result.disclosed', 4),
  ...totalOnly('result.partially_disclosed', 3),
  ...totalOnly('result.withheld.third_party_rights', 2),
  ...totalOnly('result.withheld.process_information', 1),
  ...totalOnly('result.unable.not_held', 8),
  ...totalOnly('result.unable.requires_creation', 2),
  ...totalOnly('result.unable.unclear_after_correction', 3),
  ...totalOnly('result.not_processed.duplicate', 1),
  ...totalOnly('result.total', 24),
  ...totalOnly('carried_forward', 2),
};

/** Table C's flat row: review 2 1 0 1 4 | direct 1 0 0 0 1 | after review 0 1 0 1 2. */
const BUSY_REVIEW: readonly CellValue[] = [2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 0, 1, 0, 1, 2];

/** The eight 不予公开 reasons, in layout order (from the layout data). */
const WITHHELD_LEAVES = rowDef('requests', 'result.withheld.subtotal')!.sumOf!;

describe('computeIndicators', () => {
  it('computes every indicator of a busy report (rates rounded to 4 decimals)', () => {
    expect(computeIndicators(report(BUSY_REQUESTS, BUSY_REVIEW))).toEqual({
      applications_received: 25,
      handled: 24,
      workload: 26,
      natural_person_share: 0.6, // 15 / 25
      disclosure_rate: 0.2917, // (4 + 3) / 24
      full_disclosure_rate: 0.1667, // 4 / 24
      withheld_rate: 0.125, // (2 + 1) / 24: the derived subtotal of eight printed leaves
      not_held_rate: 0.3333, // 8 / 24
      review_correction_rate: 0.3333, // 1 / (4 − 1)
      litigation_correction_rate: 0.5, // (0 + 1) / ((1 + 2) − (0 + 1)), litigation.all derived
      dispute_rate: 0.2083, // (4 + 1) / 24
      backlog_rate: 0.0769, // 2 / (25 + 1)
    });
  });

  it('takes the value a derived subtotal carries when nothing flagged it', () => {
    const cells = report(BUSY_REQUESTS, BUSY_REVIEW).map((c) =>
      c.rowKey === 'result.withheld.subtotal' && c.colKey === 'total' ? { ...c, value: 6 } : c,
    );
    expect(computeIndicators(cells).withheld_rate).toBe(0.25);
  });

  it('gives null, not 0 or Infinity, when a denominator is 0', () => {
    const review = [0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const result = computeIndicators(report({}, review));
    expect(result).toMatchObject({ applications_received: 0, handled: 0, workload: 0 });
    expect(result.natural_person_share).toBeNull();
    expect(result.disclosure_rate).toBeNull();
    expect(result.withheld_rate).toBeNull();
    expect(result.backlog_rate).toBeNull();
    expect(result.review_correction_rate).toBeNull(); // all 2 reviews pending: 2 − 2 = 0
    expect(result.litigation_correction_rate).toBeNull();
  });

  it('gives null when an input is blank or missing, also behind a derived subtotal', () => {
    const cells = report(
      { ...BUSY_REQUESTS, ...requestRow('carried_over', Array<CellValue>(7).fill('missing')), 'result.withheld.state_secret/total': 'blank' },
      BUSY_REVIEW,
    );
    // deriveCells still sums the subtotal (blank as 0) and flags it; the indicator must not use that sum.
    expect(find(cells, 'requests', 'result.withheld.subtotal', 'total')).toMatchObject({ value: 3, flags: ['blank_as_zero'] });
    const result = computeIndicators(cells);
    expect(result.workload).toBeNull();
    expect(result.backlog_rate).toBeNull();
    expect(result.withheld_rate).toBeNull();
    expect(result.applications_received).toBe(25);
    expect(result.not_held_rate).toBe(0.3333);
  });

  it('does not count blank leaves as 0: one printed reason of 3, seven blank, 总计 10 gives no 不予公开率', () => {
    const values: TableValues = {
      'result.total/total': 10,
      ...Object.fromEntries(WITHHELD_LEAVES.map((k, i): [string, CellValue] => [`${k}/total`, i === 0 ? 3 : 'blank'])),
    };
    const cells = deriveCells(tableCells('requests', '2021', values, 'blank'));
    expect(find(cells, 'requests', 'result.withheld.subtotal', 'total')).toMatchObject({ value: 3, flags: ['blank_as_zero'] });
    expect(computeIndicators(cells).withheld_rate).toBeNull();
    // The same cells before deriveCells: the lookup derives the subtotal with the same rule.
    expect(computeIndicators(tableCells('requests', '2021', values, 'blank')).withheld_rate).toBeNull();
    // With the seven reasons printed as 0 the rate is 3 / 10.
    const zeros = Object.fromEntries(WITHHELD_LEAVES.slice(1).map((k): [string, CellValue] => [`${k}/total`, 0]));
    expect(computeIndicators(deriveCells(tableCells('requests', '2021', { ...values, ...zeros }, 'blank'))).withheld_rate).toBe(0.3);
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
