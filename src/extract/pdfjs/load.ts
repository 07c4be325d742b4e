/**
 * Loads pdf.js once, lazily (the import costs ~220 ms: runs without PDFs skip it), undoes the polyfills that
 * slow the whole process down, and builds the getDocument options ENGINEERING.md prescribes for Node.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let loading: Promise<Pdfjs> | null = null;

/** pdf.js's parser; in Node the "fake worker" runs it on the calling thread (ENGINEERING.md). */
const WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * Built-ins that the legacy build's core-js polyfills replace on Node 20 although the native ones are correct for
 * everything pdf.js and we do: the polyfilled `Array.prototype.push` (V8 < 12 fails a 2^32-length edge case) made
 * every push in the process ~5× slower (~18% of a run's CPU), and `JSON.stringify` (for `JSON.rawJSON`) calls a
 * replacer on every value and re-scans its output.
 */
const RESTORED_NATIVES: readonly (readonly [object, PropertyKey])[] = [
  [Array.prototype, 'push'],
  [JSON, 'stringify'],
  [JSON, 'parse'],
];

async function importPdfjs(): Promise<Pdfjs> {
  const natives = RESTORED_NATIVES.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // Imported now, not on the first document: it polyfills too, and it sets globalThis.pdfjsWorker, which pdf.js
  // then uses instead of importing the module itself.
  await import(WORKER_MODULE);
  for (const [owner, key, descriptor] of natives) if (descriptor) Object.defineProperty(owner, key, descriptor);
  return pdfjs;
}

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= importPdfjs();
  return loading;
}

/** Plain directory paths ending in the separator: a file:// URL or a missing slash loads no cMaps, silently. */
function pdfjsDirectory(sub: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return join(root, sub) + sep;
}

let options: Readonly<Record<string, unknown>> | null = null;

export function pdfjsOptions(): Readonly<Record<string, unknown>> {
  options ??= Object.freeze({
    cMapUrl: pdfjsDirectory('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsDirectory('standard_fonts'),
    isEvalSupported: false,
    useSystemFonts: false,
    // Errors only: library code does not log.
    verbosity: 0,
  });
  return options;
}
