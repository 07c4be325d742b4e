/**
 * Tables in text dumps: runs of tab-separated lines become Tables (method 'text'). Two forms exist:
 * - row form: one row per line, one cell per tab field (blank lines inside the run are skipped);
 * - one-cell-per-line form (DOCX dumps, seed 001): a row is a blank-line-delimited block of `\t`-prefixed
 *   lines, and a line without the leading tab continues the previous cell ("商业" + "企业").
 * Cells keep the dump's padding (extra or missing empty fields): later stages must not trust column indexes.
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
  return blocks.slice(start, end).map((b) => (b as Paragraph).text);
}

/** Row form or one-cell-per-line form, from the share of single `\t`-prefixed lines among the tab lines. */
export function detectGridForm(lines: readonly string[], settings: TextGridSettings = DEFAULT_TEXT_GRID_SETTINGS): GridForm {
  const tabLines = lines.filter((l) => l.includes('\t'));
  const single = tabLines.filter((l) => l.startsWith('\t') && l.indexOf('\t', 1) === -1).length;
  return tabLines.length > 0 && single / tabLines.length >= settings.cellPerLineShare ? 'cell-per-line' : 'rows';
}

/** Row form: one row per non-blank line, one cell per tab field; separator rules are dropped. */
export function tabRows(lines: readonly string[]): string[][] {
  return lines
    .filter((l) => !isEmptyLine(l))
    .map((l) => l.split('\t'))
    .filter((fields) => !isSeparatorRow(fields));
}

/** True for `------\t------`: every non-empty field is a dash rule, and there is at least one. */
export function isSeparatorRow(fields: readonly string[]): boolean {
  const filled = fields.filter((f) => f.trim() !== '');
  return filled.length > 0 && filled.every((f) => SEPARATOR_FIELD.test(f));
}

/**
 * One-cell-per-line form: blank lines end a row; a `\t` starts a cell (further tabs on the line start more
 * cells); a line without a leading tab continues the previous cell on a new line.
 */
export function cellPerLineRows(lines: readonly string[]): string[][] {
  const rows: string[][] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0 && !isSeparatorRow(current)) rows.push(current);
    current = [];
  };
  for (const line of lines) {
    if (isEmptyLine(line)) {
      flush();
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
  flush();
  return rows;
}

/** A line with no text and no tab (a lone tab is an empty cell, not a blank line). */
function isEmptyLine(line: string): boolean {
  return !line.includes('\t') && line.trim() === '';
}

function rowsToCells(rows: readonly (readonly string[])[]): Cell[] {
  return rows.flatMap((fields, r) => fields.map((text, c) => cell(r, c, text)));
}
