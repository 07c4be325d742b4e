import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, LEGACY_ONLY_ERROR, lostCellsMessage, NOT_A_REPORT_ERROR, verdictOf } from '../src/analyze.js';
import { page, paragraph, tableBlock, type Document } from '../src/extract/document.js';
import { cell as tableCell, table } from '../src/tables/table.js';
import { message } from '../src/report/flags.js';
import { extractReport } from '../src/extract-report.js';
import type { Recognition } from '../src/report/recognize.js';
import type { KeyedCell, Layout, TableId } from '../src/report/report.js';
import { cell } from './output/sample-reports.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'reports');

function recognition(layouts: [Layout, Layout, Layout], cells: KeyedCell[] = []): Recognition {
  const [active_disclosure, requests, review_litigation] = layouts;
  return { layouts: { active_disclosure, requests, review_litigation }, cells, messages: [] };
}

describe('verdictOf', () => {
  it('is ok when all three tables were found and no cell was lost', () => {
    expect(verdictOf(recognition(['2021', 'mixed', '2019'], [cell('new_received', 'total', 0)]))).toEqual({ status: 'ok', error: null });
  });

  it('is partial when a table is absent or a cell is missing', () => {
    expect(verdictOf(recognition(['absent', '2021', '2021'])).status).toBe('partial');
    const lost = cell('result.total', 'total', null, { provenance: 'missing', flags: ['missing_rows'] });
    expect(verdictOf(recognition(['2021', '2021', '2021'], [lost])).status).toBe('partial');
  });

  it('is not_a_report when no standard table was found, saying why', () => {
    expect(verdictOf(recognition(['absent', 'absent', 'absent']))).toEqual({ status: 'not_a_report', error: NOT_A_REPORT_ERROR });
    expect(verdictOf(recognition(['legacy', 'absent', 'legacy']))).toEqual({ status: 'not_a_report', error: LEGACY_ONLY_ERROR });
  });
});

describe('extractReport on files that cannot be read', () => {
  it('returns a failed report for an empty file, named and hashed', async () => {
    const report = await extractReport(new Uint8Array(), { file: 'a/empty.pdf' });
    expect(report).toMatchObject({ id: 'e3b0c44298fc', status: 'failed', source: { file: 'a/empty.pdf', bytes: 0 }, cells: [] });
    expect(report.error).toMatch(/empty/);
  });

  it('returns a failed report for bytes of no known format, and leaves the bytes untouched', async () => {
    const bytes = new Uint8Array(512).map((_, i) => (i * 37 + 11) % 256);
    const copy = bytes.slice();
    const report = await extractReport(bytes, { file: 'noise.pdf' });
    expect(report.status).toBe('failed');
    expect(report.format).toBeNull();
    expect(report.error).toMatch(/^[^\n]+$/);
    expect(bytes).toEqual(copy);
  });
});

type Expected = {
  title: string;
  agency: string;
  year: number;
  publishedOn: string;
  layouts: Record<TableId, Layout>;
  text: { applicationsReceived: number | null };
  cells: { table: TableId; rowKey: string; colKey: string; value: number | null; provenance: string }[];
};

describe.each(['report-2021.html', 'report-2019.docx', 'report-mixed.html'])('analyzeDocument on %s', (name) => {
  it('reads the layouts, metadata and every printed cell, and runs the checks', async () => {
    const bytes = new Uint8Array(await readFile(join(FIXTURES, name)));
    const expected = JSON.parse(await readFile(join(FIXTURES, name.replace(/\.\w+$/, '.expected.json')), 'utf8')) as Expected;
    const report = await extractReport(bytes, { file: name });
    expect(report.error).toBeNull();
    expect(report.status).toBe('ok');
    expect(report.layouts).toEqual(expected.layouts);
    expect(report.meta).toMatchObject({ agency: expected.agency, year: expected.year, publishedOn: expected.publishedOn });
    const got = new Map(report.cells.map((c) => [`${c.table}/${c.rowKey}/${c.colKey}`, c]));
    for (const want of expected.cells) {
      expect(got.get(`${want.table}/${want.rowKey}/${want.colKey}`), `${want.rowKey}/${want.colKey}`).toMatchObject({
        value: want.value,
        provenance: want.provenance,
      });
    }
    // The fixtures are consistent: no relation fails, and the prose agrees with Table B (S5).
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.checks.filter((c) => c.checkId.startsWith('R')).length).toBeGreaterThan(20);
    expect(report.checks.find((c) => c.checkId === 'S5')).toMatchObject({ expected: expected.text.applicationsReceived, status: 'pass' });
    expect(report.text).toContain(expected.agency);
    expect(report.genericTables.length).toBeGreaterThanOrEqual(3);
  });
});

