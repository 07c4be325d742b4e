import { describe, expect, it } from 'vitest';
import { signed, targetLines, TARGETS, type TargetFigures } from '../src/bench-targets.js';

const FIGURES: TargetFigures = {
  workers: 2,
  files: 10_000,
  peakRssMb: 478,
  base: { files: 1000, peakRssMb: 441 },
  speedup: 1.4,
  speedupPerCore: 1.72,
  oneWorkerCores: 1.23,
};

const lineOf = (lines: readonly string[], start: string): string => lines.find((l) => l.trimStart().startsWith(start)) ?? '';

describe('targetLines', () => {
  it('gives each target its figure from the run', () => {
    const lines = targetLines(FIGURES);
    expect(lines[0]).toBe('targets:');
    expect(lineOf(lines, 'peak RSS')).toBe('  peak RSS ≤ 300 MB per worker: 239 MB per worker (478 MB for 2 workers and the main thread): met');
    expect(lineOf(lines, 'flat')).toBe('  flat from 1,000 to 10,000 files: peak RSS 441 MB after 1,000 files, 478 MB after 10,000: +8 %, +4.2 KB per extra file');
    expect(lineOf(lines, '2 workers')).toBe("  2 workers ≥ 0.8 × 2 × one worker's throughput, per core: 1.72× = 0.86 × 2: met");
    expect(lineOf(lines, 'against')).toBe('    against one worker free to use every core (it keeps 1.23 cores busy): 1.40× = 0.70 × 2');
  });

  it('says NOT met on the other side of each threshold', () => {
    const perWorker = TARGETS.rssPerWorkerMb + 1;
    const lines = targetLines({ ...FIGURES, peakRssMb: 2 * perWorker, speedupPerCore: 2 * TARGETS.speedupShare - 0.02 });
    expect(lineOf(lines, 'peak RSS')).toMatch(/301 MB per worker .*: NOT met$/);
    expect(lineOf(lines, '2 workers')).toMatch(/0\.79 × 2: NOT met$/);
    // Exactly at the thresholds is met.
    const atLine = targetLines({ ...FIGURES, peakRssMb: 2 * TARGETS.rssPerWorkerMb, speedupPerCore: 2 * TARGETS.speedupShare });
    expect(lineOf(atLine, 'peak RSS')).toMatch(/: met$/);
    expect(lineOf(atLine, '2 workers')).toMatch(/: met$/);
  });

  it('says what was not measured instead of giving a verdict', () => {
    const small = targetLines({ ...FIGURES, files: 2000, peakRssMb: 451, base: { files: 1000, peakRssMb: 429 }, speedupPerCore: null });
    expect(lineOf(small, 'flat')).toMatch(/\+5 %, \+22\.5 KB per extra file \(only 2,000 files here; --files 10000\)$/);
    expect(lineOf(small, '2 workers')).toBe("  2 workers ≥ 0.8 × 2 × one worker's throughput, per core: not measured (no taskset to keep one worker on one core)");
    const tiny = targetLines({ ...FIGURES, files: 400, base: null });
    expect(lineOf(tiny, 'flat')).toBe('  flat from 1,000 to 10,000 files: not measured (the batch has 400 files; --files 10000)');
    const one = targetLines({ ...FIGURES, workers: 1 });
    expect(one.at(-1)).toBe("  N workers ≥ 0.8 × N × one worker's throughput: not measured (--workers 1)");
  });

  it('shows a shrinking peak as a minus', () => {
    const lines = targetLines({ ...FIGURES, peakRssMb: 430 });
    expect(lineOf(lines, 'flat')).toMatch(/: −2 %, −1\.3 KB per extra file$/);
  });
});

describe('signed', () => {
  it('puts a plus or a real minus before a figure, and no sign on one that rounds to zero', () => {
    expect(signed(8.4, 0)).toBe('+8');
    expect(signed(-2.5, 1)).toBe('−2.5');
    expect(signed(-0.4, 0)).toBe('0');
    expect(signed(0.04, 1)).toBe('0.0');
  });
});
