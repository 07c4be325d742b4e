#!/usr/bin/env node
/**
 * `npm run bench`: builds a batch of real files in a temporary folder and measures nianbao on it — reports/s,
 * pages/s, peak memory (and how it compares with the first 1,000 files'), worker time per stage, the speed-up
 * from 1 to N workers — and, when poppler's
 * `pdftotext` is installed, the CPU time of `pdftotext -layout` on the same PDFs in the same run. Each batch runs
 * in a child process of its own. Figures vary with the machine and its load: compare the ratios of one run.
 *
 * Ends with the targets of a bulk run (`bench-targets.ts`), each beside the figure measured.
 *
 * Options: --files N (default 10000, the batch size the targets are stated for; --files 2000 is a quicker look),
 * --speedup-files N (default: the whole batch; each worker compiles its hot code
 * once, seconds of CPU, so a short batch understates what more workers gain), --workers N (default: cores),
 * --repeat N (default 1: the speed-up runs N times, in turn, and the medians are given; other jobs on the
 * machine move single runs a lot),
 * --corpus DIR (default tests/fixtures/shared/corpus, the copy of ../shared/corpus), --keep (keep the temporary folder).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { benchSources, writeBenchBatch, type BenchSource } from './bench-inputs.js';
import { measureBatch, type ChildMeasure } from './bench-child.js';
import type { ThreadCpu } from './bench-threads.js';
import { signed, targetLines, TARGETS, type TargetFigures } from './bench-targets.js';
import { STAGES } from './stage-timer.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
/**
 * Files in the default batch: the size the memory target is stated up to, and one where each worker's JIT warm-up
 * (~2.5 s of a core over its first few hundred files) weighs little on the speed-up.
 */
const DEFAULT_FILES = TARGETS.flatToFiles;
/** The smaller batch whose peak memory the whole batch's is compared with: memory must not grow with the batch. */
const MEMORY_BASE_FILES = TARGETS.flatFromFiles;

type BenchOptions = { files: number; speedupFiles: number; workers: number; repeat: number; corpus: string; keep: boolean };

function options(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { files: { type: 'string' }, 'speedup-files': { type: 'string' }, workers: { type: 'string' }, repeat: { type: 'string' }, corpus: { type: 'string' }, keep: { type: 'boolean' } },
  });
  const count = (text: string | undefined, fallback: number): number => (text === undefined ? fallback : Math.max(1, Number.parseInt(text, 10) || fallback));
  return {
    files: count(values.files, DEFAULT_FILES),
    speedupFiles: Math.min(count(values['speedup-files'], Number.MAX_SAFE_INTEGER), count(values.files, DEFAULT_FILES)),
    workers: count(values.workers, availableParallelism()),
    repeat: count(values.repeat, 1),
    corpus: values.corpus ?? join(REPO, 'tests', 'fixtures', 'shared', 'corpus'),
    keep: values.keep === true,
  };
}

/**
 * Runs one batch in a child process (this script with --child) and returns its measure. `oneCore`: the child
 * may use only the first core (Linux `taskset`), so that V8's helper threads share the worker's core.
 */
async function child(input: string, out: string, workers: number, oneCore = false): Promise<ChildMeasure> {
  const script = fileURLToPath(import.meta.url);
  const node = [process.execPath, ...process.execArgv, script, '--child', input, out, String(workers)];
  const [command = '', ...args] = oneCore ? ['taskset', '-c', '0', ...node] : node;
  const { stdout } = await run(command, args, { maxBuffer: 16 * MB });
  return JSON.parse(stdout) as ChildMeasure;
}

async function hasTaskset(): Promise<boolean> {
  return run('taskset', ['-c', '0', 'true']).then(
    () => true,
    () => false,
  );
}

