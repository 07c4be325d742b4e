/**
 * From a table's classified rows to its keyed cells: every cell of the layout appears once — printed or blank
 * as read (through normalizeCellValue), missing when the document lost it, derived placeholders for the
 * subtotals the layout never prints (filled later by deriveCells).
 * Per-row and per-cell callbacks are module-level functions or loops, so their optimized code outlives a GC.
 */
import { normalizeCellValue } from '../normalize/values.js';
import { headerUnitOf } from '../normalize/units.js';
import { columnDef, layoutCells, rowDef, TABLES, unitOf, type CellSpec } from './layouts.js';
import { alignByCount, alignByHeader, DEFAULT_ALIGN_SETTINGS, type AlignedRow, type AlignSettings, type Slot } from './align.js';
import { groupedKey, headerColumns, headerLookup, type HeaderColumns } from './header-map.js';
import { hasValues, type ClassifiedRow } from './find-tables.js';
import { displayLabel } from './labels.js';
import { message, type FlagCode, type Message } from './flags.js';
import type { KeyedCell, Layout, TableId } from './report.js';

export type TablePlan = {
  readonly table: TableId;
  readonly layout: Layout;
  /** The rows classified to this table, in reading order. */
  readonly rows: readonly ClassifiedRow[];
};

type Target = { readonly rowKey: string; readonly colKey: string };

/** A data row to place: its targets in expected order and the labels it was matched by. */
type RowTask = {
  readonly row: ClassifiedRow;
  readonly id: string;
  readonly targets: readonly Target[];
  readonly fuzzy: boolean;
  /** The printed label of a data row; null for a flat row, whose rows are named by the header's groups. */
  readonly label: string | null;
};


function cellKey(t: Target): string {
  return `${t.rowKey}/${t.colKey}`;
}

function isHeaderRow(row: ClassifiedRow): boolean {
  return row.cls.kind === 'header';
}

/** The header rows among the first `end` rows. */
function headerRowsBefore(rows: readonly ClassifiedRow[], end: number): ClassifiedRow[] {
  const out: ClassifiedRow[] = [];
  for (let i = 0; i < end; i++) {
    const r = rows[i]!;
    if (isHeaderRow(r)) out.push(r);
  }
  return out;
}

function rowsOfBlock(rows: readonly ClassifiedRow[], tableIndex: number | undefined): ClassifiedRow[] {
  const out: ClassifiedRow[] = [];
  for (const r of rows) if (r.tableIndex === tableIndex) out.push(r);
  return out;
}

/** The header rows a data row reads its columns from, by the table's header scope (see layouts.ts HeaderScope). */
function headerRowsFor(plan: TablePlan, row: ClassifiedRow): ClassifiedRow[] {
  const before = headerRowsBefore(plan.rows, plan.rows.indexOf(row));
  const sameBlock = rowsOfBlock(before, row.tableIndex);
  const pool = sameBlock.length > 0 ? sameBlock : before;
  if (TABLES[plan.table].headerScope === 'table') return rowsOfBlock(pool, pool.at(-1)?.tableIndex);
  return pool.slice(-1);
}

function rowTask(plan: TablePlan, row: ClassifiedRow, printed: ReadonlyMap<string, Target[]>): RowTask | null {
  if (row.cls.kind === 'flat') {
    return { row, id: 'flat', targets: TABLES[plan.table].flatRowOrder ?? [], fuzzy: false, label: null };
  }
  if (row.cls.kind !== 'data') return null;
  const { rowKey, how, label } = row.cls;
  const targets = printed.get(rowKey);
  if (targets === undefined) return null;
  return { row, id: rowKey, targets, fuzzy: how !== 'exact', label: displayLabel(label.text) };
}

/** A flat row's label for one of its rows: the header's group label, else the layout's. */
function flatRowLabel(table: TableId, groups: HeaderColumns, rowKey: string): string {
  return groups.groups.get(rowKey) ?? rowDef(table, rowKey)?.label ?? rowKey;
}

/** The keys the header names the row's targets by: `rowKey/colKey` for a flat row, else the column key. */
function expectedKeys(task: RowTask): string[] {
  const flat = task.row.cls.kind === 'flat';
  const out: string[] = [];
  for (const t of task.targets) out.push(flat ? groupedKey(t.rowKey, t.colKey) : t.colKey);
  return out;
}

function align(task: RowTask, header: HeaderColumns, settings: AlignSettings): AlignedRow {
  const expected = expectedKeys(task);
  const lookup = task.row.method === 'text' ? null : headerLookup(header, expected);
  if (lookup !== null) return alignByHeader(task.row.values, expected.length, (c) => lookup(c.col, c.colSpan));
  return alignByCount(task.row.values, expected.length, task.row.method === 'text', settings);
}

