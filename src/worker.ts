/**
 * The batch worker's entry: imports the extract and analyze code once, then turns each file it is sent into a
 * Report, renders it as its parts of every output file, writes its generic tables (and text) into the output
 * folder and the parts into the resume cache itself (so the main thread never holds them, and only concatenates
 * them at the end) and replies with the entry's small header. Only when a write fails does the Report travel
 * back, and the main thread writes it all.
 */
import { join } from 'node:path';
import { yearInputOf } from './batch-checks.js';
import { headerOf, writeEntry, type CacheHeader, type EntryIdentity } from './cache.js';
import { extractReport } from './extract-report.js';
import { INDICATOR_SET } from './output/indicator-set.js';
import { perReportFiles, renderParts } from './output/report-parts.js';
import { writeAtomic } from './output/write-atomic.js';
import { serveJobs } from './pool.js';
import type { Report } from './report/report.js';
import { recordingTimer, type StageDurations } from './stage-timer.js';
import { nianbaoVersion } from './version.js';

export type WorkerJob = {
  /** `source_file` of the file. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly identity: EntryIdentity;
  /** Where the cache entry goes. */
  readonly cachePath: string;
  /** The batch's output folder: the worker writes the file's generic tables (and text) there itself. */
  readonly outDir: string;
  /** Render text/<id>.txt too (--text). */
  readonly text: boolean;
};

export type WorkerResult = {
  readonly header: CacheHeader;
  /** Set when the files or the cache entry could not be written: the main thread keeps the Report instead. */
  readonly report?: Report;
  readonly cacheError?: string;
};

async function processJob(job: WorkerJob): Promise<WorkerResult> {
  const stages: StageDurations = {};
  const start = performance.now();
  const timer = recordingTimer(stages);
  const report = await extractReport(job.bytes, { file: job.name, timer });
  const extracted = performance.now() - start;
  const measured = (stages.extract ?? 0) + (stages.tables ?? 0) + (stages.recognize ?? 0);
  if (stages.tables !== undefined) stages.assemble = Math.max(0, extracted - measured);
  const parts = timer('render', () => renderParts(report, { indicators: INDICATOR_SET, nianbaoVersion: nianbaoVersion(), text: job.text }));
  const header = headerOf(job.identity, report, { ms: performance.now() - start, stages }, yearInputOf(report));
  try {
    // Its own files first: an entry in the cache means they were written (the batch's end writes only the others).
    await Promise.all(perReportFiles(parts).map((f) => writeAtomic(join(job.outDir, f.path), f.content)));
    await writeEntry(job.cachePath, header, parts);
    return { header };
  } catch (error) {
    return { header, report, cacheError: error instanceof Error ? error.message : String(error) };
  }
}

serveJobs<WorkerJob, WorkerResult>(async (job) => ({ value: await processJob(job) }));
