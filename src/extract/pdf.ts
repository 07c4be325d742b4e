/**
 * PDF → document model. Two readers give the same model: nianbao's own (extract/pdf/: one pass per
 * page over the content stream, several times faster) and pdf.js (extract/pdfjs/), which reads what
 * the own reader does not support (Type3 fonts, text without a Unicode mapping, damaged files) and is
 * the reference the own reader is tested against.
 */
import type { Document, Page } from './document.js';
import { page as makePage } from './document.js';
import { NianbaoError, NoTextError } from '../errors.js';
import { message } from '../report/flags.js';
import { openPdf } from './pdf/file.js';
import { createFontCache } from './pdf/font.js';
import { readPdfPage } from './pdf/page-reader.js';
import { extractPdfWithPdfjs } from './pdfjs/read.js';

export type PdfReader = 'nianbao' | 'pdfjs';

export type PdfOptions = {
  /** Which reader to use. Default 'nianbao', which hands the file to pdf.js when it cannot read it. */
  readonly reader?: PdfReader;
};

/** Reads a PDF file into the document model. Throws a NianbaoError for a file that cannot be used. */
export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<Document> {
  if (options.reader === 'pdfjs') return extractPdfWithPdfjs(bytes);
  let reason: string;
  try {
    return readWithNianbao(bytes);
  } catch (e) {
    // Encrypted stays encrypted; anything else (unsupported, damaged, no text found) is pdf.js's to try.
    if (e instanceof NianbaoError && !(e instanceof NoTextError)) throw e;
    reason = e instanceof Error ? e.message : String(e);
  }
  const doc = await extractPdfWithPdfjs(bytes);
  const note = message('pdf_fallback', `read with pdf.js: nianbao's PDF reader stopped at: ${reason}`, undefined, 'info');
  return { ...doc, messages: [...doc.messages, note] };
}

/** nianbao's own reader: synchronous, one pass per page. Throws UnsupportedPdfError where pdf.js must take over. */
export function readWithNianbao(bytes: Uint8Array): Document {
  const file = openPdf(bytes);
  const fonts = createFontCache(file);
  const pages: Page[] = [];
  for (let i = 0; i < file.pageCount; i++) {
    const content = readPdfPage(file, file.page(i), fonts);
    pages.push(makePage(i + 1, [], { size: content.size, words: content.words, rulings: content.rulings }));
  }
  if (!pages.some((p) => p.words.length > 0)) throw new NoTextError();
  return { format: 'pdf', pages, messages: [] };
}
