import { platform } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { watchThreads } from '../src/bench-threads.js';

/**
 * A worker that spins until the process has used `ms` more CPU (measured as CPU, not wall time: on a loaded
 * machine a wall-clock spin gets less CPU), then says so and waits to be terminated. The main thread only
 * waits meanwhile, so nearly all of that CPU is the worker's.
 */
function spinningWorker(ms: number): { worker: Worker; done: Promise<unknown> } {
  const code = `const start = process.cpuUsage(); const used = () => { const u = process.cpuUsage(start); return (u.user + u.system) / 1000; };
    let x = 0; while (used() < ${ms}) for (let i = 0; i < 100000; i++) x += i; require('node:worker_threads').parentPort.postMessage(x);`;
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
