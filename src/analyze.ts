/**
 * Assembles a Report from an extracted Document: tables → recognition → checks (R1–R5, and S5 from the prose),
 * metadata, generic tables and text. Pure: the same document always gives the same report.
 */
import { documentParagraphs, documentText } from './document-text.js';
import type { Document } from './extract/document.js';
import { runChecks } from './report/checks.js';
import { message, uniqueMessages, type Message } from './report/flags.js';
import { readMetadata } from './report/metadata.js';
import { narrativeChecks, readNarrativeFacts } from './report/narrative.js';
import type { Recognition } from './report/recognize.js';
import { recognizeTables } from './report/recognize.js';
import {
  reportIdOf,
  TABLE_IDS,
  type CheckResult,
  type KeyedCell,
  type Layout,
  type Report,
  type SourceInfo,
  type Status,
} from './report/report.js';
import { buildTables } from './tables/index.js';
import { genericTables } from './tables/header.js';
import { untimed, type StageTimer } from './stage-timer.js';

/** Layouts that mean "a standard table was found and read". */
const FOUND: readonly Layout[] = ['2019', '2021', 'mixed'];

export const NOT_A_REPORT_ERROR = 'no standard annual-report table found';
export const LEGACY_ONLY_ERROR = 'only pre-2019 (free-form) statistics found, no standard annual-report table';

export type Verdict = { readonly status: Exclude<Status, 'failed'>; readonly error: string | null };

/** ok: all three tables found and no cell lost; partial: some found; not_a_report: none. */
export function verdictOf(recognition: Recognition): Verdict {
  const layouts = TABLE_IDS.map((t) => recognition.layouts[t]);
  const found = layouts.filter((l) => FOUND.includes(l)).length;
  if (found === 0) {
    return { status: 'not_a_report', error: layouts.includes('legacy') ? LEGACY_ONLY_ERROR : NOT_A_REPORT_ERROR };
  }
  const lost = recognition.cells.some(isMissingCell);
  return { status: found === TABLE_IDS.length && !lost ? 'ok' : 'partial', error: null };
}

function isMissingCell(cell: KeyedCell): boolean {
  return cell.provenance === 'missing';
}

/**
 * A report-level message naming the tables that lost cells, so a partial report always says why in `warnings`
 * (the recognizer flags each lost cell; this adds the summary unless it already gave one).
 */
export function lostCellsMessage(recognition: Recognition): Message[] {
  const lost = recognition.cells.filter(isMissingCell);
  if (lost.length === 0 || recognition.messages.some((m) => m.code === 'missing_rows')) return [];
  const tables = TABLE_IDS.filter((t) => lost.some((c) => c.table === t));
  return [message('missing_rows', `${lost.length} cells could not be read (${tables.join(', ')}); see the missing cells in cells.csv`)];
}

/** R1–R5 on the tables found, and S5 (the prose against Table B) when Table B was found. */
function checksOf(recognition: Recognition, paragraphs: readonly string[]): CheckResult[] {
  const checks = runChecks(recognition.cells, recognition.layouts);
  if (!FOUND.includes(recognition.layouts.requests)) return checks;
  return [...checks, ...narrativeChecks(readNarrativeFacts(paragraphs), recognition.cells)];
}

/** `time` only measures the table and recognition stages (a batch reports their durations); it changes nothing. */
export function analyzeDocument(doc: Document, source: SourceInfo, time: StageTimer = untimed): Report {
  const built = time('tables', () => buildTables(doc));
  const paragraphs = documentParagraphs(built);
  // Metadata first: the year breaks the layout tie of a table whose labels carry no layout evidence.
  const metadata = readMetadata(paragraphs);
  const recognition = time('recognize', () => recognizeTables(built, { year: metadata.meta.year }));
  const verdict = verdictOf(recognition);
  return {
    id: reportIdOf(source.sha256),
    source,
    format: doc.format,
    // Only a PDF has real pages; other formats are one logical page.
    pages: doc.format === 'pdf' ? doc.pages.length : null,
    status: verdict.status,
    error: verdict.error,
    meta: metadata.meta,
    layouts: recognition.layouts,
    cells: recognition.cells,
    checks: checksOf(recognition, paragraphs),
    messages: uniqueMessages([
      ...doc.messages,
      ...built.messages,
      ...recognition.messages,
      ...lostCellsMessage(recognition),
      ...metadata.messages,
    ]),
    genericTables: genericTables(built),
    text: documentText(built),
  };
}
