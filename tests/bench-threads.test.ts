import { platform } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { watchThreads } from '../src/bench-threads.js';

/** A worker that keeps one core busy for `ms`, then says so and waits to be terminated. */
function spinningWorker(ms: number): { worker: Worker; done: Promise<unknown> } {
  const code = `const end = Date.now() + ${ms}; let x = 0; while (Date.now() < end) x += 1; require('node:worker_threads').parentPort.postMessage(x);`;
  const worker = new Worker(code, { eval: true });
  return { worker, done: new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject)) };
}

describe.runIf(platform() === 'linux')('watchThreads', () => {
  it('counts the CPU of a thread started during the watch as started, not as the main thread', async () => {
    const watch = watchThreads();
    const { worker, done } = spinningWorker(400);
    await done;
    const cpu = watch.stop();
    await worker.terminate();
    expect(cpu).not.toBeNull();
    expect(cpu!.startedMs).toBeGreaterThanOrEqual(300);
    expect(cpu!.mainMs).toBeLessThan(cpu!.startedMs);
  });
});
