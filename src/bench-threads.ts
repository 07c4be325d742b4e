/**
 * CPU time per thread of this process, from Linux's /proc/self/task (elsewhere: null). The benchmark uses it to
 * show where a batch's CPU goes besides the workers' own JavaScript: the main thread, and the helper threads that
 * were already running before the batch (V8's platform threads — concurrent TurboFan compiles and parallel GC for
 * every isolate, workers included — and libuv's pool).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU of one thread, in ms, keyed by thread id. */
type ThreadTimes = Map<string, number>;

export type ThreadCpu = {
  /** The main thread (its id is the process id). */
  readonly mainMs: number;
  /** Threads that were running before the batch started, other than the main thread. */
  readonly helperMs: number;
  /** Threads started during the batch: the worker threads (and their own small helpers). */
  readonly startedMs: number;
};

/** Clock ticks per second of /proc's utime and stime: 100 on every Linux that Node supports. */
const TICKS_PER_SECOND = 100;
/** How often threads are sampled: a worker that exits between samples loses at most this much of its CPU. */
const SAMPLE_MS = 100;

function threadTimes(): ThreadTimes | null {
  let ids: string[];
  try {
    ids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const times: ThreadTimes = new Map();
  for (const id of ids) {
    try {
      const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state is first, utime and stime are 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(id, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times;
}

/** Samples the threads until `stop` is called; `stop` returns the CPU per kind of thread since the start. */
export function watchThreads(): { stop: () => ThreadCpu | null } {
  const before = threadTimes();
  if (before === null) return { stop: () => null };
  const last: ThreadTimes = new Map(before);
  const sample = (): void => {
    for (const [id, ms] of threadTimes() ?? []) last.set(id, ms);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      const cpu = { mainMs: 0, helperMs: 0, startedMs: 0 };
      for (const [id, ms] of last) {
        const used = ms - (before.get(id) ?? 0);
        if (id === String(process.pid)) cpu.mainMs += used;
        else if (before.has(id)) cpu.helperMs += used;
        else cpu.startedMs += used;
      }
      return cpu;
    },
  };
}
