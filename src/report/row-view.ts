/**
 * The recognizer's view of a document: every table row in reading order, each as its anchor cells (a merged
 * cell counts once, on its first row) split into label cells and value cells, with the section heading it
 * sits under. Rows of one standard table may be spread over several table blocks; this view does not care.
 * Per-cell and per-row callbacks are module-level functions or loops, so V8 keeps their optimized code across GCs.
 */
import type { Block, Box, Document } from '../extract/document.js';
import { blocksOf } from '../extract/document.js';
import { readsAsNumber } from '../normalize/numbers.js';
import { compactText } from '../normalize/text.js';
import { withoutValueUnit } from '../normalize/units.js';
import { isBlankText, isDashText } from '../tables/cell-text.js';
import type { Table, TableMethod } from '../tables/table.js';
import { TABLES } from './layouts.js';
import { compactLabel } from './labels.js';
import { TABLE_IDS, type TableId } from './report.js';

export type SlotCell = {
  readonly text: string;
  /** Grid column of the anchor and its span (text dumps: the field index, span 1). */
  readonly col: number;
  readonly colSpan: number;
  readonly page: number | null;
  /** Where the cell sits on `page` (PDF tables only). */
  readonly box?: Box;
};

export type RowView = {
  /** Index of the table block in reading order, and the row inside it. */
  readonly tableIndex: number;
  readonly row: number;
  readonly method: TableMethod;
  readonly cells: readonly SlotCell[];
  /** Label cells: non-empty text that is no value, left of the first value. */
  readonly labels: readonly SlotCell[];
  /** Cells after the last label (every cell when there is no label), empty ones included. */
  readonly values: readonly SlotCell[];
  /** The table whose section heading came last before this row, if any. */
  readonly section: TableId | null;
};

/** True when a cell reads as a value: empty, a number (optionally with a unit: "91.68 万元", "21件"), or a dash/无. */
export function isValueText(text: string): boolean {
  if (isBlankText(text) || isDashText(text)) return true;
  const compact = compactText(text);
  const number = withoutValueUnit(compact);
  return readsAsNumber(compact) || (number !== null && readsAsNumber(number));
}

/** Splits a row's cells into label cells and the value cells after the last label. */
export function splitRow(cells: readonly SlotCell[]): { labels: SlotCell[]; values: SlotCell[] } {
  const firstValue = cells.findIndex(isFilledValueCell);
  const head = firstValue === -1 ? cells : cells.slice(0, firstValue);
  const labels = head.filter(isLabelCell);
  const last = labels.at(-1);
  const values = last === undefined ? [...cells] : cells.slice(cells.indexOf(last) + 1);
  return { labels, values };
}

/** A value with something in it (a number, a dash, 无): the first one ends the labels. */
function isFilledValueCell(c: SlotCell): boolean {
  return !isBlankText(c.text) && isValueText(c.text);
}

function isLabelCell(c: SlotCell): boolean {
  return !isValueText(c.text);
}

export type SectionSettings = {
  /**
   * Longest paragraph (characters, whitespace removed) read as a section heading. Default 40: headings such as
   * 四、政府信息公开行政复议、行政诉讼情况 are ~20; narrative sentences that mention a table's topic are longer.
   */
  readonly maxHeadingChars: number;
};

export const DEFAULT_SECTION_SETTINGS: SectionSettings = Object.freeze({ maxHeadingChars: 40 });

/** Each table's title substrings in compared form (layouts are constant: normalised once). */
const TITLE_DISTINCTIVE: ReadonlyMap<TableId, readonly string[]> = new Map(
  TABLE_IDS.map((id) => [id, TABLES[id].titleDistinctive.map(compactLabel)] as const),
);

/** The table whose section heading a paragraph is, if any (matched on its distinctive substrings). */
export function sectionOf(text: string, settings: SectionSettings = DEFAULT_SECTION_SETTINGS): TableId | null {
  const compact = compactLabel(text);
  if (compact.length === 0 || compact.length > settings.maxHeadingChars) return null;
  for (const id of TABLE_IDS) if (includesAny(compact, TITLE_DISTINCTIVE.get(id) ?? [])) return id;
  return null;
}

function includesAny(text: string, parts: readonly string[]): boolean {
  for (const part of parts) if (text.includes(part)) return true;
  return false;
}

function rowsOfTable(t: Table, tableIndex: number, section: TableId | null): RowView[] {
  const byRow: SlotCell[][] = [];
  for (let row = 0; row < t.rows; row++) byRow.push([]);
  for (const c of t.cells) {
    const slot: SlotCell = { text: c.text, col: c.col, colSpan: c.colSpan, page: c.page ?? null };
    byRow[c.row]?.push(c.box === undefined ? slot : { ...slot, box: c.box });
  }
  const views: RowView[] = [];
  for (let row = 0; row < byRow.length; row++) {
    const sorted = byRow[row]!.sort(byCol);
    views.push({ tableIndex, row, method: t.method, cells: sorted, ...splitRow(sorted), section });
  }
  return views;
}

/** Orders a row's cells left to right. */
function byCol(a: SlotCell, b: SlotCell): number {
  return a.col - b.col;
}

/** Every table row of a (built) document in reading order, with its section. */
export function rowViewsOf(doc: Document): RowView[] {
  return rowViewsOfBlocks(blocksOf(doc));
}

export function rowViewsOfBlocks(blocks: readonly Block[]): RowView[] {
  const out: RowView[] = [];
  let section: TableId | null = null;
  let tableIndex = 0;
  for (const b of blocks) {
    if (b.kind === 'paragraph') section = sectionOf(b.text) ?? section;
    else out.push(...rowsOfTable(b.table, tableIndex++, section));
  }
  return out;
}
