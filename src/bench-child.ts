/**
 * One measured batch, run in a process of its own (`bench.js --child INPUT OUT WORKERS`) so that its peak RSS
 * and CPU time are its own. Prints one JSON object (`ChildMeasure`) on standard output.
 */
import { watchThreads, type ThreadCpu } from './bench-threads.js';
import { runBatch } from './pipeline.js';
import type { WorkerUsage } from './pool.js';
import type { Status } from './report/report.js';
import { STAGES, type StageDurations } from './stage-timer.js';

export type ChildMeasure = {
  readonly files: number;
  readonly counts: Readonly<Record<Status, number>>;
  /** Pages of the PDFs that were read. */
  readonly pages: number;
  readonly wallMs: number;
  /** User + system CPU of the whole process (main thread and workers) during the batch. */
  readonly cpuMs: number;
  /** The same CPU per kind of thread (Linux only, else null). */
  readonly threads: ThreadCpu | null;
  readonly maxRssBytes: number;
  readonly mainPeakHeapBytes: number;
  /** Worker time per stage, summed over the files. */
  readonly stages: Required<StageDurations>;
  readonly writeMs: number;
  readonly workers: readonly WorkerUsage[];
};

/** How often the main thread's heap is sampled, in ms. */
const HEAP_SAMPLE_MS = 200;

function cpuMs(usage: NodeJS.ResourceUsage): number {
  return (usage.userCPUTime + usage.systemCPUTime) / 1000;
}

export async function measureBatch(input: string, out: string, workers: number): Promise<ChildMeasure> {
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), HEAP_SAMPLE_MS);
  const cpuBefore = cpuMs(process.resourceUsage());
  const threads = watchThreads();
  const started = performance.now();
  const result = await runBatch([input], { out, quiet: true, workers, force: true });
  const wallMs = performance.now() - started;
  const threadCpu = threads.stop();
  clearInterval(timer);
  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Required<StageDurations>;
  for (const f of result.files) for (const s of STAGES) stages[s] += f.stages?.[s] ?? 0;
  return {
    files: result.files.length,
    counts: result.counts,
    pages: result.files.reduce((sum, f) => sum + (f.pages ?? 0), 0),
    wallMs,
    cpuMs: cpuMs(process.resourceUsage()) - cpuBefore,
    threads: threadCpu,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    mainPeakHeapBytes: Math.max(peak, process.memoryUsage().heapUsed),
    stages,
    writeMs: result.writeMs,
    workers: result.pool?.workers ?? [],
  };
}
