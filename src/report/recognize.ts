/**
 * The recognizer: finds the three standard tables in a document and maps their cells to canonical keys.
 * A ladder of named steps: row views → row classification (find-tables) → tables proven by evidence
 * (table-evidence) → layout per table (detect-layout) → value alignment and keyed cells (emit-cells) → derived
 * subtotals (derive).
 */
import { blocksOf, type Document } from '../extract/document.js';
import { collapseWhitespace } from '../normalize/text.js';
import { deriveCells } from './derive.js';
import { detectLayouts, withLegacy } from './detect-layout.js';
import { cellsOfTable } from './emit-cells.js';
import { findTableRows, rowsOfTable, tableOfClass, type ClassifiedRow } from './find-tables.js';
import { message, uniqueMessages, type Message } from './flags.js';
import { DEFAULT_ALIGN_SETTINGS, type AlignSettings } from './align.js';
import { DEFAULT_MATCH_SETTINGS, type MatchSettings } from './labels.js';
import { rowViewsOfBlocks } from './row-view.js';
import { DEFAULT_EVIDENCE_SETTINGS, keepProvenTables, type EvidenceSettings } from './table-evidence.js';
import { TABLE_IDS, type KeyedCell, type Layout, type TableId } from './report.js';

export type Recognition = {
  readonly layouts: Readonly<Record<TableId, Layout>>;
  /** Every cell of each detected table's layout (printed, blank, missing, derived). */
  readonly cells: readonly KeyedCell[];
  readonly messages: readonly Message[];
};

export type RecognizeSettings = {
  readonly match: MatchSettings;
  readonly align: AlignSettings;
  readonly evidence: EvidenceSettings;
};

export const DEFAULT_RECOGNIZE_SETTINGS: RecognizeSettings = Object.freeze({
  match: DEFAULT_MATCH_SETTINGS,
  align: DEFAULT_ALIGN_SETTINGS,
  evidence: DEFAULT_EVIDENCE_SETTINGS,
});

export type RecognizeOptions = {
  /** The report year, when known: only breaks a tie for a table whose labels carry no layout evidence. */
  readonly year?: number | null;
  readonly settings?: RecognizeSettings;
};

/** Finds the three standard tables in a (built: see tables/index.ts) document and maps their cells to canonical keys. */
export function recognizeTables(doc: Document, options: RecognizeOptions = {}): Recognition {
  const settings = options.settings ?? DEFAULT_RECOGNIZE_SETTINGS;
  const classified = findTableRows(rowViewsOfBlocks(blocksOf(doc)), settings.match);
  const rows = keepProvenTables(classified, settings.evidence, settings.match);
  const decision = detectLayouts(rows, options.year ?? null);
  const layouts = withLegacy(decision.layouts, paragraphTexts(doc));
  const messages: Message[] = [...decision.messages, ...unrecognizedRows(rows)];
  const cells: KeyedCell[] = [];
  for (const table of TABLE_IDS) {
    const layout = layouts[table];
    if (layout === 'legacy') continue;
    if (layout === 'absent') {
      messages.push(message('table_missing', `table ${table} was not found`, { table }));
      continue;
    }
    const out = cellsOfTable({ table, layout, rows: rowsOfTable(rows, table) }, settings.align);
    cells.push(...out.cells);
    messages.push(...out.messages);
  }
  return { layouts, cells: deriveCells(cells), messages: uniqueMessages(messages) };
}

function paragraphTexts(doc: Document): string[] {
  const out: string[] = [];
  for (const b of blocksOf(doc)) if (b.kind === 'paragraph') out.push(b.text);
  return out;
}

function isStandardRow(row: ClassifiedRow): boolean {
  return tableOfClass(row.cls) !== null;
}

function tableIndexOf(row: ClassifiedRow): number {
  return row.tableIndex;
}

/** A row with values that no key or table claimed. */
function isUnclaimedValueRow(row: ClassifiedRow): boolean {
  return (row.cls.kind === 'other' && row.cls.hasValues) || row.cls.kind === 'values';
}

/** Rows with numbers but no known label, inside a table block that holds standard rows. */
function unrecognizedRows(rows: readonly ClassifiedRow[]): Message[] {
  const standardBlocks = new Set(rows.filter(isStandardRow).map(tableIndexOf));
  const out: Message[] = [];
  for (const r of rows) {
    if (!isUnclaimedValueRow(r) || !standardBlocks.has(r.tableIndex)) continue;
    const label = r.labels.map((c) => collapseWhitespace(c.text)).join(' / ');
    out.push(message('row_unrecognized', `a row with numbers matched no canonical key: ${label}`));
  }
  return out;
}
