/**
 * Tables in text dumps: runs of tab-separated lines become Tables (method 'text'). Two forms exist:
 * - row form: one row per line, one cell per tab field (blank lines inside the run are skipped);
 * - one-cell-per-line form (DOCX dumps, seed 001): a row is a blank-line-delimited block of `\t`-prefixed
 *   lines, and a line without the leading tab continues the previous cell ("商业" + "企业").
 * Cells keep the dump's padding (extra or missing empty fields): later stages must not trust column indexes.
 * Per-line callbacks are module-level functions or loops, so V8 keeps their optimized code across GCs.
 */
import type { Block, Paragraph } from '../extract/document.js';
import { tableBlock } from '../extract/document.js';
import { cell, table, type Cell } from './table.js';

export type TextGridSettings = {
  /**
   * Share (0..1) of a run's tab lines that must be single `\t`-prefixed cells for the run to be read in the
   * one-cell-per-line form. Default 0.8: seed 001 has 100 %, row-form dumps have almost none.
   */
  readonly cellPerLineShare: number;
};

export const DEFAULT_TEXT_GRID_SETTINGS: TextGridSettings = Object.freeze({ cellPerLineShare: 0.8 });

export type GridForm = 'rows' | 'cell-per-line';

/** A markdown/ASCII rule between header and body (`------\t------`, `---|:---:`): not a row. */
const SEPARATOR_FIELD = /^\s*:?-{2,}:?\s*$/u;

/** Replaces every run of tab-separated paragraph lines with a table block; other blocks pass unchanged. */
export function linesToTables(blocks: readonly Block[], settings: TextGridSettings = DEFAULT_TEXT_GRID_SETTINGS): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i]!;
    if (!isTabLine(block)) {
      out.push(block);
      i += 1;
      continue;
    }
    const loose = runEnd(blocks, i, true);
    const form = detectGridForm(linesOf(blocks, i, loose), settings);
    const end = form === 'cell-per-line' ? loose : runEnd(blocks, i, false);
    const lines = linesOf(blocks, i, end);
    const rows = form === 'cell-per-line' ? cellPerLineRows(lines) : tabRows(lines);
    if (rows.length > 0) out.push(tableBlock(table(rowsToCells(rows), 'text')));
    i = end;
  }
  return out;
}

function paragraphText(block: Block | undefined): string | null {
  return block !== undefined && block.kind === 'paragraph' && block.heading === undefined ? block.text : null;
}

function isTabLine(block: Block | undefined): boolean {
  return paragraphText(block)?.includes('\t') ?? false;
}

function isBlankLine(block: Block | undefined): boolean {
  return paragraphText(block)?.trim() === '';
}

/**
 * End (exclusive) of the run of table lines starting at `start`: tab lines, blank lines between them, and —
 * when `continuations` — non-blank lines without a tab right after a table line. Trailing blanks are left out.
 */
export function runEnd(blocks: readonly Block[], start: number, continuations: boolean): number {
  let end = start + 1;
  let j = start + 1;
  while (j < blocks.length) {
    const b = blocks[j];
    if (isTabLine(b)) end = j + 1;
    else if (isBlankLine(b)) {
      // a blank line belongs to the run only if more table lines follow it
    } else if (continuations && paragraphText(b) !== null && j === end) end = j + 1;
    else break;
    j += 1;
  }
  return end;
}

function linesOf(blocks: readonly Block[], start: number, end: number): string[] {
  const lines: string[] = [];
  for (let i = start; i < end && i < blocks.length; i++) lines.push((blocks[i] as Paragraph).text);
  return lines;
}

/** Row form or one-cell-per-line form, from the share of single `\t`-prefixed lines among the tab lines. */
export function detectGridForm(lines: readonly string[], settings: TextGridSettings = DEFAULT_TEXT_GRID_SETTINGS): GridForm {
  let tabLines = 0;
  let single = 0;
  for (const l of lines) {
    if (!l.includes('\t')) continue;
    tabLines += 1;
    if (isSingleCellLine(l)) single += 1;
  }
  return tabLines > 0 && single / tabLines >= settings.cellPerLineShare ? 'cell-per-line' : 'rows';
}

/** `\tcell`: one leading tab and no other. */
function isSingleCellLine(line: string): boolean {
  return line.startsWith('\t') && line.indexOf('\t', 1) === -1;
}

/** Row form: one row per non-blank line, one cell per tab field; separator rules are dropped. */
export function tabRows(lines: readonly string[]): string[][] {
  const rows: string[][] = [];
  for (const l of lines) {
    if (isEmptyLine(l)) continue;
    const fields = l.split('\t');
    if (!isSeparatorRow(fields)) rows.push(fields);
  }
  return rows;
}

/** True for `------\t------`: every non-empty field is a dash rule, and there is at least one. */
export function isSeparatorRow(fields: readonly string[]): boolean {
  let filled = 0;
  for (const f of fields) {
    if (f.trim() === '') continue;
    if (!SEPARATOR_FIELD.test(f)) return false;
    filled += 1;
  }
  return filled > 0;
}

/**
 * One-cell-per-line form: blank lines end a row; a `\t` starts a cell (further tabs on the line start more
 * cells); a line without a leading tab continues the previous cell on a new line.
 */
export function cellPerLineRows(lines: readonly string[]): string[][] {
  const rows: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (isEmptyLine(line)) {
      keepRow(rows, current);
      current = [];
      continue;
    }
    const fields = line.split('\t');
    const head = fields.shift() ?? '';
    if (line.startsWith('\t')) current.push(...fields);
    else if (current.length === 0) current.push(head, ...fields);
    else {
      current[current.length - 1] += '\n' + head;
      current.push(...fields);
    }
  }
  keepRow(rows, current);
  return rows;
}

/** Adds a finished one-cell-per-line row unless it is empty or a separator rule. */
function keepRow(rows: string[][], row: string[]): void {
  if (row.length > 0 && !isSeparatorRow(row)) rows.push(row);
}

/** A line with no text and no tab (a lone tab is an empty cell, not a blank line). */
function isEmptyLine(line: string): boolean {
  return !line.includes('\t') && line.trim() === '';
}

function rowsToCells(rows: readonly (readonly string[])[]): Cell[] {
  const cells: Cell[] = [];
  for (let r = 0; r < rows.length; r++) {
    const fields = rows[r]!;
    for (let c = 0; c < fields.length; c++) cells.push(cell(r, c, fields[c]!));
  }
  return cells;
}
