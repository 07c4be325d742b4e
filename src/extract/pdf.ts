/**
 * PDF → document model. Two readers give the same model: nianbao's own (extract/pdf/, one pass per
 * page, several times faster) and pdf.js (extract/pdfjs.ts), which reads what the own reader does not
 * support (Type3 fonts, text without a Unicode mapping, damaged files) and is the reference in tests.
 */
import type { Document } from './document.js';
import { extractPdfWithPdfjs } from './pdfjs.js';

export type PdfReader = 'nianbao' | 'pdfjs';

export type PdfOptions = {
  /** Which reader to use. Default 'pdfjs' until nianbao's own reader is wired in. */
  readonly reader?: PdfReader;
};

/** Reads a PDF file into the document model. Throws a NianbaoError for a file that cannot be used. */
export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<Document> {
  void options;
  return extractPdfWithPdfjs(bytes);
}
