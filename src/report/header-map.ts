/**
 * Header geometry of markup/lattice tables: which grid column each expected column sits in, read from the
 * header cells' own spans (自然人 … 总计; 行政复议/未经复议直接起诉/复议后起诉 over 结果维持 … 总计;
 * 本年制发件数 …). Lower header rows override the spans of their parents (法人或其他组织 → 商业企业 …).
 */
import { LABEL_INDEX } from './label-index.js';
import { TABLES } from './layouts.js';
import { DEFAULT_MATCH_SETTINGS, displayLabel, matchLabel, type MatchHow, type MatchSettings } from './labels.js';
import type { RowView } from './row-view.js';
import type { TableId } from './report.js';

/** What one grid column of a header says: a column key, and for Table C the row group above it. */
export type HeaderSlot = { readonly key: string; readonly label: string; readonly how: MatchHow };

export type HeaderColumns = {
  /** Grid column → column key (Tables A, B) or `rowKey/colKey` (Table C). */
  readonly byCol: ReadonlyMap<number, HeaderSlot>;
  /** Printed column labels by column key (first occurrence), for cells aligned by count. */
  readonly columnLabels: ReadonlyMap<string, HeaderSlot>;
  /** Printed row-group labels (Table C), by row key. */
  readonly groups: ReadonlyMap<string, string>;
};

/** Joins a Table C group and column into the key the header map uses. */
export function groupedKey(rowKey: string, colKey: string): string {
  return `${rowKey}/${colKey}`;
}

/** Reads the header rows of one table (top to bottom) into grid columns. */
export function headerColumns(
  rows: readonly RowView[],
  table: TableId,
  settings: MatchSettings = DEFAULT_MATCH_SETTINGS,
): HeaderColumns {
  const columns = new Map<number, HeaderSlot>();
  const groupsByCol = new Map<number, string>();
  const groups = new Map<string, string>();
  const columnLabels = new Map<string, HeaderSlot>();
  for (const row of rows) {
    for (const cell of row.labels) {
      const m = matchLabel(cell.text, LABEL_INDEX.header[table], settings);
      if (m === null || m.target.kind === 'word') continue;
      const slot = { key: m.target.key, label: displayLabel(cell.text), how: m.how };
      for (let k = cell.col; k < cell.col + cell.colSpan; k++) {
        if (m.target.kind === 'column') columns.set(k, slot);
        else groupsByCol.set(k, m.target.key);
      }
      if (m.target.kind === 'group' && !groups.has(m.target.key)) groups.set(m.target.key, slot.label);
      if (m.target.kind === 'column' && !columnLabels.has(m.target.key)) columnLabels.set(m.target.key, slot);
    }
  }
  if (TABLES[table].rowLabelsPrinted) return { byCol: columns, columnLabels, groups };
  const grouped = new Map<number, HeaderSlot>();
  for (const [col, slot] of columns) {
    const group = groupsByCol.get(col);
    if (group !== undefined) grouped.set(col, { ...slot, key: groupedKey(group, slot.key) });
  }
  return { byCol: grouped, columnLabels, groups };
}

/** The expected index of the column covering a cell, for a header that covers every expected key; else null. */
export function headerLookup(header: HeaderColumns, expected: readonly string[]): ((col: number, span: number) => number | null) | null {
  const present = new Set<string>();
  for (const s of header.byCol.values()) present.add(s.key);
  for (const k of expected) if (!present.has(k)) return null;
  return (col, span) => {
    for (let k = col; k < col + span; k++) {
      const slot = header.byCol.get(k);
      if (slot !== undefined) return expected.indexOf(slot.key) === -1 ? null : expected.indexOf(slot.key);
    }
    return null;
  };
}
