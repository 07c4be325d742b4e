/**
 * The predefined CMaps (PDF 32000-1 §9.7.5.2: UniGB-UCS2-H, GBK-EUC-H, Adobe-GB1-UCS2, …) from the
 * packed binary files pdf.js ships in pdfjs-dist/cmaps/*.bcmap. Each is read once per process.
 *
 * The format: one header byte (bit 0: vertical), then records. A record byte holds the type (top 3
 * bits), a "sequence" flag (0x10) and the data size − 1 (low 4 bits), followed by an entry count.
 * Type 7 holds a string: 0 a comment, 1 the `usecmap` parent. Types 0–5 are codespace ranges, notdef
 * ranges, cidchar, cidrange, bfchar and bfrange; each entry after the first is stored as a delta from
 * the one before. Numbers are base-128 with the high bit marking "more bytes follow"; byte-array
 * numbers ("hex") are the same base-128 digits of a big-endian number of `size` bytes; signed values
 * keep the sign in the lowest bit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CMap, bytesToCode, utf16beText } from './cmap-data.js';
import { UnsupportedPdfError } from './objects.js';

/** Longest number (bytes) a record may hold: the format allows 16; codes are 4 bytes at most. */
const MAX_DATA_SIZE = 16;
const MAX_CODE_BYTES = 4;
/** bfchar and bfrange sources are two-byte CIDs in these files (the Adobe-*-UCS2 maps). */
const BF_SOURCE_BYTES = 2;
/** `usecmap` chains deeper than this are taken for a loop. */
const MAX_PARENT_DEPTH = 8;

const TYPE_CODESPACE = 0;
const TYPE_NOTDEF_RANGE = 1;
const TYPE_CID_CHAR = 2;
const TYPE_CID_RANGE = 3;
const TYPE_BF_CHAR = 4;
const TYPE_BF_RANGE = 5;
const TYPE_STRING = 7;
const STRING_USECMAP = 1;

/** Reads bytes of a .bcmap: varints, byte-array numbers and strings. */
class BinaryReader {
  pos = 0;
  constructor(private readonly data: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.data.length;
  }

  byte(): number {
    if (this.pos >= this.data.length) throw new UnsupportedPdfError('bcmap: unexpected end of data');
    return this.data[this.pos++]!;
  }

  number(): number {
    let n = 0;
    let b: number;
    do {
      b = this.byte();
      n = n * 128 + (b & 0x7f);
    } while (b & 0x80);
    return n;
  }

  signed(): number {
    const n = this.number();
    const half = Math.floor(n / 2);
    return n % 2 === 1 ? -half - 1 : half;
  }

  /** `size` raw bytes. */
  raw(size: number): Uint8Array {
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i++) out[i] = this.byte();
    return out;
  }

  /** A base-128 number into `size` big-endian bytes (higher digits past `size` bytes drop out). */
  hex(size: number): Uint8Array {
    const out = new Uint8Array(size);
    let b: number;
    do {
      b = this.byte();
      let carry = b & 0x7f;
      for (let i = size - 1; i >= 0; i--) {
        const v = out[i]! * 128 + carry;
        out[i] = v & 0xff;
        carry = v >> 8;
      }
    } while (b & 0x80);
    return out;
  }

  /** A signed byte-array number as `size` bytes of two's complement (sign in the lowest bit). */
  hexSigned(size: number): Uint8Array {
    const out = this.hex(size);
    const negative = (out[size - 1]! & 1) === 1;
    for (let i = size - 1; i >= 0; i--) out[i] = (out[i]! >> 1) | (i > 0 ? (out[i - 1]! & 1) << 7 : 0);
    if (negative) for (let i = 0; i < size; i++) out[i] = ~out[i]! & 0xff;
    return out;
  }

  string(): string {
    const length = this.number();
    let s = '';
    for (let i = 0; i < length; i++) s += String.fromCharCode(this.number());
    return s;
  }
}

/** a += b (+ extra), both big-endian byte arrays of the same length; overflow drops. */
function add(a: Uint8Array, b: Uint8Array | undefined, extra = 0): void {
  let carry = extra;
  for (let i = a.length - 1; i >= 0; i--) {
    const v = a[i]! + (b ? b[i]! : 0) + carry;
    a[i] = v & 0xff;
    carry = v >> 8;
  }
}

function code(bytes: Uint8Array): number {
  if (bytes.length > MAX_CODE_BYTES) throw new UnsupportedPdfError('bcmap: code longer than 4 bytes');
  return bytesToCode(bytes);
}

/** Fills `cmap` from the bytes of a .bcmap; returns the name of the parent CMap, if any. */
export function readBinaryCMap(data: Uint8Array, cmap: CMap): string | undefined {
  const r = new BinaryReader(data);
  cmap.vertical = (r.byte() & 1) === 1;
  let parent: string | undefined;
  while (!r.done) {
    const b = r.byte();
    const type = b >> 5;
    if (type === TYPE_STRING) {
      const s = r.string();
      if ((b & 0x1f) === STRING_USECMAP) parent = s;
      continue;
    }
    const size = (b & 0x0f) + 1;
    if (size > MAX_DATA_SIZE) throw new UnsupportedPdfError('bcmap: data size');
    const sequence = (b & 0x10) !== 0;
    const count = r.number();
    readRecord(r, cmap, type, size, sequence, count);
  }
  return parent;
}

