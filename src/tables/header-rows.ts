/**
 * Deciding which top rows of a table are its header. A ladder of small steps over the span structure:
 * caption rows (a title spanning the whole width) → the first row that reads as values → cut where a span
 * from a lower row runs into the body → close the spans the header opened. Tables without any value row
 * (lists of text) fall back to the span structure alone.
 */
import { gridOf, type Cell, type Table } from './table.js';
import { isBlankText, isDashText, isNumberText } from './cell-text.js';
import { SettingsError } from '../errors.js';

export type HeaderSettings = {
  /**
   * Share (0..1) of a row's cells that must read as values (number, blank or dash) for the row to start the
   * body. Default 0.5: a budget row "label | number | label | number" is body, a header row is all labels.
   */
  readonly valueRowShare: number;
};

export const DEFAULT_HEADER_SETTINGS: HeaderSettings = Object.freeze({ valueRowShare: 0.5 });

/** Which step decided where the header ends. */
export type HeaderRule =
  | 'value_row' // the header ends at the first row that reads as values
  | 'span_into_body' // a row opening a span that runs into the body (a row-group label) starts the body
  | 'span_structure' // no value row: the header is as tall as the spans of its first row make it
  | 'empty_table';

/** Rows [0, start) are captions, [start, end) the header, [end, rows) the body. */
export type HeaderRows = {
  readonly start: number;
  readonly end: number;
  readonly rule: HeaderRule;
};

/** Merges the caller's values over the defaults and refuses values out of range. */
export function resolveHeaderSettings(partial: Partial<HeaderSettings> = {}): HeaderSettings {
  const settings = { ...DEFAULT_HEADER_SETTINGS, ...partial };
  if (!(settings.valueRowShare > 0 && settings.valueRowShare <= 1)) {
    throw new SettingsError(`valueRowShare must be in (0, 1], got ${settings.valueRowShare}`);
  }
  return Object.freeze(settings);
}

/** Decides the caption, header and body rows of a table (see HeaderRows). */
export function detectHeaderRows(t: Table, settings: HeaderSettings = DEFAULT_HEADER_SETTINGS): HeaderRows {
  if (t.rows === 0 || t.cols === 0) return { start: 0, end: 0, rule: 'empty_table' };
  const grid = gridOf(t);
  const start = countCaptionRows(t, grid);
  const valueRow = firstValueRow(t, start, settings.valueRowShare);
  if (valueRow === undefined) return { start, end: growByStructure(t, grid, start), rule: 'span_structure' };
  const cut = firstRowSpanningPast(t, start + 1, valueRow);
  const end = closeSpans(t, start, cut ?? valueRow);
  return { start, end, rule: cut === undefined ? 'value_row' : 'span_into_body' };
}

/** The cells anchored in row r, left to right. */
export function anchorsOf(t: Table, r: number): Cell[] {
  const out: Cell[] = [];
  for (const c of t.cells) if (c.row === r) out.push(c);
  return out;
}

/**
 * Step 1, captions: leading rows made of one cell spanning the whole width ("财政拨款“三公”经费", "第二十条第（一）项")
 * title the table; they never name a column. The last row is never a caption.
 */
export function countCaptionRows(t: Table, grid: readonly (readonly (Cell | null)[])[]): number {
  if (t.cols < 2) return 0;
  let r = 0;
  while (r < t.rows - 1) {
    const first = grid[r]?.[0];
    const fullWidth = first && first.row === r && first.colSpan >= t.cols && first.rowSpan === 1;
    if (!fullWidth) break;
    r++;
  }
  return r;
}

/**
 * Step 2, the first row that reads as values: the share of its anchored cells that are numbers, dashes or
 * blanks reaches `share`. A blank in the leftmost column is the table's corner or an empty stub, not a value,
 * so it does not count (a header "　| 金额" stays a header). Rows wholly covered by spans from above, and
 * blank spacer rows between header levels, are skipped.
 */
export function firstValueRow(t: Table, from: number, share: number): number | undefined {
  for (let r = from; r < t.rows; r++) {
    const rowShare = valueShare(t, r);
    if (rowShare === undefined || rowShare < share) continue;
    if (isBlankSpacer(t, r)) continue;
    return r;
  }
  return undefined;
}

/** Share of the row's anchored cells that read as values; undefined when no cell counts. */
function valueShare(t: Table, r: number): number | undefined {
  const counted = anchorsOf(t, r).filter(countsAsValueSlot);
  if (counted.length === 0) return undefined;
  const values = counted.filter(readsAsValue);
  return values.length / counted.length;
}

/** A blank in the leftmost column is a corner or an empty stub, not a value slot. */
function countsAsValueSlot(c: Cell): boolean {
  return !(c.col === 0 && isBlankText(c.text));
}

function readsAsValue(c: Cell): boolean {
  return isNumberText(c.text) || isDashText(c.text) || isBlankText(c.text);
}

function isBlankCell(c: Cell): boolean {
  return isBlankText(c.text);
}

/**
 * A row of empty boxes drawn between header levels (seen in 决算 "三公" tables): every cell blank, and the next
 * row with cells holds labels only. A blank body row of a template is followed by more value cells instead.
 */
function isBlankSpacer(t: Table, r: number): boolean {
  if (!anchorsOf(t, r).every(isBlankCell)) return false;
  for (let next = r + 1; next < t.rows; next++) {
    const share = valueShare(t, next);
    if (share !== undefined) return share === 0;
  }
  return false;
}

/**
 * Step 3, spans into the body: the first row in [from, end) that opens a cell reaching below `end`. Such a cell
 * is a row-group label of the body ("三、本年度办理结果" spanning 22 rows), so the body starts at its row.
 */
export function firstRowSpanningPast(t: Table, from: number, end: number): number | undefined {
  for (let r = from; r < end; r++) {
    if (reachesBelow(anchorsOf(t, r), end)) return r;
  }
  return undefined;
}

function reachesBelow(cells: readonly Cell[], end: number): boolean {
  for (const c of cells) if (c.row + c.rowSpan > end) return true;
  return false;
}

/** Step 4, closing: grows `end` until no cell anchored in [start, end) reaches below it. */
export function closeSpans(t: Table, start: number, end: number): number {
  let closed = end;
  for (const c of t.cells) {
    if (c.row >= start && c.row < closed) closed = Math.max(closed, Math.min(t.rows, c.row + c.rowSpan));
  }
  return closed === end ? end : closeSpans(t, start, closed);
}

/**
 * Fallback when no row reads as values: one header row, grown while its spans reach further down or a
 * parent cell of its last row is split into children by the next row. Leaves at least one body row.
 */
export function growByStructure(t: Table, grid: readonly (readonly (Cell | null)[])[], start: number): number {
  if (start >= t.rows) return start;
  let end = closeSpans(t, start, start + 1);
  while (end < t.rows - 1 && splitsParent(grid, end)) end = closeSpans(t, start, end + 1);
  return Math.min(end, Math.max(start, t.rows - 1));
}

/** True when row r divides a multi-column cell of row r-1 into several cells (children under a parent). */
function splitsParent(grid: readonly (readonly (Cell | null)[])[], r: number): boolean {
  const above = grid[r - 1] ?? [];
  const here = grid[r] ?? [];
  return above.some((parent, col) => {
    if (!parent || parent.colSpan < 2 || parent.col !== col || parent.row + parent.rowSpan !== r) return false;
    const children = new Set(here.slice(col, col + parent.colSpan).filter((c) => c !== null));
    return children.size >= 2;
  });
}
