/**
 * The batch worker's entry: imports the extract and analyze code once, then turns each file it is sent into a
 * Report, writes the Report into the resume cache itself (so the main thread never holds it) and replies with
 * the entry's small header. Only when the cache cannot be written does the Report travel back.
 */
import { yearInputOf } from './batch-checks.js';
import { headerOf, writeEntry, type CacheHeader, type EntryIdentity } from './cache.js';
import { extractReport } from './extract-report.js';
import { serveJobs } from './pool.js';
import type { Report } from './report/report.js';
import { recordingTimer, type StageDurations } from './stage-timer.js';

export type WorkerJob = {
  /** `source_file` of the file. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly identity: EntryIdentity;
  /** Where the cache entry goes. */
  readonly cachePath: string;
};

export type WorkerResult = {
  readonly header: CacheHeader;
  /** Set when the cache entry could not be written: the main thread keeps the Report instead. */
  readonly report?: Report;
  readonly cacheError?: string;
};

async function processJob(job: WorkerJob): Promise<WorkerResult> {
  const stages: StageDurations = {};
  const start = performance.now();
  const report = await extractReport(job.bytes, { file: job.name, timer: recordingTimer(stages) });
  const ms = performance.now() - start;
  const measured = (stages.extract ?? 0) + (stages.tables ?? 0) + (stages.recognize ?? 0);
  if (stages.tables !== undefined) stages.assemble = Math.max(0, ms - measured);
  const header = headerOf(job.identity, report, { ms, stages }, yearInputOf(report));
  try {
    await writeEntry(job.cachePath, header, report);
    return { header };
  } catch (error) {
    return { header, report, cacheError: error instanceof Error ? error.message : String(error) };
  }
}

serveJobs<WorkerJob, WorkerResult>(async (job) => ({ value: await processJob(job) }));
