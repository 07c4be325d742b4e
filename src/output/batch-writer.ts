/**
 * The streaming form of `writeOutputs`: reports are added one at a time and their rows appended to the output
 * files under temporary names, so a batch of 10,000 reports never holds more than one. `finish` renames every
 * file into place (each rename atomic) and writes datapackage.json last. Rows come from the same resource
 * builders as `writeOutputs`, so both write the same bytes for the same reports. A batch hands over reports
 * already rendered as parts by its workers (report-parts.ts), so this only concatenates text; parts read from the
 * cache carry their text as bytes, which are copied to the files as they are, never decoded.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { writeAll } from '../file-handle.js';
import { csvHeader, type CsvResource } from './csv.js';
import { DATAPACKAGE_PATH } from './datapackage.js';
import { datapackageChunks } from './datapackage-stream.js';
import { GENERIC_TABLES_DIR } from './generic-tables.js';
import { INDICATOR_SET } from './indicator-set.js';
import { csvResources, type WriteOptions } from './index.js';
import { csvPartLines, jsonlLine, renderParts, type ReportParts, type Text } from './report-parts.js';
import { REPORTS_JSONL_PATH } from './reports-jsonl.js';
import { TEXT_DIR } from './text.js';
import { writeAtomic, writeAtomicChunks } from './write-atomic.js';
import type { CheckResult, Report } from '../report/report.js';

/** What a batch wrote: the files (relative to the output folder) and how many per-report files. */
export type WrittenOutputs = {
  readonly files: readonly string[];
  readonly genericTables: number;
  readonly texts: number;
};

/**
 * One output file being appended to under a temporary name. Text is gathered in a buffer of the appender's own
 * and written when it is full: one write per row would make the batch wait on the disk thousands of times. The
 * bytes are copied in, so a caller may reuse what it handed over (the cache reader's buffers) once `append`
 * returns, and a batch of 10,000 reports allocates no new buffer per report.
 */
class Appender {
  private readonly buffer: Buffer;
  private used = 0;

  constructor(
    readonly path: string,
    readonly temp: string,
    private readonly handle: FileHandle,
    bufferSize: number,
  ) {
    this.buffer = Buffer.allocUnsafe(bufferSize);
  }

  async append(...chunks: readonly Text[]): Promise<void> {
    for (const chunk of chunks) {
      if (typeof chunk === 'string') await this.appendString(chunk);
      else await this.appendBytes(chunk);
    }
  }

  private async appendString(text: string): Promise<void> {
    if (text.length === 0) return;
    // Three bytes per UTF-16 unit at most: when that fits, no need to measure the string first.
    const room = this.buffer.byteLength - this.used;
    if (text.length * 3 <= room) {
      this.used += this.buffer.write(text, this.used, 'utf8');
      return;
    }
    const size = Buffer.byteLength(text, 'utf8');
    if (size > room) await this.flush();
    if (size <= this.buffer.byteLength) this.used += this.buffer.write(text, this.used, 'utf8');
    else await writeAll(this.handle, Buffer.from(text, 'utf8'));
  }

