/**
 * The targets a bulk run must meet, as `npm run bench` reports them: each one beside the figure its run measured.
 * Kept apart from the measuring so that what counts as met is plain data and tested.
 */

export const TARGETS = Object.freeze({
  /** Peak RSS of the process divided by its workers (the main thread's share included), in MB. */
  rssPerWorkerMb: 300,
  /** Memory must stay flat from this many files… */
  flatFromFiles: 1000,
  /** …to this many. */
  flatToFiles: 10_000,
  /** N workers must get at least this share of N × one worker's throughput. */
  speedupShare: 0.8,
});

export type TargetFigures = {
  readonly workers: number;
  readonly files: number;
  readonly peakRssMb: number;
  /** Peak RSS of a batch of the first `baseFiles` files, when the batch is larger (else null). */
  readonly base: { readonly files: number; readonly peakRssMb: number } | null;
  /** N workers' throughput ÷ one worker's (one worker free to use every core). */
  readonly speedup: number;
  /** N workers' throughput ÷ one worker's kept on one core; null when it was not measured. */
  readonly speedupPerCore: number | null;
  /** Cores one worker kept busy on its own (V8's helper threads and libuv beside it). */
  readonly oneWorkerCores: number;
};

const count = (n: number): string => n.toLocaleString('en-US');
const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

/** `n` with its sign (a real minus), or no sign when it rounds to zero. */
export function signed(n: number, digits: number): string {
  const text = Math.abs(n).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${n > 0 ? '+' : '−'}${text}`;
}

function rssLine(f: TargetFigures): string {
  const perWorker = f.peakRssMb / f.workers;
  return (
    `  peak RSS ≤ ${TARGETS.rssPerWorkerMb} MB per worker: ${perWorker.toFixed(0)} MB per worker ` +
    `(${f.peakRssMb.toFixed(0)} MB for ${f.workers} workers and the main thread): ${verdict(perWorker <= TARGETS.rssPerWorkerMb)}`
  );
}

/** No verdict: "flat" has no number. The growth per extra file shows whether anything is kept per file. */
function flatLine(f: TargetFigures): string {
  const target = `  flat from ${count(TARGETS.flatFromFiles)} to ${count(TARGETS.flatToFiles)} files: `;
  if (f.base === null) return `${target}not measured (the batch has ${count(f.files)} files; --files ${TARGETS.flatToFiles})`;
  const growth = f.peakRssMb - f.base.peakRssMb;
  const perFile = (growth * 1024) / Math.max(1, f.files - f.base.files);
  const short = f.files < TARGETS.flatToFiles ? ` (only ${count(f.files)} files here; --files ${TARGETS.flatToFiles})` : '';
  return (
    `${target}peak RSS ${f.base.peakRssMb.toFixed(0)} MB after ${count(f.base.files)} files, ${f.peakRssMb.toFixed(0)} MB after ${count(f.files)}: ` +
    `${signed((100 * growth) / f.base.peakRssMb, 0)} %, ${signed(perFile, 1)} KB per extra file${short}`
  );
}

/**
 * Measured two ways; the target is judged per core (one worker on one core against N workers on N cores). One
 * worker left free to use every core keeps ~1.25 of them busy: V8 compiles and collects garbage on helper threads
 * and libuv writes the files, beside the worker. N workers on N cores pay that CPU out of their own cores, which
 * bounds them near 0.8 × N of such a worker before any cost of sharing (README, Performance).
 */
function speedupLines(f: TargetFigures): string[] {
  if (f.workers < 2) return [`  N workers ≥ ${TARGETS.speedupShare} × N × one worker's throughput: not measured (--workers 1)`];
  const target = `  ${f.workers} workers ≥ ${TARGETS.speedupShare} × ${f.workers} × one worker's throughput`;
  const share = (ratio: number): string => `${ratio.toFixed(2)}× = ${(ratio / f.workers).toFixed(2)} × ${f.workers}`;
  const perCore =
    f.speedupPerCore === null
      ? `${target}, per core: not measured (no taskset to keep one worker on one core)`
      : `${target}, per core: ${share(f.speedupPerCore)}: ${verdict(f.speedupPerCore / f.workers >= TARGETS.speedupShare)}`;
  return [perCore, `    against one worker free to use every core (it keeps ${f.oneWorkerCores.toFixed(2)} cores busy): ${share(f.speedup)}`];
}

export function targetLines(f: TargetFigures): string[] {
  return ['targets:', rssLine(f), flatLine(f), ...speedupLines(f)];
}
