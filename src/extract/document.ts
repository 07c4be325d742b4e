/**
 * The document model: what every extractor produces and every later stage reads.
 * Nothing here is specific to one file format (mammoth's `documents.js` is the model).
 *
 * Coordinates: points, origin at the top-left of the page, y pointing down.
 * `extract/pdf.ts` converts pdf.js space into this; nothing after it converts again.
 */
import type { Table } from '../tables/table.js';
import type { Message } from '../report/flags.js';

export type Format = 'pdf' | 'docx' | 'doc' | 'html' | 'text';

export type Box = { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
export type Size = { readonly width: number; readonly height: number };

/** A positioned run of text on a PDF page (one pdf.js text item, whitespace-only items dropped). */
export type Word = { readonly text: string; readonly box: Box; readonly vertical?: boolean };

/** A straight ruling line (a stroke, or a thin filled rectangle), horizontal or vertical. */
export type Ruling = { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };

export type Paragraph = {
  readonly kind: 'paragraph';
  readonly text: string;
  /** Heading level when the source marks one (markdown `#`, `<h2>`, Word heading style). */
  readonly heading?: number;
  readonly box?: Box;
};

export type TableBlock = { readonly kind: 'table'; readonly table: Table };

export type Block = Paragraph | TableBlock;

export type Page = {
  /** 1-based. DOCX, HTML and text documents have one logical page. */
  readonly number: number;
  readonly size?: Size;
  /** Positioned text (PDF only; empty elsewhere). */
  readonly words: readonly Word[];
  /** Ruling lines (PDF only; empty elsewhere). */
  readonly rulings: readonly Ruling[];
  /** Paragraphs and tables in reading order. For PDF pages the tables stage fills this from words and rulings. */
  readonly blocks: readonly Block[];
};

export type Document = {
  readonly format: Format;
  readonly pages: readonly Page[];
  /** Warnings the extractor raised (never fatal: fatal problems throw a NianbaoError). */
  readonly messages: readonly Message[];
};

export function paragraph(text: string, extra: { heading?: number; box?: Box } = {}): Paragraph {
  return { kind: 'paragraph', text, ...extra };
}

export function tableBlock(table: Table): TableBlock {
  return { kind: 'table', table };
}

export function page(number: number, blocks: readonly Block[], extra: Partial<Omit<Page, 'number' | 'blocks'>> = {}): Page {
  return { number, words: [], rulings: [], blocks, ...extra };
}

/** All blocks of a document in reading order. */
export function blocksOf(doc: Document): Block[] {
  return doc.pages.flatMap((p) => p.blocks);
}
