import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/report/checks.js';
import { deriveCells } from '../../src/report/derive.js';
import type { CheckResult, KeyedCell, Layout, TableId } from '../../src/report/report.js';
import { requestRow, reviewRow, tableCells, type TableValues } from './keyed-cells.js';

type Layouts = Record<TableId, Layout>;
const ALL_2021: Layouts = { active_disclosure: '2021', requests: '2021', review_litigation: '2021' };

function report(layouts: Layouts, requests: TableValues = {}, review: TableValues = {}, fill: 0 | 'blank' = 0): KeyedCell[] {
  return [
    ...tableCells('active_disclosure', layouts.active_disclosure, {}, fill),
    ...tableCells('requests', layouts.requests, requests, fill),
    ...tableCells('review_litigation', layouts.review_litigation, review, fill),
  ];
}

function check(results: readonly CheckResult[], id: string, subject: string): CheckResult {
  const found = results.filter((r) => r.checkId === id && r.subject === subject);
  expect(found, `${id} ${subject}`).toHaveLength(1);
  return found[0] as CheckResult;
}

/** 洪泽区 2023 (shared/corpus/KIROGOVCOMPARE__hzq2023_working.pdf): mixed Table B, Table C violating R4. */
const HONGZE_2023_REQUESTS: TableValues = {
  ...requestRow('new_received', [21, 0, 0, 0, 0, 0, 21]),
  ...requestRow('result.partially_disclosed', [4, 0, 0, 0, 0, 0, 4]),
  ...requestRow('result.withheld.state_secret', [1, 0, 0, 0, 0, 0, 1]),
  ...requestRow('result.withheld.process_information', [1, 0, 0, 0, 0, 0, 1]),
  ...requestRow('result.withheld.enforcement_case_file', [1, 0, 0, 0, 0, 0, 1]),
  ...requestRow('result.unable.not_held', [10, 0, 0, 0, 0, 0, 10]),
  ...requestRow('result.unable.requires_creation', [3, 0, 0, 0, 0, 0, 3]),
  ...requestRow('result.not_processed.petition_complaint', [1, 0, 0, 0, 0, 0, 1]),
  ...requestRow('result.total', [21, 0, 0, 0, 0, 0, 21]),
};
const HONGZE_2023_REVIEW = reviewRow([10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]);

