/** One file's bytes to a Report. Never throws for a bad file: what cannot be read becomes a failed Report. */
import { createHash } from 'node:crypto';
import { analyzeDocument } from './analyze.js';
import { isNianbaoError } from './errors.js';
import type { Format } from './extract/document.js';
import { extractDocument, sniffFormat } from './extract/index.js';
import { failedReport, type Report, type SourceInfo } from './report/report.js';
import { untimed, type StageTimer } from './stage-timer.js';

export type ExtractOptions = {
  /** The file's path as the user gave it (relative to the input folder); it names the file in every output. */
  readonly file: string;
  /** Measures the stages (see stage-timer.ts); by default nothing is measured. */
  readonly timer?: StageTimer;
};

export function sourceOf(bytes: Uint8Array, file: string): SourceInfo {
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** A one-line, plain-words reason: a NianbaoError's message as is, anything else marked as unexpected. */
export function errorText(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  if (isNianbaoError(error)) return text;
  return `unexpected error while reading the file: ${text || 'unknown'}`;
}

function formatOrNull(bytes: Uint8Array, file: string): Format | null {
  try {
    return sniffFormat(bytes, file);
  } catch {
    return null;
  }
}

/** Reads, recognizes and checks one file. `bytes` is left untouched (the hash is taken first). */
export async function extractReport(bytes: Uint8Array, options: ExtractOptions): Promise<Report> {
  const source = sourceOf(bytes, options.file);
  const format = formatOrNull(bytes, options.file);
  try {
    const time = options.timer ?? untimed;
    const doc = await time('extract', () => extractDocument(bytes, options.file));
    return analyzeDocument(doc, source, time);
  } catch (error) {
    return failedReport(source, errorText(error), format);
  }
}
