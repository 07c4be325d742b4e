import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paragraph, type Block } from '../../src/extract/document.js';
import { extractText } from '../../src/extract/text.js';
import { rowTexts, type Table } from '../../src/tables/table.js';
import {
  cellPerLineRows,
  detectGridForm,
  isSeparatorRow,
  linesToTables,
  runEnd,
  tabRows,
} from '../../src/tables/text-grid.js';

const lines = (...texts: string[]): Block[] => texts.map((t) => paragraph(t));
const tablesOf = (blocks: readonly Block[]): Table[] => blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const kinds = (blocks: readonly Block[]): string[] => blocks.map((b) => (b.kind === 'table' ? 'T' : b.text));

async function seedBlocks(name: string): Promise<Block[]> {
  const doc = await extractText(new Uint8Array(readFileSync(`tests/fixtures/shared/seeds/${name}`)));
  return linesToTables(doc.pages[0]!.blocks);
}

describe('linesToTables (row form)', () => {
  it('turns a run of tab lines into one table, one row per line and one cell per field', () => {
    const out = linesToTables(lines('二、主动公开政府信息情况', '信息内容\t本年制发件数', '规章\t0\t\t', '', '三、收到'));
    expect(kinds(out)).toEqual(['二、主动公开政府信息情况', 'T', '', '三、收到']);
    const t = tablesOf(out)[0]!;
    expect(t.method).toBe('text');
    expect(rowTexts(t)).toEqual([
      ['信息内容', '本年制发件数'],
      ['规章', '0', '', ''],
    ]);
    expect([t.rows, t.cols]).toEqual([2, 4]);
    expect(t.pages).toEqual([]);
  });

  it('skips blank lines inside a run and drops a ------ separator row', () => {
    const t = tablesOf(linesToTables(lines('行政复议\t行政诉讼', '------\t------', '', '0\t0')))[0]!;
    expect(rowTexts(t)).toEqual([
      ['行政复议', '行政诉讼'],
      ['0', '0'],
    ]);
  });

  it('ends a row-form run at a line without a tab, and leaves headings alone', () => {
    const blocks: Block[] = [paragraph('a\tb'), paragraph('正文'), paragraph('c\td'), paragraph('## 标题', { heading: 2 })];
    expect(kinds(linesToTables(blocks))).toEqual(['T', '正文', 'T', '## 标题']);
  });

  it('passes table blocks and documents without tabs through unchanged', () => {
    const plain = lines('一、总体情况', '', '正文');
    expect(linesToTables(plain)).toEqual(plain);
  });
});

describe('linesToTables (one cell per line)', () => {
  it('builds rows from blank-line-delimited blocks and joins continuation lines into the cell', () => {
    const out = linesToTables(lines('\t', '\t', '\t商业', '企业', '\t科研', '机构', '', '\t一、本年新收', '\t0', '\t 0', '', '', '下文'));
    expect(kinds(out)).toEqual(['T', '', '', '下文']);
    expect(rowTexts(tablesOf(out)[0]!)).toEqual([
      ['', '', '商业\n企业', '科研\n机构'],
      ['一、本年新收', '0', ' 0'],
    ]);
  });
});

describe('named steps', () => {
  it('detectGridForm: single leading-tab lines mean one cell per line', () => {
    expect(detectGridForm(['\ta', '\tb', '', '\tc'])).toBe('cell-per-line');
    expect(detectGridForm(['a\tb\tc', '\t(二)\t0\t0'])).toBe('rows');
    expect(detectGridForm(['\ta', '\tb', 'x\ty\tz'], { cellPerLineShare: 0.5 })).toBe('cell-per-line');
    expect(detectGridForm(['\ta', '\tb', 'x\ty\tz'], { cellPerLineShare: 0.8 })).toBe('rows');
  });

  it('runEnd: takes continuation lines only when asked, and leaves trailing blanks out', () => {
    const blocks = lines('\ta', 'b', '', '\tc', '', '', 'd');
    expect(runEnd(blocks, 0, true)).toBe(4);
    expect(runEnd(blocks, 0, false)).toBe(1);
  });

  it('isSeparatorRow: dash rules only, at least one', () => {
    expect(isSeparatorRow(['------', '------'])).toBe(true);
    expect(isSeparatorRow([':---:', '', '---'])).toBe(true);
    expect(isSeparatorRow(['', ''])).toBe(false);
    expect(isSeparatorRow(['-', '0'])).toBe(false);
  });

  it('tabRows and cellPerLineRows keep a lone tab as one empty cell', () => {
    expect(tabRows(['a\t', '', '\t'])).toEqual([['a', ''], ['', '']]);
    expect(cellPerLineRows(['\t', '\tx'])).toEqual([['', 'x']]);
  });
});

describe('seed dumps', () => {
  it('001: three one-cell-per-line tables with DOCX rows rebuilt', async () => {
    const tables = tablesOf(await seedBlocks('001_a59350496f5eca4a.txt'));
    expect(tables.map((t) => t.rows)).toEqual([14, 28, 4]);
    const b = rowTexts(tables[1]!);
    expect(b[2]).toEqual(['', '', '商业\n企业', '科研\n机构', '社会公益组织', '法律服务机构', '其他', '']);
    expect(b[7]).toEqual(['', '（三）不予公开', '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0']);
    const c = rowTexts(tables[2]!);
    expect(c[3]).toHaveLength(15);
    expect(c[3]![0]).toBe('\u00a00'); // a no-break space, as in the dump
  });

  it('002: Table A and the surviving rows of Table B form one run; Table C loses its separator row', async () => {
    const tables = tablesOf(await seedBlocks('002_9c6f4dc3d9b839cd.txt'));
    expect(tables.map((t) => t.rows)).toEqual([30, 4]);
    const ab = rowTexts(tables[0]!);
    expect(ab[9]).toEqual(['行政处罚', '0', '', '']);
    expect(ab[10]).toEqual(['三、本年度办理结果', '(三)不予公开', '规禁止公开', '', '', '', '', '', '', '']);
    expect(rowTexts(tables[1]!)[0]).toEqual(['行政复议', '行政诉讼']);
  });

  it('000, 003, 004: row-form tables A, B, C', async () => {
    for (const [name, rows] of [
      ['000_e7416d623e6ef481.txt', [18, 26, 4]],
      ['003_d81dfb45691c2e66.txt', [18, 26, 4]],
      ['004_33fc5f9459d725bb.txt', [14, 28, 4]],
    ] as const) {
      expect(tablesOf(await seedBlocks(name)).map((t) => t.rows), name).toEqual(rows);
    }
  });
});
