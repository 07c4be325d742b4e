/**
 * The five seed dumps, end to end through text extraction, text-grid and recognition. Expectations are
 * written by hand from the seed text as compact grids (see cell-grid.ts), plus the flags and messages that matter.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/extract/text.js';
import { layoutCells } from '../../src/report/layouts.js';
import { recognizeTables, type Recognition } from '../../src/report/recognize.js';
import type { Layout, TableId } from '../../src/report/report.js';
import { linesToTables } from '../../src/tables/text-grid.js';
import { cellAt, expectTables, flaggedRows } from './cell-grid.js';

async function recognizeSeed(name: string): Promise<Recognition> {
  const doc = await extractText(new Uint8Array(readFileSync(`tests/fixtures/shared/seeds/${name}`)));
  const pages = doc.pages.map((p) => ({ ...p, blocks: linesToTables(p.blocks) }));
  return recognizeTables({ ...doc, pages });
}

const allFlags = (r: Recognition): string[] => [...new Set(r.cells.flatMap((c) => c.flags))].sort();
const L2019: Record<TableId, Layout> = { active_disclosure: '2019', requests: '2019', review_litigation: '2019' };
const L2021: Record<TableId, Layout> = { active_disclosure: '2021', requests: '2021', review_litigation: '2021' };
const LOST_FIRST = '? 0 0 0 0 0 0';
const ALL = (token: string, n: number) => Array<string>(n).fill(token).join(' ');

describe('seed 000 (2019 layout in a 2023 report)', () => {
  const withheld = ['state_secret', 'prohibited_by_law', 'security_stability', 'third_party_rights', 'internal_affairs', 'process_information', 'enforcement_case_file', 'administrative_inquiry'].map((k) => `result.withheld.${k}`);
  const sixNumbers = [...withheld, 'result.unable.not_held', 'result.unable.requires_creation', 'carried_forward'];

  it('reads every cell; rows that print 6 numbers for 7 columns lose their first cell', async () => {
    const r = await recognizeSeed('000_e7416d623e6ef481.txt');
    expectTables(r, L2019, {
      active_disclosure: { fill: '0', rows: { 'art20_9.centralized_procurement': '15 91.68' } },
      requests: { fill: '0', rows: Object.fromEntries(sixNumbers.map((k) => [k, LOST_FIRST])) },
      review_litigation: { fill: '0' },
    });
    expect(flaggedRows(r.cells, 'requests', 'misaligned')).toEqual({ rows: sixNumbers, strays: [] });
    expect(allFlags(r)).toEqual(['misaligned', 'terms_missing']);
    expect(r.messages).toEqual([]);
  });

  it('keeps the unit printed in the 采购总金额 cell and the 2019 labels', async () => {
    const r = await recognizeSeed('000_e7416d623e6ef481.txt');
    const amount = cellAt(r, 'active_disclosure', 'art20_9.centralized_procurement', 'procurement_amount');
    expect([amount.value, amount.unit, amount.raw, amount.flags]).toEqual([91.68, '万元', '91.68 万元', []]);
    expect(cellAt(r, 'active_disclosure', 'art20_1.normative_documents', 'newly_made').rowLabel).toBe('规范性文件');
    expect(cellAt(r, 'requests', 'result.other.subtotal', 'total').provenance).toBe('printed');
    expect(cellAt(r, 'requests', 'result.partially_disclosed', 'natural_person').colLabel).toBe('自然人');
  });

  it('derives subtotals without turning a missing term into 0', async () => {
    const r = await recognizeSeed('000_e7416d623e6ef481.txt');
    const np = cellAt(r, 'requests', 'result.withheld.subtotal', 'natural_person');
    expect([np.value, np.provenance, np.flags]).toEqual([null, 'derived', ['terms_missing']]);
    expect(cellAt(r, 'requests', 'result.withheld.subtotal', 'total').value).toBe(0);
    expect(cellAt(r, 'requests', 'result.not_processed.subtotal', 'natural_person').value).toBe(0);
  });
});

describe('seed 001 (one cell per line, 2021)', () => {
  it('rebuilds the DOCX rows and reads every cell as 0', async () => {
    const r = await recognizeSeed('001_a59350496f5eca4a.txt');
    expectTables(r, L2021, {
      active_disclosure: { fill: '0' },
      requests: { fill: '0' },
      review_litigation: { fill: '0' },
    });
    expect(allFlags(r)).toEqual([]);
    expect(r.messages).toEqual([]);
  });

  it('keeps printed labels, wrapping whitespace and artefacts removed', async () => {
    const r = await recognizeSeed('001_a59350496f5eca4a.txt');
    const partial = cellAt(r, 'requests', 'result.partially_disclosed', 'legal_person.commercial');
    expect([partial.rowLabel, partial.colLabel]).toEqual(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '商业企业']);
    const review = cellAt(r, 'review_litigation', 'review', 'upheld');
    expect([review.raw, review.rowLabel, review.colLabel, review.page]).toEqual(['0', '行政复议', '结果维持', null]);
    expect(cellAt(r, 'active_disclosure', 'art20_8.administrative_fees', 'fee_amount').flags).toEqual([]);
  });
});

describe('seed 002 (rows lost at a page break)', () => {
  const lostB = ['new_received', 'carried_over', 'result.disclosed', 'result.partially_disclosed', 'result.withheld.state_secret', 'result.withheld.prohibited_by_law'];

  it('marks lost rows missing, never 0', async () => {
    const r = await recognizeSeed('002_9c6f4dc3d9b839cd.txt');
    expectTables(r, L2021, {
      active_disclosure: { fill: '0', rows: { 'art20_6.administrative_coercion': '?', 'art20_8.administrative_fees': '?' } },
      requests: { fill: '0', rows: { ...Object.fromEntries(lostB.map((k) => [k, ALL('?', 7)])), 'result.unable.not_held': LOST_FIRST } },
      review_litigation: { fill: '0' },
    });
    expect(flaggedRows(r.cells, 'active_disclosure', 'missing_rows')).toEqual({
      rows: ['art20_6.administrative_coercion', 'art20_8.administrative_fees'],
      strays: [],
    });
    expect(flaggedRows(r.cells, 'requests', 'missing_rows')).toEqual({ rows: lostB, strays: [] });
    expect(flaggedRows(r.cells, 'requests', 'misaligned')).toEqual({ rows: ['result.unable.not_held'], strays: [] });
    expect(flaggedRows(r.cells, 'requests', 'label_fuzzy')).toEqual({ rows: ['result.withheld.prohibited_by_law'], strays: [] });
    expect(r.messages.map((m) => [m.code, m.where?.table])).toEqual([
      ['missing_rows', 'active_disclosure'],
      ['missing_rows', 'requests'],
    ]);
    // The text names the table: reports.csv shows only the code, reports.jsonl the text.
    expect(r.messages[0]?.text).toMatch(/^active_disclosure: 2 cells of the 2021 layout were not found/);
  });

  it('places sub-items by their own wording, not by the group label beside them', async () => {
    const r = await recognizeSeed('002_9c6f4dc3d9b839cd.txt');
    expect(cellAt(r, 'requests', 'result.not_processed.publication', 'total').rowLabel).toBe('3.要求提供公开出版物');
    expect(cellAt(r, 'requests', 'result.other.no_correction', 'total').provenance).toBe('printed');
    expect(cellAt(r, 'requests', 'result.withheld.prohibited_by_law', 'total').rowLabel).toBe('规禁止公开');
    const sub = cellAt(r, 'requests', 'result.withheld.subtotal', 'total');
    expect([sub.value, sub.provenance]).toEqual([null, 'derived']);
    expect(cellAt(r, 'review_litigation', 'review', 'corrected').colLabel).toBe('结果纠正');
  });
});

describe('seed 003 (values only in 总计, 2019)', () => {
  it('keeps the other six columns blank', async () => {
    const r = await recognizeSeed('003_d81dfb45691c2e66.txt');
    expectTables(r, L2019, {
      active_disclosure: { fill: '0', rows: { 'art20_9.centralized_procurement': '1 126' } },
      requests: { fill: 'x', rows: Object.fromEntries(layoutCells('requests', '2019').filter((c) => !c.derived).map((c) => [c.rowKey, '_ _ _ _ _ _ 0'])) },
      review_litigation: { fill: '_', rows: { review: '_ _ _ _ 0', 'litigation.direct': '_ _ _ _ 0', 'litigation.after_review': '_ _ _ _ 0' } },
    });
    expect(r.messages).toEqual([]);
    expect(allFlags(r)).toEqual(['unit_converted', 'unit_inferred']);
  });

  it('reads the bare 1260000 as 126 万元 with a guessed unit, and the 本年增 typo', async () => {
    const r = await recognizeSeed('003_d81dfb45691c2e66.txt');
    const amount = cellAt(r, 'active_disclosure', 'art20_9.centralized_procurement', 'procurement_amount');
    expect([amount.value, amount.unit, amount.raw]).toEqual([126, '万元', '1260000']);
    expect(amount.flags).toContain('unit_inferred');
    expect(cellAt(r, 'active_disclosure', 'art20_5.other_external_services', 'net_change').colLabel).toBe('本年增');
    expect(cellAt(r, 'active_disclosure', 'art20_6.administrative_penalty', 'net_change').colLabel).toBe('本年增/减');
    expect(cellAt(r, 'requests', 'result.withheld.security_stability', 'total').rowLabel).toBe('3.危及“三安全一稳定”');
  });

  it('derives a blank sum as blank, not 0', async () => {
    const r = await recognizeSeed('003_d81dfb45691c2e66.txt');
    expect(cellAt(r, 'review_litigation', 'litigation.all', 'upheld').value).toBeNull();
    expect(cellAt(r, 'review_litigation', 'litigation.all', 'total').value).toBe(0);
    expect(cellAt(r, 'requests', 'result.withheld.subtotal', 'natural_person').value).toBeNull();
  });
});

describe('seed 004 (typo 本年度止件数, rows starting at column 0)', () => {
  it('reads every cell as 0 with no flag', async () => {
    const r = await recognizeSeed('004_33fc5f9459d725bb.txt');
    expectTables(r, L2021, {
      active_disclosure: { fill: '0' },
      requests: { fill: '0' },
      review_litigation: { fill: '0' },
    });
    expect(allFlags(r)).toEqual([]);
    expect(r.messages).toEqual([]);
  });

  it('keeps the printed typo and the rows that lost their stub cells', async () => {
    const r = await recognizeSeed('004_33fc5f9459d725bb.txt');
    expect(cellAt(r, 'active_disclosure', 'art20_1.regulations', 'repealed').colLabel).toBe('本年度止件数');
    expect(cellAt(r, 'requests', 'result.other.other', 'natural_person').rowLabel).toBe('3.其他');
    expect(cellAt(r, 'requests', 'result.total', 'total').rowLabel).toBe('(七)总计');
  });
});
