/**
 * An open PDF file: objects read lazily through the xref and cached, strings and streams decrypted,
 * stream filters undone, pages from the page tree. Damaged files are read through a rebuilt xref;
 * what cannot be read throws UnsupportedPdfError (the caller then uses pdf.js).
 * The callbacks handed to the filters and the parser are methods bound once per file, not closures made per
 * object, so V8 keeps their optimized code across GCs.
 */
import { Buffer } from 'node:buffer';
import { createDecryptor, type Decryptor } from './crypt.js';
import { FileTooLargeError, megabytes } from '../../errors.js';
import { decodeFilters, filterSteps, MAX_STREAM_BYTES } from './filters.js';
import { ObjectStream } from './object-streams.js';
import { Dict, isDict, isName, isStream, Ref, Stream, UnsupportedPdfError, type PdfPageInfo, type PdfResolver, type PdfValue } from './objects.js';
import { collectPages, pageFromParents, pageInfo, type PageNode } from './page-tree.js';
import { readIndirectObject, type IndirectObject } from './parser.js';
import { rebuildXref } from './xref-rebuild.js';
import { hasRoot, readXref, type Xref, type XrefEntry } from './xref.js';

export interface PdfFile extends PdfResolver {
  readonly pageCount: number;
  page(index: number): PdfPageInfo;
}

/** How much decoded stream data a file may make: decompression bombs fail the file instead of filling memory. */
export type PdfLimits = {
  /** What one stream may decode to. */
  readonly maxStreamBytes: number;
  /** What all the streams a file decodes may add up to (they stay cached while the file is read). */
  readonly maxDecodedBytes: number;
};

/** Far above any report seen: the corpus's largest file decodes 5.6 MB of streams in all, 4.4 MB in one. */
export const DEFAULT_PDF_LIMITS: PdfLimits = Object.freeze({ maxStreamBytes: MAX_STREAM_BYTES, maxDecodedBytes: 256_000_000 });

/**
 * Opens a PDF from its bytes. Throws EncryptedFileError (a user password is needed) or UnsupportedPdfError,
 * and FileTooLargeError (then or while pages are read) when its streams decode past the limits.
 */
export function openPdf(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): PdfFile {
  return new OpenPdf(plainBytes(bytes), limits);
}

/** Reference chains longer than this are loops. */
const MAX_REF_CHAIN = 32;
/** How far around a wrong xref offset to look for the object's `num gen obj`. */
const OFFSET_SLACK = 64;

class OpenPdf implements PdfFile {
  private xref: Xref;
  private rebuilt = false;
  private readonly objects = new Map<number, PdfValue>();
  private readonly loading = new Set<number>();
  private readonly objectStreams = new Map<number, ObjectStream | null>();
  private readonly decoded = new WeakMap<Stream, Uint8Array>();
  /** Bytes of all the streams decoded so far. */
  private decodedBytes = 0;
  private decryptor: Decryptor | undefined;
  /** Objects whose strings are never encrypted: the /Encrypt dictionary. */
  private readonly clearObjects = new Set<number>();
  private readonly pages: PageNode[];
  private encryptionKnown = false;
  /** Object streams a rebuild found before the decryptor was ready. */
  private pendingObjectStreams: readonly number[] = [];
  /** `get` and `streamLength` as plain functions, for the filters and the parser. */
  private readonly getValue = this.get.bind(this);
  private readonly streamLengthOf = this.streamLength.bind(this);

  constructor(
    private readonly data: Uint8Array,
    private readonly limits: PdfLimits,
  ) {
    this.xref = readXrefIfSound(data) ?? NO_XREF;
    if (this.xref === NO_XREF) this.rebuild();
    if (!this.xref.entries.size) throw new UnsupportedPdfError('no objects found: not a readable PDF');
    this.decryptor = this.setUpEncryption();
    // Object streams are encrypted: a rebuilt xref learns their objects only now.
    this.encryptionKnown = true;
    this.addObjectStreamEntries(this.pendingObjectStreams);
    this.pages = this.findPages();
  }

  get pageCount(): number {
    return this.pages.length;
  }

  page(index: number): PdfPageInfo {
    const node = this.pages[index];
    if (!node) throw new RangeError(`no page ${index} (the file has ${this.pages.length})`);
    return pageInfo(this, node);
  }

  get(value: PdfValue | undefined): PdfValue | undefined {
    let v = value;
    for (let i = 0; v instanceof Ref; i++) {
      if (i >= MAX_REF_CHAIN) return undefined;
      v = this.resolve(v.num);
    }
    return v;
  }

  lookup(dict: Dict, key: string): PdfValue | undefined {
    return this.get(dict.raw(key));
  }

