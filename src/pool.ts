/**
 * A pool of worker threads, each running one job at a time. A job that runs past its time limit, or whose
 * worker runs out of heap or dies, comes back as an outcome (never an exception) and its worker is replaced,
 * so one hostile file never stops a batch. Workers are also replaced after a number of jobs, to keep memory flat.
 *
 * Worker side: the entry module calls `serveJobs(handler)`. An entry ending in `.ts` (tests and `tsx` runs
 * of the sources) is started through tsx's loader; the built `.js` entry starts as is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { parentPort, Worker, type Transferable } from 'node:worker_threads';

export type PoolSettings = {
  /** Worker threads to start with (`grow` adds more). */
  readonly size: number;
  /** Time limit per job in milliseconds, counted from when the worker starts it; 0 for none. */
  readonly timeoutMs: number;
  /** Heap ceiling of each worker (V8 old generation), in MB. */
  readonly heapMb: number;
  /** Jobs a worker runs before it is replaced; 0 for never. */
  readonly recycleAfter: number;
  /** Workers in a row that may die before they are ready before the pool gives up. Default 3. */
  readonly startAttempts?: number;
  /** Time a worker may take to load its code, in ms; past it, it counts as a failed start. Default 60 s (it takes ~1 s). */
  readonly startTimeoutMs?: number;
};

export type JobOutcome<R> =
  | { readonly kind: 'done'; readonly value: R }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'out_of_memory' }
  | { readonly kind: 'crashed'; readonly reason: string };

/** What each worker used at most, sampled after each of its jobs (bytes). */
export type WorkerUsage = { readonly jobs: number; readonly peakHeapBytes: number; readonly peakExternalBytes: number };

export type PoolStats = {
  /** Workers the pool kept at the end (`size`, plus those `grow` added). */
  readonly size: number;
  /** Workers started, replacements included. */
  readonly started: number;
  readonly timeouts: number;
  readonly outOfMemory: number;
  readonly crashes: number;
  readonly recycled: number;
  /** One entry per worker that ran at least one job, in the order they finished. */
  readonly workers: readonly WorkerUsage[];
};

/** Workers could not be started at all (a missing entry file, a broken install): the batch cannot run. */
export class PoolStartError extends Error {
  override readonly name = 'PoolStartError';
}

type HeapSample = { readonly heapBytes: number; readonly externalBytes: number };
type ToWorker<J> = { readonly id: number; readonly job: J };
type FromWorker<R> =
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly id: number; readonly result: R; readonly heap: HeapSample }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

type Pending<J, R> = {
  readonly id: number;
  readonly job: J;
  readonly transfer: readonly Transferable[];
  readonly resolve: (outcome: JobOutcome<R>) => void;
  readonly reject: (error: Error) => void;
};

type Slot<J, R> = {
  readonly worker: Worker;
  ready: boolean;
  busy: Pending<J, R> | null;
  timer: NodeJS.Timeout | null;
  jobs: number;
  peakHeapBytes: number;
  peakExternalBytes: number;
};

const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';
const DEFAULT_START_ATTEMPTS = 3;
const DEFAULT_START_TIMEOUT_MS = 60_000;
/** How long a recycled worker's successor waits for it to exit: a healthy idle worker exits in milliseconds. */
const RECYCLE_EXIT_WAIT_MS = 2_000;

/** tsx's ESM API module, found through its package.json (works from the sources and from vitest). */
function tsxApiUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const api = pkg.exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(join(dirname(manifest), api)).href;
}

/** Starts one worker; a `.ts` entry goes through tsx (Node 20 ignores `--import` loaders for a worker's entry). */
export function startWorker(entry: URL, options: ConstructorParameters<typeof Worker>[1] = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const code = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}

export class WorkerPool<J, R> {
  private readonly queue: Pending<J, R>[] = [];
  private readonly slots = new Set<Slot<J, R>>();
  private readonly usage: WorkerUsage[] = [];
  private readonly counts = { started: 0, timeouts: 0, outOfMemory: 0, crashes: 0, recycled: 0 };
  private nextId = 1;
  /** Workers the pool keeps: `size`, plus one per `grow`. A worker replaced or recycled keeps its place. */
  private wanted: number;
  private failedStarts = 0;
  private failure: PoolStartError | null = null;
  private closed = false;

  constructor(
    private readonly entry: URL,
    private readonly settings: PoolSettings,
    private readonly workerData: unknown = undefined,
  ) {
    this.wanted = Math.max(1, settings.size);
    for (let i = 0; i < this.wanted; i++) this.spawn();
  }

  /** Workers the pool keeps (a replacement that is starting counts). */
  get size(): number {
    return this.wanted;
  }

  /** Starts one more worker and keeps it. */
  grow(): void {
    if (this.closed || this.failure !== null) return;
    this.wanted += 1;
    this.spawn();
  }

