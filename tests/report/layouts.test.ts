import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TABLES, layoutCells, REVIEW_LITIGATION_ORDER, rowDef, columnDef } from '../../src/report/layouts.js';
import { TABLE_IDS } from '../../src/report/report.js';

const printed = (cells: ReturnType<typeof layoutCells>) => cells.filter((c) => !c.derived).length;

describe('layouts', () => {
  it('has the printed cell counts of DOMAIN.md §2.3a', () => {
    expect(printed(layoutCells('active_disclosure', '2021'))).toBe(10);
    expect(printed(layoutCells('active_disclosure', '2019'))).toBe(22);
    expect(printed(layoutCells('requests', '2021'))).toBe(175);
    expect(printed(layoutCells('requests', '2019'))).toBe(161);
    expect(printed(layoutCells('requests', 'mixed'))).toBe(161);
    expect(printed(layoutCells('review_litigation', '2021'))).toBe(15);
    expect(printed(layoutCells('review_litigation', '2019'))).toBe(15);
  });

  it('keeps keys unique within each table', () => {
    for (const id of TABLE_IDS) {
      const rows = TABLES[id].rows.map((r) => r.key);
      const cols = TABLES[id].columns.map((c) => c.key);
      expect(new Set(rows).size).toBe(rows.length);
      expect(new Set(cols).size).toBe(cols.length);
    }
  });

  it('names only existing keys in sums and block columns', () => {
    for (const id of TABLE_IDS) {
      for (const r of TABLES[id].rows) for (const k of r.sumOf ?? []) expect(rowDef(id, k), `${id}/${k}`).toBeDefined();
      for (const b of TABLES[id].blocks)
        for (const keys of Object.values(b.columns)) for (const k of keys) expect(columnDef(id, k), k).toBeDefined();
    }
    for (const { rowKey, colKey } of REVIEW_LITIGATION_ORDER) {
      expect(rowDef('review_litigation', rowKey)).toBeDefined();
      expect(columnDef('review_litigation', colKey)).toBeDefined();
    }
  });

  it("orders Table C's flat data row as DOMAIN.md §2.3b prints it", () => {
    const order = REVIEW_LITIGATION_ORDER.map((k) => `${k.rowKey}/${k.colKey}`);
    expect(order).toHaveLength(15);
    expect(order.slice(0, 5)).toEqual(['review/upheld', 'review/corrected', 'review/other', 'review/pending', 'review/total']);
    expect(order[5]).toBe('litigation.direct/upheld');
    expect(order[14]).toBe('litigation.after_review/total');
  });

  it('describes how each table is printed: row stubs, header scope, a flat row, the （六） leaf', () => {
    const shape = TABLE_IDS.map((id) => [id, TABLES[id].rowLabelsPrinted, TABLES[id].headerScope, TABLES[id].flatRowOrder?.length ?? 0]);
    expect(shape).toEqual([
      ['active_disclosure', true, 'block', 0],
      ['requests', true, 'table', 0],
      ['review_litigation', false, 'table', 15],
    ]);
    expect(TABLES.review_litigation.flatRowOrder).toBe(REVIEW_LITIGATION_ORDER);
    // A leaf-form row is printed in the layouts that print it as a leaf and derived where its sub-items are printed.
    const leafRows = TABLE_IDS.flatMap((id) => TABLES[id].rows.filter((r) => r.leafForm === true).map((r) => `${id}/${r.key}`));
    expect(leafRows).toEqual(['requests/result.other.subtotal']);
    expect(rowDef('requests', 'result.other.subtotal')).toMatchObject({ printedIn: ['2019', 'mixed'], derivedIn: ['2021'] });
  });

  it('holds every canonical key and verbatim label of DOMAIN.md §2', () => {
    const domain = readFileSync(new URL('../fixtures/shared/DOMAIN.md', import.meta.url), 'utf8');
    for (const id of TABLE_IDS) {
      for (const r of TABLES[id].rows) expect(domain, r.key).toContain('`' + r.key + '`');
      for (const c of TABLES[id].columns) expect(domain, c.key).toContain('`' + c.key + '`');
      for (const r of TABLES[id].rows.filter((x) => x.printedIn.length > 0)) expect(domain, r.label).toContain(r.label);
    }
  });
});
