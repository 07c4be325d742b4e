/**
 * Test helper: Reports for the workbook and review-page tests, built by hand until the recognizer lands.
 * - 洪泽区 2023 (../shared/corpus/KIROGOVCOMPARE__hzq2023_working.pdf): values typed from the PDF (DOMAIN.md §3:
 *   R4 fails on its Table C row); pages as printed; cell boxes taken from the words the real PDF extractor reads.
 * - report-2019 / report-2021 / report-mixed: the known answers of tests/fixtures/reports/*.expected.json.
 * - one failed file.
 * Checks and derived cells come from the real runChecks / deriveCells.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Box, Page } from '../../src/extract/document.js';
import { extractDocument } from '../../src/extract/index.js';
import { runChecks } from '../../src/report/checks.js';
import { deriveCells } from '../../src/report/derive.js';
import { columnDef, layoutCells, REVIEW_LITIGATION_ORDER, rowDef, unitOf } from '../../src/report/layouts.js';
import { REQUEST_COLUMNS } from '../../src/report/relations.js';
import {
  failedReport,
  reportIdOf,
  type KeyedCell,
  type Layout,
  type Report,
  type ReportMeta,
  type TableId,
} from '../../src/report/report.js';

export const REPO = join(import.meta.dirname, '..', '..');
export const HZQ2023_PDF = join(REPO, 'tests', 'fixtures', 'shared', 'corpus', 'KIROGOVCOMPARE__hzq2023_working.pdf');
const FIXTURES = join(REPO, 'tests', 'fixtures', 'reports');

type Printed = { value: number | null; raw: string; page: number | null; rowLabel?: string; box?: Box };

function sourceOfFile(path: string, file: string): Report['source'] {
  const bytes = readFileSync(path);
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** Every cell of each table's layout: printed values where given, else missing; derived cells computed. */
function layoutReportCells(layouts: Record<TableId, Layout>, printed: ReadonlyMap<string, Printed>): KeyedCell[] {
  const cells = (Object.keys(layouts) as TableId[]).flatMap((table) =>
    layoutCells(table, layouts[table]).map((spec): KeyedCell => {
      const p = printed.get(`${table}/${spec.rowKey}/${spec.colKey}`);
      const base = {
        table,
        rowKey: spec.rowKey,
        colKey: spec.colKey,
        unit: unitOf(table, spec.colKey),
        rowLabel: p?.rowLabel ?? rowDef(table, spec.rowKey)?.label ?? '',
        colLabel: columnDef(table, spec.colKey)?.label ?? '',
        page: p?.page ?? null,
        flags: [],
      };
      if (spec.derived) return { ...base, value: null, provenance: 'derived', raw: '', page: null };
      if (p === undefined) return { ...base, value: null, provenance: 'missing', raw: '', flags: ['missing_rows'] };
      const cell: KeyedCell = { ...base, value: p.value, provenance: p.value === null ? 'blank' : 'printed', raw: p.raw };
      return p.box === undefined ? cell : { ...cell, box: p.box };
    }),
  );
  return deriveCells(cells);
}

function assemble(source: Report['source'], format: Report['format'], pages: number | null, meta: ReportMeta, layouts: Record<TableId, Layout>, printed: ReadonlyMap<string, Printed>): Report {
  const cells = layoutReportCells(layouts, printed);
  return {
    id: reportIdOf(source.sha256),
    source,
    format,
    pages,
    status: 'ok',
    error: null,
    meta,
    layouts,
    cells,
    checks: runChecks(cells, layouts),
    messages: [],
    genericTables: [],
    text: '',
  };
}

type Expected = {
  title: string;
  agency: string;
  year: number;
  publishedOn: string;
  layouts: Record<TableId, Layout>;
  cells: { table: TableId; rowKey: string; colKey: string; value: number | null; raw: string }[];
};

