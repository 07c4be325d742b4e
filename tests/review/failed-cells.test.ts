import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/report/checks.js';
import { deriveCells } from '../../src/report/derive.js';
import type { CheckResult } from '../../src/report/report.js';
import { cellsOfCheck, checkSummary, failedChecksByCell } from '../../src/review/failed-cells.js';
import { requestRow, reviewRow, tableCells } from '../report/keyed-cells.js';

const ids = (check: CheckResult): string[] => cellsOfCheck(check).map((r) => `${r.table}/${r.rowKey}/${r.colKey}`);

describe('failed checks → cells', () => {
  // 洪泽区 2023's Table C row (DOMAIN.md §3): R4 fails on review and litigation.after_review.
  const cells = tableCells('review_litigation', '2021', reviewRow([10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]));
  const checks = runChecks(deriveCells(cells), { active_disclosure: 'absent', requests: 'absent', review_litigation: '2021' });

  it('maps a per-row check to the five cells of its row', () => {
    const r4 = checks.find((c) => c.checkId === 'R4' && c.subject === 'row=review')!;
    expect(r4.status).toBe('fail');
    expect(ids(r4)).toEqual(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `review_litigation/review/${c}`));
    expect(checkSummary(r4)).toBe('R4 row=review: 11 ≠ 0 (upheld + corrected + other + pending = total; residual 11 (left - right))');
  });

  it('collects only the cells of failed checks', () => {
    const failed = failedChecksByCell({ checks });
    expect([...failed.keys()].sort()).toEqual(
      ['review', 'litigation.after_review'].flatMap((r) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `review_litigation/${r}/${c}`)).sort(),
    );
    expect(failed.get('review_litigation/review/total')!.map((c) => c.checkId)).toEqual(['R4']);
  });

  it('expands derived subtotals into their printed leaves for R3, per column', () => {
    const values = { ...requestRow('result.total', [5, 0, 0, 0, 0, 0, 5]), ...requestRow('result.withheld.state_secret', [1, 0, 0, 0, 0, 0, 1]) };
    const b = deriveCells(tableCells('requests', '2021', values));
    const r3 = runChecks(b, { active_disclosure: 'absent', requests: '2021', review_litigation: 'absent' }).find((c) => c.checkId === 'R3' && c.subject === 'col=total')!;
    expect(r3.status).toBe('fail');
    const refs = ids(r3);
    expect(refs).toContain('requests/result.withheld.subtotal/total');
    expect(refs).toContain('requests/result.withheld.state_secret/total');
    expect(refs).toContain('requests/result.other.fee_unpaid/total');
    expect(refs.every((r) => r.endsWith('/total'))).toBe(true);
    expect(refs.some((r) => r.includes('natural_person'))).toBe(false);
  });

  it('ignores checks it cannot place', () => {
    expect(cellsOfCheck({ checkId: 'S5', table: 'requests', subject: 'text', expected: 1, actual: 2, status: 'fail', note: '' })).toEqual([]);
    expect(cellsOfCheck({ checkId: 'R4', table: 'review_litigation', subject: 'col=total', expected: 1, actual: 2, status: 'fail', note: '' })).toEqual([]);
  });
});
