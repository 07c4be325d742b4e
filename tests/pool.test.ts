import { describe, expect, it } from 'vitest';
import { PoolStartError, WorkerPool, type JobOutcome, type PoolSettings } from '../src/pool.js';
import type { TestJob, TestResult } from './fixtures/pool/test-worker.js';

const ENTRY = new URL('./fixtures/pool/test-worker.ts', import.meta.url);
const SETTINGS: PoolSettings = { size: 2, timeoutMs: 0, heapMb: 256, recycleAfter: 0 };

async function withPool<T>(settings: Partial<PoolSettings>, use: (pool: WorkerPool<TestJob, TestResult>) => Promise<T>, workerData?: unknown): Promise<T> {
  const pool = new WorkerPool<TestJob, TestResult>(ENTRY, { ...SETTINGS, ...settings }, workerData);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

function valueOf(outcome: JobOutcome<TestResult>): number {
  if (outcome.kind !== 'done') throw new Error(`expected a result, got ${outcome.kind}`);
  return outcome.value.value;
}

describe('WorkerPool', () => {
  it('runs jobs on every worker at once and hands each result to its caller', async () => {
    await withPool({}, async (pool) => {
      const outcomes = await Promise.all([1, 2, 3, 4].map((value) => pool.run({ kind: 'echo', value, delayMs: 600 })));
      expect(outcomes.map(valueOf)).toEqual([1, 2, 3, 4]);
      const results = outcomes.map((o) => (o.kind === 'done' ? o.value : null)).filter((r) => r !== null);
      expect(new Set(results.map((r) => r.threadId)).size).toBe(2);
      // Some job on one worker ran while a job on the other did.
      const overlaps = results.some((a) => results.some((b) => a.threadId !== b.threadId && a.startedAt! < b.endedAt! && b.startedAt! < a.endedAt!));
      expect(overlaps).toBe(true);
      expect(pool.stats()).toMatchObject({ started: 2, timeouts: 0, crashes: 0 });
    });
  });

  it('grows by a worker that takes jobs at once and is kept', async () => {
    await withPool({ size: 1 }, async (pool) => {
      expect(pool.size).toBe(1);
      const first = await pool.run({ kind: 'echo', value: 1 });
      pool.grow();
      expect(pool.size).toBe(2);
      const outcomes = await Promise.all([2, 3, 4, 5].map((value) => pool.run({ kind: 'echo', value, delayMs: 400 })));
      expect([first, ...outcomes].map(valueOf)).toEqual([1, 2, 3, 4, 5]);
      const threads = new Set(outcomes.map((o) => (o.kind === 'done' ? o.value.threadId : null)));
      expect(threads.size).toBe(2);
      expect(pool.stats()).toMatchObject({ started: 2 });
    });
  });

  it('moves transferred bytes to the worker instead of copying them', async () => {
    await withPool({ size: 1 }, async (pool) => {
      const data = new Uint8Array(1 << 20);
      const outcome = await pool.run({ kind: 'bytes', data }, [data.buffer]);
      expect(valueOf(outcome)).toBe(1 << 20);
      expect(data.byteLength).toBe(0);
    });
  });

  it('stops a job that runs past the time limit, replaces its worker and goes on', async () => {
    await withPool({ size: 1, timeoutMs: 500 }, async (pool) => {
      const [spin, after] = await Promise.all([pool.run({ kind: 'spin' }), pool.run({ kind: 'echo', value: 7 })]);
      expect(spin).toEqual({ kind: 'timeout' });
      expect(valueOf(after)).toBe(7);
      expect(pool.stats()).toMatchObject({ started: 2, timeouts: 1 });
    });
  });

  it('reports a worker that runs out of heap and replaces it', async () => {
    await withPool({ size: 1, heapMb: 64 }, async (pool) => {
      expect(await pool.run({ kind: 'balloon' })).toEqual({ kind: 'out_of_memory' });
      expect(valueOf(await pool.run({ kind: 'echo', value: 8 }))).toBe(8);
      expect(pool.stats()).toMatchObject({ started: 2, outOfMemory: 1 });
    });
  });

  it('turns a failed job into a crash outcome and keeps the worker; a worker that exits is replaced', async () => {
    await withPool({ size: 1 }, async (pool) => {
      expect(await pool.run({ kind: 'reject' })).toEqual({ kind: 'crashed', reason: 'the handler failed' });
      expect(pool.stats().started).toBe(1);
      expect(await pool.run({ kind: 'exit' })).toEqual({ kind: 'crashed', reason: 'it exited with code 3' });
      expect(valueOf(await pool.run({ kind: 'echo', value: 9 }))).toBe(9);
      expect(pool.stats()).toMatchObject({ started: 2, crashes: 1 });
    });
  });

  it('replaces a worker after a number of jobs and records what each worker used', async () => {
    await withPool({ size: 1, recycleAfter: 2 }, async (pool) => {
      for (let value = 0; value < 5; value++) expect(valueOf(await pool.run({ kind: 'echo', value }))).toBe(value);
      const stats = pool.stats();
      expect(stats).toMatchObject({ started: 3, recycled: 2 });
      expect(stats.workers.map((w) => w.jobs)).toEqual([2, 2, 1]);
      for (const w of stats.workers) expect(w.peakHeapBytes).toBeGreaterThan(1 << 20);
    });
  });

  it('rejects every job when workers cannot start at all', async () => {
    await withPool(
      { size: 1, startAttempts: 2 },
      async (pool) => {
        await expect(pool.run({ kind: 'echo', value: 1 })).rejects.toBeInstanceOf(PoolStartError);
        await expect(pool.run({ kind: 'echo', value: 2 })).rejects.toThrow(/cannot start a worker: cannot load the extractor/);
        expect(pool.stats().started).toBe(2);
      },
      { failOnStart: true },
    );
  });

  it('gives up on workers that never finish loading', async () => {
    await withPool(
      { size: 1, startAttempts: 2, startTimeoutMs: 1500 },
      async (pool) => {
        await expect(pool.run({ kind: 'echo', value: 1 })).rejects.toThrow(/cannot start a worker: it did not start within 1.5 s/);
      },
      { hangOnStart: true },
    );
  });
});
