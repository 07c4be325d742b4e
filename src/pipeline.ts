/**
 * A batch: collect the input files, have a pool of workers turn each into a Report (one bad file never stops
 * the batch), then write every output. Workers render each Report as its parts of every output file; as each
 * file is done, its parts go into the resume cache in the output folder and its own files (generic tables, text)
 * into place. The main thread keeps only a small outcome per file, and at the end streams the parts back from
 * the cache into the batch-wide output files (in input order, so every run over the same files writes the same
 * bytes), adding the checks that compare reports with each other. A run that is killed leaves whole cache
 * entries, and the next run only processes what is missing.
 */
import { mkdir } from 'node:fs/promises';
import { yearOverYearBySha } from './batch-checks.js';
import { processFile, type FileContext, type FileOutcome } from './batch-file.js';
import { ResultCache, type EntryReader } from './cache.js';
import { errorText } from './extract-report.js';
import { collectInputs, type InputFile, type WalkProblem } from './inputs.js';
import { DEFAULT_LIMITS, defaultWorkerCount, type BatchLimits } from './limits.js';
import { BatchWriter, type WrittenOutputs } from './output/batch-writer.js';
import { INDICATOR_SET } from './output/indicator-set.js';
import { renderParts, reportFromParts, type PartsOptions, type ReportParts } from './output/report-parts.js';
import { writeWorkbook } from './output/xlsx.js';
import { WorkerPool, type PoolStats } from './pool.js';
import { Progress, SlowestFiles, summaryLines, type ProgressMode, type Slowest } from './progress.js';
import { failedReport, type Report, type Status } from './report/report.js';
import { writeReviewSite } from './review/site.js';
import { nianbaoVersion } from './version.js';
import { DEFAULT_GROWTH, shouldAddWorker, type GrowthView } from './worker-growth.js';
import type { WorkerJob, WorkerResult } from './worker.js';

export { readErrorText, type FileOutcome } from './batch-file.js';

export type BatchOptions = {
  /** Output folder. Default `output`. */
  readonly out?: string;
  /** Also write text/<report_id>.txt. */
  readonly text?: boolean;
  /** No progress and no summary (errors that stop the run are still logged). Same as `progress: 'none'`. */
  readonly quiet?: boolean;
  /** How progress is shown. Default 'lines' (one line per file through `log`). */
  readonly progress?: ProgressMode;
  /** Redo files already in the cache. */
  readonly force?: boolean;
  /**
   * Worker threads, all started at once. Default: up to the cores this process may use, starting with one and
   * adding more while the files left are worth another worker's start-up (`worker-growth.ts`).
   */
  readonly workers?: number;
  /** Where progress lines and the summary go. Default: standard error. */
  readonly log?: (line: string) => void;
  /** Where the progress bar is drawn (text as is, no newline added). Default: standard error. */
  readonly write?: (text: string) => void;
  /** Terminal width for the bar. */
  readonly columns?: number;
  /** The paths an input `-` stands for. */
  readonly listed?: readonly string[];
  readonly limits?: Partial<BatchLimits>;
  /** Also write nianbao.xlsx (holds every report in memory while it is written). */
  readonly xlsx?: boolean;
  /** Also write the review pages (holds every report in memory while they are written). */
  readonly review?: boolean;
  /** Return every report in `BatchResult.reports` (for library callers with batches that fit in memory). */
  readonly keepReports?: boolean;
};

export type BatchResult = {
  /** 0 when the batch finished and its outputs were written; 1 when they could not be written. */
  readonly exitCode: 0 | 1;
  readonly outDir: string;
  /** One per input file, in input order. */
  readonly files: readonly FileOutcome[];
  /**
   * Every report in input order, only when `keepReports` is set or `xlsx`/`review` needed them all; otherwise
   * empty, so that a batch of 10,000 files never holds 10,000 reports (they are in reports.jsonl).
   */
  readonly reports: readonly Report[];
  readonly counts: Readonly<Record<Status, number>>;
  /** Output files written, relative to outDir (per-report files are counted in `outputs`). */
  readonly written: readonly string[];
  readonly outputs: WrittenOutputs | null;
  readonly slowest: readonly Slowest[];
  readonly problems: readonly WalkProblem[];
  readonly pool: PoolStats | null;
  /** Time spent writing the outputs, in ms. */
  readonly writeMs: number;
};

