/**
 * A Word table (w:tbl) → the Table model, read from the XML so that nothing an HTML conversion drops is lost:
 * w:gridBefore / w:gridAfter (rows that skip grid columns), the old w:hMerge, vMerge restart/continue,
 * w:gridSpan, and sliver grid columns (1 twip wide, left by .doc → .docx conversion) that would
 * otherwise add a spurious column. Steps: readRows → mergeHorizontal → dropSliverColumns → mergeVertical.
 */
import type { Element } from 'domhandler';
import { cell, table, type Cell, type Table } from '../tables/table.js';
import { message, type Message } from '../report/flags.js';
import { attr, cellText, childrenNamed, firstChild, intVal } from './docx-xml.js';

export type DocxTableSettings = {
  /**
   * Grid columns narrower than this (twips, 1/20 pt) are dropped unless a cell with text lies wholly in
   * them. Default 30 twips (about 0.5 mm): no column that narrow can show a character.
   */
  readonly minGridColumnTwips: number;
};

export const DEFAULT_DOCX_TABLE_SETTINGS: DocxTableSettings = Object.freeze({ minGridColumnTwips: 30 });

type Merge = 'restart' | 'continue' | null;

/** One w:tc placed on the grid: its first grid column and how many it spans. */
type RawCell = { start: number; span: number; text: string; vMerge: Merge; hMerge: Merge };
type RawRow = { cells: RawCell[]; gridBefore: number; gridAfter: number };

function mergeOf(el: Element | undefined): Merge {
  if (!el) return null;
  return attr(el, 'w:val') === 'restart' ? 'restart' : 'continue';
}

/** Grid column widths in twips (NaN where the width is missing). */
export function gridWidths(tbl: Element): number[] {
  const grid = firstChild(tbl, 'w:tblGrid');
  if (!grid) return [];
  return childrenNamed(grid, 'w:gridCol').map((c) => Number.parseInt(attr(c, 'w:w') ?? '', 10));
}

function readRow(tr: Element): RawRow {
  const trPr = firstChild(tr, 'w:trPr');
  const gridBefore = Math.max(0, intVal(trPr && firstChild(trPr, 'w:gridBefore')) ?? 0);
  const gridAfter = Math.max(0, intVal(trPr && firstChild(trPr, 'w:gridAfter')) ?? 0);
  let col = gridBefore;
  const cells = childrenNamed(tr, 'w:tc').map((tc): RawCell => {
    const tcPr = firstChild(tc, 'w:tcPr');
    const span = Math.max(1, intVal(tcPr && firstChild(tcPr, 'w:gridSpan')) ?? 1);
    const raw = {
      start: col,
      span,
      text: cellText(tc),
      vMerge: mergeOf(tcPr && firstChild(tcPr, 'w:vMerge')),
      hMerge: mergeOf(tcPr && firstChild(tcPr, 'w:hMerge')),
    };
    col += span;
    return raw;
  });
  return { cells, gridBefore, gridAfter };
}

/** Rows of the table as written, cells placed by gridBefore and gridSpan. */
export function readRows(tbl: Element): RawRow[] {
  return childrenNamed(tbl, 'w:tr').map(readRow).filter((r) => r.cells.length > 0);
}

function joinText(a: string, b: string): string {
  return b.length === 0 ? a : a.length === 0 ? b : `${a}\n${b}`;
}

/** Folds old-style hMerge continuation cells into the cell on their left. */
export function mergeHorizontal(rows: readonly RawRow[]): RawRow[] {
  return rows.map((row) => {
    const cells: RawCell[] = [];
    for (const c of row.cells) {
      const left = cells[cells.length - 1];
      if (c.hMerge === 'continue' && left && left.start + left.span === c.start) {
        cells[cells.length - 1] = { ...left, span: left.span + c.span, text: joinText(left.text, c.text) };
      } else {
        cells.push({ ...c });
      }
    }
    return { ...row, cells };
  });
}

