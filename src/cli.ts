#!/usr/bin/env node
/** The command line: `nianbao extract INPUT... [--out DIR] [--workers N] [--force] [--timeout S] …` and `nianbao review OUTPUT`. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InputNotFoundError, parsePathList, STDIN_INPUT } from './inputs.js';
import { DEFAULT_LIMITS, defaultWorkerCount } from './limits.js';
import { DEFAULT_OUT_DIR, runBatch } from './pipeline.js';
import { reviewCommand } from './review/command.js';
import { nianbaoVersion } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export const HELP = `Usage: nianbao extract INPUT... [options]
       nianbao review OUTPUT [--input DIR]...
       nianbao --help | --version

Reads government reports (PDF, DOCX, DOC, HTML, text; folders are walked recursively)
and writes their tables as CSV and JSON into the output folder. An INPUT of - reads
a list of paths from standard input, one per line (or NUL-separated, as find -print0).

Options:
  -o, --out DIR     output folder (default: ${DEFAULT_OUT_DIR})
      --text        also write text/<report_id>.txt, the full text of each report
      --xlsx        also write nianbao.xlsx, a workbook of the tables, indicators and checks
      --review      also write review/index.html and a page per report to check
                    the numbers against the source (opens offline in a browser)
  -q, --quiet       no progress and no summary
      --workers N   files read in parallel, one worker thread each (default: up
                    to the number of cores, here ${defaultWorkerCount()}: one to start, more
                    while the files left are worth their start-up)
      --force       read every file again, even those already in the output
                    folder's cache (OUT/.nianbao-cache; a re-run skips them)
      --timeout S   stop a file after S seconds and mark it failed (default: ${DEFAULT_LIMITS.timeoutMs / 1000})
      --max-memory MB  heap limit of each worker; a file that needs more is
                    stopped and marked failed (default: ${DEFAULT_LIMITS.workerHeapMb})
  -h, --help        show this help
  -V, --version     show the version

review OUTPUT builds the review pages of an earlier run from OUTPUT/reports.jsonl;
  --input DIR       where the run's inputs are (repeatable; default: the current
                    folder), to show the source pages of PDF reports

Exit status: 0 when the batch finished (even if some files failed: see the status
column of reports.csv), 1 when the outputs could not be written, 2 for a usage error.
`;

export type Io = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** All of standard input as text (for `-`); absent when there is none to read. */
  readonly stdin?: () => Promise<string>;
  /** Width of the terminal standard error writes to; absent when it is not a terminal (plain lines then). */
  readonly terminalColumns?: number;
};

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  text: { type: 'boolean' },
  xlsx: { type: 'boolean' },
  review: { type: 'boolean' },
  input: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  workers: { type: 'string' },
  force: { type: 'boolean' },
  timeout: { type: 'string' },
  'max-memory': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

class UsageError extends Error {}

function parse(argv: readonly string[]): ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>> {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** --workers: a whole number from 1 up. */
function workersOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--workers needs a whole number of at least 1, not '${text}'`);
  return Number(text);
}

/** --timeout: seconds, a positive number (fractions allowed). */
function timeoutOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0) throw new UsageError(`--timeout needs a number of seconds above 0, not '${text}'`);
  return Math.round(Number(text) * 1000);
}

/** --max-memory: whole megabytes, at least 64 (below that a worker cannot even load its code). */
function memoryOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < MIN_HEAP_MB) throw new UsageError(`--max-memory needs a whole number of MB, at least ${MIN_HEAP_MB}, not '${text}'`);
  return Number(text);
}

const MIN_HEAP_MB = 64;

/** The paths `-` stands for, read from standard input only when `-` is given. */
async function listedPaths(inputs: readonly string[], io: Io): Promise<string[]> {
  if (!inputs.includes(STDIN_INPUT)) return [];
  if (io.stdin === undefined) throw new UsageError('- reads a list of paths from standard input, but there is none');
  return parsePathList(await io.stdin());
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help === true || values.version === true) {
    io.stdout(values.help === true ? HELP : `${nianbaoVersion()}\n`);
    return EXIT_OK;
  }
  const [command, ...inputs] = positionals;
  if (command === undefined) throw new UsageError('no command given');
  if (command === 'review') return review(inputs, values.input);
  if (command !== 'extract') throw new UsageError(`unknown command '${command}' (the commands are 'extract' and 'review')`);
  if (inputs.length === 0) throw new UsageError('extract needs at least one INPUT file or folder');
  if (values.out === '') throw new UsageError('--out needs a folder name');
  const workers = workersOf(values.workers);
  const timeoutMs = timeoutOf(values.timeout);
  const workerHeapMb = memoryOf(values['max-memory']);
  const listed = await listedPaths(inputs, io);
  const quiet = values.quiet === true;
  const result = await runBatch(inputs, {
    out: values.out ?? DEFAULT_OUT_DIR,
    text: values.text === true,
    xlsx: values.xlsx === true,
    review: values.review === true,
    quiet,
    force: values.force === true,
    ...(workers === undefined ? {} : { workers }),
    limits: { ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(workerHeapMb === undefined ? {} : { workerHeapMb }) },
    listed,
    progress: quiet ? 'none' : io.terminalColumns === undefined ? 'lines' : 'bar',
    ...(io.terminalColumns === undefined ? {} : { columns: io.terminalColumns }),
    log: (line) => io.stderr(`${line}\n`),
    write: io.stderr,
  });
  return result.exitCode;
}

/** `nianbao review OUTPUT [--input DIR]...`: the review pages of an earlier run (src/review/command.ts). */
async function review(positionals: readonly string[], inputs: readonly string[] | undefined): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('review needs exactly one OUTPUT folder (the --out of an earlier run)');
  await reviewCommand(positionals[0]!, inputs === undefined ? {} : { inputs });
  return EXIT_OK;
}

/** Runs the command line and returns the exit status; never throws. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputNotFoundError) {
      io.stderr(`nianbao: ${error.message}\nTry 'nianbao --help'.\n`);
      return EXIT_USAGE;
    }
    io.stderr(`nianbao: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}

/** True when this module is the program being run (also through npm's bin symlink). */
function isEntryPoint(): boolean {
  const invoked = process.argv[1];
  if (invoked === undefined) return false;
  try {
    return realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const io: Io = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdin: () => readAll(process.stdin),
    ...(process.stderr.isTTY ? { terminalColumns: process.stderr.columns } : {}),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
