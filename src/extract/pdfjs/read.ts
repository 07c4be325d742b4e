/**
 * PDF → document model with pdf.js (legacy build, see ENGINEERING.md): per page the words
 * (positioned text) and the ruling lines, in points with the origin top-left and y down.
 * `blocks` stay empty: the tables stage lays pages out (tables/find.ts).
 * The fallback of pdf.ts: used for the files nianbao's own reader (extract/pdf/) does not support.
 */
import type { Document, Page, Word } from '../document.js';
import { page as makePage } from '../document.js';
import { EncryptedFileError, InvalidFileError, NoTextError } from '../../errors.js';
import { toMatrix, IDENTITY, type Matrix } from '../pdf/matrix.js';
import { readOperatorList, type PageGraphics } from './operators.js';
import { textItemsToWords, verticalFontNames, type FontStyleLike } from './words.js';
import { mayHoldTable } from './table-hint.js';
import { loadPdfjs, pdfjsOptions, type Pdfjs, type PdfPage } from './load.js';

/** Reads a PDF file into the document model. Throws a NianbaoError for a file that cannot be used. */
export async function extractPdfWithPdfjs(bytes: Uint8Array): Promise<Document> {
  const pdfjs = await loadPdfjs();
  // pdf.js detaches the array it is given: hand it a fresh copy so the caller's bytes stay usable.
  const task = pdfjs.getDocument({ ...pdfjsOptions(), data: new Uint8Array(bytes) });
  try {
    const doc = await task.promise;
    const pages: Page[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(pdfjs, await doc.getPage(n), n));
    if (!pages.some((p) => p.words.length > 0)) throw new NoTextError();
    return { format: 'pdf', pages, messages: [] };
  } catch (e) {
    throw translateError(e);
  } finally {
    await task.destroy();
  }
}

async function readPage(pdfjs: Pdfjs, pdfPage: PdfPage, number: number): Promise<Page> {
  try {
    const viewport = pdfPage.getViewport({ scale: 1 });
    const transform: Matrix = toMatrix(viewport.transform) ?? IDENTITY;
    const content = await pdfPage.getTextContent();
    const styles = content.styles as Record<string, FontStyleLike>;
    const words = textItemsToWords(content.items, styles, transform);
    const vertical = verticalFontNames(styles);
    const graphics = vertical.size > 0 || mayHoldTable(words) ? await readGraphics(pdfjs, pdfPage, transform, vertical) : null;
    const all: Word[] = graphics ? [...words, ...graphics.verticalWords] : words;
    return makePage(number, [], {
      size: { width: viewport.width, height: viewport.height },
      words: all,
      rulings: graphics?.rulings ?? [],
    });
  } finally {
    pdfPage.cleanup();
  }
}

async function readGraphics(pdfjs: Pdfjs, pdfPage: PdfPage, viewport: Matrix, verticalFonts: ReadonlySet<string>): Promise<PageGraphics> {
  const list = await pdfPage.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  return readOperatorList(list, pdfjs.OPS, viewport, verticalFonts);
}

/** pdf.js failures → typed errors; anything else (a bug of ours) passes through unchanged. */
function translateError(e: unknown): unknown {
  if (!(e instanceof Error) && !isNamed(e)) return e;
  const name = (e as { name?: unknown }).name;
  const text = String((e as { message?: unknown }).message ?? '');
  if (name === 'PasswordException') return new EncryptedFileError(undefined, { cause: e });
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return new InvalidFileError(`not a valid PDF (truncated or damaged): ${text}`, { cause: e });
  }
  return e;
}

function isNamed(e: unknown): boolean {
  return typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string';
}
