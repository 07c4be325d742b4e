/**
 * Rebuilds the xref of a damaged file by scanning every byte for `num gen obj` and `trailer`, as
 * viewers do when startxref or the table is wrong. The last definition of an object wins, as in an
 * incrementally updated file. Objects inside object streams are added by the caller, which can
 * decode streams (see `file.ts`).
 */
import { Buffer } from 'node:buffer';
import { isRegular, isWhite, Lexer } from './lexer.js';
import { Ref, isDict, isName, isStream, type Dict } from './objects.js';
import { Parser, readIndirectObject } from './parser.js';
import { mergeTrailers, type Xref, type XrefEntry } from './xref.js';

const OBJ = Buffer.from('obj', 'latin1');
const TRAILER = Buffer.from('trailer', 'latin1');
/** Bound on how far back from `obj` the `num gen` header may start (digits and white-space). */
const MAX_HEADER_LOOKBACK = 40;

/** The rebuilt xref, and the object streams found (their objects are not in `entries`). */
export type RebuiltXref = Xref & { readonly objectStreams: readonly number[] };

export function rebuildXref(data: Uint8Array): RebuiltXref {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries = new Map<number, XrefEntry>();
  for (let at = buffer.indexOf(OBJ); at >= 0; at = buffer.indexOf(OBJ, at + OBJ.length)) {
    if (isRegular(data[at + 3] ?? -1)) continue;
    const header = headerBefore(data, at);
    if (header) entries.set(header.num, { kind: 'offset', offset: header.offset, gen: header.gen });
  }
  const starts = objectStarts(entries);
  const trailers = findTrailers(data, buffer);
  const xrefStreams = new Set<number>();
  for (const obj of objectsOfType(data, buffer, starts, '/XRef')) {
    xrefStreams.add(obj.num);
    if (!trailers.some((t) => t.raw('Root') !== undefined)) trailers.push(obj.dict);
  }
  const trailer = mergeTrailers([...trailers].reverse());
  if (trailer.raw('Root') === undefined) {
    const catalog = objectsOfType(data, buffer, starts, '/Catalog').at(-1);
    if (catalog) trailer.map.set('Root', new Ref(catalog.num, catalog.gen));
  }
  const objectStreams = objectsOfType(data, buffer, starts, '/ObjStm').map((o) => o.num);
  return { entries, trailer, xrefStreams, objectStreams };
}

type Start = { readonly offset: number; readonly num: number; readonly gen: number };

/** Where each object starts, in file order. */
function objectStarts(entries: Map<number, XrefEntry>): Start[] {
  const starts: Start[] = [];
  for (const [num, e] of entries) if (e.kind === 'offset') starts.push({ offset: e.offset, num, gen: e.gen });
  return starts.sort((a, b) => a.offset - b.offset);
}

/** Objects whose dictionary holds `/Type <typeName>`, found from where the name is written. */
function objectsOfType(data: Uint8Array, buffer: Buffer, starts: readonly Start[], typeName: string): Array<Start & { dict: Dict }> {
  const marker = Buffer.from(typeName, 'latin1');
  const found: Array<Start & { dict: Dict }> = [];
  let last = -1;
  for (let at = buffer.indexOf(marker); at >= 0; at = buffer.indexOf(marker, at + marker.length)) {
    if (isRegular(data[at + marker.length] ?? -1)) continue;
    const i = lastStartBefore(starts, at);
    const start = starts[i];
    if (!start || i === last) continue;
    last = i;
    const dict = dictAt(data, start.offset);
    const type = dict?.raw('Type');
    if (dict && isName(type, typeName.slice(1))) found.push({ ...start, dict });
  }
  return found;
}

function lastStartBefore(starts: readonly Start[], pos: number): number {
  let low = 0;
  let high = starts.length - 1;
  let best = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid]!.offset <= pos) {
      best = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best;
}

/** `num gen` written just before the `obj` at `at`, and where `num` starts. */
function headerBefore(data: Uint8Array, at: number): { num: number; gen: number; offset: number } | undefined {
  const limit = Math.max(0, at - MAX_HEADER_LOOKBACK);
  let i = at - 1;
  if (i < 0 || !isWhite(data[i]!)) return undefined;
  while (i >= limit && isWhite(data[i]!)) i--;
  const genEnd = i + 1;
  while (i >= limit && isDigit(data[i]!)) i--;
  const genStart = i + 1;
  if (genStart === genEnd || i < limit || !isWhite(data[i]!)) return undefined;
  while (i >= limit && isWhite(data[i]!)) i--;
  const numEnd = i + 1;
  while (i >= 0 && isDigit(data[i]!)) i--;
  const numStart = i + 1;
  if (numStart === numEnd || (i >= 0 && isRegular(data[i]!))) return undefined;
  return { num: digits(data, numStart, numEnd), gen: digits(data, genStart, genEnd), offset: numStart };
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function digits(data: Uint8Array, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) v = v * 10 + data[i]! - 0x30;
  return v;
}

/** Every `trailer << … >>` in file order; without any, the dictionaries of xref streams (they hold /Root too). */
function findTrailers(data: Uint8Array, buffer: Buffer): Dict[] {
  const trailers: Dict[] = [];
  for (let at = buffer.indexOf(TRAILER); at >= 0; at = buffer.indexOf(TRAILER, at + TRAILER.length)) {
    const lx = new Lexer(data, at + TRAILER.length);
    lx.skipSpace();
    if (lx.peek() !== 0x3c || lx.peekAt(1) !== 0x3c) continue;
    try {
      trailers.push(new Parser(lx, true).readDict(1));
    } catch {
      // a damaged trailer: the others may do
    }
  }
  return trailers;
}

/** The dictionary of the object at `offset` (a stream's dictionary for a stream); undefined when unreadable. */
function dictAt(data: Uint8Array, offset: number): Dict | undefined {
  try {
    const v = readIndirectObject(data, offset, () => undefined)?.value;
    return isDict(v) ? v : isStream(v) ? v.dict : undefined;
  } catch {
    return undefined;
  }
}
