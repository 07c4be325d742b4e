/**
 * The batch worker's entry: imports the extract and analyze code once, then turns each file it is sent into a
 * Report, renders it as its parts of every output file and replies with the resume-cache entry holding them, as
 * bytes moved (not copied) to the main thread. The worker does no I/O: while the main thread writes one file's
 * entry and generic tables, the worker is already reading the next file.
 */
import { yearInputOf } from './batch-checks.js';
import { entryBytes, headerOf, type CacheHeader, type EntryIdentity } from './cache.js';
import { extractReport } from './extract-report.js';
import { INDICATOR_SET } from './output/indicator-set.js';
import { renderParts } from './output/report-parts.js';
import { serveJobs } from './pool.js';
import { recordingTimer, type StageDurations } from './stage-timer.js';
import { nianbaoVersion } from './version.js';

export type WorkerJob = {
  /** `source_file` of the file. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly identity: EntryIdentity;
  /** Render text/<id>.txt too (--text). */
  readonly text: boolean;
};

export type WorkerResult = {
  readonly header: CacheHeader;
  /** The cache entry (`entryBytes`): header, index and the parts' pieces. */
  readonly entry: Uint8Array<ArrayBuffer>;
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
  return { header, entry: entryBytes(header, parts) };
}

serveJobs<WorkerJob, WorkerResult>(async (job) => {
  const value = await processJob(job);
  return { value, transfer: [value.entry.buffer] };
});
