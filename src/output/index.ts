/** Writes every output file of a run into the output folder (DESIGN.md, output contract). */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { csvChunks, type CsvResource } from './csv.js';
import { cellsCsv } from './cells-csv.js';
import { checksCsv } from './checks-csv.js';
import { DATAPACKAGE_PATH, datapackageJson } from './datapackage.js';
import { GENERIC_TABLES_DIR, genericTablesCsv } from './generic-tables.js';
import { INDICATOR_SET } from './indicator-set.js';
import { indicatorsCsv, type IndicatorSet } from './indicators-csv.js';
import { REPORTS_JSONL_PATH, reportsJsonlChunks } from './reports-jsonl.js';
import { reportsCsv } from './reports-csv.js';
import { TEXT_DIR, textFile } from './text.js';
import { wideTablesCsv } from './wide-tables.js';
import { writeAtomic, writeAtomicChunks } from './write-atomic.js';
import type { Report } from '../report/report.js';

export type WriteOptions = {
  /** Also write text/<report_id>.txt. */
  readonly text: boolean;
  readonly nianbaoVersion: string;
  readonly indicators?: IndicatorSet;
};

/** Files written, relative to the output folder, in the order they were written. */
export type WrittenFiles = readonly string[];

/** Every CSV of a run; a report present under two names writes its generic tables once. */
export function csvResources(reports: readonly Report[], indicators: IndicatorSet): CsvResource[] {
  const generic = new Map(genericTablesCsv(reports).map((r) => [r.path, r]));
  return [
    reportsCsv(reports),
    cellsCsv(reports),
    checksCsv(reports),
    ...wideTablesCsv(reports),
    indicatorsCsv(reports, indicators),
    ...generic.values(),
  ];
}

export async function writeOutputs(outDir: string, reports: readonly Report[], options: WriteOptions): Promise<WrittenFiles> {
  const indicators = options.indicators ?? INDICATOR_SET;
  const resources = csvResources(reports, indicators);
  const written: string[] = [];
  for (const r of resources) {
    await writeAtomicChunks(join(outDir, r.path), csvChunks(r));
    written.push(r.path);
  }
  await writeAtomicChunks(join(outDir, REPORTS_JSONL_PATH), reportsJsonlChunks(reports, indicators));
  written.push(REPORTS_JSONL_PATH);
  if (options.text) written.push(...(await writeTexts(outDir, reports)));
  await writeAtomic(join(outDir, DATAPACKAGE_PATH), datapackageJson(resources, { nianbaoVersion: options.nianbaoVersion }));
  written.push(DATAPACKAGE_PATH);
  await pruneStale(outDir, GENERIC_TABLES_DIR, GENERIC_NAME, written);
  if (options.text) await pruneStale(outDir, TEXT_DIR, TEXT_NAME, written);
  return written;
}

async function writeTexts(outDir: string, reports: readonly Report[]): Promise<string[]> {
  // A failed file has no text (and maybe no id): it gets no text file.
  const readable = reports.filter((r) => r.status !== 'failed');
  const paths = new Map(readable.map((r) => textFile(r)).map((f) => [f.path, f.content]));
  for (const [path, content] of paths) await writeAtomic(join(outDir, path), content);
  return [...paths.keys()];
}

/** Names nianbao itself gives generic tables and texts: only those are ever removed. */
const GENERIC_NAME = /^[0-9a-f]{12}-\d+\.csv$/;
const TEXT_NAME = /^[0-9a-f]{12}\.txt$/;

/** Removes files a previous run left in one of our folders, so the folder matches datapackage.json. */
async function pruneStale(outDir: string, dir: string, ours: RegExp, written: readonly string[]): Promise<void> {
  const keep = new Set(written);
  const names = await readdir(join(outDir, dir)).catch(() => [] as string[]);
  for (const name of names) {
    if (ours.test(name) && !keep.has(`${dir}/${name}`)) await rm(join(outDir, dir, name), { force: true });
  }
}
