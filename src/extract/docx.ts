import type { Document } from './document.js';

/** Reads a docx file into the document model. (stub: being written) */
export async function extractDocx(bytes: Uint8Array): Promise<Document> {
  void bytes;
  throw new Error('extractDocx: not implemented yet');
}