  /** Runs one job on the next free worker. Rejects only when the pool cannot start workers at all. */
  run(job: J, transfer: readonly Transferable[] = []): Promise<JobOutcome<R>> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, transfer, resolve, reject });
      this.dispatch();
    });
  }

  stats(): PoolStats {
    const live = [...this.slots].filter((s) => s.jobs > 0).map(usageOf);
    return { size: this.wanted, ...this.counts, workers: [...this.usage, ...live] };
  }

  /** Stops every worker; jobs still queued are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the worker pool was closed'));
    const slots = [...this.slots];
    for (const slot of slots) this.retire(slot);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): void {
    if (this.closed || this.failure !== null) return;
    const worker = startWorker(this.entry, {
      workerData: this.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.settings.heapMb },
      stdout: false,
      stderr: false,
    });
    const slot: Slot<J, R> = { worker, ready: false, busy: null, timer: null, jobs: 0, peakHeapBytes: 0, peakExternalBytes: 0 };
    this.slots.add(slot);
    this.counts.started += 1;
    const startTimeout = this.settings.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    slot.timer = setTimeout(() => this.onDeath(slot, `it did not start within ${startTimeout / 1000} s`), startTimeout);
    worker.on('message', (message: FromWorker<R>) => this.onMessage(slot, message));
    worker.on('error', (error: Error & { code?: string }) => this.onDeath(slot, error.code === OUT_OF_MEMORY ? 'oom' : error.message));
    worker.on('exit', (code) => this.onDeath(slot, `it exited with code ${code}`));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.busy !== null) continue;
      const pending = this.queue.shift()!;
      slot.busy = pending;
      if (this.settings.timeoutMs > 0) slot.timer = setTimeout(() => this.onTimeout(slot), this.settings.timeoutMs);
      const message: ToWorker<J> = { id: pending.id, job: pending.job };
      slot.worker.postMessage(message, [...pending.transfer]);
    }
  }

  private onMessage(slot: Slot<J, R>, message: FromWorker<R>): void {
    if (message.kind === 'ready') {
      if (slot.timer !== null) clearTimeout(slot.timer);
      slot.timer = null;
      slot.ready = true;
      this.failedStarts = 0;
      this.dispatch();
      return;
    }
    const pending = slot.busy;
    if (pending === null || pending.id !== message.id) return;
    if (message.kind === 'done') {
      slot.peakHeapBytes = Math.max(slot.peakHeapBytes, message.heap.heapBytes);
      slot.peakExternalBytes = Math.max(slot.peakExternalBytes, message.heap.externalBytes);
    }
    this.finish(slot, message.kind === 'done' ? { kind: 'done', value: message.result } : { kind: 'crashed', reason: message.message });
    slot.jobs += 1;
    if (this.settings.recycleAfter > 0 && slot.jobs >= this.settings.recycleAfter) {
      this.counts.recycled += 1;
      this.recycle(slot);
    }
    this.dispatch();
  }

  private onTimeout(slot: Slot<J, R>): void {
    this.counts.timeouts += 1;
    this.finish(slot, { kind: 'timeout' });
    this.replace(slot);
    this.dispatch();
  }

  /** The worker died (error or exit): its job, if any, ends with the reason; a replacement starts. */
  private onDeath(slot: Slot<J, R>, reason: string): void {
    if (!this.slots.has(slot)) return;
    if (!slot.ready) return this.onFailedStart(slot, reason);
    if (slot.busy !== null) {
      if (reason === 'oom') this.counts.outOfMemory += 1;
      else this.counts.crashes += 1;
      this.finish(slot, reason === 'oom' ? { kind: 'out_of_memory' } : { kind: 'crashed', reason });
    }
    this.replace(slot);
    this.dispatch();
  }

  private onFailedStart(slot: Slot<J, R>, reason: string): void {
    this.retire(slot);
    void slot.worker.terminate();
    this.failedStarts += 1;
    if (this.failedStarts < (this.settings.startAttempts ?? DEFAULT_START_ATTEMPTS)) {
      this.spawn();
      return;
    }
    this.failure = new PoolStartError(`cannot start a worker: ${reason === 'oom' ? 'out of memory' : reason}`);
    for (const pending of this.queue.splice(0)) pending.reject(this.failure);
  }

  private finish(slot: Slot<J, R>, outcome: JobOutcome<R>): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    const pending = slot.busy;
    slot.busy = null;
    pending?.resolve(outcome);
  }

  private replace(slot: Slot<J, R>): void {
    this.retire(slot);
    void slot.worker.terminate();
    this.spawn();
  }

  /**
   * Replaces a healthy worker that has done its share of jobs. Its successor starts once it has exited, so the
   * two heaps are never both held (a peak of memory at every recycle); a worker that is slow to exit is not waited for.
   */
  private recycle(slot: Slot<J, R>): void {
    this.retire(slot);
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<void>((resolve) => (timer = setTimeout(resolve, RECYCLE_EXIT_WAIT_MS)));
    void Promise.race([slot.worker.terminate(), slow]).finally(() => {
      clearTimeout(timer);
      this.spawn();
    });
  }

  private retire(slot: Slot<J, R>): void {
    if (!this.slots.delete(slot)) return;
    if (slot.timer !== null) clearTimeout(slot.timer);
    if (slot.jobs > 0) this.usage.push(usageOf(slot));
  }
}

function usageOf(slot: Pick<Slot<unknown, unknown>, 'jobs' | 'peakHeapBytes' | 'peakExternalBytes'>): WorkerUsage {
  return { jobs: slot.jobs, peakHeapBytes: slot.peakHeapBytes, peakExternalBytes: slot.peakExternalBytes };
}

function heapSample(): HeapSample {
  const heap = getHeapStatistics();
  return { heapBytes: heap.total_heap_size, externalBytes: heap.external_memory };
}

/** What a job handler returns: the result, and buffers to move (not copy) back to the main thread. */
export type JobReply<R> = { readonly value: R; readonly transfer?: readonly Transferable[] };

/** Worker side: announces readiness, then runs each job it is sent and replies. Call once from the entry module. */
export function serveJobs<J, R>(handler: (job: J) => Promise<JobReply<R>>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveJobs must run in a worker thread');
  port.on('message', (message: ToWorker<J>) => {
    handler(message.job).then(
      (reply) => port.postMessage({ kind: 'done', id: message.id, result: reply.value, heap: heapSample() } satisfies FromWorker<R>, [...(reply.transfer ?? [])]),
      (error: unknown) => port.postMessage({ kind: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) } satisfies FromWorker<R>),
    );
  });
  port.postMessage({ kind: 'ready' } satisfies FromWorker<R>);
}
