/**
 * The resume cache, which is also the batch's journal: one file per processed input under
 * `<out>/.nianbao-cache/<version>/`, named by the file's SHA-256 and extension (the extension can decide
 * between HTML and text). Each entry is written atomically, so a run killed at any moment leaves whole
 * entries only; the next run skips them and the outputs are rebuilt from the entries at the end of every run.
 *
 * An entry holds the report rendered as its parts of every output file (output/report-parts.ts), which the end
 * of the batch only copies into the output files. It is laid out so that copying needs no decoding:
 * - line 1: a small header (status, error, S1 input…) that a resumed run reads cheaply;
 * - line 2: the index, the parts' small fields and the byte length of every big piece (`EntryIndex`);
 * - the big pieces (CSV lines, the reports.jsonl line, generic tables, text) as raw UTF-8, back to back.
 * The parts hold the report's reports.jsonl line, which reads back into the whole Report when one is needed
 * (a file renamed since, --xlsx, --review).
 */
import { open } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { YearInput } from './batch-checks.js';
import { readFully } from './file-handle.js';
import { reportFromParts, type GenericPart, type ReportParts, type Text } from './output/report-parts.js';
import { writeAtomic } from './output/write-atomic.js';
import type { Report, Status } from './report/report.js';
import type { StageDurations } from './stage-timer.js';

export const CACHE_DIR = '.nianbao-cache';
const ENTRY_FORMAT = 'nianbao-cache-3';
/** A header is a few hundred bytes: a first read of this much almost always holds it. */
const HEADER_FIRST_READ = 4 * 1024;
/** No header is longer; a line without its end within this many bytes is not one. */
const HEADER_MAX_BYTES = 64 * 1024;
const STATUSES: readonly Status[] = ['ok', 'partial', 'not_a_report', 'failed'];

export type CacheHeader = {
  readonly format: typeof ENTRY_FORMAT;
  readonly version: string;
  readonly key: string;
  readonly sha256: string;
  readonly status: Status;
  readonly error: string | null;
  readonly pages: number | null;
  /** Time the file took when it was processed, in milliseconds. */
  readonly ms: number;
  readonly stages: StageDurations;
  readonly year: YearInput | null;
};

/** What a worker knows before it writes the header. */
export type EntryIdentity = Pick<CacheHeader, 'version' | 'key' | 'sha256'>;

/** The cache key of a file: its SHA-256 and its lowercased extension (up to 10 letters or digits). */
export function cacheKeyOf(sha256: string, fileName: string): string {
  const ext = extname(fileName).slice(1).toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(ext) ? `${sha256}.${ext}` : sha256;
}

export function headerOf(identity: EntryIdentity, report: Report, timing: { ms: number; stages: StageDurations }, year: YearInput | null): CacheHeader {
  return {
    format: ENTRY_FORMAT,
    ...identity,
    status: report.status,
    error: report.error,
    pages: report.pages,
    ms: Math.round(timing.ms),
    stages: timing.stages,
    year,
  };
}

/** The parts' small fields, and where their big pieces lie after it. */
type EntryIndex = {
  readonly id: string;
  readonly file: string;
  readonly status: Status;
  readonly reportsRow: ReportParts['reportsRow'];
  /** The paths of `lines`, in the order of their pieces. */
  readonly lines: readonly string[];
  readonly generic: readonly { readonly path: string; readonly resource: string }[];
  /** The text file's path, when the parts hold one. */
  readonly text: string | null;
  /** Byte length of every piece, in the order `piecesOf` lists them. */
  readonly lengths: readonly number[];
};

/** The big pieces of the parts, in their order in the entry: lines, the jsonl line's three, generic tables, text. */
function piecesOf(parts: ReportParts): Text[] {
  const { head, checks, tail } = parts.jsonl;
  const text = parts.text === null ? [] : [parts.text.content];
  return [...Object.values(parts.lines), head, checks, tail, ...parts.generic.map((g) => g.csv), ...text];
}