export const DEFAULT_OUT_DIR = 'output';

/** The worker's entry beside this module: the built `.js`, or the `.ts` source under tsx and vitest. */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

const LOST_ENTRY = 'its result was removed from the cache folder during the run; run again to read it';

function stderrText(text: string): void {
  process.stderr.write(text);
}

export function countByStatus(files: readonly { status: Status }[]): Record<Status, number> {
  const counts: Record<Status, number> = { ok: 0, partial: 0, not_a_report: 0, failed: 0 };
  for (const f of files) counts[f.status] += 1;
  return counts;
}

/** Runs `handle` over the items with at most `concurrency` at a time; results keep the items' order. */
async function mapLimited<T, R>(items: readonly T[], concurrency: number, handle: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await handle(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  return results;
}

/** Cache entries read ahead of the writer, so it rarely waits on the disk. */
const READ_AHEAD = 4;

/** `read` of each item in order, with up to READ_AHEAD reads under way ahead of the consumer. */
async function* readAhead<T, R>(items: readonly T[], read: (item: T) => Promise<R>): AsyncGenerator<[T, R]> {
  const ahead: Promise<R>[] = [];
  for (let i = 0; i < items.length; i++) {
    while (ahead.length < READ_AHEAD && i + ahead.length < items.length) ahead.push(read(items[i + ahead.length]!));
    yield [items[i]!, await ahead.shift()!];
  }
}

function lostReport(f: FileOutcome): Report {
  return failedReport({ file: f.name, sha256: f.sha256, bytes: 0 }, LOST_ENTRY);
}

async function reportOf(f: FileOutcome, cache: ResultCache): Promise<Report> {
  const cached = f.report ?? (f.key === null ? null : await cache.readReport(f.key));
  return cached ?? lostReport(f);
}

/** The reports of the batch in input order: from the cache, or kept in memory; S1 checks added. */
async function* batchReports(files: readonly FileOutcome[], cache: ResultCache): AsyncGenerator<Report> {
  const s1 = yearOverYearBySha(files);
  for await (const [f, base] of readAhead(files, (f) => reportOf(f, cache))) {
    const extra = s1.get(f.sha256) ?? [];
    yield { ...base, source: { ...base.source, file: f.name }, checks: extra.length > 0 ? [...base.checks, ...extra] : base.checks };
  }
}

function renderedAs(report: Report, name: string, options: PartsOptions): ReportParts {
  return renderParts({ ...report, source: { ...report.source, file: name } }, options);
}

/**
 * A file's parts of the outputs: as its worker rendered them into the cache, or rendered here for a report kept
 * in memory, and for cached parts that do not fit (rendered under another name: the same file twice, or a file
 * renamed since; or without the text now asked for).
 */
async function partsOf(f: FileOutcome, reader: EntryReader, options: PartsOptions): Promise<ReportParts> {
  if (f.report !== null) return renderedAs(f.report, f.name, options);
  const parts = f.key === null ? null : await reader.readParts(f.key);
  if (parts === null) return renderedAs(lostReport(f), f.name, options);
  const textFits = !options.text || parts.text !== null || parts.status === 'failed';
  return parts.file === f.name && textFits ? parts : renderedAs(reportFromParts(parts), f.name, options);
}

async function writeBatch(outDir: string, files: readonly FileOutcome[], cache: ResultCache, text: boolean): Promise<WrittenOutputs> {
  const options: PartsOptions = { indicators: INDICATOR_SET, nianbaoVersion: nianbaoVersion(), text };
  const writer = await BatchWriter.open(outDir, options);
  const s1 = yearOverYearBySha(files);
  // The writer copies what it keeps of each file's parts before the next read-ahead can reuse that buffer.
  const reader = cache.entryReader(READ_AHEAD + 1);
  try {
    for await (const [f, parts] of readAhead(files, (f) => partsOf(f, reader, options))) {
      // Processed in this run: its own generic tables and text were written as it was done (unless a write failed).
      const inPlace = f.origin === 'processed' && f.report === null;
      await writer.addParts(parts, s1.get(f.sha256) ?? [], inPlace);
    }
    return await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

type Run = { files: FileOutcome[]; slowest: readonly Slowest[]; pool: PoolStats | null };

/**
 * Adds workers to a pool that started on one, while the batch is worth them (`shouldAddWorker`), up to `max`.
 * Returns the function that stops watching.
 */
function growWhileWorthIt(pool: WorkerPool<WorkerJob, WorkerResult>, max: number, view: () => Omit<GrowthView, 'workers'>): () => void {
  const timer = setInterval(() => {
    if (pool.size >= max) return clearInterval(timer);
    if (shouldAddWorker({ ...view(), workers: pool.size })) pool.grow();
  }, DEFAULT_GROWTH.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}

async function processAll(inputs: readonly InputFile[], outDir: string, options: BatchOptions, cache: ResultCache, progress: Progress): Promise<Run> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const workers = Math.min(options.workers ?? defaultWorkerCount(), inputs.length);
  // A worker count the caller gave is started at once; the default grows from one as the batch proves long enough.
  const adaptive = options.workers === undefined && workers > 1;
  const started: { pool: WorkerPool<WorkerJob, WorkerResult> | null; stopGrowing: () => void } = { pool: null, stopGrowing: () => undefined };
  const counts = { processed: 0, finished: 0 };
  const poolSettings = { size: adaptive ? 1 : workers, timeoutMs: limits.timeoutMs, heapMb: limits.workerHeapMb, recycleAfter: limits.recycleAfterFiles };
  const startPool = (): WorkerPool<WorkerJob, WorkerResult> => {
    const pool = new WorkerPool<WorkerJob, WorkerResult>(WORKER_ENTRY, poolSettings);
    const at = performance.now();
    const view = () => ({ elapsedMs: performance.now() - at, processed: counts.processed, left: inputs.length - counts.finished });
    if (adaptive) started.stopGrowing = growWhileWorthIt(pool, workers, view);
    return pool;
  };
  const ctx: FileContext = {
    cache,
    limits,
    force: options.force === true,
    outDir,
    text: options.text === true,
    byKey: new Map(),
    pool: () => (started.pool ??= startPool()),
  };
  const slowest = new SlowestFiles();
  try {
    // Two files per worker in flight: a worker never waits for a read, and only that many files sit in memory.
    const files = await mapLimited(inputs, workers * 2, async (file) => {
      const outcome = await processFile(file, ctx);
      counts.finished += 1;
      if (outcome.origin === 'processed') counts.processed += 1;
      if (outcome.ms !== null) slowest.add({ name: outcome.name, ms: outcome.ms });
      progress.file(outcome);
      return outcome;
    });
    return { files, slowest: slowest.get(), pool: started.pool?.stats() ?? null };
  } finally {
    started.stopGrowing();
    await started.pool?.close();
  }
}

function progressMode(options: BatchOptions): ProgressMode {
  if (options.quiet === true) return 'none';
  return options.progress ?? 'lines';
}

/** A promise's outcome as a value: the batch turns failures into exit code 1, not exceptions. */
async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

type Written = { readonly outputs: WrittenOutputs; readonly kept: Kept; readonly writeMs: number };

async function writeAll(outDir: string, files: readonly FileOutcome[], inputs: readonly InputFile[], cache: ResultCache, options: BatchOptions): Promise<Written> {
  const started = performance.now();
  const outputs = await writeBatch(outDir, files, cache, options.text === true);
  const kept = await writeOptionalOutputs(outDir, files, inputs, cache, options);
  return { outputs, kept, writeMs: performance.now() - started };
}

function summaryOf(run: Run, written: Written, problems: readonly WalkProblem[], outDir: string): string[] {
  const { files, slowest } = run;
  const folders = new Map([
    ['tables_generic', written.outputs.genericTables],
    ['text', written.outputs.texts],
  ]);
  return summaryLines({
    counts: countByStatus(files),
    total: files.length,
    processed: files.filter((f) => f.origin === 'processed' || f.origin === 'limit').length,
    workers: run.pool?.size ?? null,
    cached: files.filter((f) => f.origin === 'cached').length,
    slowest,
    problems,
    outDir,
    files: [...written.outputs.files, ...written.kept.written],
    folders,
  });
}

export async function runBatch(inputs: readonly string[], options: BatchOptions = {}): Promise<BatchResult> {
  const outDir = options.out ?? DEFAULT_OUT_DIR;
  const log = options.log ?? ((line: string) => stderrText(`${line}\n`));
  const mode = progressMode(options);
  const say = mode === 'none' ? () => undefined : log;
  const problems: WalkProblem[] = [];
  const inputFiles = await collectInputs(inputs, outDir, { listed: options.listed ?? [], onProblem: (p) => problems.push(p) });
  const failure = (what: string, error: unknown): BatchResult => {
    log(`nianbao: ${what}: ${errorText(error)}`);
    const empty = { files: [], reports: [], counts: countByStatus([]), written: [], outputs: null, slowest: [], pool: null, writeMs: 0 };
    return { exitCode: 1, outDir, problems, ...empty };
  };
  // Fail before the work, not after hours of it, when the output folder cannot be made.
  const ready = await settle(mkdir(outDir, { recursive: true }));
  if (!ready.ok) return failure(`cannot write to ${outDir}`, ready.error);
  const cache = new ResultCache(outDir, nianbaoVersion());
  const write = options.write ?? (options.log === undefined ? stderrText : (text: string) => log(text.replace(/\n$/, '')));
  const progress = new Progress({ mode, total: inputFiles.length, write, ...(options.columns === undefined ? {} : { columns: options.columns }) });
  const run = await settle(processAll(inputFiles, outDir, options, cache, progress));
  progress.end();
  if (!run.ok) return failure('cannot run the batch', run.error);
  // Rebuilding the outputs from the cache takes a few ms per file: say so, or a big batch looks stuck at 100 %.
  say(`writing the outputs of ${run.value.files.length} files…`);
  const written = await settle(writeAll(outDir, run.value.files, inputFiles, cache, options));
  if (!written.ok) return failure(`cannot write to ${outDir}`, written.error);
  for (const line of summaryOf(run.value, written.value, problems, outDir)) say(line);
  const { files, slowest, pool } = run.value;
  const { outputs, kept, writeMs } = written.value;
  const all = [...outputs.files, ...kept.written];
  return { exitCode: 0, outDir, files, reports: kept.reports, counts: countByStatus(files), written: all, outputs, slowest, problems, pool, writeMs };
}

type Kept = { readonly reports: readonly Report[]; readonly written: readonly string[] };

/** --xlsx and --review, from the same reports as the CSVs; the review pages render PDF pages from the inputs. */
async function writeOptionalOutputs(outDir: string, files: readonly FileOutcome[], inputs: readonly InputFile[], cache: ResultCache, options: BatchOptions): Promise<Kept> {
  if (options.xlsx !== true && options.review !== true && options.keepReports !== true) return { reports: [], written: [] };
  const reports: Report[] = [];
  for await (const report of batchReports(files, cache)) reports.push(report);
  const written: string[] = [];
  if (options.xlsx === true) written.push(await writeWorkbook(reports, outDir));
  if (options.review === true) {
    written.push(...(await writeReviewSite(reports, outDir, { sources: new Map(inputs.map((f) => [f.name, f.path])) })));
  }
  return { reports, written };
}
