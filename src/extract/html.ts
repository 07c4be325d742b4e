import type { Document } from './document.js';

/** Reads a html file into the document model. (stub: being written) */
export async function extractHtml(bytes: Uint8Array): Promise<Document> {
  void bytes;
  throw new Error('extractHtml: not implemented yet');
}
