/**
 * HTML `<table>` markup → the Table model, spans kept. Used by the HTML extractor. Cells are placed with
 * the HTML table-forming rule: each cell takes the first column of its row not yet covered by a rowspan
 * from above.
 * Per-cell callbacks are module-level functions or loops, so V8 keeps their optimized code across GCs.
 */
import type { Element } from 'domhandler';
import { cell, table, type Cell, type Table } from './table.js';
import { isElement, linesOfNodes } from '../extract/html-text.js';

export type MarkupCell = { readonly text: string; readonly rowSpan: number; readonly colSpan: number };
export type MarkupRow = readonly MarkupCell[];

export type MarkupSettings = {
  /** Largest colspan honoured; HTML caps it at 1000. Larger values are clamped. */
  readonly maxColSpan: number;
};

export const DEFAULT_MARKUP_SETTINGS: MarkupSettings = Object.freeze({ maxColSpan: 1000 });

const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);
const CELL_TAGS = new Set(['td', 'th']);

function childElements(el: Element): Element[] {
  return el.children.filter(isElement);
}

/** The table's own rows (not those of nested tables), in document order. */
export function rowElements(tableEl: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(tableEl)) {
    const name = child.name.toLowerCase();
    if (name === 'tr') rows.push(child);
    else if (ROW_GROUPS.has(name)) rows.push(...childElements(child).filter(isRowElement));
  }
  return rows;
}

function isRowElement(el: Element): boolean {
  return el.name.toLowerCase() === 'tr';
}

function isCellElement(el: Element): boolean {
  return CELL_TAGS.has(el.name.toLowerCase());
}

function cellElements(rowEl: Element): Element[] {
  return childElements(rowEl).filter(isCellElement);
}

/** Number of the table's own cells (not counting nested tables'). */
export function ownCellCount(tableEl: Element): number {
  let n = 0;
  for (const row of rowElements(tableEl)) n += cellElements(row).length;
  return n;
}

/** A span attribute as HTML reads it: digits at the start, else the default. */
function spanAttribute(el: Element, name: string): number | null {
  const m = /^\s*(\d+)/.exec(el.attribs[name] ?? '');
  return m ? Number(m[1]) : null;
}

/** Reads `<tr>`/`<td>` markup into rows of cells with text and raw spans. rowspan="0" means "to the end". */
export function readMarkupRows(tableEl: Element, settings: MarkupSettings = DEFAULT_MARKUP_SETTINGS): MarkupRow[] {
  const rowEls = rowElements(tableEl);
  const rows: MarkupRow[] = [];
  for (let r = 0; r < rowEls.length; r++) {
    const row: MarkupCell[] = [];
    for (const td of cellElements(rowEls[r]!)) row.push(markupCell(td, rowEls.length - r, settings));
    rows.push(row);
  }
  return rows;
}

/** One `<td>`/`<th>`: its text and spans, the rowspan cut to the `remaining` rows (this one included). */
function markupCell(td: Element, remaining: number, settings: MarkupSettings): MarkupCell {
  const colSpan = Math.min(Math.max(spanAttribute(td, 'colspan') ?? 1, 1), settings.maxColSpan);
  const rawRowSpan = spanAttribute(td, 'rowspan') ?? 1;
  const rowSpan = rawRowSpan === 0 ? remaining : Math.min(rawRowSpan, remaining);
  return { text: linesOfNodes(td.children).join('\n'), rowSpan, colSpan };
}

/** Places cells on the grid: each takes the first slot of its row not covered by a span from above. */
export function placeMarkupRows(rows: readonly MarkupRow[]): Cell[] {
  const covered: boolean[][] = [];
  for (let r = 0; r < rows.length; r++) covered.push([]);
  const cells: Cell[] = [];
  for (let r = 0; r < rows.length; r++) {
    let col = 0;
    for (const c of rows[r]!) {
      while (covered[r]![col]) col++;
      for (let dr = 0; dr < c.rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < c.colSpan; dc++) covered[r + dr]![col + dc] = true;
      }
      cells.push(cell(r, col, c.text, { rowSpan: c.rowSpan, colSpan: c.colSpan }));
      col += c.colSpan;
    }
  }
  return cells;
}

/** An HTML table element → Table (method 'markup'), or null when it has no cells. */
export function tableFromHtml(tableEl: Element, settings: MarkupSettings = DEFAULT_MARKUP_SETTINGS): Table | null {
  const cells = placeMarkupRows(readMarkupRows(tableEl, settings));
  return cells.length === 0 ? null : table(cells, 'markup');
}