/** One keyed cell from one aligned slot. */
function slotCell(table: TableId, target: Target, slot: Slot, base: Omit<KeyedCell, 'value' | 'unit' | 'provenance' | 'raw' | 'page'>): KeyedCell {
  const unit = unitOf(table, target.colKey);
  if (slot.kind !== 'cell') {
    return { ...base, value: null, unit, provenance: slot.kind, raw: '', page: null };
  }
  const kind = columnDef(table, target.colKey)?.kind ?? 'count';
  const headerUnit = kind === 'money' ? headerUnitOf(base.colLabel) : undefined;
  const nv = normalizeCellValue(slot.cell.text, kind, headerUnit === undefined ? {} : { headerUnit });
  const cell: KeyedCell = {
    ...base,
    value: nv.value,
    unit: nv.unit,
    provenance: nv.provenance,
    raw: nv.raw,
    page: slot.cell.page,
    flags: uniqueFlags([...nv.flags, ...base.flags]),
  };
  // The box lets a review page outline the cell on the page image; only PDF cells have one.
  return slot.cell.box === undefined ? cell : { ...cell, box: slot.cell.box };
}

function uniqueFlags(flags: readonly FlagCode[]): FlagCode[] {
  return [...new Set(flags)];
}

/** Places one data row; returns its cells keyed by `rowKey/colKey`. */
function placeRow(plan: TablePlan, task: RowTask, groups: HeaderColumns, tableHasValues: boolean, settings: AlignSettings): KeyedCell[] {
  const header = headerColumns(headerRowsFor(plan, task.row), plan.table);
  const aligned = align(task, header, settings);
  const lost = aligned.empty && task.row.method === 'text' && tableHasValues;
  const out: KeyedCell[] = [];
  for (const [i, target] of task.targets.entries()) {
    const colSlot = header.columnLabels.get(target.colKey);
    const flags: FlagCode[] = [];
    if (task.fuzzy || colSlot?.how === 'fuzzy') flags.push('label_fuzzy');
    if (aligned.misaligned) flags.push('misaligned');
    if (lost) flags.push('missing_rows');
    const emptySlot: Slot = lost ? { kind: 'missing' } : { kind: 'blank' };
    const slot = aligned.empty && task.row.method === 'text' ? emptySlot : (aligned.slots[i] ?? { kind: 'missing' });
    const base = {
      table: plan.table,
      rowKey: target.rowKey,
      colKey: target.colKey,
      rowLabel: task.label ?? flatRowLabel(plan.table, groups, target.rowKey),
      colLabel: colSlot?.label ?? columnDef(plan.table, target.colKey)?.label ?? target.colKey,
      flags,
    };
    out.push(slotCell(plan.table, target, slot, base));
  }
  return out;
}

/** A cell of the layout that no row supplied: derived placeholder, or missing. */
function absentCell(table: TableId, spec: CellSpec): KeyedCell {
  return {
    table,
    rowKey: spec.rowKey,
    colKey: spec.colKey,
    value: null,
    unit: unitOf(table, spec.colKey),
    provenance: spec.derived ? 'derived' : 'missing',
    raw: '',
    rowLabel: rowDef(table, spec.rowKey)?.label ?? spec.rowKey,
    colLabel: columnDef(table, spec.colKey)?.label ?? spec.colKey,
    page: null,
    flags: spec.derived ? [] : ['missing_rows'],
  };
}

function printedTargets(specs: readonly CellSpec[]): Map<string, Target[]> {
  const out = new Map<string, Target[]>();
  for (const s of specs.filter((x) => !x.derived)) out.set(s.rowKey, [...(out.get(s.rowKey) ?? []), s]);
  return out;
}

/** Every cell of the table's layout, in layout order, with the messages placing them raised. */
export function cellsOfTable(plan: TablePlan, settings: AlignSettings = DEFAULT_ALIGN_SETTINGS): { cells: KeyedCell[]; messages: Message[] } {
  const specs = layoutCells(plan.table, plan.layout);
  const printed = printedTargets(specs);
  const groups = headerColumns(plan.rows.filter(isHeaderRow), plan.table);
  const tableHasValues = plan.rows.some(isFilledDataRow);
  const placed = new Map<string, KeyedCell>();
  const done = new Set<string>();
  const messages: Message[] = [];
  for (const row of plan.rows) {
    const task = rowTask(plan, row, printed);
    if (task === null) {
      if (row.cls.kind === 'data') messages.push(notInLayout(plan, row.cls.rowKey));
      continue;
    }
    if (done.has(task.id)) {
      messages.push(message('duplicate_row', `row ${task.id} appeared again; the first was kept`, { table: plan.table, rowKey: task.id }));
      continue;
    }
    done.add(task.id);
    for (const c of placeRow(plan, task, groups, tableHasValues, settings)) placed.set(cellKey(c), c);
  }
  const cells: KeyedCell[] = [];
  for (const s of specs) cells.push(placed.get(cellKey(s)) ?? absentCell(plan.table, s));
  const lost = cells.filter(isLostCell).length;
  if (lost > 0) {
    const text = `${plan.table}: ${lost} cells of the ${plan.layout} layout were not found (rows lost, e.g. at a page break); they are listed as missing`;
    messages.push(message('missing_rows', text, { table: plan.table }));
  }
  return { cells, messages };
}

function isFilledDataRow(row: ClassifiedRow): boolean {
  return (row.cls.kind === 'data' || row.cls.kind === 'flat') && hasValues(row);
}

function isLostCell(cell: KeyedCell): boolean {
  return cell.flags.includes('missing_rows');
}

function notInLayout(plan: TablePlan, rowKey: string): Message {
  return message('layout_mixed', `row ${rowKey} is not printed in the ${plan.layout} layout; ignored`, { table: plan.table, rowKey });
}