/** CPU seconds of `pdftotext -layout` over the files (children's user + system time as bash's `times` reports it), or null without pdftotext. */
async function pdftotextCpu(files: readonly string[]): Promise<{ cpuMs: number; wallMs: number } | null> {
  const installed = await run('pdftotext', ['-v']).then(
    () => true,
    () => false,
  );
  if (!installed) return null;
  const script = 'for f in "$@"; do pdftotext -layout "$f" /dev/null 2>/dev/null; done; times';
  const started = performance.now();
  const { stdout } = await run('bash', ['-c', script, 'bench', ...files]);
  const wallMs = performance.now() - started;
  const children = stdout.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { cpuMs: seconds.reduce((a, b) => a + b, 0) * 1000, wallMs };
}

/** Iterations of the calibration loop: about a second of one core. */
const SPIN_ITERATIONS = 300_000_000;

/** Wall time of `threads` worker threads each running the same fixed loop at once. */
async function spin(threads: number): Promise<number> {
  const code = `let x = 0; for (let i = 0; i < ${SPIN_ITERATIONS}; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);`;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(code, { eval: true });
      await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
      await worker.terminate();
    }),
  );
  return performance.now() - started;
}

/** How much faster N busy threads get through N units of work than one thread: the most any batch can gain here. */
async function machineCapacity(threads: number): Promise<number> {
  const one = await spin(1);
  return (threads * one) / (await spin(threads));
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const perSecond = (count: number, ms: number): string => fmt((count * 1000) / ms);

function kindCounts(sources: readonly BenchSource[], files: number): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < files; i++) {
    const kind = sources[i % sources.length]!.kind;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}

