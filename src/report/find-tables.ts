/**
 * Finding the standard tables row by row: each row is classified by its own labels (a 第二十条 block
 * header, a header row, a data row of a canonical key, a group label, a label-less row of values), then
 * label-less rows are given to Table C when they sit in its context. Rows of one table may be spread over
 * several table blocks or lose their header at a page break; classification does not depend on either.
 */
import { rowDef, TABLES } from './layouts.js';
import { LABEL_INDEX, type KeyRef } from './label-index.js';
import { DEFAULT_MATCH_SETTINGS, matchLabel, type MatchHow, type MatchSettings } from './labels.js';
import { isBlankText } from '../tables/cell-text.js';
import type { RowView, SlotCell } from './row-view.js';
import { TABLE_IDS, type TableId } from './report.js';

export type RowClass =
  | { readonly kind: 'block'; readonly table: 'active_disclosure'; readonly blockKey: string }
  | { readonly kind: 'header'; readonly table: TableId }
  | { readonly kind: 'data'; readonly table: TableId; readonly rowKey: string; readonly how: MatchHow; readonly label: SlotCell }
  | { readonly kind: 'group'; readonly table: TableId }
  /** A table's one data row printed without a row label (Table C's 15 numbers; layouts.ts flatRowOrder). */
  | { readonly kind: 'flat'; readonly table: TableId }
  | { readonly kind: 'values' }
  | { readonly kind: 'other'; readonly hasValues: boolean };

export type ClassifiedRow = RowView & { readonly cls: RowClass };

/** True when any value cell of the row has text. */
export function hasValues(view: RowView): boolean {
  return view.values.some((c) => !isBlankText(c.text));
}

/** How many label cells of the row name a header of each table (column, Table C group, header word). */
export function headerHits(labels: readonly SlotCell[], settings: MatchSettings = DEFAULT_MATCH_SETTINGS): Record<TableId, number> {
  const hits = { active_disclosure: 0, requests: 0, review_litigation: 0 } as Record<TableId, number>;
  for (const id of TABLE_IDS) {
    for (const c of labels) if (matchLabel(c.text, LABEL_INDEX.header[id], settings) !== null) hits[id] += 1;
  }
  return hits;
}

/** A row's own key: the rightmost label naming a row printed in some layout (sub-item wording beats group). */
export function leafMatch(
  labels: readonly SlotCell[],
  settings: MatchSettings = DEFAULT_MATCH_SETTINGS,
): { leaf: { ref: KeyRef; how: MatchHow; cell: SlotCell } | null; group: KeyRef | null } {
  let group: KeyRef | null = null;
  for (let i = labels.length - 1; i >= 0; i--) {
    const cell = labels[i]!;
    const m = matchLabel(cell.text, LABEL_INDEX.rows, settings);
    if (m === null) continue;
    const printed = (rowDef(m.target.table, m.target.key)?.printedIn.length ?? 0) > 0;
    if (printed) return { leaf: { ref: m.target, how: m.how, cell }, group };
    group ??= m.target;
  }
  return { leaf: null, group };
}

/** Classifies one row by its own labels; `section` breaks ties between tables. */
export function classifyRow(view: RowView, settings: MatchSettings = DEFAULT_MATCH_SETTINGS): RowClass {
  const filled = hasValues(view);
  if (view.labels.length === 0) return filled ? { kind: 'values' } : { kind: 'other', hasValues: false };
  const block = view.labels.map((c) => matchLabel(c.text, LABEL_INDEX.blocks, settings)).find((m) => m !== null);
  if (block) return { kind: 'block', table: 'active_disclosure', blockKey: block.target };
  const hits = headerHits(view.labels, settings);
  const { leaf, group } = leafMatch(view.labels, settings);
  const best = headerTable(hits, view.section ?? leaf?.ref.table ?? null);
  if (!filled && best !== null && (leaf === null || hits[best] >= 2)) return { kind: 'header', table: best };
  if (leaf !== null) return { kind: 'data', table: leaf.ref.table, rowKey: leaf.ref.key, how: leaf.how, label: leaf.cell };
  if (group !== null) return { kind: 'group', table: group.table };
  return { kind: 'other', hasValues: filled };
}

/** The table with the most header hits; a tie goes to the preferred table, else to the first in order. */
function headerTable(hits: Record<TableId, number>, preferred: TableId | null): TableId | null {
  const max = Math.max(...TABLE_IDS.map((id) => hits[id]));
  if (max === 0) return null;
  if (preferred !== null && hits[preferred] === max) return preferred;
  return TABLE_IDS.find((id) => hits[id] === max) ?? null;
}

/** The table a classified row belongs to, if it names one. */
export function tableOfClass(cls: RowClass): TableId | null {
  return 'table' in cls ? cls.table : null;
}

/** The rows classified to `table`, in order. */
export function rowsOfTable(rows: readonly ClassifiedRow[], table: TableId): ClassifiedRow[] {
  const out: ClassifiedRow[] = [];
  for (const r of rows) if (tableOfClass(r.cls) === table) out.push(r);
  return out;
}

/**
 * Classifies every row, then turns label-less value rows into flat data rows when they sit in the context of a
 * table printed as one label-less row (Table C: its section, or right after its header). The context is the
 * table of the last classified row, reset by a new section heading. A report that leaves Table C blank prints an
 * empty data row: the first empty label-less row in that context stands in when no row with values exists.
 */
export function findTableRows(views: readonly RowView[], settings: MatchSettings = DEFAULT_MATCH_SETTINGS): ClassifiedRow[] {
  let context: TableId | null = null;
  let lastSection: TableId | null = null;
  let blankFlat: { readonly index: number; readonly table: TableId } | null = null;
  const rows: ClassifiedRow[] = [];
  for (const [i, view] of views.entries()) {
    if (view.section !== lastSection) context = view.section;
    lastSection = view.section;
    let cls = classifyRow(view, settings);
    if (context !== null && TABLES[context].flatRowOrder !== undefined && view.labels.length === 0) {
      if (cls.kind === 'values') cls = { kind: 'flat', table: context };
      else if (view.cells.length > 0) blankFlat ??= { index: i, table: context };
    }
    context = tableOfClass(cls) ?? context;
    rows.push({ ...view, cls });
  }
  if (blankFlat === null || rows.some((r) => r.cls.kind === 'flat')) return rows;
  const flat = blankFlat;
  return rows.map((r, i) => (i === flat.index ? { ...r, cls: { kind: 'flat', table: flat.table } } : r));
}
