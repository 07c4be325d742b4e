import { describe, expect, it } from 'vitest';
import { deriveCells, derivedTermsOf } from '../../src/report/derive.js';
import type { KeyedCell } from '../../src/report/report.js';
import { find, requestRow, reviewRow, tableCells } from './keyed-cells.js';

const B = 'requests' as const;
const C = 'review_litigation' as const;

describe('deriveCells', () => {
  it('sums the withheld leaves per column and the legal-person columns per row', () => {
    const cells = tableCells(B, '2021', {
      ...requestRow('result.withheld.state_secret', [1, 2, 0, 0, 0, 0, 3]),
      ...requestRow('result.withheld.process_information', [4, 0, 5, 0, 0, 1, 10]),
      ...requestRow('new_received', [7, 1, 2, 3, 4, 5, 22]),
    });
    const out = deriveCells(cells);
    expect(find(out, B, 'result.withheld.subtotal', 'natural_person')).toMatchObject({ value: 5, provenance: 'derived', flags: [] });
    expect(find(out, B, 'result.withheld.subtotal', 'total').value).toBe(13);
    expect(find(out, B, 'new_received', 'legal_person.subtotal')).toMatchObject({ value: 15, raw: '', flags: [] });
    expect(find(out, B, 'result.withheld.subtotal', 'legal_person.subtotal').value).toBe(8);
    expect(find(out, B, 'result.unable.subtotal', 'total').value).toBe(0);
  });

  it('derives result.other.subtotal in 2021 and never touches the printed one of 2019 and mixed', () => {
    const values = { 'result.other.no_correction/total': 2, 'result.other.other/total': 1, 'result.other.subtotal/total': 9 };
    expect(find(deriveCells(tableCells(B, '2021', values)), B, 'result.other.subtotal', 'total').value).toBe(3);
    for (const layout of ['2019', 'mixed'] as const) {
      const cells = tableCells(B, layout, values);
      const out = deriveCells(cells);
      expect(find(out, B, 'result.other.subtotal', 'total')).toBe(find(cells, B, 'result.other.subtotal', 'total'));
      expect(find(out, B, 'result.other.subtotal', 'total').value).toBe(9);
    }
  });

  it('derives litigation.all per column', () => {
    const cells = tableCells(C, '2021', reviewRow([10, 1, 0, 0, 0, 0, 2, 0, 1, 3, 5, 0, 0, 'blank', 5]));
    const out = deriveCells(cells);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => find(out, C, 'litigation.all', c).value)).toEqual([
      5, 2, 0, 1, 8,
    ]);
    expect(find(out, C, 'litigation.all', 'pending').flags).toEqual(['blank_as_zero']);
  });

  it('counts blanks as 0 only next to printed terms, and says so', () => {
    const out = deriveCells(
      tableCells(B, '2021', { 'result.unable.not_held/total': 4, 'result.not_processed.duplicate/total': 0 }, 'blank'),
    );
    expect(find(out, B, 'result.unable.subtotal', 'total')).toMatchObject({ value: 4, flags: ['blank_as_zero'] });
    expect(find(out, B, 'result.not_processed.subtotal', 'total')).toMatchObject({ value: 0, flags: ['blank_as_zero'] });
    // all five legal-person columns blank: nothing printed, so nothing derived (never 0)
    expect(find(out, B, 'result.unable.not_held', 'legal_person.subtotal')).toMatchObject({ value: null, flags: [] });
    expect(find(out, B, 'result.withheld.subtotal', 'total')).toMatchObject({ value: null, flags: [] });
  });

  it('leaves a sum empty when a term is missing or unreadable', () => {
    const out = deriveCells(
      tableCells(B, '2021', {
        'result.withheld.state_secret/total': 'missing',
        'result.unable.requires_creation/natural_person': 'unreadable',
      }),
    );
    expect(find(out, B, 'result.withheld.subtotal', 'total')).toMatchObject({ value: null, flags: ['terms_missing'] });
    expect(find(out, B, 'result.unable.subtotal', 'natural_person')).toMatchObject({ value: null, flags: ['terms_missing'] });
    expect(find(out, B, 'result.unable.requires_creation', 'legal_person.subtotal').value).toBe(0);
    expect(find(out, B, 'result.unable.subtotal', 'legal_person.subtotal').value).toBe(0);
  });

  it('is pure: returns printed cells as they were, never mutates, and derives the same twice', () => {
    const cells = tableCells(B, '2021', requestRow('new_received', [1, 0, 0, 0, 0, 0, 1]));
    const frozen = Object.freeze(cells.map((c) => Object.freeze({ ...c }))) as readonly KeyedCell[];
    const out = deriveCells(frozen);
    expect(out).toHaveLength(frozen.length);
    out.forEach((c, i) => {
      if (c.provenance !== 'derived') expect(c).toBe(frozen[i]);
    });
    expect(deriveCells(out)).toEqual(out);
  });

  it('knows the terms of each kind of derived cell', () => {
    expect(derivedTermsOf({ table: B, rowKey: 'carried_over', colKey: 'legal_person.subtotal' }).map((t) => t.colKey)).toEqual([
      'legal_person.commercial',
      'legal_person.research',
      'legal_person.public_interest',
      'legal_person.legal_services',
      'legal_person.other',
    ]);
    expect(derivedTermsOf({ table: B, rowKey: 'result.unable.subtotal', colKey: 'total' })).toHaveLength(3);
    expect(derivedTermsOf({ table: B, rowKey: 'result.total', colKey: 'total' })).toEqual([]);
  });
});
