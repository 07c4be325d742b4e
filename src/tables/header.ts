import type { Document } from '../extract/document.js';
import type { GenericTable } from '../report/report.js';

/** Every table of a document with its header rows flattened into one name per column. (stub: being written) */
export function genericTables(doc: Document): GenericTable[] {
  void doc;
  throw new Error('genericTables: not implemented yet');
}