function bytesOf(text: Text): Uint8Array {
  return typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
}

/** The entry's bytes: header line, index line, raw pieces. */
export function entryBytes(header: CacheHeader, parts: ReportParts): Uint8Array<ArrayBuffer> {
  const pieces = piecesOf(parts).map(bytesOf);
  const index: EntryIndex = {
    id: parts.id,
    file: parts.file,
    status: parts.status,
    reportsRow: parts.reportsRow,
    lines: Object.keys(parts.lines),
    generic: parts.generic.map((g) => ({ path: g.path, resource: g.resource })),
    text: parts.text?.path ?? null,
    lengths: pieces.map((p) => p.byteLength),
  };
  const all = [Buffer.from(`${JSON.stringify(header)}\n${JSON.stringify(index)}\n`, 'utf8'), ...pieces];
  // An array buffer of its own (never a slice of Node's shared pool), so a worker can move it to the main thread.
  const bytes = new Uint8Array(all.reduce((sum, p) => sum + p.byteLength, 0));
  let at = 0;
  for (const piece of all) {
    bytes.set(piece, at);
    at += piece.byteLength;
  }
  return bytes;
}


function isHeader(value: unknown, version: string, key: string): value is CacheHeader {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Partial<Record<keyof CacheHeader, unknown>>;
  return h.format === ENTRY_FORMAT && h.version === version && h.key === key && STATUSES.includes(h.status as Status);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isLength = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isGenericEntry(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const g = value as Partial<Record<string, unknown>>;
  return isString(g.path) && isString(g.resource);
}

function isIndex(value: unknown): value is EntryIndex {
  if (typeof value !== 'object' || value === null) return false;
  const x = value as Partial<Record<keyof EntryIndex, unknown>>;
  const { lines, generic, lengths } = x;
  if (!Array.isArray(lines) || !Array.isArray(generic) || !Array.isArray(lengths)) return false;
  const pieces = lines.length + 3 + generic.length + (x.text === null ? 0 : 1);
  return (
    isString(x.id) && isString(x.file) && STATUSES.includes(x.status as Status) && Array.isArray(x.reportsRow) && (x.text === null || isString(x.text)) &&
    lines.every(isString) && generic.every(isGenericEntry) && lengths.length === pieces && lengths.every(isLength)
  );
}

/** The parts from an entry's index and its pieces (views into the entry's bytes, not copies). */
function partsFrom(index: EntryIndex, pieces: readonly Uint8Array[]): ReportParts {
  let next = 0;
  const take = (): Uint8Array => pieces[next++] ?? new Uint8Array(0);
  const lines = Object.fromEntries(index.lines.map((path) => [path, take()]));
  const jsonl = { head: take(), checks: take(), tail: take() };
  const generic: GenericPart[] = index.generic.map((g) => ({ path: g.path, csv: take(), resource: g.resource }));
  const text = index.text === null ? null : { path: index.text, content: take() };
  return { id: index.id, file: index.file, status: index.status, reportsRow: index.reportsRow, lines, jsonl, generic, text };
}

/** The pieces after the index, or null when their lengths do not add up to the entry's size (damaged, cut). */
function piecesAt(bytes: Uint8Array, start: number, lengths: readonly number[]): Uint8Array[] | null {
  if (start + lengths.reduce((a, b) => a + b, 0) !== bytes.byteLength) return null;
  let at = start;
  return lengths.map((length) => bytes.subarray(at, (at += length)));
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The cache of one output folder and one nianbao version. */
export class ResultCache {
  readonly dir: string;

  constructor(
    outDir: string,
    readonly version: string,
  ) {
    this.dir = join(outDir, CACHE_DIR, version.replace(/[^0-9A-Za-z.-]/g, '_'));
  }

  /** Where an entry lives: spread over 256 folders so none holds 10,000 files. */
  pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The entry's header, or null when there is none or it is not a whole entry of this version. */
  async readHeader(key: string): Promise<CacheHeader | null> {
    const handle = await open(this.pathOf(key), 'r').catch(() => null);
    if (handle === null) return null;
    try {
      let line: Buffer | null = null;
      // A small read first: a resumed batch reads thousands of headers, and large buffers for each add up.
      for (const size of [HEADER_FIRST_READ, HEADER_MAX_BYTES]) {
        const buffer = Buffer.allocUnsafe(size);
        const { bytesRead } = await handle.read(buffer, 0, size, 0);
        const end = buffer.subarray(0, bytesRead).indexOf(0x0a);
        if (end >= 0) line = buffer.subarray(0, end);
        if (end >= 0 || bytesRead < size) break;
      }
      const header = line === null ? null : parseOrNull(line.toString('utf8'));
      return isHeader(header, this.version, key) ? header : null;
    } finally {
      await handle.close();
    }
  }

  /** The cached parts, or null when the entry is missing or damaged. Their big pieces are bytes of the entry. */
  async readParts(key: string): Promise<ReportParts | null> {
    return this.entryReader(1).readParts(key);
  }

  /** The parts held by an entry's bytes, or null when they are not a whole entry of this version and key. */
  partsOfEntry(key: string, entry: Uint8Array): ReportParts | null {
    const bytes = Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
    const newline = bytes.indexOf(0x0a);
    const end = bytes.indexOf(0x0a, newline + 1);
    if (newline < 0 || end < 0 || !isHeader(parseOrNull(bytes.toString('utf8', 0, newline)), this.version, key)) return null;
    const index = parseOrNull(bytes.toString('utf8', newline + 1, end));
    if (!isIndex(index)) return null;
    const pieces = piecesAt(bytes, end + 1, index.lengths);
    return pieces === null ? null : partsFrom(index, pieces);
  }

  /**
   * A reader of parts for a long run of entries, such as the end of a batch: it reads them into `slots` buffers
   * used in turn instead of a new buffer each, which would pile up as garbage faster than it is collected.
   */
  entryReader(slots: number): EntryReader {
    return new EntryReader(this, slots);
  }

  /** Writes an entry made by `entryBytes` (atomically). */
  async store(key: string, entry: Uint8Array): Promise<void> {
    await writeAtomic(this.pathOf(key), entry);
  }

  /** The cached Report (read back from its reports.jsonl line), or null when the entry is missing or damaged. */
  async readReport(key: string): Promise<Report | null> {
    const parts = await this.readParts(key);
    if (parts === null) return null;
    try {
      return reportFromParts(parts);
    } catch {
      return null;
    }
  }
}

/**
 * Reads entries into a few reused buffers. The big pieces of the parts it returns are views into one of them,
 * valid until `slots` more entries have been read: a caller keeps them no longer, or copies them.
 */
export class EntryReader {
  private readonly buffers: Uint8Array<ArrayBuffer>[];
  private next = 0;

  constructor(
    private readonly cache: ResultCache,
    slots: number,
  ) {
    this.buffers = Array.from({ length: Math.max(1, slots) }, () => new Uint8Array(0));
  }

  /** The cached parts, or null when the entry is missing or damaged. */
  async readParts(key: string): Promise<ReportParts | null> {
    const slot = this.next;
    this.next = (this.next + 1) % this.buffers.length;
    const handle = await open(this.cache.pathOf(key), 'r').catch(() => null);
    if (handle === null) return null;
    try {
      const { size } = await handle.stat();
      // Grown to the largest entry so far, with room to spare, so that few entries need a new buffer.
      if (this.buffers[slot]!.byteLength < size) this.buffers[slot] = new Uint8Array(Math.max(size, 2 * this.buffers[slot]!.byteLength));
      const buffer = this.buffers[slot]!;
      const filled = await readFully(handle, buffer, size);
      return this.cache.partsOfEntry(key, buffer.subarray(0, filled));
    } catch {
      return null;
    } finally {
      await handle.close();
    }
  }
}
