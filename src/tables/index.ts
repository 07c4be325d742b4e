import type { Document } from '../extract/document.js';

/**
 * The tables stage: PDF pages get their blocks from words and rulings (lattice/stream), text dumps get tables from
 * their tab/column structure, and tables are stitched across page breaks. (stub: being written)
 */
export function buildTables(doc: Document): Document {
  return doc;
}
