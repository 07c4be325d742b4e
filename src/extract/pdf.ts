import type { Document } from './document.js';

/** Reads a pdf file into the document model. (stub: being written) */
export async function extractPdf(bytes: Uint8Array): Promise<Document> {
  void bytes;
  throw new Error('extractPdf: not implemented yet');
}