  streamData(stream: Stream): Uint8Array {
    const cached = this.decoded.get(stream);
    if (cached) return cached;
    const get = this.getValue;
    const steps = filterSteps(stream.dict, get);
    let raw = stream.raw;
    if (this.decryptor && stream.ref && this.encrypted(stream)) {
      const crypt = steps.find((s) => s.name === 'Crypt');
      const name = crypt ? get(crypt.params?.raw('Name')) : undefined;
      raw = this.decryptor.stream(raw, stream.ref.num, stream.ref.gen, crypt ? (isName(name) ? name.name : 'Identity') : undefined);
    }
    const out = plainBytes(decodeFilters(raw, steps, get, this.limits.maxStreamBytes));
    this.decodedBytes += out.byteLength;
    if (this.decodedBytes > this.limits.maxDecodedBytes) {
      throw new FileTooLargeError(`too large: its streams decode to more than ${megabytes(this.limits.maxDecodedBytes)} in all (limit)`);
    }
    this.decoded.set(stream, out);
    return out;
  }

  private encrypted(stream: Stream): boolean {
    const num = stream.ref!.num;
    if (this.xref.xrefStreams.has(num) || this.clearObjects.has(num)) return false;
    return this.decryptor!.encryptMetadata || !isName(this.get(stream.dict.raw('Type')), 'Metadata');
  }

  private resolve(num: number): PdfValue | undefined {
    const cached = this.objects.get(num);
    if (cached !== undefined || this.objects.has(num)) return cached;
    if (this.loading.has(num)) return undefined; // an object that needs itself (a /Length pointing at its own stream)
    this.loading.add(num);
    try {
      const value = this.load(num);
      this.objects.set(num, value);
      return value;
    } finally {
      this.loading.delete(num);
    }
  }

  /** Reads object `num` (null when missing or free, as viewers read dangling references). */
  private load(num: number): PdfValue {
    const entry = this.xref.entries.get(num);
    if (!entry) return null;
    const value = this.loadEntry(num, entry);
    if (value !== undefined) return value;
    if (this.rebuilt) return null;
    this.rebuild();
    const retry = this.xref.entries.get(num);
    return (retry && this.loadEntry(num, retry)) ?? null;
  }

  private loadEntry(num: number, entry: XrefEntry): PdfValue | undefined {
    if (entry.kind === 'free') return null;
    if (entry.kind === 'compressed') return this.objectStream(entry.stream)?.read(entry.index, num);
    const obj = this.readAt(num, entry.gen, entry.offset);
    if (!obj) return undefined;
    const decryptor = this.decryptor;
    if (!decryptor || this.clearObjects.has(num)) return obj.value;
    return decryptStrings(obj.value, (s) => decryptor.string(s, num, obj.gen), 0);
  }

  /** The object `num` at `offset`, or near it when the offset is a few bytes off. */
  private readAt(num: number, gen: number, offset: number): IndirectObject | undefined {
    const lengthOf = this.streamLengthOf;
    const obj = safeRead(this.data, offset, lengthOf);
    if (obj?.num === num) return obj;
    const buffer = Buffer.from(this.data.buffer, this.data.byteOffset, this.data.byteLength);
    const from = Math.max(0, offset - OFFSET_SLACK);
    const near = buffer.indexOf(`${num} ${gen} obj`, from, 'latin1');
    if (near < 0 || near > offset + OFFSET_SLACK) return undefined;
    const moved = safeRead(this.data, near, lengthOf);
    return moved?.num === num ? moved : undefined;
  }

  /** A stream's /Length for the parser (references followed); undefined when it is no number. */
  private streamLength(dict: Dict): number | undefined {
    const v = this.get(dict.raw('Length'));
    return typeof v === 'number' ? v : undefined;
  }

  private objectStream(num: number): ObjectStream | undefined {
    let os = this.objectStreams.get(num);
    if (os === undefined) {
      os = null;
      this.objectStreams.set(num, null); // guards against an object stream that holds itself
      const stream = this.get(new Ref(num, 0));
      if (isStream(stream)) {
        const n = this.get(stream.dict.raw('N'));
        const first = this.get(stream.dict.raw('First'));
        if (typeof n === 'number' && typeof first === 'number') os = new ObjectStream(this.streamData(stream), n, first);
      }
      this.objectStreams.set(num, os);
    }
    return os ?? undefined;
  }

  /** Replaces the xref with one from scanning the file; entries it lacks (objects in object streams) are kept. */
  private rebuild(): void {
    this.rebuilt = true;
    const fresh = rebuildXref(this.data);
    for (const [num, entry] of this.xref.entries) if (entry.kind === 'compressed' && !fresh.entries.has(num)) fresh.entries.set(num, entry);
    this.xref = fresh;
    this.objects.clear();
    this.objectStreams.clear();
    if (this.encryptionKnown) this.addObjectStreamEntries(fresh.objectStreams);
    else this.pendingObjectStreams = fresh.objectStreams;
  }