/** A report from a fixture's known answers (every printed cell; blank = null). */
export function expectedReport(name: string, file: string, format: Report['format'], county: string): Report {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
  const printed = new Map(expected.cells.map((c) => [`${c.table}/${c.rowKey}/${c.colKey}`, { value: c.value, raw: c.raw ?? '', page: null }]));
  const meta: ReportMeta = {
    agency: expected.agency,
    township: expected.agency.replace(/^示例县|人民政府$|办事处$/g, ''),
    county,
    city: '示例市',
    province: '示例省',
    divisionCode: null,
    year: expected.year,
    publishedOn: expected.publishedOn,
    title: expected.title,
  };
  return assemble(sourceOfFile(join(FIXTURES, file), file), format, null, meta, expected.layouts, printed);
}

// ---------------------------------------------------------------------------------------------
// 洪泽区 2023, typed from the PDF (pdftotext -layout); page numbers as printed.

const HZQ_B: readonly [string, number, number][] = [
  // row key, 自然人 value, page (the five 法人 columns are 0 in every row; 总计 equals 自然人)
  ['new_received', 21, 3],
  ['carried_over', 0, 3],
  ['result.disclosed', 0, 3],
  ['result.partially_disclosed', 4, 3],
  ['result.withheld.state_secret', 1, 3],
  ['result.withheld.prohibited_by_law', 0, 3],
  ['result.withheld.security_stability', 0, 3],
  ['result.withheld.third_party_rights', 0, 3],
  ['result.withheld.internal_affairs', 0, 3],
  ['result.withheld.process_information', 1, 3],
  ['result.withheld.enforcement_case_file', 1, 3],
  ['result.withheld.administrative_inquiry', 0, 3],
  ['result.unable.not_held', 10, 3],
  ['result.unable.requires_creation', 3, 3],
  ['result.unable.unclear_after_correction', 0, 4],
  ['result.not_processed.petition_complaint', 1, 4],
  ['result.not_processed.duplicate', 0, 4],
  ['result.not_processed.publication', 0, 4],
  ['result.not_processed.excessive', 0, 4],
  ['result.not_processed.confirm_or_reissue', 0, 4],
  ['result.other.subtotal', 0, 4],
  ['result.total', 21, 4],
  ['carried_forward', 0, 4],
];

const HZQ_A: readonly [string, string, number, string, number][] = [
  ['art20_1.regulations', 'issued', 0, '0', 2],
  ['art20_1.regulations', 'repealed', 0, '0', 2],
  ['art20_1.regulations', 'in_force', 0, '0', 2],
  ['art20_1.normative_documents', 'issued', 0, '0', 2],
  ['art20_1.normative_documents', 'repealed', 5, '5', 2],
  ['art20_1.normative_documents', 'in_force', 5, '5', 2],
  ['art20_5.administrative_licensing', 'decisions', 550, '550', 2],
  ['art20_6.administrative_penalty', 'decisions', 4119, '4119', 3],
  ['art20_6.administrative_coercion', 'decisions', 195, '195', 3],
  ['art20_8.administrative_fees', 'fee_amount', 7730.28, '7730.28', 3],
];

/** The printed Table C row: 10 1 0 0 0 | 0 0 0 0 0 | 5 0 0 0 0 (R4 fails twice). */
const HZQ_C = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0];

const NUMBER = /^\d+(\.\d+)?$/;
/** Padding around a word's box to outline its cell, in points. */
const BOX_PADDING = 3;

function pad(box: Box): Box {
  return { x0: box.x0 - BOX_PADDING, y0: box.y0 - BOX_PADDING, x1: box.x1 + BOX_PADDING, y1: box.y1 + BOX_PADDING };
}

/** The numbers printed on the same line as (and right of) the first word containing `needle`, left to right. */
function numbersBeside(page: Page, needle: string): Box[] {
  const label = page.words.find((w) => w.text.includes(needle));
  if (label === undefined) return [];
  const mid = (label.box.y0 + label.box.y1) / 2;
  const half = (label.box.y1 - label.box.y0) / 2;
  return page.words
    .filter((w) => NUMBER.test(w.text) && w.box.x0 > label.box.x1 && Math.abs((w.box.y0 + w.box.y1) / 2 - mid) < half)
    .sort((a, b) => a.box.x0 - b.box.x0)
    .map((w) => pad(w.box));
}

