/**
 * Value alignment: which printed cell of a row goes to which expected column.
 * - By header (markup/lattice tables with real spans): a value cell takes the column whose header covers its
 *   grid column.
 * - By count (text dumps, or no usable header): the value cells after the last label are counted from the
 *   right, because dumps pad merged label cells with a varying number of empty fields. Trailing empty fields
 *   of a dump are padding; with at least the expected number the last n are taken; with fewer they are
 *   right-aligned and the leftover leading slots are missing (the row is misaligned), except for the
 *   legitimate "only 总计 printed, the rest blank" pattern.
 */
import { isBlankText } from '../tables/cell-text.js';
import type { SlotCell } from './row-view.js';

export type Slot =
  | { readonly kind: 'cell'; readonly cell: SlotCell }
  /** No cell in the document, and the row's pattern says the slot is blank. */
  | { readonly kind: 'blank' }
  | { readonly kind: 'missing' };

export type AlignedRow = {
  /** One slot per expected column, in the expected order. */
  readonly slots: readonly Slot[];
  /** The row carried fewer (or shifted) values: which column lost its value cannot be known. */
  readonly misaligned: boolean;
  /** The row carried no value cell with text at all. */
  readonly empty: boolean;
};

export type AlignSettings = {
  /**
   * In a dump, a window of n cells whose first is empty and whose other n−1 are all filled is read as n−1
   * values that lost one cell (seed 000: `四、结转下年度继续办理` prints 6 numbers after 2 blanks), when
   * n−1 is at least this many. Default 4: rows of Tables B (7) and C (15) qualify; Table A's short blocks
   * (1–3 columns), where a leading blank is plausible, do not.
   */
  readonly lostCellMinRun: number;
};

export const DEFAULT_ALIGN_SETTINGS: AlignSettings = Object.freeze({ lostCellMinRun: 4 });

const CELL = (cell: SlotCell): Slot => ({ kind: 'cell', cell });
const MISSING: Slot = Object.freeze({ kind: 'missing' });
const BLANK: Slot = Object.freeze({ kind: 'blank' });

function filled(c: SlotCell): boolean {
  return !isBlankText(c.text);
}

/** Drops the empty cells at the end of a dump row (padding of merged cells, not blank values). */
export function trimTrailingEmpty(values: readonly SlotCell[]): SlotCell[] {
  let end = values.length;
  while (end > 0 && !filled(values[end - 1]!)) end -= 1;
  return values.slice(0, end);
}

/** True when the window is one empty cell followed by n−1 filled ones (a lost cell; see AlignSettings). */
export function isLostCellWindow(window: readonly SlotCell[], settings: AlignSettings = DEFAULT_ALIGN_SETTINGS): boolean {
  const [first, ...rest] = window;
  return first !== undefined && !filled(first) && rest.length >= settings.lostCellMinRun && rest.every(filled);
}

/** True when only the last of the cells has text: the "only 总计 printed, the rest blank" pattern. */
export function onlyLastFilled(values: readonly SlotCell[]): boolean {
  return values.length > 0 && filled(values[values.length - 1]!) && values.slice(0, -1).every((c) => !filled(c));
}

/** Aligns value cells to n expected columns by counting from the right (see the module comment). */
export function alignByCount(
  values: readonly SlotCell[],
  n: number,
  trimPadding: boolean,
  settings: AlignSettings = DEFAULT_ALIGN_SETTINGS,
): AlignedRow {
  const cells = trimPadding ? trimTrailingEmpty(values) : [...values];
  const empty = !cells.some(filled);
  // a dump row without any value lost them (the caller decides whether that reads as blank or missing)
  if (empty && trimPadding) return { slots: Array<Slot>(n).fill(MISSING), misaligned: false, empty };
  if (cells.length >= n) {
    const window = cells.slice(cells.length - n);
    if (trimPadding && isLostCellWindow(window, settings)) {
      return { slots: [MISSING, ...window.slice(1).map(CELL)], misaligned: true, empty };
    }
    return { slots: window.map(CELL), misaligned: false, empty };
  }
  const lead = n - cells.length;
  if (onlyLastFilled(cells)) return { slots: [...Array<Slot>(lead).fill(BLANK), ...cells.map(CELL)], misaligned: false, empty };
  return { slots: [...Array<Slot>(lead).fill(MISSING), ...cells.map(CELL)], misaligned: true, empty };
}

/**
 * Aligns value cells by header geometry: `columnOf(cell)` gives the expected index of the column whose header
 * covers the cell (null when none does). The first cell per column wins; a column no cell reaches is missing
 * and makes the row misaligned.
 */
export function alignByHeader(
  values: readonly SlotCell[],
  n: number,
  columnOf: (cell: SlotCell) => number | null,
): AlignedRow {
  const slots: Slot[] = Array<Slot>(n).fill(MISSING);
  for (const cell of values) {
    const i = columnOf(cell);
    if (i !== null && i < n && slots[i]!.kind === 'missing') slots[i] = CELL(cell);
  }
  const empty = !values.some(filled);
  return { slots, misaligned: !empty && slots.some((s) => s.kind === 'missing'), empty };
}