function readRecord(r: BinaryReader, cmap: CMap, type: number, size: number, sequence: boolean, count: number): void {
  switch (type) {
    case TYPE_CODESPACE:
    case TYPE_NOTDEF_RANGE:
      return readRanges(r, cmap, type, size, count);
    case TYPE_CID_CHAR:
      return readCidChars(r, cmap, size, sequence, count);
    case TYPE_CID_RANGE:
      return readCidRanges(r, cmap, size, sequence, count);
    case TYPE_BF_CHAR:
      return readBfChars(r, cmap, size, sequence, count);
    case TYPE_BF_RANGE:
      return readBfRanges(r, cmap, size, sequence, count);
    default:
      throw new UnsupportedPdfError(`bcmap: record type ${type}`);
  }
}

/** Codespace ranges (kept) and notdef ranges (read past: codes outside every mapping are notdef anyway). */
function readRanges(r: BinaryReader, cmap: CMap, type: number, size: number, count: number): void {
  let start = r.raw(size);
  let end = r.hex(size);
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      const next = r.hex(size);
      add(next, end, 1);
      start = next;
      end = r.hex(size);
    }
    add(end, start);
    if (type === TYPE_CODESPACE) cmap.codespace.add(size, code(start), code(end));
    else r.number();
  }
}

function readCidChars(r: BinaryReader, cmap: CMap, size: number, sequence: boolean, count: number): void {
  const char = r.raw(size);
  let cid = r.number();
  cmap.mapCid(code(char), cid);
  for (let i = 1; i < count; i++) {
    add(char, sequence ? undefined : r.hex(size), 1);
    cid += r.signed() + 1;
    cmap.mapCid(code(char), cid);
  }
}

function readCidRanges(r: BinaryReader, cmap: CMap, size: number, sequence: boolean, count: number): void {
  let start = r.raw(size);
  let end = r.hex(size);
  add(end, start);
  cmap.mapCidRange(code(start), code(end), r.number());
  for (let i = 1; i < count; i++) {
    const next = sequence ? new Uint8Array(size) : r.hex(size);
    add(next, end, 1);
    start = next;
    end = r.hex(size);
    add(end, start);
    cmap.mapCidRange(code(start), code(end), r.number());
  }
}

function readBfChars(r: BinaryReader, cmap: CMap, size: number, sequence: boolean, count: number): void {
  const char = r.raw(BF_SOURCE_BYTES);
  const dst = r.raw(size);
  cmap.mapText(code(char), utf16beText(dst));
  for (let i = 1; i < count; i++) {
    add(char, sequence ? undefined : r.hex(BF_SOURCE_BYTES), 1);
    add(dst, r.hexSigned(size), 1);
    cmap.mapText(code(char), utf16beText(dst));
  }
}

function readBfRanges(r: BinaryReader, cmap: CMap, size: number, sequence: boolean, count: number): void {
  let start = r.raw(BF_SOURCE_BYTES);
  let end = r.hex(BF_SOURCE_BYTES);
  add(end, start);
  cmap.mapTextRange(code(start), code(end), r.raw(size));
  for (let i = 1; i < count; i++) {
    const next = sequence ? new Uint8Array(BF_SOURCE_BYTES) : r.hex(BF_SOURCE_BYTES);
    add(next, end, 1);
    start = next;
    end = r.hex(BF_SOURCE_BYTES);
    add(end, start);
    cmap.mapTextRange(code(start), code(end), r.raw(size));
  }
}

let cmapDirectory: string | undefined;

/** pdfjs-dist's cmaps/ directory (found through the package, wherever node_modules is). */
function predefinedCMapDirectory(): string {
  cmapDirectory ??= join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  return cmapDirectory;
}

const loaded = new Map<string, CMap>();

/** Whether a name can be a predefined CMap's (letters, digits and hyphens only: never a path). */
function isCMapName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(name);
}

/**
 * A predefined CMap by name, read once per process. Throws UnsupportedPdfError for names pdf.js has
 * no file for. Identity-H/V are not files: see `identityCMap`.
 */
export function predefinedCMap(name: string, depth = 0): CMap {
  const cached = loaded.get(name);
  if (cached) return cached;
  if (!isCMapName(name)) throw new UnsupportedPdfError(`Not a predefined CMap name: ${name}`);
  if (depth > MAX_PARENT_DEPTH) throw new UnsupportedPdfError(`usecmap loop at ${name}`);
  let data: Uint8Array;
  try {
    data = readFileSync(join(predefinedCMapDirectory(), `${name}.bcmap`));
  } catch {
    throw new UnsupportedPdfError(`Unknown predefined CMap ${name}`);
  }
  const cmap = new CMap();
  cmap.name = name;
  const parent = readBinaryCMap(data, cmap);
  if (parent !== undefined) cmap.useParent(predefinedCMap(parent, depth + 1));
  loaded.set(name, cmap);
  return cmap;
}

