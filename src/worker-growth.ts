/**
 * How many workers a batch is worth. Each worker compiles its own hot code: its first hundred files take about
 * 2.5 times as long as later ones, and the compiling takes CPU from the other workers. On a batch of a few
 * hundred files a second worker costs more than it brings (300 files: 0.91× the speed of one worker, with 40 %
 * more CPU; 1,200 files: 1.15×). So a batch whose worker count is not given starts on one worker and adds
 * another, up to the cores, while the files left would keep the ones it has busy for long enough.
 */

export type GrowthSettings = {
  /** The first files run cold, so their rate says little: wait this long (ms) after the pool starts. */
  readonly observeMs: number;
  /** Add a worker when the files left would take the current workers longer than this (ms) at their rate so far. */
  readonly worthMs: number;
  /** How often the batch asks (ms). */
  readonly checkEveryMs: number;
};

export const DEFAULT_GROWTH: GrowthSettings = Object.freeze({ observeMs: 1500, worthMs: 15_000, checkEveryMs: 500 });

export type GrowthView = {
  /** Since the pool started, in ms. */
  readonly elapsedMs: number;
  /** Files the workers have finished. */
  readonly processed: number;
  /** Files of the batch not finished yet, in workers or waiting. */
  readonly left: number;
  /** Workers the pool has now. */
  readonly workers: number;
};

export function shouldAddWorker(view: GrowthView, settings: GrowthSettings = DEFAULT_GROWTH): boolean {
  // Every file already has a worker.
  if (view.left <= view.workers) return false;
  if (view.elapsedMs < settings.observeMs) return false;
  // Not one file done yet: the files are slow, and each is worth a worker of its own.
  if (view.processed === 0) return true;
  const leftMs = (view.left * view.elapsedMs) / view.processed;
  return leftMs > settings.worthMs;
}
