import type { Document } from '../extract/document.js';
import type { Message } from './flags.js';
import type { KeyedCell, Layout, TableId } from './report.js';

export type Recognition = {
  readonly layouts: Readonly<Record<TableId, Layout>>;
  /** Every cell of each detected table's layout (printed, blank, missing, derived). */
  readonly cells: readonly KeyedCell[];
  readonly messages: readonly Message[];
};

/** Finds the three standard tables in a document and maps their cells to canonical keys. (stub: being written) */
export function recognizeTables(doc: Document): Recognition {
  void doc;
  throw new Error('recognizeTables: not implemented yet');
}