/** Which grid columns to keep: not narrower than the threshold, or holding a text cell of their own. */
function keptColumns(rows: readonly RawRow[], widths: readonly number[], minTwips: number): boolean[] {
  const extent = Math.max(widths.length, ...rows.map((r) => r.cells.reduce((m, c) => Math.max(m, c.start + c.span), 0)));
  const keep = Array.from({ length: extent }, (_, i) => !(widths[i]! < minTwips));
  for (const c of rows.flatMap((r) => r.cells)) {
    const covered = keep.slice(c.start, c.start + c.span);
    if (c.text.length > 0 && !covered.some(Boolean)) for (let i = c.start; i < c.start + c.span; i++) keep[i] = true;
  }
  return keep;
}

/** Removes sliver grid columns; cells lying only in them (empty by construction) disappear. */
export function dropSliverColumns(rows: readonly RawRow[], widths: readonly number[], minTwips: number): { rows: RawRow[]; dropped: number } {
  const keep = keptColumns(rows, widths, minTwips);
  const dropped = keep.filter((k) => !k).length;
  if (dropped === 0) return { rows: [...rows], dropped };
  const before: number[] = [0];
  keep.forEach((k, i) => before.push(before[i]! + (k ? 1 : 0)));
  const remapped = rows.map((row) => ({
    ...row,
    cells: row.cells
      .map((c) => ({ ...c, start: before[c.start]!, span: before[c.start + c.span]! - before[c.start]! }))
      .filter((c) => c.span > 0),
  }));
  return { rows: remapped, dropped };
}

type Anchor = { row: number; col: number; rowSpan: number; colSpan: number; text: string; lastRow: number };

/** Resolves vMerge: a continuation cell extends the anchor that ended just above it in the same column. */
export function mergeVertical(rows: readonly RawRow[]): Cell[] {
  const anchors: Anchor[] = [];
  const open = new Map<number, Anchor>();
  rows.forEach((row, r) => {
    for (const c of row.cells) {
      const above = open.get(c.start);
      if (c.vMerge === 'continue' && above && above.lastRow === r - 1) {
        above.rowSpan++;
        above.lastRow = r;
        above.text = joinText(above.text, c.text);
        continue;
      }
      const anchor: Anchor = { row: r, col: c.start, rowSpan: 1, colSpan: c.span, text: c.text, lastRow: r };
      anchors.push(anchor);
      open.set(c.start, anchor);
    }
  });
  return anchors.map((a) => cell(a.row, a.col, a.text, { rowSpan: a.rowSpan, colSpan: a.colSpan }));
}

function describeRepairs(rows: readonly RawRow[], dropped: number, minTwips: number): Message[] {
  const count = (pred: (r: RawRow) => boolean): number => rows.filter(pred).length;
  const parts = [
    [count((r) => r.gridBefore > 0), 'row(s) with gridBefore'],
    [count((r) => r.gridAfter > 0), 'row(s) with gridAfter'],
    [count((r) => r.cells.some((c) => c.hMerge !== null)), 'row(s) with hMerge'],
    [dropped, `sliver grid column(s) narrower than ${minTwips} twips dropped`],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return said.length === 0 ? [] : [message('docx_cell_merging', `read from the XML: ${said.join(', ')}`, undefined, 'info')];
}

/** A w:tbl element → Table (method 'markup'), or null when it has no cells. */
export function tableFromWordXml(tbl: Element, settings: DocxTableSettings = DEFAULT_DOCX_TABLE_SETTINGS): Table | null {
  const raw = readRows(tbl);
  const slim = dropSliverColumns(mergeHorizontal(raw), gridWidths(tbl), settings.minGridColumnTwips);
  const cells = mergeVertical(slim.rows);
  if (cells.length === 0) return null;
  const messages = describeRepairs(raw, slim.dropped, settings.minGridColumnTwips);
  return table(cells, 'markup', { quality: { accuracy: 1, messages } });
}
