/** Picks the extractor by the bytes, not the extension, and returns the document model. */
import type { Document, Format } from './document.js';
import { sniffFormat } from './sniff.js';
import { extractPdf } from './pdf.js';
import { extractDocx } from './docx.js';
import { extractHtml } from './html.js';
import { extractText } from './text.js';
import { extractDoc } from './doc.js';
import { EmptyFileError } from '../errors.js';

const EXTRACTORS: Record<Format, (bytes: Uint8Array) => Promise<Document>> = {
  pdf: extractPdf,
  docx: extractDocx,
  doc: extractDoc,
  html: extractHtml,
  text: extractText,
};

export async function extractDocument(bytes: Uint8Array, fileName: string): Promise<Document> {
  if (bytes.length === 0) throw new EmptyFileError();
  const format = sniffFormat(bytes, fileName);
  return EXTRACTORS[format](bytes);
}

export { sniffFormat };
