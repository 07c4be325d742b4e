import { describe, expect, it } from 'vitest';
import { layoutCells } from '../../src/report/layouts.js';
import { TABLE_IDS, type Layout } from '../../src/report/report.js';
import { tableView, type TableView, type ViewCell } from '../../src/review/table-view.js';

/** Places every cell on the grid as HTML would (skipping slots taken by earlier rowspans). */
function place(view: TableView): (ViewCell | null)[][] {
  const grid: (ViewCell | null)[][] = view.rows.map(() => Array<ViewCell | null>(view.columns).fill(null));
  view.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (col < view.columns && grid[r]![col] !== null) col += 1;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const line = grid[r + dr];
          if (line === undefined) throw new Error(`row span past the table at row ${r}`);
          if (col + dc >= view.columns) throw new Error(`row ${r} wider than ${view.columns}`);
          if (line[col + dc] !== null) throw new Error(`slot ${r + dr},${col + dc} covered twice`);
          line[col + dc] = cell;
        }
      }
      col += cell.colSpan;
    }
  });
  return grid;
}

const LAYOUTS: readonly Layout[] = ['2019', '2021', 'mixed'];

describe('tableView', () => {
  for (const table of TABLE_IDS) {
    for (const layout of LAYOUTS) {
      it(`${table} ${layout}: covers the grid exactly once and holds every printed cell once`, () => {
        const view = tableView(table, layout)!;
        const grid = place(view);
        for (const line of grid) expect(line.every((c) => c !== null)).toBe(true);
        const slots = view.rows.flat().flatMap((c) => (c.kind === 'value' ? [`${c.rowKey}/${c.colKey}`] : []));
        const printed = layoutCells(table, layout).filter((s) => !s.derived).map((s) => `${s.rowKey}/${s.colKey}`);
        expect([...slots].sort()).toEqual([...printed].sort());
      });
    }
  }

  it('has no view for a table that is absent or legacy', () => {
    expect(tableView('requests', 'absent')).toBeNull();
    expect(tableView('requests', 'legacy')).toBeNull();
  });

  it('rebuilds Table B header and stub spans as printed (DOMAIN.md §1.2)', () => {
    const v2021 = tableView('requests', '2021')!;
    expect(v2021.columns).toBe(10);
    const [r0, r1, r2] = v2021.rows;
    expect(r0![0]).toMatchObject({ kind: 'head', rowSpan: 3, colSpan: 3 });
    expect(r0![0]!.kind === 'head' && r0![0]!.text.includes('勾稽关系')).toBe(true);
    expect(r0![1]).toMatchObject({ text: '申请人情况', colSpan: 7 });
    expect(r1!.map((c) => (c.kind === 'value' ? '' : `${c.text}:${c.rowSpan}x${c.colSpan}`))).toEqual(['自然人:2x1', '法人或其他组织:1x5', '总计:2x1']);
    expect(r2!).toHaveLength(5);
    const results = v2021.rows.flat().find((c) => c.kind === 'head' && c.text === '三、本年度办理结果');
    expect(results?.rowSpan).toBe(22);
    const results2019 = tableView('requests', '2019')!.rows.flat().find((c) => c.kind === 'head' && c.text === '三、本年度办理结果');
    expect(results2019?.rowSpan).toBe(20);
    const groups = v2021.rows.flat().filter((c) => c.kind === 'stub' && c.rowSpan > 1).map((c) => (c.kind === 'stub' ? `${c.text}:${c.rowSpan}` : ''));
    expect(groups).toEqual(['（三）不予公开:8', '（四）无法提供:3', '（五）不予处理:5', '（六）其他处理:3']);
    // In the mixed layout （六） is one printed leaf spanning the group and leaf columns.
    const other = tableView('requests', 'mixed')!.rows.flat().find((c) => c.kind === 'stub' && c.rowKey === 'result.other.subtotal');
    expect(other).toMatchObject({ rowSpan: 1, colSpan: 2 });
  });

  it('stretches the last column of a narrow Table A block (2021: 本年处理决定数量 spans three)', () => {
    const view = tableView('active_disclosure', '2021')!;
    expect(view.columns).toBe(4);
    const licensing = view.rows.find((r) => r.some((c) => c.kind === 'stub' && c.rowKey === 'art20_5.administrative_licensing'))!;
    expect(licensing.map((c) => c.colSpan)).toEqual([1, 3]);
    const titles = view.rows.filter((r) => r.length === 1).map((r) => (r[0]!.kind === 'head' ? r[0]!.text : ''));
    expect(titles).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(tableView('active_disclosure', '2019')!.rows.filter((r) => r.length === 1)).toHaveLength(5);
  });

  it('rebuilds Table C: 行政复议 beside 行政诉讼 split in two, one row of fifteen values', () => {
    const view = tableView('review_litigation', '2021')!;
    expect(view.columns).toBe(15);
    expect(view.rows[0]!.map((c) => (c.kind === 'head' ? `${c.text}:${c.colSpan}` : ''))).toEqual(['行政复议:5', '行政诉讼:10']);
    expect(view.rows[1]!.filter((c) => c.rowSpan === 2)).toHaveLength(5);
    expect(view.rows[3]!.every((c) => c.kind === 'value')).toBe(true);
    expect(view.rows[3]!.slice(0, 2).map((c) => (c.kind === 'value' ? `${c.rowKey}/${c.colKey}` : ''))).toEqual(['review/upheld', 'review/corrected']);
  });
});