  private async appendBytes(bytes: Uint8Array): Promise<void> {
    if (bytes.byteLength === 0) return;
    if (bytes.byteLength > this.buffer.byteLength - this.used) await this.flush();
    if (bytes.byteLength > this.buffer.byteLength) return writeAll(this.handle, bytes);
    this.buffer.set(bytes, this.used);
    this.used += bytes.byteLength;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    await writeAll(this.handle, this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}

/** Bytes an appender gathers before writing them out: few writes, and a fixed 256 KiB for each output file. */
const APPENDER_BUFFER_BYTES = 1 << 18;
/** Generic tables and texts written at once: they are small, and writing them one by one would wait on each. */
const FILE_WRITES_IN_FLIGHT = 16;

/** Names nianbao itself gives generic tables and texts: only those are ever pruned. */
const GENERIC_NAME = /^([0-9a-f]{12})-(\d+)\.csv$/;
const TEXT_NAME = /^([0-9a-f]{12})\.txt$/;

/**
 * Writes a small file unless it holds these bytes already: a resumed batch finds the files of the reports it
 * takes from the cache in place, and reading one costs less than creating it again.
 */
async function writeUnlessSame(path: string, bytes: Buffer): Promise<void> {
  const existing = await readFile(path).catch(() => null);
  if (existing === null || !existing.equals(bytes)) await writeAtomic(path, bytes);
}

function tempOf(outDir: string, path: string): string {
  const target = join(outDir, path);
  return join(dirname(target), `.${basename(target)}.${process.pid}.batch.tmp`);
}

async function openAppender(outDir: string, path: string, head: string, bufferBytes: number): Promise<Appender> {
  const temp = tempOf(outDir, path);
  await mkdir(dirname(temp), { recursive: true });
  const appender = new Appender(path, temp, await open(temp, 'w'), bufferBytes);
  await appender.append(head);
  return appender;
}

async function* linesOf(path: string): AsyncGenerator<string> {
  yield* createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
}

export class BatchWriter {
  /** Generic tables written per report id (a report under two names writes them once). */
  private readonly genericById = new Map<string, number>();
  private readonly textIds = new Set<string>();
  private readonly writing = new Set<Promise<void>>();
  /** The first generic-table write that failed (they run in the background). */
  private failure: unknown = null;

  private constructor(
    private readonly outDir: string,
    private readonly options: WriteOptions,
    private readonly fixed: readonly CsvResource[],
    private readonly csvs: ReadonlyMap<string, Appender>,
    private readonly jsonl: Appender,
    private readonly resourceLines: Appender,
  ) {}

  /** `bufferBytes`: what each output file gathers before it is written (tests use a few bytes, to reach every edge). */
  static async open(outDir: string, options: WriteOptions, bufferBytes = APPENDER_BUFFER_BYTES): Promise<BatchWriter> {
    for (const dir of ['', 'tables', GENERIC_TABLES_DIR, TEXT_DIR]) await removeDeadTemps(join(outDir, dir));
    const fixed = csvResources([], options.indicators ?? INDICATOR_SET);
    const csvs = new Map<string, Appender>();
    const appender = (path: string, head: string): Promise<Appender> => openAppender(outDir, path, head, bufferBytes);
    for (const r of fixed) csvs.set(r.path, await appender(r.path, csvHeader(r.fields)));
    const jsonl = await appender(REPORTS_JSONL_PATH, '');
    const resourceLines = await appender('datapackage-resources.jsonl', '');
    return new BatchWriter(outDir, options, fixed, csvs, jsonl, resourceLines);
  }

  /** Appends one report's rows to every file, and writes its generic tables and text. */
  async add(report: Report): Promise<void> {
    const indicators = this.options.indicators ?? INDICATOR_SET;
    await this.addParts(renderParts(report, { indicators, nianbaoVersion: this.options.nianbaoVersion, text: this.options.text }), []);
  }

  /**
   * Appends one report rendered as parts, with the checks that compared it with other reports of the batch.
   * Text is written only when the parts carry it; the caller renders parts with text when asked for it.
   * `filesInPlace`: its generic tables and text are already written (as the batch finished that file), so only
   * their entries in datapackage.json remain to be made.
   */
  async addParts(parts: ReportParts, batchChecks: readonly CheckResult[], filesInPlace = false): Promise<void> {
    for (const [path, appender] of this.csvs) await appender.append(...csvPartLines(parts, path, batchChecks));
    await this.jsonl.append(...jsonlLine(parts, batchChecks));
    if (!this.genericById.has(parts.id)) {
      this.genericById.set(parts.id, parts.generic.length);
      for (const table of parts.generic) {
        if (!filesInPlace) await this.startWrite(table.path, table.csv);
        await this.resourceLines.append(`${table.resource}\n`);
      }
    }
    if (this.options.text && parts.text !== null && !this.textIds.has(parts.id)) {
      this.textIds.add(parts.id);
      if (!filesInPlace) await this.startWrite(parts.text.path, parts.text.content);
    }
  }

  /** Starts writing one small file (a generic table or a text); waits only when too many writes are under way. */
  private async startWrite(path: string, content: Text): Promise<void> {
    if (this.failure !== null) throw this.failure;
    // A copy of the bytes: the write outlives this call, and the caller may reuse its buffer.
    const own = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const writing: Promise<void> = writeUnlessSame(join(this.outDir, path), own)
      .catch((error: unknown) => void (this.failure ??= error))
      .finally(() => this.writing.delete(writing));
    this.writing.add(writing);
    if (this.writing.size >= FILE_WRITES_IN_FLIGHT) await Promise.race(this.writing);
  }

  /** Closes and renames every file, prunes files of earlier runs, and writes datapackage.json last. */
  async finish(): Promise<WrittenOutputs> {
    await Promise.all(this.writing);
    if (this.failure !== null) throw this.failure;
    const appenders = [...this.csvs.values(), this.jsonl];
    for (const a of [...appenders, this.resourceLines]) await a.close();
    for (const a of appenders) await rename(a.temp, join(this.outDir, a.path));
    await pruneStale(join(this.outDir, GENERIC_TABLES_DIR), GENERIC_NAME, (id, n) => n <= (this.genericById.get(id) ?? 0));
    if (this.options.text) await pruneStale(join(this.outDir, TEXT_DIR), TEXT_NAME, (id) => this.textIds.has(id));
    const info = { nianbaoVersion: this.options.nianbaoVersion };
    await writeAtomicChunks(join(this.outDir, DATAPACKAGE_PATH), datapackageChunks(this.fixed, linesOf(this.resourceLines.temp), info));
    await rm(this.resourceLines.temp, { force: true });
    const genericTables = [...this.genericById.values()].reduce((a, b) => a + b, 0);
    return { files: [...appenders.map((a) => a.path), DATAPACKAGE_PATH], genericTables, texts: this.textIds.size };
  }

  /** Removes the temporary files (after an error); the outputs of the previous run stay as they were. */
  async abort(): Promise<void> {
    await Promise.allSettled(this.writing);
    for (const a of [...this.csvs.values(), this.jsonl, this.resourceLines]) await a.discard();
  }
}

/** Temporary files of a writer (ours or write-atomic's): `.<name>.<pid>.<…>.tmp`. */
const TEMP_NAME = /^\..+\.(\d+)\.[^.]+\.tmp$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Removes temporary files left by runs that were killed (their process is gone); a running writer's stay. */
async function removeDeadTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(TEMP_NAME.exec(name)?.[1] ?? 0);
    if (pid > 0 && pid !== process.pid && !isRunning(pid)) await rm(join(dir, name), { force: true });
  }
}

/** Removes our own files that this run did not write, so the folder matches datapackage.json. */
async function pruneStale(dir: string, ours: RegExp, keep: (id: string, n: number) => boolean): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const match = ours.exec(name);
    if (match !== null && !keep(match[1] ?? '', Number(match[2] ?? 0))) await rm(join(dir, name), { force: true });
  }
}
