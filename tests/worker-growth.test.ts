import { describe, expect, it } from 'vitest';
import { DEFAULT_GROWTH, shouldAddWorker, type GrowthView } from '../src/worker-growth.js';

const after = (elapsedMs: number, processed: number, left: number, workers = 1): GrowthView => ({ elapsedMs, processed, left, workers });

describe('shouldAddWorker', () => {
  it('waits while the first files run cold', () => {
    expect(shouldAddWorker(after(DEFAULT_GROWTH.observeMs - 1, 0, 5000))).toBe(false);
    expect(shouldAddWorker(after(DEFAULT_GROWTH.observeMs, 0, 5000))).toBe(true);
  });

  it('adds a worker when the files left would keep the current ones busy longer than worthMs', () => {
    // 40 files in 1.5 s: 250 more take ~9 s (one worker does them sooner than two would warm up)…
    expect(shouldAddWorker(after(1500, 40, 250))).toBe(false);
    // …and 1,100 more take ~41 s.
    expect(shouldAddWorker(after(1500, 40, 1100))).toBe(true);
    // The same rule at the boundary: 10 files per second, 150 left = 15 s exactly, not more.
    expect(shouldAddWorker(after(2000, 20, 150))).toBe(false);
    expect(shouldAddWorker(after(2000, 20, 151))).toBe(true);
  });

  it('adds a worker for slow files (none done yet) only while some file has no worker', () => {
    expect(shouldAddWorker(after(5000, 0, 3, 2))).toBe(true);
    expect(shouldAddWorker(after(5000, 0, 2, 2))).toBe(false);
    expect(shouldAddWorker(after(60_000, 100, 1, 1))).toBe(false);
  });

  it('takes its thresholds from the settings', () => {
    const eager = { ...DEFAULT_GROWTH, observeMs: 0, worthMs: 0 };
    expect(shouldAddWorker(after(10, 5, 10), eager)).toBe(true);
  });
});
