/**
 * The resume cache, which is also the batch's journal: one file per processed input under
 * `<out>/.nianbao-cache/<version>/`, named by the file's SHA-256 and extension (the extension can decide
 * between HTML and text). Each entry is written atomically, so a run killed at any moment leaves whole
 * entries only; the next run skips them and the outputs are rebuilt from the entries at the end of every run.
 *
 * An entry is two lines: a small header (status, error, S1 input…) that a resumed run reads cheaply, then the
 * report rendered as its parts of every output file (output/report-parts.ts), which the end of the batch only
 * concatenates. The parts hold the report's reports.jsonl line, which reads back into the whole Report when one
 * is needed (a file renamed since, --xlsx, --review).
 */
import { open, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { YearInput } from './batch-checks.js';
import { reportFromParts, type ReportParts } from './output/report-parts.js';
import { writeAtomic } from './output/write-atomic.js';
import type { Report, Status } from './report/report.js';
import type { StageDurations } from './stage-timer.js';

export const CACHE_DIR = '.nianbao-cache';
const ENTRY_FORMAT = 'nianbao-cache-2';
/** A header is a few hundred bytes; reading this much always holds it. */
const HEADER_READ_BYTES = 64 * 1024;
const STATUSES: readonly Status[] = ['ok', 'partial', 'not_a_report', 'failed'];

export type CacheHeader = {
  readonly format: typeof ENTRY_FORMAT;
  readonly version: string;
  readonly key: string;
  readonly sha256: string;
  readonly status: Status;
  readonly error: string | null;
  readonly pages: number | null;
  /** Time the file took when it was processed, in milliseconds. */
  readonly ms: number;
  readonly stages: StageDurations;
  readonly year: YearInput | null;
};

/** What a worker knows before it writes the header. */
export type EntryIdentity = Pick<CacheHeader, 'version' | 'key' | 'sha256'>;

/** The cache key of a file: its SHA-256 and its lowercased extension (up to 10 letters or digits). */
export function cacheKeyOf(sha256: string, fileName: string): string {
  const ext = extname(fileName).slice(1).toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(ext) ? `${sha256}.${ext}` : sha256;
}

export function headerOf(identity: EntryIdentity, report: Report, timing: { ms: number; stages: StageDurations }, year: YearInput | null): CacheHeader {
  return {
    format: ENTRY_FORMAT,
    ...identity,
    status: report.status,
    error: report.error,
    pages: report.pages,
    ms: Math.round(timing.ms),
    stages: timing.stages,
    year,
  };
}

/** The entry's text: header line, parts line. */
export function entryText(header: CacheHeader, parts: ReportParts): string {
  return `${JSON.stringify(header)}\n${JSON.stringify(parts)}\n`;
}

export async function writeEntry(path: string, header: CacheHeader, parts: ReportParts): Promise<void> {
  await writeAtomic(path, entryText(header, parts));
}

function isHeader(value: unknown, version: string, key: string): value is CacheHeader {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Partial<Record<keyof CacheHeader, unknown>>;
  return h.format === ENTRY_FORMAT && h.version === version && h.key === key && STATUSES.includes(h.status as Status);
}

function isParts(value: unknown): value is ReportParts {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Partial<Record<keyof ReportParts, unknown>>;
  const jsonl = (p.jsonl ?? {}) as Partial<Record<string, unknown>>;
  const texts = [p.id, p.file, jsonl.head, jsonl.checks, jsonl.tail];
  return texts.every((t) => typeof t === 'string') && Array.isArray(p.reportsRow) && Array.isArray(p.generic) && typeof p.lines === 'object' && p.lines !== null;
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The cache of one output folder and one nianbao version. */
export class ResultCache {
  readonly dir: string;

  constructor(
    outDir: string,
    readonly version: string,
  ) {
    this.dir = join(outDir, CACHE_DIR, version.replace(/[^0-9A-Za-z.-]/g, '_'));
  }

  /** Where an entry lives: spread over 256 folders so none holds 10,000 files. */
  pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The entry's header, or null when there is none or it is not a whole entry of this version. */
  async readHeader(key: string): Promise<CacheHeader | null> {
    const handle = await open(this.pathOf(key), 'r').catch(() => null);
    if (handle === null) return null;
    try {
      const buffer = Buffer.alloc(HEADER_READ_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEADER_READ_BYTES, 0);
      const end = buffer.subarray(0, bytesRead).indexOf(0x0a);
      if (end < 0) return null;
      const header = parseOrNull(buffer.subarray(0, end).toString('utf8'));
      return isHeader(header, this.version, key) ? header : null;
    } finally {
      await handle.close();
    }
  }

  /** The cached parts, or null when the entry is missing or damaged. */
  async readParts(key: string): Promise<ReportParts | null> {
    const bytes = await readFile(this.pathOf(key)).catch(() => null);
    if (bytes === null) return null;
    const newline = bytes.indexOf(0x0a);
    const end = bytes.indexOf(0x0a, newline + 1);
    if (newline < 0 || end < 0 || !isHeader(parseOrNull(bytes.toString('utf8', 0, newline)), this.version, key)) return null;
    const parts = parseOrNull(bytes.toString('utf8', newline + 1, end));
    return isParts(parts) ? parts : null;
  }

  /** The cached Report (read back from its reports.jsonl line), or null when the entry is missing or damaged. */
  async readReport(key: string): Promise<Report | null> {
    const parts = await this.readParts(key);
    if (parts === null) return null;
    try {
      return reportFromParts(parts);
    } catch {
      return null;
    }
  }
}
