import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract-report.js';
import { csvLines } from '../../src/output/csv.js';
import { INDICATOR_SET } from '../../src/output/indicator-set.js';
import { csvResources } from '../../src/output/index.js';
import { csvPartLines, jsonlLine, renderParts, reportFromParts, textOf, type ReportParts, type Text } from '../../src/output/report-parts.js';
import { reportsJsonlChunks } from '../../src/output/reports-jsonl.js';
import type { CheckResult, Report } from '../../src/report/report.js';
import { FAILED_REPORT, PARTIAL_REPORT } from './sample-reports.js';
import { mapPartTexts } from './map-texts.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
const OPTIONS = { indicators: INDICATOR_SET, nianbaoVersion: '9.9.9', text: true };

/** Two S1 results as a batch adds them: one failed (it must count in checks_failed), one passed. */
const BATCH_CHECKS: CheckResult[] = [
  { checkId: 'S1', table: 'requests', subject: 'col=natural_person', expected: 3, actual: 4, status: 'fail', note: 'B[carried_over,natural_person](2023) = B[carried_forward,natural_person](2022)' },
  { checkId: 'S1', table: 'requests', subject: 'col=total', expected: 5, actual: 5, status: 'pass', note: 'with "quotes", and a comma' },
];

let reports: Report[] = [];

beforeAll(async () => {
  const names = ['docx/示例镇2023年政府信息公开工作年度报告.docx', 'pdf/样板乡2019年政府信息公开工作年报.pdf', 'seeds/000_e7416d623e6ef481.txt'];
  for (const name of names) reports.push(await extractReport(new Uint8Array(await readFile(join(SAMPLES, name))), { file: name }));
  reports = [...reports, PARTIAL_REPORT, FAILED_REPORT];
});

/** Every fixed file's text for one report rendered whole, the way writeOutputs renders it. */
function wholeRender(report: Report): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of csvResources([report], INDICATOR_SET)) if (!r.path.startsWith('tables_generic/')) files.set(r.path, csvLines(r.rows()));
  files.set('reports.jsonl', [...reportsJsonlChunks([report], INDICATOR_SET)].join(''));
  return files;
}

/** The chunks written one after another, as the file's text. */
function joined(chunks: readonly Text[]): string {
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))).toString('utf8');
}

function assembled(parts: ReportParts, batchChecks: readonly CheckResult[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of wholeRender(reports[0]!).keys()) {
    files.set(path, joined(path === 'reports.jsonl' ? jsonlLine(parts, batchChecks) : csvPartLines(parts, path, batchChecks)));
  }
  return files;
}

/** The parts with every big piece as UTF-8 bytes, the way the cache reads them back. */
function asBytes(parts: ReportParts): ReportParts {
  return mapPartTexts(parts, (t) => (typeof t === 'string' ? new TextEncoder().encode(t) : t));
}

describe('renderParts and their assembly', () => {
  it('give the bytes of the whole report when the batch adds no checks', () => {
    for (const report of reports) expect(assembled(renderParts(report, OPTIONS), []), report.source.file).toEqual(wholeRender(report));
  });

  it('give the bytes of the report with the batch checks appended, failures counted in checks_failed', () => {
    for (const report of reports) {
      const withChecks = { ...report, checks: [...report.checks, ...BATCH_CHECKS] };
      const files = assembled(renderParts(report, OPTIONS), BATCH_CHECKS);
      expect(files, report.source.file).toEqual(wholeRender(withChecks));
      expect(JSON.parse(files.get('reports.jsonl')!).checks.length).toBe(report.checks.length + 2);
    }
  });

  it('give the same bytes, and the same Report back, from pieces held as bytes (as the cache reads them)', () => {
    for (const report of reports) {
      const parts = renderParts(report, OPTIONS);
      const stored = asBytes(parts);
      expect(stored.jsonl.head).toBeInstanceOf(Uint8Array);
      expect(assembled(stored, BATCH_CHECKS)).toEqual(assembled(parts, BATCH_CHECKS));
      expect(assembled(stored, [])).toEqual(wholeRender(report));
      expect(reportFromParts(stored)).toEqual(JSON.parse(JSON.stringify(report)));
    }
  });

  it('hand the batch checks over as strings beside the pieces, never joined into them', () => {
    const stored = asBytes(renderParts(reports[0]!, OPTIONS));
    const jsonl = jsonlLine(stored, BATCH_CHECKS);
    expect(jsonl.slice(0, 2)).toEqual([stored.jsonl.head, stored.jsonl.checks]);
    expect(jsonl.at(-1)).toBe(stored.jsonl.tail);
    expect(jsonl.filter((c) => typeof c === 'string')).toHaveLength(1);
    expect(csvPartLines(stored, 'checks.csv', BATCH_CHECKS)[0]).toBe(stored.lines['checks.csv']);
    expect(csvPartLines(stored, 'cells.csv', BATCH_CHECKS)).toEqual([stored.lines['cells.csv']]);
  });

  it('carry each generic table whole, and the text only when asked and readable', () => {
    const pdf = reports[1]!;
    const parts = renderParts(pdf, OPTIONS);
    expect(parts.generic.map((g) => g.path)).toEqual(pdf.genericTables.map((_, i) => `tables_generic/${pdf.id}-${i + 1}.csv`));
    expect(parts.generic.length).toBeGreaterThan(0);
    for (const g of parts.generic) expect(JSON.parse(g.resource).path).toBe(g.path);
    expect(textOf(parts.text?.content ?? '').trim()).toBe(pdf.text.trim());
    expect(renderParts(pdf, { ...OPTIONS, text: false }).text).toBeNull();
    expect(renderParts(FAILED_REPORT, OPTIONS).text).toBeNull();
  });
});
