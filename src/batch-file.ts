/**
 * One input file of a batch, from disk to an outcome: read it (within the size limit), hash it, take its result
 * from the cache or have a worker make it, and turn a file stopped by a limit into a failed report. Never throws
 * for a bad file; only a pool that cannot start at all rejects.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { YearInput } from './batch-checks.js';
import { cacheKeyOf, type CacheHeader, type ResultCache } from './cache.js';
import { readFully } from './file-handle.js';
import { FileTooLargeError, isNianbaoError } from './errors.js';
import type { Format } from './extract/document.js';
import { sniffFormat } from './extract/sniff.js';
import type { InputFile } from './inputs.js';
import { perReportFiles, reportFromParts, type ReportParts } from './output/report-parts.js';
import { writeAtomic } from './output/write-atomic.js';
import { crashText, outOfMemoryText, timeoutText, tooLargeText, type BatchLimits } from './limits.js';
import type { JobOutcome, WorkerPool } from './pool.js';
import type { Origin } from './progress.js';
import { failedReport, type Report, type SourceInfo, type Status } from './report/report.js';
import type { WorkerJob, WorkerResult } from './worker.js';

/** What the batch keeps of each file until the end: small, except `report` for results outside the cache. */
export type FileOutcome = {
  readonly name: string;
  readonly sha256: string;
  /** Cache key; null when the file could not be read. */
  readonly key: string | null;
  readonly status: Status;
  readonly error: string | null;
  readonly origin: Origin;
  /** Time a worker spent on it in this run, in ms (null when it came from the cache or was not read). */
  readonly ms: number | null;
  readonly pages: number | null;
  readonly year: YearInput | null;
  /** The whole (small) report of a file whose result is not in the cache: unreadable, stopped by a limit, or a cache write failed. */
  readonly report: Report | null;
  /** Stage durations of this run's processing (ms). */
  readonly stages: CacheHeader['stages'] | null;
};

export type FileContext = {
  readonly cache: ResultCache;
  readonly limits: BatchLimits;
  readonly force: boolean;
  /** The batch's output folder, where each file's generic tables and text are written as soon as it is done. */
  readonly outDir: string;
  /** Workers render text/<id>.txt too (--text). */
  readonly text: boolean;
  /** The worker pool, started on first use (a batch taken wholly from the cache starts none). */
  readonly pool: () => WorkerPool<WorkerJob, WorkerResult>;
  /** Results per cache key in this run, so a file present twice is read once. */
  readonly byKey: Map<string, Promise<KeyResult>>;
};

type KeyResult = Omit<FileOutcome, 'name'>;

/** Why a file could not be read from disk, in plain words (a NianbaoError says it itself). */
export function readErrorText(error: unknown): string {
  if (isNianbaoError(error)) return error.message;
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const reason = READ_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
  return `cannot read the file: ${reason}`;
}

const READ_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'not found (moved or deleted, or a broken link)',
  ELOOP: 'a loop of symbolic links',
  EISDIR: 'it is a folder',
  EIO: 'input/output error',
};

/** The source of a file that was not read: hashed as a stream when it can be opened at all, else no hash. */
async function unreadSource(file: InputFile): Promise<SourceInfo> {
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(file.path)) {
      const data = chunk as Buffer;
      hash.update(data);
      bytes += data.length;
    }
    return { file: file.name, sha256: hash.digest('hex'), bytes };
  } catch {
    return { file: file.name, sha256: '', bytes: 0 };
  }
}

async function readInput(file: InputFile, limits: BatchLimits): Promise<Uint8Array<ArrayBuffer>> {
  const handle = await open(file.path, 'r');
  try {
    const info = await handle.stat();
    if (info.size > limits.maxFileBytes) throw new FileTooLargeError(tooLargeText(info.size, limits));
    if (info.isFile()) {
      // Read straight into an array buffer of its own: it is moved, not copied, to the worker.
      const bytes = new Uint8Array(new ArrayBuffer(info.size));
      const filled = await readFully(handle, bytes, info.size);
      const more = await handle.read(new Uint8Array(1), 0, 1, filled);
      if (filled === info.size && more.bytesRead === 0) return bytes;
    }
  } finally {
    await handle.close();
  }
  return readWhole(file, limits);
}

