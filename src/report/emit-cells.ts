/**
 * From a table's classified rows to its keyed cells: every cell of the layout appears once — printed or blank
 * as read (through normalizeCellValue), missing when the document lost it, derived placeholders for the
 * subtotals the layout never prints (filled later by deriveCells).
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
  readonly rowLabel: (rowKey: string) => string;
};


function cellKey(t: Target): string {
  return `${t.rowKey}/${t.colKey}`;
}

/** The header rows a data row reads its columns from, by the table's header scope (see layouts.ts HeaderScope). */
function headerRowsFor(plan: TablePlan, row: ClassifiedRow): ClassifiedRow[] {
  const before = plan.rows.filter((r) => r.cls.kind === 'header' && plan.rows.indexOf(r) < plan.rows.indexOf(row));
  const sameBlock = before.filter((r) => r.tableIndex === row.tableIndex);
  const pool = sameBlock.length > 0 ? sameBlock : before;
  if (TABLES[plan.table].headerScope === 'table') {
    const lastIndex = pool.at(-1)?.tableIndex;
    return pool.filter((r) => r.tableIndex === lastIndex);
  }
  return pool.slice(-1);
}

function rowTask(plan: TablePlan, row: ClassifiedRow, printed: ReadonlyMap<string, Target[]>, groups: HeaderColumns): RowTask | null {
  if (row.cls.kind === 'flat') {
    return {
      row,
      id: 'flat',
      targets: TABLES[plan.table].flatRowOrder ?? [],
      fuzzy: false,
      rowLabel: (k) => groups.groups.get(k) ?? rowDef(plan.table, k)?.label ?? k,
    };
  }
  if (row.cls.kind !== 'data') return null;
  const { rowKey, how, label } = row.cls;
  const targets = printed.get(rowKey);
  if (targets === undefined) return null;
  return { row, id: rowKey, targets, fuzzy: how !== 'exact', rowLabel: () => displayLabel(label.text) };
}

function align(task: RowTask, header: HeaderColumns, settings: AlignSettings): AlignedRow {
  const expected = task.targets.map((t) => (task.row.cls.kind === 'flat' ? groupedKey(t.rowKey, t.colKey) : t.colKey));
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
function placeRow(plan: TablePlan, task: RowTask, tableHasValues: boolean, settings: AlignSettings): KeyedCell[] {
  const header = headerColumns(headerRowsFor(plan, task.row), plan.table);
  const aligned = align(task, header, settings);
  const lost = aligned.empty && task.row.method === 'text' && tableHasValues;
  return task.targets.map((target, i) => {
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
      rowLabel: task.rowLabel(target.rowKey),
      colLabel: colSlot?.label ?? columnDef(plan.table, target.colKey)?.label ?? target.colKey,
      flags,
    };
    return slotCell(plan.table, target, slot, base);
  });
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
  const groups = headerColumns(plan.rows.filter((r) => r.cls.kind === 'header'), plan.table);
  const tableHasValues = plan.rows.some((r) => (r.cls.kind === 'data' || r.cls.kind === 'flat') && hasValues(r));
  const placed = new Map<string, KeyedCell>();
  const done = new Set<string>();
  const messages: Message[] = [];
  for (const row of plan.rows) {
    const task = rowTask(plan, row, printed, groups);
    if (task === null) {
      if (row.cls.kind === 'data') messages.push(notInLayout(plan, row.cls.rowKey));
      continue;
    }
    if (done.has(task.id)) {
      messages.push(message('duplicate_row', `row ${task.id} appeared again; the first was kept`, { table: plan.table, rowKey: task.id }));
      continue;
    }
    done.add(task.id);
    for (const c of placeRow(plan, task, tableHasValues, settings)) placed.set(cellKey(c), c);
  }
  const cells = specs.map((s) => placed.get(cellKey(s)) ?? absentCell(plan.table, s));
  const lost = cells.filter((c) => c.flags.includes('missing_rows')).length;
  if (lost > 0) {
    const text = `${plan.table}: ${lost} cells of the ${plan.layout} layout were not found (rows lost, e.g. at a page break); they are listed as missing`;
    messages.push(message('missing_rows', text, { table: plan.table }));
  }
  return { cells, messages };
}

function notInLayout(plan: TablePlan, rowKey: string): Message {
  return message('layout_mixed', `row ${rowKey} is not printed in the ${plan.layout} layout; ignored`, { table: plan.table, rowKey });
}