  /** Objects held in object streams, found by reading every /Type /ObjStm stream the scan found. */
  private addObjectStreamEntries(streams: readonly number[]): void {
    const entries = this.xref.entries;
    for (const num of streams) {
      const os = this.tryObjectStream(num);
      os?.objectNumbers.forEach((n, index) => {
        if (!entries.has(n)) entries.set(n, { kind: 'compressed', stream: num, index });
      });
    }
  }

  private tryObjectStream(num: number): ObjectStream | undefined {
    try {
      return this.objectStream(num);
    } catch (e) {
      if (e instanceof UnsupportedPdfError) return undefined; // a damaged object stream: its objects stay missing
      throw e;
    }
  }

  private setUpEncryption(): Decryptor | undefined {
    const raw = this.xref.trailer.raw('Encrypt');
    if (raw === undefined || raw === null) return undefined;
    if (raw instanceof Ref) this.clearObjects.add(raw.num);
    const encrypt = this.get(raw);
    if (!isDict(encrypt)) return undefined;
    const ids = this.get(this.xref.trailer.raw('ID'));
    const first = Array.isArray(ids) ? this.get(ids[0]) : undefined;
    return createDecryptor(encrypt, first instanceof Uint8Array ? first : new Uint8Array(0), (v) => this.get(v));
  }

  /** Pages from the tree; when the tree gives none, every /Type /Page object in file order. */
  private findPages(): PageNode[] {
    const catalog = this.get(this.xref.trailer.raw('Root'));
    const root = isDict(catalog) ? this.lookup(catalog, 'Pages') : undefined;
    const pages = isDict(root) ? collectPages(this, root) : [];
    if (pages.length > 0) return pages;
    if (!this.rebuilt) this.rebuild();
    const found: PageNode[] = [];
    for (const num of objectsInFileOrder(this.xref.entries)) {
      const v = this.get(new Ref(num, 0));
      if (isDict(v) && isName(this.get(v.raw('Type')), 'Page')) found.push(pageFromParents(this, v));
    }
    if (found.length === 0) throw new UnsupportedPdfError('no pages found');
    return found;
  }
}

const NO_XREF: Xref = Object.freeze({ entries: new Map(), trailer: new Dict(), xrefStreams: new Set<number>() });

/** The xref as the file states it, or undefined when it is damaged or names no catalog. */
function readXrefIfSound(data: Uint8Array): Xref | undefined {
  try {
    const xref = readXref(data);
    return hasRoot(xref.trailer) ? xref : undefined;
  } catch (e) {
    if (e instanceof UnsupportedPdfError) return undefined;
    throw e;
  }
}

/**
 * The same bytes as a plain Uint8Array (zlib and fs give Node Buffers, a worker's bytes are plain): the lexers
 * then always read one kind of array, so V8 need not re-optimize them when the other kind comes along.
 */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function safeRead(data: Uint8Array, offset: number, lengthOf: (dict: Dict) => number | undefined): IndirectObject | undefined {
  if (offset < 0 || offset >= data.length) return undefined;
  try {
    return readIndirectObject(data, offset, lengthOf);
  } catch (e) {
    if (e instanceof UnsupportedPdfError) return undefined;
    throw e;
  }
}

/** Object numbers ordered by where they are stored (compressed ones by their stream and index). */
function objectsInFileOrder(entries: Map<number, XrefEntry>): number[] {
  const keyed: Array<[number, number, number]> = [];
  for (const [num, e] of entries) {
    if (e.kind === 'offset') keyed.push([e.offset, 0, num]);
    else if (e.kind === 'compressed') {
      const host = entries.get(e.stream);
      keyed.push([host?.kind === 'offset' ? host.offset : Number.MAX_SAFE_INTEGER, e.index + 1, num]);
    }
  }
  return keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((k) => k[2]);
}

/** Decrypts every string inside an object in place (stream data is decrypted when read). */
function decryptStrings(value: PdfValue, decrypt: (s: Uint8Array) => Uint8Array, depth: number): PdfValue {
  if (value instanceof Uint8Array) return decrypt(value);
  if (depth > MAX_REF_CHAIN * 8) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decryptStrings(value[i]!, decrypt, depth + 1);
  } else if (value instanceof Dict) {
    for (const [k, v] of value.map) if (v instanceof Uint8Array || Array.isArray(v) || v instanceof Dict) value.map.set(k, decryptStrings(v, decrypt, depth + 1));
  } else if (value instanceof Stream) {
    decryptStrings(value.dict, decrypt, depth + 1);
  }
  return value;
}