describe('runChecks', () => {
  it('passes every instance of a consistent all-zero 2021 report, one result per instance', () => {
    const results = runChecks(report(ALL_2021), ALL_2021);
    const count = (id: string) => results.filter((r) => r.checkId === id).length;
    expect([count('R1'), count('R2'), count('R3'), count('R4'), count('R5')]).toEqual([7, 25, 7, 3, 5]);
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(check(results, 'R1', 'col=natural_person')).toMatchObject({ table: 'requests', expected: 0, actual: 0 });
    expect(check(results, 'R1', 'col=natural_person').note).toBe(
      'new_received + carried_over = result.total + carried_forward; holds',
    );
  });

  it('reports the 洪泽区 2023 R4 violations and passes its R1, R3 and R5', () => {
    const layouts: Layouts = { active_disclosure: '2021', requests: 'mixed', review_litigation: '2021' };
    const cells = deriveCells(report(layouts, HONGZE_2023_REQUESTS, HONGZE_2023_REVIEW));
    const results = runChecks(cells, layouts);
    expect(check(results, 'R4', 'row=review')).toMatchObject({ status: 'fail', expected: 11, actual: 0 });
    expect(check(results, 'R4', 'row=review').note).toContain('residual 11');
    expect(check(results, 'R4', 'row=litigation.after_review')).toMatchObject({ status: 'fail', expected: 5, actual: 0 });
    expect(check(results, 'R4', 'row=litigation.direct').status).toBe('pass');
    expect(check(results, 'R3', 'col=natural_person')).toMatchObject({ status: 'pass', expected: 21, actual: 21 });
    expect(check(results, 'R5', 'col=upheld')).toMatchObject({ status: 'pass', expected: 5, actual: 5 });
    expect(results.filter((r) => r.status !== 'pass').map((r) => `${r.checkId} ${r.subject}`)).toEqual([
      'R4 row=review',
      'R4 row=litigation.after_review',
    ]);
    expect(results.filter((r) => r.checkId === 'R2')).toHaveLength(23);
  });

  it('checks R1 per column and gives the residual', () => {
    const values = { ...requestRow('new_received', [5, 1, 0, 0, 0, 0, 6]), ...requestRow('result.total', [4, 1, 0, 0, 0, 0, 6]) };
    const results = runChecks(report(ALL_2021, values), ALL_2021);
    expect(check(results, 'R1', 'col=natural_person')).toMatchObject({ status: 'fail', expected: 5, actual: 4 });
    expect(check(results, 'R1', 'col=natural_person').note).toContain('residual 1 (left - right)');
    expect(check(results, 'R1', 'col=legal_person.commercial')).toMatchObject({ status: 'pass', expected: 1, actual: 1 });
    expect(check(results, 'R1', 'col=total').status).toBe('pass');
    expect(check(results, 'R2', 'row=new_received').status).toBe('pass');
    expect(check(results, 'R2', 'row=result.total')).toMatchObject({ status: 'fail', expected: 5, actual: 6 });
  });

  it('passes with blank_as_zero when the numbers are printed only in 总计 (seed 003)', () => {
    const totals = { 'new_received/total': 3, 'result.disclosed/total': 2, 'result.total/total': 3, 'carried_forward/total': 0 };
    const values = { ...totals, 'result.unable.not_held/total': 1 };
    const results = runChecks(report(ALL_2021, values, {}, 'blank'), ALL_2021);
    expect(check(results, 'R1', 'col=total')).toMatchObject({ status: 'pass', expected: 3, actual: 3 });
    expect(check(results, 'R1', 'col=total').note).toContain('blank_as_zero: carried_over');
    expect(check(results, 'R2', 'row=carried_forward')).toMatchObject({ status: 'pass', expected: 0, actual: 0 });
    expect(check(results, 'R2', 'row=carried_forward').note).toContain('blank_as_zero: natural_person, legal_person.commercial');
    // six blanks beside a printed 总计 of 3: no breakdown was printed, so nothing can be said (and nothing is filled in)
    expect(check(results, 'R2', 'row=new_received')).toMatchObject({ status: 'not_evaluable', expected: null, actual: 3 });
    expect(check(results, 'R2', 'row=new_received').note).toContain('not printed (blank), only the other side is');
    expect(check(results, 'R1', 'col=natural_person')).toMatchObject({ status: 'not_evaluable', expected: null, actual: null });
    expect(check(results, 'R1', 'col=natural_person').note).toContain('all terms blank');
    expect(check(results, 'R3', 'col=total').note).toContain('result.unable.requires_creation');
  });

  it('reports what a single blank term would need', () => {
    const review = reviewRow([3, 1, 0, 0, 'blank', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const result = check(runChecks(report(ALL_2021, {}, review), ALL_2021), 'R4', 'row=review');
    expect(result).toMatchObject({ status: 'not_evaluable', expected: 4, actual: null });
    expect(result.note).toContain('blank total would need 4');
    const left = reviewRow([3, 'blank', 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(check(runChecks(report(ALL_2021, {}, left), ALL_2021), 'R4', 'row=review').note).toContain(
      'blank corrected would need 2',
    );
  });

  it('gives a not evaluable side no sum unless every term on it is printed', () => {
    const review = reviewRow([3, 'blank', 0, 0, 'missing', 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    const results = runChecks(report(ALL_2021, {}, review), ALL_2021);
    // upheld 3 + blank corrected + 0 + 0 would sum to 3 only by counting the blank as 0
    expect(check(results, 'R4', 'row=review')).toMatchObject({ status: 'not_evaluable', expected: null, actual: null });
    expect(check(results, 'R4', 'row=litigation.direct')).toMatchObject({ status: 'pass', expected: 1, actual: 1 });
  });

  it('makes a relation that needs a missing or unreadable cell not evaluable', () => {
    const values = { 'carried_over/natural_person': 'missing' as const, 'result.withheld.third_party_rights/total': 'unreadable' as const };
    const results = runChecks(report(ALL_2021, values), ALL_2021);
    expect(check(results, 'R1', 'col=natural_person')).toMatchObject({ status: 'not_evaluable', expected: null, actual: 0 });
    expect(check(results, 'R1', 'col=natural_person').note).toContain('missing carried_over');
    expect(check(results, 'R3', 'col=total')).toMatchObject({ status: 'not_evaluable', expected: null, actual: 0 });
    expect(check(results, 'R3', 'col=total').note).toContain('unreadable result.withheld.third_party_rights');
    expect(check(results, 'R2', 'row=carried_over').status).toBe('not_evaluable');
    expect(check(results, 'R1', 'col=total').status).toBe('pass');
  });

  it('reads result.other.subtotal through its leaves in 2021 and as printed in 2019 and mixed', () => {
    const leaves = { ...requestRow('result.other.fee_unpaid', [2, 0, 0, 0, 0, 0, 2]), ...requestRow('result.total', [2, 0, 0, 0, 0, 0, 2]) };
    const in2021 = runChecks(report(ALL_2021, leaves), ALL_2021);
    expect(check(in2021, 'R3', 'col=natural_person')).toMatchObject({ status: 'pass', expected: 2, actual: 2 });
    expect(check(in2021, 'R2', 'row=result.other.fee_unpaid').status).toBe('pass');
    expect(in2021.some((r) => r.subject === 'row=result.other.subtotal')).toBe(false);

    const missingLeaf = runChecks(report(ALL_2021, { 'result.other.other/total': 'missing' }), ALL_2021);
    expect(check(missingLeaf, 'R3', 'col=total').note).toContain('missing result.other.other');

    const printed = { ...requestRow('result.other.subtotal', [2, 0, 0, 0, 0, 0, 2]), ...requestRow('result.total', [2, 0, 0, 0, 0, 0, 2]) };
    for (const layout of ['2019', 'mixed'] as const) {
      const layouts: Layouts = { active_disclosure: layout === '2019' ? '2019' : '2021', requests: layout, review_litigation: '2019' };
      const results = runChecks(report(layouts, printed), layouts);
      expect(check(results, 'R3', 'col=natural_person'), layout).toMatchObject({ status: 'pass', expected: 2, actual: 2 });
      expect(check(results, 'R2', 'row=result.other.subtotal').status).toBe('pass');
      expect(results.some((r) => r.subject === 'row=result.other.fee_unpaid')).toBe(false);
    }
  });

  it('evaluates R3 on the leaves of the derived subtotals, naming a blank leaf', () => {
    const values = {
      'result.withheld.state_secret/natural_person': 1,
      'result.withheld.prohibited_by_law/natural_person': 'blank' as const,
      'result.total/natural_person': 2,
    };
    const result = check(runChecks(report(ALL_2021, values), ALL_2021), 'R3', 'col=natural_person');
    expect(result).toMatchObject({ status: 'fail', expected: 1, actual: 2 });
    expect(result.note).toContain('blank result.withheld.prohibited_by_law would need 1');
  });

  it('reports the total a relation checks as actual and the sum of the other side as expected', () => {
    const values = {
      ...requestRow('new_received', [3, 1, 0, 0, 0, 0, 5]), // R2: 3 + 1 = 4, 总计 printed 5
      ...requestRow('result.disclosed', [2, 0, 0, 0, 0, 0, 2]),
      ...requestRow('result.total', [4, 0, 0, 0, 0, 0, 4]), // R3: parts 2, （七）总计 printed 4
      ...requestRow('carried_forward', [1, 0, 0, 0, 0, 0, 1]), // R1: 一+二 = 3, 三+四 = 4 + 1 = 5
    };
    const review = reviewRow([1, 2, 0, 0, 4, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1]); // R4: review 1 + 2 = 3, 总计 4
    const results = runChecks(report(ALL_2021, values, review), ALL_2021);
    expect(check(results, 'R1', 'col=natural_person')).toMatchObject({ expected: 3, actual: 5 });
    expect(check(results, 'R2', 'row=new_received')).toMatchObject({ expected: 4, actual: 5 });
    expect(check(results, 'R3', 'col=natural_person')).toMatchObject({ expected: 2, actual: 4 });
    expect(check(results, 'R4', 'row=review')).toMatchObject({ expected: 3, actual: 4 });
    expect(check(results, 'R5', 'col=total')).toMatchObject({ status: 'pass', expected: 2, actual: 2 });
    // Notes keep the formula's own order: residual = left − right.
    expect(check(results, 'R3', 'col=natural_person').note).toContain('residual 2 (left - right)');
  });

  it('evaluates the R5 definition only where both terms are printed', () => {
    const review = reviewRow([0, 0, 0, 0, 0, 1, 'blank', 0, 0, 1, 2, 0, 0, 0, 2]);
    const results = runChecks(deriveCells(report(ALL_2021, {}, review)), ALL_2021);
    expect(check(results, 'R5', 'col=upheld')).toMatchObject({ status: 'pass', expected: 3, actual: 3 });
    // direct blank, after_review 0: litigation.all would be 0 + 0 on both sides, which must not read like a pass
    expect(check(results, 'R5', 'col=corrected')).toMatchObject({ status: 'not_evaluable', expected: null, actual: null });
    expect(check(results, 'R5', 'col=corrected').note).toContain('litigation.direct, litigation.after_review are printed');
    expect(check(results, 'R5', 'col=total')).toMatchObject({ status: 'pass', expected: 3, actual: 3 });
  });

  it('skips absent tables and never changes a cell', () => {
    const layouts: Layouts = { active_disclosure: '2021', requests: 'absent', review_litigation: '2021' };
    const cells = Object.freeze(report(layouts, {}, HONGZE_2023_REVIEW).map((c) => Object.freeze({ ...c })));
    const before = JSON.stringify(cells);
    const results = runChecks(cells, layouts);
    expect(new Set(results.map((r) => r.table))).toEqual(new Set(['review_litigation']));
    expect(JSON.stringify(cells)).toBe(before);
    expect(runChecks(cells, { active_disclosure: 'absent', requests: 'absent', review_litigation: 'absent' })).toEqual([]);
  });
});
