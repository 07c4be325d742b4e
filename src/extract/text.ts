import type { Document } from './document.js';

/** Reads a text file into the document model. (stub: being written) */
export async function extractText(bytes: Uint8Array): Promise<Document> {
  void bytes;
  throw new Error('extractText: not implemented yet');
}
