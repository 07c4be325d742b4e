import { describe, expect, it } from 'vitest';
import { cellLookup } from '../../src/report/cell-index.js';
import { deriveCells } from '../../src/report/derive.js';
import { keyedCell, reviewRow, tableCells } from './keyed-cells.js';

describe('cellLookup', () => {
  const review = reviewRow([1, 0, 'blank', 0, 1, 2, 1, 0, 0, 3, 0, 'blank', 0, 0, 'blank']);

  it('gives printed values, and null for blank cells and keys it does not hold', () => {
    const lookup = cellLookup(tableCells('review_litigation', '2021', review));
    expect(lookup('review_litigation', 'review', 'upheld')).toBe(1);
    expect(lookup('review_litigation', 'review', 'other')).toBeNull();
    expect(lookup('requests', 'new_received', 'total')).toBeNull();
  });

  it('gives a derived sum only when every term is printed, before and after deriveCells alike', () => {
    const raw = tableCells('review_litigation', '2021', review);
    for (const cells of [raw, deriveCells(raw)]) {
      const lookup = cellLookup(cells);
      expect(lookup('review_litigation', 'litigation.all', 'upheld')).toBe(2); // 2 + 0
      expect(lookup('review_litigation', 'litigation.all', 'total')).toBeNull(); // 3 + blank
      expect(lookup('review_litigation', 'litigation.all', 'other')).toBe(0); // 0 + 0
    }
    expect(deriveCells(raw).find((c) => c.rowKey === 'litigation.all' && c.colKey === 'total')).toMatchObject({
      value: 3,
      flags: ['blank_as_zero'],
    });
  });

  it('derives a subtotal the cells lack from its leaves, and keeps the first cell of a repeated key', () => {
    const cells = [
      keyedCell('review_litigation', 'litigation.direct', 'total', 4),
      keyedCell('review_litigation', 'litigation.after_review', 'total', 5),
      keyedCell('review_litigation', 'litigation.direct', 'total', 40),
    ];
    expect(cellLookup(cells)('review_litigation', 'litigation.all', 'total')).toBe(9);
    expect(cellLookup(cells)('review_litigation', 'litigation.direct', 'total')).toBe(4);
  });
});
