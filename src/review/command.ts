/**
 * `nianbao review OUTPUT [--input DIR]...`: builds the review pages of an earlier run from
 * `OUTPUT/reports.jsonl`. Page images need the source files: each `source_file` is looked for under every
 * `--input` given (default: the current folder), and used only when its SHA-256 still matches.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPORTS_JSONL_PATH } from '../output/reports-jsonl.js';
import type { Report } from '../report/report.js';
import { ReportsFileError, reportFromJson } from '../output/read-reports.js';
import { writeReviewSite, type ReviewOptions } from './site.js';

export type ReviewCommandOptions = {
  /** Folders (or files) the run read its inputs from; default the current folder. */
  readonly inputs?: readonly string[];
  readonly pageImages?: boolean;
};

/** Reads reports.jsonl line by line; the full text and generic tables are dropped (the pages do not show them). */
export async function readReportsJsonl(path: string): Promise<Report[]> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const reports: Report[] = [];
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === '') continue;
    try {
      reports.push({ ...reportFromJson(JSON.parse(line)), text: '', genericTables: [] });
    } catch (error) {
      throw new ReportsFileError(`${path} line ${n}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return reports;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Where each report's source file is, among the candidate locations under the inputs. */
export async function locateSources(reports: readonly Report[], inputs: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const report of reports) {
    const file = report.source.file;
    if (report.format !== 'pdf' || found.has(file)) continue;
    // A folder input names files relative to it; a file input names the file by its base name.
    const candidates = inputs.flatMap((input) => [join(input, file), ...(basename(input) === file ? [input] : [])]);
    for (const candidate of candidates) {
      if (await isFile(candidate)) {
        found.set(file, candidate);
        break;
      }
    }
  }
  return found;
}

/** Builds `<outDir>/review/` from `<outDir>/reports.jsonl`; returns the files written, relative to outDir. */
export async function reviewCommand(outDir: string, options: ReviewCommandOptions = {}): Promise<string[]> {
  const path = join(outDir, REPORTS_JSONL_PATH);
  if (!(await isFile(path))) throw new ReportsFileError(`no ${REPORTS_JSONL_PATH} in ${outDir}: run 'nianbao extract INPUT... --out ${outDir}' first`);
  const reports = await readReportsJsonl(path);
  const sources = await locateSources(reports, options.inputs ?? ['.']);
  const review: ReviewOptions = { sources, ...(options.pageImages === undefined ? {} : { pageImages: options.pageImages }) };
  return writeReviewSite(reports, outDir, review);
}
