/**
 * Loads pdf.js once, lazily (the import costs ~220 ms: runs without PDFs skip it), and builds the
 * getDocument options ENGINEERING.md prescribes for Node.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let loading: Promise<Pdfjs> | null = null;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs');
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