/** A pipe (`<(…)`) or device has no size to read up to, and a file that changed while it was read is read again: in one go. */
async function readWhole(file: InputFile, limits: BatchLimits): Promise<Uint8Array<ArrayBuffer>> {
  const data = await readFile(file.path);
  if (data.length > limits.maxFileBytes) throw new FileTooLargeError(tooLargeText(data.length, limits));
  const bytes = new Uint8Array(new ArrayBuffer(data.length));
  bytes.set(data);
  return bytes;
}

function formatOrNull(bytes: Uint8Array, name: string): Format | null {
  try {
    return sniffFormat(bytes, name);
  } catch {
    return null;
  }
}

function fromReport(report: Report, key: string | null, origin: Origin): KeyResult {
  const { status, error, pages } = report;
  return { sha256: report.source.sha256, key, status, error, origin, ms: null, pages, year: null, report, stages: null };
}

function fromHeader(header: CacheHeader, origin: Origin, report: Report | null): KeyResult {
  const { sha256, key, status, error, pages, year } = header;
  const ms = origin === 'processed' ? header.ms : null;
  return { sha256, key, status, error, origin, ms, pages, year, report, stages: origin === 'processed' ? header.stages : null };
}

function limitText(outcome: Exclude<JobOutcome<WorkerResult>, { kind: 'done' }>, limits: BatchLimits): string {
  switch (outcome.kind) {
    case 'timeout':
      return timeoutText(limits);
    case 'out_of_memory':
      return outOfMemoryText(limits);
    case 'crashed':
      return crashText(outcome.reason);
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

async function resolveKey(file: InputFile, bytes: Uint8Array<ArrayBuffer>, source: SourceInfo, key: string, ctx: FileContext): Promise<KeyResult> {
  if (!ctx.force) {
    const header = await ctx.cache.readHeader(key);
    if (header !== null) return fromHeader(header, 'cached', null);
  }
  const format = formatOrNull(bytes, file.name);
  const job: WorkerJob = { name: file.name, bytes, identity: { version: ctx.cache.version, key, sha256: source.sha256 }, text: ctx.text };
  const outcome = await ctx.pool().run(job, [bytes.buffer]);
  if (outcome.kind !== 'done') return fromReport(failedReport(source, limitText(outcome, ctx.limits), format), key, 'limit');
  const { header, entry } = outcome.value;
  const parts = ctx.cache.partsOfEntry(key, entry);
  // Only a bug makes this happen; it fails the one file, not the batch.
  if (parts === null) return fromReport(failedReport(source, crashText('its result did not read back whole'), format), key, 'limit');
  return fromHeader(header, 'processed', await keepResult(key, entry, parts, ctx));
}

/**
 * Writes a worker's result: the file's own generic tables (and text) into the output folder, then its cache
 * entry, so an entry in the cache means those files were written. Returns null when all is written; when a write
 * fails, the Report itself, which the main thread then keeps and writes out at the end.
 */
async function keepResult(key: string, entry: Uint8Array, parts: ReportParts, ctx: FileContext): Promise<Report | null> {
  try {
    await Promise.all(perReportFiles(parts).map((f) => writeAtomic(join(ctx.outDir, f.path), f.content)));
    await ctx.cache.store(key, entry);
    return null;
  } catch {
    return reportFromParts(parts);
  }
}

/** The outcome of one file; a file whose bytes were seen before in this run shares that result. */
export async function processFile(file: InputFile, ctx: FileContext): Promise<FileOutcome> {
  const read = await readInput(file, ctx.limits).then(
    (bytes) => ({ bytes }),
    (error: unknown) => ({ error }),
  );
  if ('error' in read) {
    const report = failedReport(await unreadSource(file), readErrorText(read.error));
    return { name: file.name, ...fromReport(report, null, 'limit') };
  }
  const { bytes } = read;
  const source: SourceInfo = { file: file.name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  const key = cacheKeyOf(source.sha256, file.name);
  const known = ctx.byKey.get(key);
  if (known !== undefined) return { ...(await known), name: file.name, origin: 'duplicate', ms: null, stages: null };
  const result = resolveKey(file, bytes, source, key, ctx);
  ctx.byKey.set(key, result);
  return { ...(await result), name: file.name };
}
