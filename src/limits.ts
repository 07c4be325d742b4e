/**
 * What one file may cost a batch: its size on disk, its time in a worker and its worker's heap. A file over a
 * limit is stopped and reported as failed in plain words; the batch goes on with a fresh worker.
 */
import { availableParallelism } from 'node:os';

export type BatchLimits = {
  /** Largest file read, in bytes. Default 200 MiB: bigger files are scans or archives, and reading them would stall the batch. */
  readonly maxFileBytes: number;
  /**
   * Longest time one file may take in a worker, in milliseconds (0: no limit). Default 120 s: a 300-page PDF takes
   * about 10 s on one core, so only a file that hangs or loops comes near it.
   */
  readonly timeoutMs: number;
  /**
   * Heap ceiling of each worker (V8 old generation), in MB. Default 1536: pdf.js needs ~100 MB, a large real
   * report a few hundred more; a file that balloons past it is stopped instead of taking the machine down.
   */
  readonly workerHeapMb: number;
  /**
   * Files a worker reads before it is replaced by a fresh one. Default 5000: a safety net in case a library keeps
   * memory between documents (none was seen to: a worker's heap stays near 140 MB). A replacement is not cheap: the
   * fresh worker compiles its ~1,000 hot functions again, several seconds of CPU (`npm run bench` shows it).
   */
  readonly recycleAfterFiles: number;
};

export const DEFAULT_LIMITS: BatchLimits = Object.freeze({
  maxFileBytes: 200 * 1024 * 1024,
  timeoutMs: 120_000,
  workerHeapMb: 1536,
  recycleAfterFiles: 5000,
});

/** Workers used when the caller does not say: one per core the process may use. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}

/** The `error` of a file stopped by its time limit. */
export function timeoutText(limits: Pick<BatchLimits, 'timeoutMs'>): string {
  return `timed out after ${seconds(limits.timeoutMs)} s (the limit per file; --timeout raises it)`;
}

/** The `error` of a file whose worker ran out of heap. */
export function outOfMemoryText(limits: Pick<BatchLimits, 'workerHeapMb'>): string {
  return `ran out of memory (more than the ${limits.workerHeapMb} MB a worker may use; --max-memory raises it)`;
}

/** The `error` of a file whose worker stopped for another reason (a bug, or the runtime gave up). */
export function crashText(reason: string): string {
  return `the worker reading this file stopped unexpectedly: ${reason}`;
}

export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** The `error` of a file above the size limit. */
export function tooLargeText(bytes: number, limits: Pick<BatchLimits, 'maxFileBytes'>): string {
  return `too large: ${megabytes(bytes)} MB, the limit is ${megabytes(limits.maxFileBytes)} MB`;
}