function batchLines(m: ChildMeasure, workers: number): string[] {
  const work = STAGES.reduce((sum, s) => sum + m.stages[s], 0);
  const shares = STAGES.map((s) => `${s} ${fmt((100 * m.stages[s]) / Math.max(1, work), 0)} %`).join(', ');
  const heaps = m.workers.map((w) => `${fmt(w.peakHeapBytes / MB, 0)}`).join(', ');
  return [
    `  ${workers} workers: ${perSecond(m.files, m.wallMs)} reports/s, ${perSecond(m.pages, m.wallMs)} PDF pages/s (wall ${fmt(m.wallMs / 1000)} s, CPU ${fmt(m.cpuMs / 1000)} s)`,
    `  statuses: ${Object.entries(m.counts).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `  memory: process peak RSS ${fmt(m.maxRssBytes / MB, 0)} MB (main thread and workers); main thread peak heap ${fmt(m.mainPeakHeapBytes / MB, 0)} MB; worker peak V8 heap ${heaps} MB`,
    `  worker time per stage: ${shares} (of ${fmt(work / 1000)} s); writing the outputs (main thread): ${fmt(m.writeMs / 1000)} s = ${fmt(m.writeMs / m.files, 1)} ms per file`,
  ];
}

const rss = (m: ChildMeasure): number => m.maxRssBytes / MB;

/** Peak RSS of the first MEMORY_BASE_FILES files against the whole batch's, in all and per worker. */
function memoryLine(base: ChildMeasure, whole: ChildMeasure, workers: number): string {
  const change = (100 * (rss(whole) - rss(base))) / rss(base);
  const perWorker = (m: ChildMeasure): string => fmt(rss(m) / workers, 0);
  return (
    `memory from ${base.files} to ${whole.files} files (${workers} workers): peak RSS ${fmt(rss(base), 0)} → ${fmt(rss(whole), 0)} MB ` +
    `(${signed(change, 0)} %); per worker, main thread included: ${perWorker(base)} → ${perWorker(whole)} MB`
  );
}

/** Where the CPU went: V8's helper threads compile (TurboFan) and collect garbage for the workers, beside them. */
function threadLine(t: ThreadCpu): string {
  return `CPU ${fmt(t.startedMs / 1000)} s in worker threads, ${fmt(t.helperMs / 1000)} s in V8/libuv helper threads, ${fmt(t.mainMs / 1000)} s on the main thread`;
}

async function copyInto(dir: string, files: readonly string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of files) await copyFile(f, join(dir, basename(f)));
}

/** nianbao and `pdftotext -layout` on the same folder of PDFs: CPU per page and their ratio. */
async function comparePdf(label: string, dir: string, out: string, workers: number): Promise<void> {
  const pdf = await child(dir, out, workers);
  const files = (await readdir(dir)).map((f) => join(dir, f));
  const poppler = await pdftotextCpu(files);
  const perPage = (ms: number): string => `${fmt(ms / Math.max(1, pdf.pages), 1)} ms/page`;
  const busy = `${fmt(pdf.cpuMs / pdf.wallMs, 2)} cores busy`;
  console.log(`PDFs, ${label}: ${pdf.files} files, ${pdf.pages} pages; nianbao (${workers} workers): CPU ${fmt(pdf.cpuMs / 1000)} s (${perPage(pdf.cpuMs)}), wall ${fmt(pdf.wallMs / 1000)} s, ${busy}`);
  if (poppler === null) console.log('  pdftotext is not installed: no comparison (apt-get install poppler-utils)');
  else {
    const ratio = pdf.cpuMs / Math.max(1, poppler.cpuMs);
    console.log(`  pdftotext -layout, same files: CPU ${fmt(poppler.cpuMs / 1000, 2)} s (${perPage(poppler.cpuMs)}), wall ${fmt(poppler.wallMs / 1000)} s; nianbao / pdftotext CPU: ${fmt(ratio)}×`);
  }
}

type Round = { readonly one: ChildMeasure; readonly many: ChildMeasure; readonly pinned: ChildMeasure | null };

/** What the speed-up runs give the targets: medians over the rounds. */
type Speedup = Pick<TargetFigures, 'speedup' | 'speedupPerCore' | 'oneWorkerCores'>;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One worker, N workers and (with taskset) one worker on one core, on the same files; `many` reuses a run already made. */
async function speedupRound(subset: string, work: string, workers: number, many: ChildMeasure | null, oneCore: boolean): Promise<Round> {
  const one = await child(subset, join(work, 'out-1'), 1);
  return {
    one,
    many: many ?? (await child(subset, join(work, 'out-n'), workers)),
    pinned: oneCore ? await child(subset, join(work, 'out-pinned'), 1, true) : null,
  };
}

/**
 * The speed-up from 1 to N workers, and per core (one worker kept on one core: on all cores it also runs V8's
 * compiler and collector on the idle ones). With --repeat, the runs take turns and the medians are printed.
 */
async function speedup(subset: string, work: string, opts: BenchOptions, measured: ChildMeasure | null): Promise<Speedup> {
  const oneCore = await hasTaskset();
  const rounds: Round[] = [];
  for (let r = 0; r < opts.repeat; r++) rounds.push(await speedupRound(subset, work, opts.workers, r === 0 ? measured : null, oneCore));
  const rate = (m: ChildMeasure): number => (m.files * 1000) / m.wallMs;
  const busy = (m: ChildMeasure): string => `${fmt(m.cpuMs / m.wallMs, 2)} cores busy`;
  if (rounds.length > 1) {
    rounds.forEach(({ one, many, pinned }, i) => {
      const core = pinned === null ? '' : `, 1 worker on 1 core ${fmt(rate(pinned))}`;
      console.log(`  round ${i + 1}: 1 worker ${fmt(rate(one))}, ${opts.workers} workers ${fmt(rate(many))}${core} reports/s`);
    });
  }
  const first = rounds[0]!;
  const files = first.one.files;
  const med = (pick: (r: Round) => number): number => median(rounds.map(pick));
  const label = rounds.length > 1 ? `medians of ${rounds.length} rounds` : 'one round';
  const [one, many] = [med((r) => rate(r.one)), med((r) => rate(r.many))];
  const ratio = med((r) => rate(r.many) / rate(r.one));
  const oneWorkerCores = med((r) => r.one.cpuMs / r.one.wallMs);
  console.log(`speed-up on the first ${files} files (${label}): 1 worker ${fmt(one)} reports/s (${busy(first.one)}), ${opts.workers} workers ${fmt(many)} reports/s (${busy(first.many)}): ${fmt(ratio, 2)}×`);
  for (const [name, m] of [['1 worker', first.one], [`${opts.workers} workers`, first.many]] as const) {
    if (m.threads !== null) console.log(`  ${name}: ${threadLine(m.threads)}`);
  }
  console.log(`  for reference, ${opts.workers} threads of a pure CPU loop run ${fmt(await machineCapacity(opts.workers), 2)}× faster than 1 on this machine`);
  if (!oneCore) {
    console.log('speed-up per core: not measured (no taskset to keep a run on one core)');
    return { speedup: ratio, speedupPerCore: null, oneWorkerCores };
  }
  const perCore = med((r) => rate(r.many) / rate(r.pinned!));
  console.log(
    `speed-up per core: 1 worker on 1 core ${fmt(med((r) => rate(r.pinned!)))} reports/s, ${opts.workers} workers on ${availableParallelism()} cores ${fmt(many)} reports/s: ${fmt(perCore, 2)}× = ${fmt(perCore / opts.workers, 2)} × ${opts.workers}`,
  );
  return { speedup: ratio, speedupPerCore: perCore, oneWorkerCores };
}

async function bench(opts: BenchOptions): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'nianbao-bench-'));
  try {
    const sources = await benchSources(REPO, opts.corpus);
    const batch = await writeBenchBatch(join(work, 'batch'), sources, opts.files);
    const whole = opts.speedupFiles >= opts.files;
    const subset = whole ? join(work, 'batch') : join(work, 'subset');
    if (!whole) await copyInto(subset, batch.slice(0, opts.speedupFiles));
    const pdfs = [...new Set(sources.filter((s) => s.kind === 'pdf').map((s) => s.path))];
    await copyInto(join(work, 'pdf'), pdfs);
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    console.log(`nianbao bench, ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${availableParallelism()} cores, ${fmt(totalmem() / 1024 ** 3, 0)} GB, Node ${process.version}`);
    // Other processes share the cores: the load shows how far the wall times can be trusted.
    console.log(`load average before the runs: ${loadavg().map((l) => fmt(l, 2)).join(' ')}`);
    console.log(`batch: ${opts.files} files (${kindCounts(sources, opts.files)}) from ${sources.length} documents`);
    const main = await child(join(work, 'batch'), join(work, 'out-batch'), opts.workers);
    for (const line of batchLines(main, opts.workers)) console.log(line);
    let base: ChildMeasure | null = null;
    if (opts.files > MEMORY_BASE_FILES) {
      await copyInto(join(work, 'memory-base'), batch.slice(0, MEMORY_BASE_FILES));
      base = await child(join(work, 'memory-base'), join(work, 'out-memory-base'), opts.workers);
      console.log(memoryLine(base, main, opts.workers));
    }

    const speed = await speedup(subset, work, opts, whole ? main : null);

    // Per page, as in a long run: every PDF of the batch (hundreds of files, start-up spread thin); then the unique
    // PDFs once in a fresh process, start-up and JIT warm-up included.
    await copyInto(join(work, 'batch-pdf'), batch.filter((f) => f.toLowerCase().endsWith('.pdf')));
    await comparePdf('every PDF of the batch', join(work, 'batch-pdf'), join(work, 'out-batch-pdf'), opts.workers);
    await comparePdf('each PDF once (cold process)', join(work, 'pdf'), join(work, 'out-pdf'), opts.workers);
    console.log(`load average after the runs: ${loadavg().map((l) => fmt(l, 2)).join(' ')}`);
    const memoryBase = base === null ? null : { files: base.files, peakRssMb: rss(base) };
    for (const line of targetLines({ workers: opts.workers, files: main.files, peakRssMb: rss(main), base: memoryBase, ...speed })) console.log(line);
  } finally {
    if (opts.keep) console.log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  const [, input = '', out = '', workers = '1'] = argv;
  process.stdout.write(`${JSON.stringify(await measureBatch(input, out, Number(workers)))}\n`);
} else {
  await bench(options(argv));
}
