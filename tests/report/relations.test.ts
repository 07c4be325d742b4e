import { describe, expect, it } from 'vitest';
import { instancesOf } from '../../src/report/checks.js';
import { derivedTermsOf } from '../../src/report/derive.js';
import { columnDef, rowDef } from '../../src/report/layouts.js';
import { LEGAL_PERSON_COLUMNS, OUTCOME_COLUMNS, RELATIONS, REQUEST_COLUMNS } from '../../src/report/relations.js';

describe('relations', () => {
  it('holds R1–R5 once each', () => {
    expect(RELATIONS.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
  });

  it('names only keys that exist in the layouts', () => {
    for (const r of RELATIONS) {
      const termExists = r.scope === 'per_column' ? (k: string) => rowDef(r.table, k) : (k: string) => columnDef(r.table, k);
      const overExists = r.scope === 'per_column' ? (k: string) => columnDef(r.table, k) : (k: string) => rowDef(r.table, k);
      for (const k of [...r.left, ...r.right]) expect(termExists(k), `${r.id} term ${k}`).toBeDefined();
      if (r.over !== 'printed') for (const k of r.over) expect(overExists(k), `${r.id} over ${k}`).toBeDefined();
    }
  });

  it('states DOMAIN.md §3 R1–R5 over canonical keys (formulas written out by hand)', () => {
    const formulas = Object.fromEntries(RELATIONS.map((r) => [r.id, r.formula]));
    expect(formulas).toEqual({
      R1: 'new_received + carried_over = result.total + carried_forward',
      R2:
        'natural_person + legal_person.commercial + legal_person.research + legal_person.public_interest + ' +
        'legal_person.legal_services + legal_person.other = total',
      R3:
        'result.total = result.disclosed + result.partially_disclosed + result.withheld.subtotal + ' +
        'result.unable.subtotal + result.not_processed.subtotal + result.other.subtotal',
      R4: 'upheld + corrected + other + pending = total',
      R5: 'litigation.all = litigation.direct + litigation.after_review',
    });
  });

  it('reports the checked total as actual: 三+四 for R1, 总计 for R2–R4, litigation.all for R5', () => {
    const sides = Object.fromEntries(RELATIONS.map((r) => [r.id, r.actualSide === 'left' ? r.left : r.right]));
    expect(sides).toEqual({
      R1: ['result.total', 'carried_forward'],
      R2: ['total'],
      R3: ['result.total'],
      R4: ['total'],
      R5: ['litigation.all'],
    });
  });

  it('takes its column lists from the layouts (DOMAIN.md §3 LP and COLS, Table C outcomes)', () => {
    expect(LEGAL_PERSON_COLUMNS).toEqual([
      'legal_person.commercial',
      'legal_person.research',
      'legal_person.public_interest',
      'legal_person.legal_services',
      'legal_person.other',
    ]);
    expect(REQUEST_COLUMNS).toEqual(['natural_person', ...LEGAL_PERSON_COLUMNS, 'total']);
    expect(OUTCOME_COLUMNS).toEqual(['upheld', 'corrected', 'other', 'pending', 'total']);
  });

  it('agrees with the derived legal_person.subtotal on the legal-person columns', () => {
    const terms = derivedTermsOf({ table: 'requests', rowKey: 'new_received', colKey: 'legal_person.subtotal' });
    expect(terms.map((t) => t.colKey)).toEqual(LEGAL_PERSON_COLUMNS);
  });

  it('runs R2 over the rows each layout prints', () => {
    const r2 = RELATIONS.find((r) => r.id === 'R2');
    if (r2 === undefined) throw new Error('no R2');
    const rows2021 = instancesOf(r2, '2021');
    const rows2019 = instancesOf(r2, '2019');
    expect(rows2021).toHaveLength(25);
    expect(rows2019).toHaveLength(23);
    expect(instancesOf(r2, 'mixed')).toEqual(rows2019);
    expect(rows2021).toContain('result.other.no_correction');
    expect(rows2021).not.toContain('result.other.subtotal');
    expect(rows2019).toContain('result.other.subtotal');
    expect(rows2019).not.toContain('result.withheld.subtotal');
  });
});
