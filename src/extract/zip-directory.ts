/**
 * A small, synchronous reader for a zip archive's central directory, and a size-capped inflate of one
 * entry. Sniffing needs the entry names without a promise, and the DOCX reader needs each part's real
 * size before a library inflates it (a zip bomb declares small sizes or simply huge ones).
 */
import { inflateRawSync } from 'node:zlib';
import { EncryptedFileError, FileTooLargeError, InvalidFileError, megabytes } from '../errors.js';

export type ZipEntry = {
  readonly name: string;
  /** 0 = stored, 8 = deflate. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  /** As declared by the directory: a hostile file may lie, so inflateEntry caps the real output too. */
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
};

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
/** The EOCD record sits within the last 22 bytes + a comment of at most 65535 bytes. */
const EOCD_SEARCH_SPAN = EOCD_SIZE + 0xffff;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const ZIP64_EXTRA_ID = 0x0001;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Offset of the end-of-central-directory record, or -1 (not a zip, or truncated). */
export function findEndOfDirectory(bytes: Uint8Array): number {
  const dv = view(bytes);
  const stop = Math.max(0, bytes.length - EOCD_SEARCH_SPAN);
  for (let i = bytes.length - EOCD_SIZE; i >= stop; i--) {
    if (dv.getUint32(i, true) === SIG_EOCD) return i;
  }
  return -1;
}

type DirectoryBounds = { offset: number; count: number };

function zip64Bounds(dv: DataView, eocd: number): DirectoryBounds | null {
  const locator = eocd - 20;
  if (locator < 0 || dv.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) return null;
  const record = Number(dv.getBigUint64(locator + 8, true));
  if (record + 56 > dv.byteLength || dv.getUint32(record, true) !== SIG_ZIP64_EOCD) return null;
  return { count: Number(dv.getBigUint64(record + 32, true)), offset: Number(dv.getBigUint64(record + 48, true)) };
}

function directoryBounds(dv: DataView, eocd: number): DirectoryBounds | null {
  const count = dv.getUint16(eocd + 10, true);
  const offset = dv.getUint32(eocd + 16, true);
  if (count === U16_MAX || offset === U32_MAX) return zip64Bounds(dv, eocd);
  return { count, offset };
}

/** Reads the 64-bit sizes/offset from a zip64 extra field for the fields that were saturated. */
function applyZip64Extra(dv: DataView, start: number, end: number, entry: { compressedSize: number; uncompressedSize: number; localHeaderOffset: number }): void {
  for (let p = start; p + 4 <= end; ) {
    const id = dv.getUint16(p, true);
    const size = dv.getUint16(p + 2, true);
    if (id === ZIP64_EXTRA_ID) {
      let q = p + 4;
      const next = (): number => {
        const v = q + 8 <= p + 4 + size ? Number(dv.getBigUint64(q, true)) : U32_MAX;
        q += 8;
        return v;
      };
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = next();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next();
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = next();
      return;
    }
    p += 4 + size;
  }
}

function readCentralEntry(bytes: Uint8Array, dv: DataView, p: number): { entry: ZipEntry; next: number } | null {
  if (p + CENTRAL_HEADER_SIZE > bytes.length || dv.getUint32(p, true) !== SIG_CENTRAL) return null;
  const nameLength = dv.getUint16(p + 28, true);
  const extraLength = dv.getUint16(p + 30, true);
  const commentLength = dv.getUint16(p + 32, true);
  const nameStart = p + CENTRAL_HEADER_SIZE;
  if (nameStart + nameLength + extraLength > bytes.length) return null;
  const sizes = {
    compressedSize: dv.getUint32(p + 20, true),
    uncompressedSize: dv.getUint32(p + 24, true),
    localHeaderOffset: dv.getUint32(p + 42, true),
  };
  applyZip64Extra(dv, nameStart + nameLength, nameStart + nameLength + extraLength, sizes);
  const entry: ZipEntry = {
    name: new TextDecoder('utf-8').decode(bytes.subarray(nameStart, nameStart + nameLength)),
    method: dv.getUint16(p + 10, true),
    encrypted: (dv.getUint16(p + 8, true) & 1) === 1,
    ...sizes,
  };
  return { entry, next: nameStart + nameLength + extraLength + commentLength };
}

/** The archive's entries from its central directory, or null when there is no readable directory. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const eocd = findEndOfDirectory(bytes);
  if (eocd < 0) return null;
  const dv = view(bytes);
  const bounds = directoryBounds(dv, eocd);
  if (!bounds || bounds.offset > bytes.length) return null;
  const entries: ZipEntry[] = [];
  let p = bounds.offset;
  for (let i = 0; i < bounds.count; i++) {
    const read = readCentralEntry(bytes, dv, p);
    if (!read) return null;
    entries.push(read.entry);
    p = read.next;
  }
  return entries;
}

/** Names from the local file headers, read front to back: what a truncated archive still shows. */
export function localEntryNames(bytes: Uint8Array, maxEntries: number): string[] {
  const dv = view(bytes);
  const names: string[] = [];
  let p = 0;
  while (names.length < maxEntries && p + LOCAL_HEADER_SIZE <= bytes.length && dv.getUint32(p, true) === SIG_LOCAL) {
    const nameLength = dv.getUint16(p + 26, true);
    const extraLength = dv.getUint16(p + 28, true);
    const compressedSize = dv.getUint32(p + 18, true);
    const nameStart = p + LOCAL_HEADER_SIZE;
    if (nameStart + nameLength > bytes.length) break;
    names.push(new TextDecoder('utf-8').decode(bytes.subarray(nameStart, nameStart + nameLength)));
    // With a data descriptor (flag bit 3) the size is unknown here: stop rather than guess.
    if ((dv.getUint16(p + 6, true) & 8) !== 0) break;
    p = nameStart + nameLength + extraLength + compressedSize;
  }
  return names;
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const p = entry.localHeaderOffset;
  if (p + LOCAL_HEADER_SIZE > bytes.length || dv.getUint32(p, true) !== SIG_LOCAL) {
    throw new InvalidFileError(`damaged zip archive: no local header for ${entry.name}`);
  }
  const start = p + LOCAL_HEADER_SIZE + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new InvalidFileError(`damaged zip archive: ${entry.name} is cut off (truncated file?)`);
  return bytes.subarray(start, end);
}

/** Inflates one entry, refusing to produce more than maxBytes whatever the directory declared. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.encrypted) throw new EncryptedFileError(`encrypted: the zip entry ${entry.name} needs a password`);
  const tooLarge = (): FileTooLargeError =>
    new FileTooLargeError(`too large: ${entry.name} inflates to more than ${megabytes(maxBytes)} (limit)`);
  if (entry.uncompressedSize > maxBytes) throw tooLarge();
  const data = entryData(bytes, entry);
  if (entry.method === METHOD_STORED) {
    if (data.length > maxBytes) throw tooLarge();
    return data;
  }
  if (entry.method !== METHOD_DEFLATE) {
    throw new InvalidFileError(`unsupported zip compression method ${entry.method} for ${entry.name}`);
  }
  try {
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: maxBytes }));
  } catch (e) {
    if (e instanceof RangeError) throw tooLarge();
    throw new InvalidFileError(`damaged zip archive: ${entry.name} does not inflate`, { cause: e });
  }
}
