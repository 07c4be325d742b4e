import type { Document } from './document.js';

/** Reads a doc file into the document model. (stub: being written) */
export async function extractDoc(bytes: Uint8Array): Promise<Document> {
  void bytes;
  throw new Error('extractDoc: not implemented yet');
}
