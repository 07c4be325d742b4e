/**
 * A batch: collect the input files, turn each into a Report (one bad file never stops the batch), then write
 * every output. Files are processed one after the other through `processFile`, the step a worker pool replaces.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { FileTooLargeError, isNianbaoError } from './errors.js';
import { errorText, extractReport, sourceOf } from './extract-report.js';
import { collectInputs, type InputFile } from './inputs.js';
import { writeOutputs, type WrittenFiles } from './output/index.js';
import { failedReport, type Report, type SourceInfo, type Status } from './report/report.js';
import { nianbaoVersion } from './version.js';

export type PipelineSettings = {
  /** Largest file read, in bytes. Default 200 MiB: bigger files are scans or archives, and reading them would stall the batch. */
  readonly maxFileBytes: number;
};

export const DEFAULT_PIPELINE_SETTINGS: PipelineSettings = Object.freeze({ maxFileBytes: 200 * 1024 * 1024 });

export type BatchOptions = {
  /** Output folder. Default `output`. */
  readonly out?: string;
  /** Also write text/<report_id>.txt. */
  readonly text?: boolean;
  /** No progress lines or summary (errors that stop the run are still logged). */
  readonly quiet?: boolean;
  /** Redo files already processed (accepted; there is no cache yet). */
  readonly force?: boolean;
  /** Parallel workers (accepted; files are processed one at a time for now). */
  readonly workers?: number;
  /** Where progress lines go. Default: standard error. */
  readonly log?: (line: string) => void;
  readonly settings?: Partial<PipelineSettings>;
};

export type BatchResult = {
  /** 0 when the batch finished and its outputs were written; 1 when nothing could be written. */
  readonly exitCode: 0 | 1;
  readonly outDir: string;
  readonly reports: readonly Report[];
  readonly counts: Readonly<Record<Status, number>>;
  /** Files written, relative to outDir. */
  readonly written: WrittenFiles;
};

export const DEFAULT_OUT_DIR = 'output';

/** One file to one Report; never throws. Reports of identical bytes are reused under the new name. */
export type FileProcessor = (file: InputFile) => Promise<Report>;

function stderrLine(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function sequentialProcessor(settings: PipelineSettings): FileProcessor {
  const bySha = new Map<string, Report>();
  return async (file) => {
    const bytes = await readInput(file, settings).catch((error: unknown) => error);
    if (!(bytes instanceof Uint8Array)) return failedReport(await unreadSource(file), readErrorText(bytes));
    const source = sourceOf(bytes, file.name);
    const known = bySha.get(source.sha256);
    if (known !== undefined) return { ...known, source };
    const report = await extractReport(bytes, { file: file.name });
    bySha.set(source.sha256, report);
    return report;
  };
}

/** Why a file could not be read from disk, in plain words (a NianbaoError says it itself). */
export function readErrorText(error: unknown): string {
  if (isNianbaoError(error)) return error.message;
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const reason = READ_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
  return `cannot read the file: ${reason}`;
}

const READ_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'it disappeared before it was read',
  EISDIR: 'it is a folder',
  EIO: 'input/output error',
};

/** The source of a file that was not read: hashed as a stream when it can be opened at all, else no hash. */
async function unreadSource(file: InputFile): Promise<SourceInfo> {
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(file.path)) {
      const data = chunk as Buffer;
      hash.update(data);
      bytes += data.length;
    }
    return { file: file.name, sha256: hash.digest('hex'), bytes };
  } catch {
    return { file: file.name, sha256: '', bytes: 0 };
  }
}

async function readInput(file: InputFile, settings: PipelineSettings): Promise<Uint8Array> {
  const info = await stat(file.path);
  if (info.size > settings.maxFileBytes) {
    throw new FileTooLargeError(`too large: ${megabytes(info.size)} MB, the limit is ${megabytes(settings.maxFileBytes)} MB`);
  }
  return new Uint8Array(await readFile(file.path));
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

export function countByStatus(reports: readonly Report[]): Record<Status, number> {
  const counts: Record<Status, number> = { ok: 0, partial: 0, not_a_report: 0, failed: 0 };
  for (const r of reports) counts[r.status] += 1;
  return counts;
}

export function progressLine(report: Report, index: number, total: number): string {
  const reason = report.error === null ? '' : `: ${report.error}`;
  return `[${index}/${total}] ${report.status} ${report.source.file}${reason}`;
}

export async function runBatch(inputs: readonly string[], options: BatchOptions = {}): Promise<BatchResult> {
  const outDir = options.out ?? DEFAULT_OUT_DIR;
  const log = options.log ?? stderrLine;
  const say = options.quiet === true ? () => undefined : log;
  const settings = { ...DEFAULT_PIPELINE_SETTINGS, ...options.settings };
  const files = await collectInputs(inputs, outDir);
  const failure = (error: unknown): BatchResult => {
    log(`nianbao: cannot write to ${outDir}: ${errorText(error)}`);
    return { exitCode: 1, outDir, reports: [], counts: countByStatus([]), written: [] };
  };
  // Fail before the work, not after hours of it, when the output folder cannot be made.
  const ready = await mkdir(outDir, { recursive: true }).then(() => null, (error: unknown) => error);
  if (ready !== null) return failure(ready);
  const processFile = sequentialProcessor(settings);
  const reports: Report[] = [];
  for (const [i, file] of files.entries()) {
    const report = await processFile(file);
    reports.push(report);
    say(progressLine(report, i + 1, files.length));
  }
  const written = await writeOutputs(outDir, reports, { text: options.text === true, nianbaoVersion: nianbaoVersion() }).catch(
    (error: unknown) => error,
  );
  if (!Array.isArray(written)) return failure(written);
  const counts = countByStatus(reports);
  for (const line of summaryLines(counts, reports.length, outDir, written)) say(line);
  return { exitCode: 0, outDir, reports, counts, written };
}

export function summaryLines(counts: Readonly<Record<Status, number>>, total: number, outDir: string, written: WrittenFiles): string[] {
  const byStatus = (Object.keys(counts) as Status[]).map((s) => `${counts[s]} ${s}`).join(', ');
  const top = written.filter((p) => !p.includes('/'));
  const folders = new Map<string, number>();
  for (const p of written.filter((p) => p.includes('/'))) {
    const dir = p.slice(0, p.indexOf('/'));
    folders.set(dir, (folders.get(dir) ?? 0) + 1);
  }
  const listed = [...top, ...[...folders].map(([dir, n]) => `${dir}/ (${n} files)`)];
  return [`${total} files: ${byStatus}`, `wrote to ${outDir}: ${listed.join(', ')}`];
}