/** The one line of a page that holds exactly `count` numbers (Table C's data row). */
function numberLine(page: Page, count: number): Box[] {
  const lines = new Map<number, Box[]>();
  for (const w of page.words.filter((w) => NUMBER.test(w.text))) {
    const key = Math.round(w.box.y0);
    lines.set(key, [...(lines.get(key) ?? []), w.box]);
  }
  const line = [...lines.values()].find((boxes) => boxes.length === count) ?? [];
  return line.sort((a, b) => a.x0 - b.x0).map(pad);
}

async function hzqPrinted(bytes: Uint8Array): Promise<Map<string, Printed>> {
  const doc = await extractDocument(bytes, 'hzq2023.pdf');
  const page = (n: number): Page => doc.pages[n - 1]!;
  const printed = new Map<string, Printed>();
  for (const [rowKey, colKey, value, raw, p] of HZQ_A) printed.set(`active_disclosure/${rowKey}/${colKey}`, { value, raw, page: p });
  for (const [rowKey, natural, p] of HZQ_B) {
    const needle = rowDef('requests', rowKey)?.distinctive[0] ?? '';
    const boxes = needle === '' ? [] : numbersBeside(page(p), needle);
    REQUEST_COLUMNS.forEach((colKey, i) => {
      const value = colKey === 'natural_person' || colKey === 'total' ? natural : 0;
      const box = boxes.length === REQUEST_COLUMNS.length ? boxes[i] : undefined;
      const rowLabel = rowKey === 'result.withheld.prohibited_by_law' ? '2.其他法律行政止公开' : undefined;
      printed.set(`requests/${rowKey}/${colKey}`, { value, raw: String(value), page: p, ...(box ? { box } : {}), ...(rowLabel ? { rowLabel } : {}) });
    });
  }
  const line = numberLine(page(4), HZQ_C.length);
  REVIEW_LITIGATION_ORDER.forEach(({ rowKey, colKey }, i) => {
    const box = line[i];
    printed.set(`review_litigation/${rowKey}/${colKey}`, { value: HZQ_C[i]!, raw: String(HZQ_C[i]), page: 4, ...(box ? { box } : {}) });
  });
  return printed;
}

export async function hzq2023Report(): Promise<Report> {
  const bytes = new Uint8Array(readFileSync(HZQ2023_PDF));
  const source = sourceOfFile(HZQ2023_PDF, 'KIROGOVCOMPARE__hzq2023_working.pdf');
  const meta: ReportMeta = {
    agency: '淮安市洪泽区人民政府',
    township: null,
    county: '洪泽区',
    city: '淮安市',
    province: '江苏省',
    divisionCode: '320813',
    year: 2023,
    publishedOn: '2024-01-31',
    title: '淮安市洪泽区2023年政府信息公开工作年度报告',
  };
  const layouts: Record<TableId, Layout> = { active_disclosure: '2021', requests: 'mixed', review_litigation: '2021' };
  return assemble(source, 'pdf', 5, meta, layouts, await hzqPrinted(bytes));
}

export const BROKEN_REPORT: Report = failedReport(
  { file: 'broken/truncated.pdf', sha256: `0badf11e0000${'7'.repeat(52)}`, bytes: 512 },
  'truncated: the PDF ends before its cross-reference table',
  'pdf',
);

/** The reports of a small batch, and where their source files are (by source_file). */
export async function reviewBatch(): Promise<{ reports: Report[]; sources: Map<string, string> }> {
  const hzq = await hzq2023Report();
  const reports = [
    hzq,
    expectedReport('report-2021', 'report-2021.html', 'html', '示例县'),
    expectedReport('report-2019', 'report-2019.docx', 'docx', '示例县'),
    expectedReport('report-mixed', 'report-mixed.docx', 'docx', '示例县'),
    BROKEN_REPORT,
  ];
  return { reports, sources: new Map([[hzq.source.file, HZQ2023_PDF]]) };
}

/** The inputs of a real pipeline run: the samples (PDF, DOCX, HTML, text dumps) and the 洪泽区 2023 PDF. */
export const PIPELINE_INPUTS: readonly string[] = [join(REPO, 'samples'), HZQ2023_PDF];
