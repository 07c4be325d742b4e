/**
 * The cross-reference data of a file (PDF 32000-1 §7.5.4–7.5.8): classic tables, xref streams,
 * hybrid files (/XRefStm) and /Prev chains of incremental updates, newest entries first. A file
 * whose xref cannot be read is handled by `rebuildXref` (xref-rebuild.ts).
 */
import { Buffer } from 'node:buffer';
import { decodeFilters, filterSteps } from './filters.js';
import { isRegular, Lexer } from './lexer.js';
import { Dict, isDict, isStream, Ref, UnsupportedPdfError, type PdfValue } from './objects.js';
import { Parser, readIndirectObject } from './parser.js';

export type XrefEntry =
  | { readonly kind: 'free' }
  | { readonly kind: 'offset'; readonly offset: number; readonly gen: number }
  | { readonly kind: 'compressed'; readonly stream: number; readonly index: number };

export type Xref = {
  readonly entries: Map<number, XrefEntry>;
  /** The newest trailer, with keys missing there taken from older ones. */
  readonly trailer: Dict;
  /** Object numbers of xref streams (never decrypted). */
  readonly xrefStreams: ReadonlySet<number>;
};

const FREE: XrefEntry = Object.freeze({ kind: 'free' });
const STARTXREF = Buffer.from('startxref', 'latin1');
/** More sections than this in a /Prev chain is a loop or damage. */
const MAX_SECTIONS = 1000;

/** Reads the xref from `startxref` on. Throws UnsupportedPdfError where it is damaged. */
export function readXref(data: Uint8Array): Xref {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const at = buffer.lastIndexOf(STARTXREF);
  if (at < 0) throw new UnsupportedPdfError('no startxref');
  const lx = new Lexer(data, at + STARTXREF.length);
  lx.skipSpace();
  const start = lx.readNumber();
  const entries = new Map<number, XrefEntry>();
  const xrefStreams = new Set<number>();
  const trailers: Dict[] = [];
  const seen = new Set<number>();
  const queue: number[] = [start];
  while (queue.length > 0) {
    const offset = queue.shift()!;
    if (seen.has(offset) || seen.size >= MAX_SECTIONS) continue;
    seen.add(offset);
    const trailer = readSection(data, offset, entries, xrefStreams);
    trailers.push(trailer);
    const xrefStm = trailer.raw('XRefStm');
    if (typeof xrefStm === 'number' && !seen.has(xrefStm)) {
      seen.add(xrefStm);
      readXrefStream(data, xrefStm, entries, xrefStreams, true);
    }
    const prev = trailer.raw('Prev');
    if (typeof prev === 'number') queue.push(prev);
  }
  return { entries, trailer: mergeTrailers(trailers), xrefStreams };
}

/** Newest first: an older trailer only fills keys the newer ones lack (not /Prev or /XRefStm). */
export function mergeTrailers(trailers: readonly Dict[]): Dict {
  const map = new Map<string, PdfValue>();
  for (const t of trailers) {
    for (const [key, value] of t.map) if (!map.has(key) && key !== 'Prev' && key !== 'XRefStm') map.set(key, value);
  }
  return new Dict(map);
}

function readSection(data: Uint8Array, offset: number, entries: Map<number, XrefEntry>, xrefStreams: Set<number>): Dict {
  if (!Number.isInteger(offset) || offset < 0 || offset >= data.length) throw new UnsupportedPdfError('xref offset out of the file');
  const lx = new Lexer(data, offset);
  lx.skipSpace();
  if (lx.atKeyword('xref')) {
    lx.pos += 4;
    return readTable(lx, entries);
  }
  return readXrefStream(data, offset, entries, xrefStreams, false);
}

/** A classic table: subsections `first count` of `offset gen n|f` lines, then `trailer << … >>`. */
function readTable(lx: Lexer, entries: Map<number, XrefEntry>): Dict {
  for (;;) {
    lx.skipSpace();
    if (lx.atKeyword('trailer')) {
      lx.pos += 7;
      lx.skipSpace();
      if (lx.peek() !== 0x3c) throw new UnsupportedPdfError('xref trailer is not a dictionary');
      return new Parser(lx, true).readDict(1);
    }
    let first = readInteger(lx);
    const count = readInteger(lx);
    for (let i = 0; i < count; i++) {
      const offset = readInteger(lx);
      const gen = readInteger(lx);
      lx.skipSpace();
      const type = lx.peek();
      if ((type !== 0x6e && type !== 0x66) || isRegular(lx.peekAt(1))) throw new UnsupportedPdfError('bad xref table entry');
      lx.pos++;
      // A table that starts at 1 with the free head entry is really numbered from 0 (a common producer bug).
      if (i === 0 && first === 1 && type === 0x66 && offset === 0) first = 0;
      const num = first + i;
      if (!entries.has(num)) entries.set(num, type === 0x6e ? { kind: 'offset', offset, gen } : FREE);
    }
  }
}

function readInteger(lx: Lexer): number {
  lx.skipSpace();
  const c = lx.peek();
  if (c < 0x30 || c > 0x39) throw new UnsupportedPdfError('bad xref table');
  return lx.readNumber();
}

/** An xref stream (§7.5.8): its entries (or, for /XRefStm of a hybrid file, those the table left free). */
function readXrefStream(
  data: Uint8Array,
  offset: number,
  entries: Map<number, XrefEntry>,
  xrefStreams: Set<number>,
  overrideFree: boolean,
): Dict {
  const obj = readIndirectObject(data, offset, (dict) => directNumber(dict.raw('Length')));
  if (!obj || !isStream(obj.value)) throw new UnsupportedPdfError('no xref table or stream at startxref');
  xrefStreams.add(obj.num);
  const { dict, raw } = obj.value;
  const direct = (v: PdfValue | undefined): PdfValue | undefined => (v instanceof Ref ? undefined : v);
  const bytes = decodeFilters(raw, filterSteps(dict, direct), direct);
  const widths = dict.raw('W');
  if (!Array.isArray(widths) || widths.length < 3 || !widths.every((w) => typeof w === 'number' && w >= 0 && w <= 8)) {
    throw new UnsupportedPdfError('bad xref stream /W');
  }
  const [w0, w1, w2] = widths as number[];
  const size = directNumber(dict.raw('Size')) ?? 0;
  const index = dict.raw('Index');
  const ranges = Array.isArray(index) ? index.filter((v): v is number => typeof v === 'number') : [0, size];
  const rowBytes = w0! + w1! + w2!;
  let pos = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const first = ranges[r]!;
    for (let i = 0; i < ranges[r + 1]! && pos + rowBytes <= bytes.length; i++, pos += rowBytes) {
      const type = w0 === 0 ? 1 : field(bytes, pos, w0!);
      const f2 = field(bytes, pos + w0!, w1!);
      const f3 = field(bytes, pos + w0! + w1!, w2!);
      const num = first + i;
      const existing = entries.get(num);
      if (existing && !(overrideFree && existing.kind === 'free')) continue;
      if (type === 0) entries.set(num, FREE);
      else if (type === 1) entries.set(num, { kind: 'offset', offset: f2, gen: f3 });
      else if (type === 2) entries.set(num, { kind: 'compressed', stream: f2, index: f3 });
    }
  }
  return dict;
}

function field(bytes: Uint8Array, pos: number, width: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) v = v * 256 + bytes[pos + i]!;
  return v;
}

function directNumber(v: PdfValue | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** Whether a trailer can open the file: it names a catalog. */
export function hasRoot(trailer: Dict): boolean {
  const root = trailer.raw('Root');
  return root instanceof Ref || isDict(root);
}
