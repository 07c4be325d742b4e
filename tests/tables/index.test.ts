import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildTables } from '../../src/tables/index.js';
import { resolveTableSettings } from '../../src/tables/settings.js';
import { blocksOf, page, paragraph, tableBlock, type Block, type Document } from '../../src/extract/document.js';
import { extractPdf } from '../../src/extract/pdf.js';
import { extractDoc } from '../../src/extract/doc.js';
import { cell, rowTexts, table, type Table } from '../../src/tables/table.js';

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const tablesOf = (doc: Document): Table[] => blocksOf(doc).flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const kinds = (blocks: readonly Block[]): string[] => blocks.map((b) => b.kind);

/** Freezes a value and everything inside it, so a test fails if the stage writes into its input. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe('buildTables for text dumps', () => {
  it('turns a run of tab-separated lines into a table and keeps the paragraphs around it', () => {
    const doc: Document = deepFreeze({
      format: 'text',
      messages: [],
      pages: [page(1, [paragraph('二、主动公开政府信息情况'), paragraph('信息内容\t本年制发件数'), paragraph('规章\t3'), paragraph('三、收到和处理')])],
    });
    const built = buildTables(doc);
    expect(kinds(built.pages[0]!.blocks)).toEqual(['paragraph', 'table', 'paragraph']);
    const [t] = tablesOf(built);
    expect(t?.method).toBe('text');
    expect(rowTexts(t!)).toEqual([['信息内容', '本年制发件数'], ['规章', '3']]);
    expect(kinds(doc.pages[0]!.blocks)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('reads the tab rows of a Word 97-2003 file as a table', async () => {
    const built = buildTables(await extractDoc(read('tests/fixtures/doc/merged-table.doc')));
    const tables = tablesOf(built);
    expect(tables.map((t) => [t.method, t.rows, t.cols])).toEqual([['text', 4, 15]]);
    expect(rowTexts(tables[0]!)[3]).toEqual(['3', '1', '0', '2', '6', '4', '0', '1', '0', '5', '2', '0', '0', '1', '3']);
  });
});

describe('buildTables for markup documents', () => {
  it('passes DOCX and HTML blocks through unchanged', () => {
    const t = table([cell(0, 0, '项目'), cell(0, 1, '金额'), cell(1, 0, '合计'), cell(1, 1, '1')], 'markup');
    for (const format of ['docx', 'html'] as const) {
      const doc: Document = deepFreeze({ format, messages: [], pages: [page(1, [paragraph('a\tb'), tableBlock(t)])] });
      const built = buildTables(doc);
      expect(built.pages).toBe(doc.pages);
      expect(built.format).toBe(format);
    }
  });
});

describe('buildTables for PDF', () => {
  it('lays out every page and stitches a table crossing a page break', async () => {
    const doc = deepFreeze(await extractPdf(read('tests/fixtures/reports/report-2021.pdf')));
    expect(blocksOf(doc)).toEqual([]);
    const built = buildTables(doc);
    const tables = tablesOf(built);
    expect(tables.map((t) => [t.method, t.pages, t.cols])).toEqual([
      ['lattice', [2], 4],
      ['lattice', [2, 3], 10],
      ['lattice', [3], 15],
    ]);
    expect(tables[1]!.quality.messages.map((m) => m.code)).toEqual(['table_split']);
    const texts = blocksOf(built).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts.some((s) => s.includes('四、政府信息公开行政复议、行政诉讼情况'))).toBe(true);
    expect(built.pages.map((p) => p.words.length)).toEqual(doc.pages.map((p) => p.words.length));
  });

  it('hands its table settings to the finder: a borderless table is found by stream only', async () => {
    const doc = await extractPdf(read('tests/fixtures/pdf/borderless.pdf'));
    const auto = tablesOf(buildTables(doc));
    expect(auto.map((t) => [t.method, t.rows, t.cols])).toEqual([['stream', 5, 4]]);
    expect(rowTexts(auto[0]!)[4]).toEqual(['合计', '1545.60', '1680.45', '134.85']);
    expect(tablesOf(buildTables(doc, { table: resolveTableSettings({ strategy: 'lattice' }) }))).toEqual([]);
  });
});
