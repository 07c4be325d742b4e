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

  it('holds every canonical key and verbatim label of DOMAIN.md §2', () => {
    const domain = readFileSync(new URL('../../../shared/DOMAIN.md', import.meta.url), 'utf8');
    for (const id of TABLE_IDS) {
      for (const r of TABLES[id].rows) expect(domain, r.key).toContain('`' + r.key + '`');
      for (const c of TABLES[id].columns) expect(domain, c.key).toContain('`' + c.key + '`');
      for (const r of TABLES[id].rows.filter((x) => x.printedIn.length > 0)) expect(domain, r.label).toContain(r.label);
    }
  });
});
