/**
 * The resume cache, which is also the batch's journal: one file per processed input under
 * `<out>/.nianbao-cache/<version>/`, named by the file's SHA-256 and extension (the extension can decide
 * between HTML and text). Each entry is written atomically, so a run killed at any moment leaves whole
 * entries only; the next run skips them and the outputs are rebuilt from the entries at the end of every run.
 *
 * An entry is two lines: a small header (status, error, S1 input…) that a resumed run reads cheaply, then the
 * whole Report as JSON.
 */
import { open, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { YearInput } from './batch-checks.js';
import { writeAtomic } from './output/write-atomic.js';
import type { Report, Status } from './report/report.js';
import type { StageDurations } from './stage-timer.js';

export const CACHE_DIR = '.nianbao-cache';
const ENTRY_FORMAT = 'nianbao-cache-1';
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

/** The entry's text: header line, report line. */
export function entryText(header: CacheHeader, report: Report): string {
  return `${JSON.stringify(header)}\n${JSON.stringify(report)}\n`;
}

export async function writeEntry(path: string, header: CacheHeader, report: Report): Promise<void> {
  await writeAtomic(path, entryText(header, report));
}

function isHeader(value: unknown, version: string, key: string): value is CacheHeader {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Partial<Record<keyof CacheHeader, unknown>>;
  return h.format === ENTRY_FORMAT && h.version === version && h.key === key && STATUSES.includes(h.status as Status);
}

function isReport(value: unknown): value is Report {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Record<keyof Report, unknown>>;
  return typeof r.id === 'string' && Array.isArray(r.cells) && Array.isArray(r.checks) && typeof r.source === 'object';
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

  /** The cached Report, or null when the entry is missing or damaged. */
  async readReport(key: string): Promise<Report | null> {
    const text = await readFile(this.pathOf(key), 'utf8').catch(() => null);
    if (text === null) return null;
    const newline = text.indexOf('\n');
    if (newline < 0 || !isHeader(parseOrNull(text.slice(0, newline)), this.version, key)) return null;
    const report = parseOrNull(text.slice(newline + 1));
    return isReport(report) ? report : null;
  }
}
