/**
 * Stage timing without a clock in library code: a stage runs its step through a `StageTimer` that the caller
 * passes in. The default does nothing; a batch worker or the benchmark passes one that records durations.
 */
/** `render`: the report as text of every output file, done in the worker so the batch's end only concatenates. */
export const STAGES = ['extract', 'tables', 'recognize', 'assemble', 'render'] as const;
export type Stage = (typeof STAGES)[number];

/** Runs `step` as part of `stage` and returns what it returns (a promise stays a promise). */
export type StageTimer = <T>(stage: Stage, step: () => T) => T;

/** Durations in milliseconds, per stage (a stage that did not run is absent). */
export type StageDurations = Partial<Record<Stage, number>>;

export const untimed: StageTimer = (_stage, step) => step();

/** A timer that adds each step's wall time (for a promise: until it settles) to `durations`. */
export function recordingTimer(durations: StageDurations, now: () => number = () => performance.now()): StageTimer {
  const add = (stage: Stage, start: number): void => {
    durations[stage] = (durations[stage] ?? 0) + (now() - start);
  };
  return <T>(stage: Stage, step: () => T): T => {
    const start = now();
    const result = step();
    if (result instanceof Promise) return result.finally(() => add(stage, start)) as T;
    add(stage, start);
    return result;
  };
}
