/**
 * The full text of a document in reading order: one line per paragraph, one line per table row with its cells
 * separated by tabs, pages separated by a form feed (as pdftotext does).
 * Per-row, per-cell and per-word callbacks are module-level functions or loops, so their optimized code
 * outlives a GC.
 */
import type { Block, Document, Page, Word } from './extract/document.js';
import { collapseWhitespace } from './normalize/text.js';
import { groupLines, type TextLine } from './tables/lines.js';
import { gridOf, type Cell, type Table } from './tables/table.js';

export type DocumentTextSettings = {
  /**
   * Two words are on one line when their vertical centres differ by at most this share of the smaller height
   * (tables/lines.ts groupLines). Used only for PDF pages whose blocks were not built. Default 0.5: half a line
   * height separates lines reliably.
   */
  readonly lineOverlap: number;
};

export const DEFAULT_DOCUMENT_TEXT_SETTINGS: DocumentTextSettings = Object.freeze({ lineOverlap: 0.5 });

/** Page separator: the form feed, like pdftotext. */
const PAGE_BREAK = '\f';

/**
 * Each grid row as tab-separated text, each cell on one line (tabs and line breaks inside it become spaces);
 * a spanning cell's text sits in its anchor slot, covered slots stay empty.
 */
export function tableText(t: Table): string[] {
  return gridOf(t).map(gridRowText);
}

/** Grid row `r` as tab-separated text: each anchor's text in its own slot, covered slots empty. */
function gridRowText(slots: readonly (Cell | null)[], r: number): string {
  const texts: string[] = [];
  for (const [k, c] of slots.entries()) texts.push(c !== null && c.row === r && c.col === k ? collapseWhitespace(c.text) : '');
  return texts.join('\t');
}

function blockLines(b: Block): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [b.text];
    case 'table':
      return tableText(b.table);
    default: {
      const never: never = b;
      return never;
    }
  }
}

/** Lines of positioned words, top to bottom and left to right (a page the tables stage left without blocks). */
export function wordLines(words: readonly Word[], settings: DocumentTextSettings = DEFAULT_DOCUMENT_TEXT_SETTINGS): string[] {
  return groupLines(words, settings.lineOverlap).map(lineText);
}

function lineText(line: TextLine): string {
  return line.words.map(wordText).join(' ');
}

function wordText(word: Word): string {
  return word.text;
}

function pageText(p: Page, settings: DocumentTextSettings): string {
  const lines = p.blocks.length > 0 ? p.blocks.flatMap(blockLines) : wordLines(p.words, settings);
  return lines.join('\n');
}

/** The document's text; call it on the document after the tables stage, so PDF pages have their blocks. */
export function documentText(doc: Document, settings: DocumentTextSettings = DEFAULT_DOCUMENT_TEXT_SETTINGS): string {
  return doc.pages.map((p) => pageText(p, settings)).join(`\n${PAGE_BREAK}`);
}

/** The paragraphs' text in reading order (tables left out); a page without blocks gives its word lines. */
export function documentParagraphs(doc: Document, settings: DocumentTextSettings = DEFAULT_DOCUMENT_TEXT_SETTINGS): string[] {
  const out: string[] = [];
  for (const p of doc.pages) {
    if (p.blocks.length === 0) {
      for (const line of wordLines(p.words, settings)) out.push(line);
      continue;
    }
    for (const b of p.blocks) if (b.kind === 'paragraph') out.push(b.text);
  }
  return out;
}
