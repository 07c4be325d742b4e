#!/usr/bin/env node
/** The command line: `nianbao extract INPUT... [--out DIR] [--text] [--quiet] [--workers N] [--force]`. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InputNotFoundError } from './inputs.js';
import { DEFAULT_OUT_DIR, runBatch } from './pipeline.js';
import { nianbaoVersion } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export const HELP = `Usage: nianbao extract INPUT... [options]
       nianbao --help | --version

Reads government reports (PDF, DOCX, DOC, HTML, text; folders are walked recursively)
and writes their tables as CSV and JSON into the output folder.

Options:
  -o, --out DIR     output folder (default: ${DEFAULT_OUT_DIR})
      --text        also write text/<report_id>.txt, the full text of each report
  -q, --quiet       no progress lines and no summary
      --workers N   parallel workers (accepted; files are read one at a time for now)
      --force       redo files already processed (accepted; there is no cache yet)
  -h, --help        show this help
  -V, --version     show the version

Exit status: 0 when the batch finished (even if some files failed: see the status
column of reports.csv), 1 when the outputs could not be written, 2 for a usage error.
`;

export type Io = { readonly stdout: (text: string) => void; readonly stderr: (text: string) => void };

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  text: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  workers: { type: 'string' },
  force: { type: 'boolean' },
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

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help === true || values.version === true) {
    io.stdout(values.help === true ? HELP : `${nianbaoVersion()}\n`);
    return EXIT_OK;
  }
  const [command, ...inputs] = positionals;
  if (command === undefined) throw new UsageError('no command given');
  if (command !== 'extract') throw new UsageError(`unknown command '${command}' (the command is 'extract')`);
  if (inputs.length === 0) throw new UsageError('extract needs at least one INPUT file or folder');
  if (values.out === '') throw new UsageError('--out needs a folder name');
  const workers = workersOf(values.workers);
  const result = await runBatch(inputs, {
    out: values.out ?? DEFAULT_OUT_DIR,
    text: values.text === true,
    quiet: values.quiet === true,
    force: values.force === true,
    ...(workers === undefined ? {} : { workers }),
    log: (line) => io.stderr(`${line}\n`),
  });
  return result.exitCode;
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
  const io: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  process.exitCode = await main(process.argv.slice(2), io);
}
