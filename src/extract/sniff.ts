/**
 * Decides a file's format from its bytes (magic numbers), not its name: a .doc renamed .docx is read as
 * doc, a PDF renamed .docx as pdf. Files that cannot be any supported format throw a typed error here,
 * with a message that says what the file is instead.
 */
import type { Format } from './document.js';
import { EmptyFileError, EncryptedFileError, InvalidFileError, WrongFormatError } from '../errors.js';
import { localEntryNames, readZipDirectory } from './zip-directory.js';
import { bomEncoding, decodeBytes, decodeWith } from './encoding.js';

export type SniffSettings = {
  /** Bytes at the start searched for `%PDF` (some servers prepend junk). Default 1024, as readers tolerate. */
  readonly pdfHeaderWindow: number;
  /** Bytes at the start searched for HTML markers. Default 1024. */
  readonly htmlMarkerWindow: number;
  /** Bytes decoded to judge whether a file is text. Default 64 KiB. */
  readonly textSampleBytes: number;
  /** Highest share of control characters (other than tab, newline, CR, form feed) a text file may have. Default 1%. */
  readonly maxControlCharRatio: number;
  /** Highest share of undecodable characters (U+FFFD) a text file may have. Default 1%. */
  readonly maxReplacementCharRatio: number;
  /** Local headers read from a zip whose directory is missing (truncated). Default 64. */
  readonly truncatedZipNameScan: number;
};

export const DEFAULT_SNIFF_SETTINGS: SniffSettings = Object.freeze({
  pdfHeaderWindow: 1024,
  htmlMarkerWindow: 1024,
  textSampleBytes: 64 * 1024,
  maxControlCharRatio: 0.01,
  maxReplacementCharRatio: 0.01,
  truncatedZipNameScan: 64,
});

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = '%PDF-';
const DOCX_MAIN_PART = 'word/document.xml';
const HTML_MARKERS = ['<!doctype html', '<html', '<head', '<body', '<table', '<meta'];
const HTML_EXTENSIONS = /\.(x?html?|shtml)$/i;

/** What other Office containers hold, to say what a non-Word file is. */
const ZIP_KINDS: readonly { part: string; kind: string }[] = [
  { part: 'xl/workbook.xml', kind: 'an Excel workbook' },
  { part: 'ppt/presentation.xml', kind: 'a PowerPoint presentation' },
  { part: 'content.xml', kind: 'an OpenDocument file' },
];
const OLE_KINDS: readonly { stream: string; kind: string }[] = [
  { stream: 'Workbook', kind: 'an Excel (.xls) workbook' },
  { stream: 'Book', kind: 'an Excel (.xls) workbook' },
  { stream: 'PowerPoint Document', kind: 'a PowerPoint (.ppt) presentation' },
];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** True when the OLE file holds a stream of this name (names are stored as UTF-16LE in the directory). */
function oleHasStream(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(`${name}\0`, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

function sniffZip(bytes: Uint8Array, file: string, settings: SniffSettings): Format {
  const entries = readZipDirectory(bytes);
  const names = entries ? entries.map((e) => e.name) : localEntryNames(bytes, settings.truncatedZipNameScan);
  if (names.includes(DOCX_MAIN_PART)) return 'docx';
  if (!entries && names.some((n) => n.startsWith('word/'))) return 'docx'; // truncated DOCX: the extractor says so
  if (!entries) throw new InvalidFileError('not a valid zip archive (truncated or damaged: no central directory)', { file });
  const kind = ZIP_KINDS.find((k) => names.includes(k.part))?.kind;
  const hint = kind ? `; it looks like ${kind}` : '';
  throw new WrongFormatError(`zip archive, but not a Word document (no ${DOCX_MAIN_PART}${hint})`, { file });
}

function sniffOle(bytes: Uint8Array, file: string): Format {
  if (oleHasStream(bytes, 'EncryptedPackage')) {
    throw new EncryptedFileError('encrypted: the Office file needs a password to open', { file });
  }
  if (oleHasStream(bytes, 'WordDocument')) return 'doc';
  const kind = OLE_KINDS.find((k) => oleHasStream(bytes, k.stream))?.kind ?? 'an Office (OLE) file';
  throw new WrongFormatError(`${kind}, not a Word document`, { file });
}

/** The first window of the file as lower-case text, after any BOM and leading whitespace. */
function headText(bytes: Uint8Array, window: number): string {
  const bom = bomEncoding(bytes);
  const head = bytes.subarray(bom?.length ?? 0, (bom?.length ?? 0) + window);
  const text = bom && bom.encoding !== 'utf-8' ? decodeWith(head, bom.encoding) : latin1(head);
  return text.trimStart().toLowerCase();
}

function looksLikeHtml(bytes: Uint8Array, settings: SniffSettings): boolean {
  const head = headText(bytes, settings.htmlMarkerWindow);
  return head.startsWith('<') && HTML_MARKERS.some((m) => head.includes(m));
}

const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** Text when the bytes decode (UTF-8 / GB18030 / UTF-16 with BOM) with few control or undecodable characters. */
export function looksLikeText(bytes: Uint8Array, settings: SniffSettings = DEFAULT_SNIFF_SETTINGS): boolean {
  const sample = bytes.subarray(0, settings.textSampleBytes);
  const { text } = decodeBytes(sample);
  if (text.length === 0) return false;
  const controls = text.match(CONTROL_CHAR)?.length ?? 0;
  const replacements = text.match(/\uFFFD/g)?.length ?? 0;
  return controls / text.length <= settings.maxControlCharRatio && replacements / text.length <= settings.maxReplacementCharRatio;
}

/** Decides the format from the bytes; throws EmptyFileError / WrongFormatError / InvalidFileError / EncryptedFileError. */
export function sniffFormat(bytes: Uint8Array, fileName: string, settings: SniffSettings = DEFAULT_SNIFF_SETTINGS): Format {
  const file = fileName;
  if (bytes.length === 0) throw new EmptyFileError(undefined, { file });
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return sniffZip(bytes, file, settings);
  if (startsWith(bytes, OLE_MAGIC)) return sniffOle(bytes, file);
  const head = latin1(bytes.subarray(0, settings.pdfHeaderWindow));
  if (head.startsWith(PDF_MAGIC)) return 'pdf';
  if (looksLikeHtml(bytes, settings)) return 'html';
  if (head.includes(PDF_MAGIC)) return 'pdf';
  if (looksLikeText(bytes, settings)) return HTML_EXTENSIONS.test(fileName) ? 'html' : 'text';
  throw new InvalidFileError('not a PDF, Word, HTML or text file (unrecognised bytes)', { file });
}