describe('lostCellsMessage', () => {
  const lost = cell('result.total', 'total', null, { provenance: 'missing', flags: ['misaligned'] });

  it('says which tables lost cells when the recognizer gave no summary', () => {
    expect(lostCellsMessage(recognition(['2021', '2021', '2021'], [lost, { ...lost, colKey: 'natural_person' }]))).toEqual([
      { code: 'missing_rows', severity: 'warning', text: '2 cells could not be read (requests); see the missing cells in cells.csv' },
    ]);
  });

  it('adds nothing when no cell was lost or the recognizer already said so', () => {
    expect(lostCellsMessage(recognition(['2021', '2021', '2021'], [cell('new_received', 'total', 3)]))).toEqual([]);
    const said: Recognition = { ...recognition(['2021', '2021', '2021'], [lost]), messages: [message('missing_rows', 'rows lost at the page break')] };
    expect(lostCellsMessage(said)).toEqual([]);
  });
});

describe.each(['report-2021.pdf', 'report-2019.pdf', 'report-mixed.pdf', 'report-2021-landscape.pdf', 'report-2021-vertical.pdf'])(
  'extractReport on %s (LibreOffice PDF)',
  (name) => {
    it('reads the whole title wrapped over two lines, the agency, year and date', async () => {
      const expected = JSON.parse(await readFile(join(FIXTURES, name.replace(/\.\w+$/, '.expected.json')), 'utf8')) as Expected;
      const report = await extractReport(new Uint8Array(await readFile(join(FIXTURES, name))), { file: name });
      expect(report.meta).toMatchObject({ title: expected.title, agency: expected.agency, year: expected.year, publishedOn: expected.publishedOn });
    });

    it('gives every printed or blank cell its page and a box on that page; derived cells have neither', async () => {
      const report = await extractReport(new Uint8Array(await readFile(join(FIXTURES, name))), { file: name });
      const read = report.cells.filter((c) => c.provenance === 'printed' || c.provenance === 'blank');
      expect(read.length).toBeGreaterThan(100);
      for (const c of read) {
        expect(c.page, `${c.rowKey}/${c.colKey}`).not.toBeNull();
        expect(c.box, `${c.rowKey}/${c.colKey}`).toBeDefined();
        expect(c.box!.x1 > c.box!.x0 && c.box!.y1 > c.box!.y0).toBe(true);
      }
      expect(report.cells.filter((c) => c.provenance === 'derived' && (c.box !== undefined || c.page !== null))).toEqual([]);
    });
  },
);

describe('boxes are PDF only', () => {
  it('a DOCX report has no cell box', async () => {
    const report = await extractReport(new Uint8Array(await readFile(join(FIXTURES, 'report-2021.docx'))), { file: 'report-2021.docx' });
    expect(report.cells.length).toBeGreaterThan(200);
    expect(report.cells.filter((c) => c.box !== undefined)).toEqual([]);
  });
});

describe('analyzeDocument passes the report year to recognition', () => {
  /** Table B cut before （六）: its labels say nothing of the layout, so only the year can decide it. */
  const docOf = (title: string): Document => {
    const rows = [
      ['一、本年新收政府信息公开申请数量', '3', '0', '0', '0', '0', '0', '3'],
      ['二、上年结转政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0'],
    ];
    const cells = rows.flatMap((r, i) => r.map((text, j) => tableCell(i, j, text)));
    const blocks = [paragraph(title), paragraph('三、收到和处理政府信息公开申请情况'), tableBlock(table(cells, 'text'))];
    return { format: 'docx', pages: [page(1, blocks)], messages: [] };
  };
  const source = { file: 'x.docx', sha256: '0'.repeat(64), bytes: 1 };

  it('a 2019 report without layout evidence gets the 2019 layout, a 2023 one the 2021 layout', () => {
    const old = analyzeDocument(docOf('某某乡人民政府2019年政府信息公开工作年度报告'), source);
    expect([old.meta.year, old.layouts.requests]).toEqual([2019, '2019']);
    const recent = analyzeDocument(docOf('某某乡人民政府2023年政府信息公开工作年度报告'), source);
    expect([recent.meta.year, recent.layouts.requests]).toEqual([2023, '2021']);
  });
});
