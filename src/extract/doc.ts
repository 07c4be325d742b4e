/**
 * Word 97-2003 (.doc) → Document: the body text, one paragraph per line, through word-extractor (pure JS).
 * Table rows come out as one line each with the cells separated by tabs, so that the text-dump table
 * path (src/tables/text-grid.ts) can rebuild them; paragraph breaks inside a cell become a space so the
 * row stays on one line. Row ends are found from the paragraph properties (doc-paragraphs.ts), which
 * word-extractor reads only partly: its OLE extractor is subclassed to use them.
 */
import { createRequire } from 'node:module';
import { page, paragraph, type Document } from './document.js';
import { readParagraphRuns, type ParagraphRun } from './doc-paragraphs.js';
import { EncryptedFileError, InvalidFileError, NianbaoError, UnsupportedFormatError } from '../errors.js';

/** Stand-ins placed in word-extractor's text before its clean-up (Unicode noncharacters: never in a document). */
const ROW_END = '\uFDD0';
const CELL_PARAGRAPH_BREAK = '\uFDD1';
const CELL_PARAGRAPH_JOIN = ' ';
const WORD_MAGIC = 0xa5ec;
/** Word 97 writes nFib 0x00C1; Word 6/95 files (0x0065–0x0068) have another layout. */
const MIN_NFIB = 0x00c0;
const FIB_FLAG_ENCRYPTED = 0x0100;
const FIB_FLAG_OBFUSCATED = 0x8000;
const FIB_FLAG_TABLE_1 = 0x0200;

// word-extractor is CommonJS without type declarations: these describe the parts used here.
type Piece = { startFilePos: number; size: number; bpc: number; text: string };
type OleDocument = unknown;
type WordText = { getBody(options?: { filterUnicode?: boolean }): string };
interface OleExtractor {
  _pieces: Piece[];
  extract(reader: unknown): Promise<WordText>;
  extractWordDocument(document: OleDocument, buffer: Buffer): Promise<WordText>;
  writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
  documentStream(document: OleDocument, name: string): Promise<unknown>;
  streamBuffer(stream: unknown): Promise<Buffer>;
}
type Reader = { open(): Promise<void>; close(): Promise<void> };

const require = createRequire(import.meta.url);
const OleExtractorBase = require('word-extractor/lib/word-ole-extractor.js') as new () => OleExtractor;
const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (buffer: Buffer) => Reader;

/** Replaces the paragraph mark of each table paragraph with a stand-in (same length: pieces keep their size). */
function markTableParagraphs(pieces: Piece[], runs: readonly ParagraphRun[]): void {
  for (const run of runs) {
    if (!run.inTable && !run.rowEnd) continue;
    const fc = run.fcEnd - 1;
    const piece = pieces.find((p) => p.startFilePos <= fc && fc < p.startFilePos + p.size);
    if (!piece) continue;
    const i = Math.floor((fc - piece.startFilePos) / piece.bpc);
    const mark = piece.text[i];
    const replacement = run.rowEnd && !run.innerMark ? ROW_END : mark === '\r' || run.innerMark ? CELL_PARAGRAPH_BREAK : undefined;
    if (replacement !== undefined) piece.text = piece.text.slice(0, i) + replacement + piece.text.slice(i + 1);
  }
}

function checkFib(fib: Buffer): void {
  if (fib.length < 0x0c || fib.readUInt16LE(0) !== WORD_MAGIC) throw new InvalidFileError('not a valid Word 97-2003 (.doc) file: no Word header');
  if (fib.readUInt16LE(2) < MIN_NFIB) throw new UnsupportedFormatError('unsupported: a Word 6.0/95 file (only Word 97-2003 .doc is read)');
  const flags = fib.readUInt16LE(0x0a);
  if (flags & (FIB_FLAG_ENCRYPTED | FIB_FLAG_OBFUSCATED)) throw new EncryptedFileError('encrypted: the Word document needs a password to open');
}

class TableAwareExtractor extends OleExtractorBase {
  private dataStream: Uint8Array = new Uint8Array(0);
  private tableStream: Uint8Array = new Uint8Array(0);

  override async extractWordDocument(document: OleDocument, buffer: Buffer): Promise<WordText> {
    checkFib(buffer);
    const tableName = buffer.readUInt16LE(0x0a) & FIB_FLAG_TABLE_1 ? '1Table' : '0Table';
    this.tableStream = await this.streamBuffer(await this.documentStream(document, tableName));
    this.dataStream = await this.streamBuffer(await this.documentStream(document, 'Data')); // empty when absent
    return super.extractWordDocument(document, buffer);
  }

  override writeParagraphProperties(buffer: Buffer): void {
    markTableParagraphs(this._pieces, readParagraphRuns(buffer, this.tableStream, this.dataStream));
  }
}

/** word-extractor's body with row ends as newlines (the last cell's tab dropped) and in-cell breaks as spaces. */
export function bodyLines(body: string): string[] {
  const text = body
    .replace(new RegExp(`\\t?${ROW_END}`, 'g'), '\n')
    .replaceAll(CELL_PARAGRAPH_BREAK, CELL_PARAGRAPH_JOIN);
  // A row of empty cells is still a row (it has tabs); other blank lines carry nothing.
  return text.split(/\r?\n/).filter((line) => line.includes('\t') || /\S/u.test(line));
}

async function readBody(bytes: Uint8Array): Promise<string> {
  const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  await reader.open();
  try {
    const doc = await new TableAwareExtractor().extract(reader);
    return doc.getBody({ filterUnicode: false }); // keep “”, — and ‘’ as printed
  } finally {
    await reader.close();
  }
}

/** Reads a Word 97-2003 file into the document model. */
export async function extractDoc(bytes: Uint8Array): Promise<Document> {
  let body: string;
  try {
    body = await readBody(bytes);
  } catch (e) {
    if (e instanceof NianbaoError) throw e;
    const text = e instanceof Error ? e.message : String(e);
    throw new InvalidFileError(`not a valid Word 97-2003 (.doc) file: ${text}`, { cause: e });
  }
  const blocks = bodyLines(body).map((line) => paragraph(line));
  return { format: 'doc', pages: [page(1, blocks)], messages: [] };
}
