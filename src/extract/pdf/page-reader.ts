/**
 * One page of a PDF → positioned words and ruling lines in the document model's page space
 * (points, origin top-left, y down), read in one pass over the page's content by nianbao's own
 * reader. Throws UnsupportedPdfError where the page needs what this reader does not support.
 */
import type { Ruling, Size, Word } from '../document.js';
import { DEFAULT_CONTENT_SETTINGS, interpretContent, type ContentSettings } from './content.js';
import type { FontCache } from './font-model.js';
import type { PdfPageInfo, PdfResolver } from './objects.js';
import { DEFAULT_TEXT_RUN_SETTINGS, TextRuns, type TextRunSettings } from './text-runs.js';
import { DEFAULT_VERTICAL_TEXT_SETTINGS, VerticalRuns, type VerticalTextSettings } from './vertical-runs.js';
import { pageViewport } from './viewport.js';

export type PdfPageContent = { readonly size: Size; readonly words: Word[]; readonly rulings: Ruling[] };

export type PageReaderSettings = {
  /** Paths → rulings, and how deep forms may nest. */
  readonly content: ContentSettings;
  /** Horizontal glyphs → words (pdf.js's getTextContent thresholds). */
  readonly textRuns: TextRunSettings;
  /** Vertical-font glyphs → words down a column (the settings the pdf.js path uses too). */
  readonly verticalText: VerticalTextSettings;
};

export const DEFAULT_PAGE_READER_SETTINGS: PageReaderSettings = Object.freeze({
  content: DEFAULT_CONTENT_SETTINGS,
  textRuns: DEFAULT_TEXT_RUN_SETTINGS,
  verticalText: DEFAULT_VERTICAL_TEXT_SETTINGS,
});

const NEWLINE = 0x0a;

export function readPdfPage(
  resolver: PdfResolver,
  page: PdfPageInfo,
  fonts: FontCache,
  settings: PageReaderSettings = DEFAULT_PAGE_READER_SETTINGS,
): PdfPageContent {
  const viewport = pageViewport(page);
  const text = new TextRuns(viewport.viewBox, settings.textRuns);
  const vertical = new VerticalRuns(settings.verticalText);
  const rulings: Ruling[] = [];
  const data = joinContents(page.contents);
  interpretContent(resolver, fonts, data, page.resources, viewport.transform, { text, vertical, rulings }, settings.content);
  // Horizontal words first, then the vertical ones: the order the pdf.js path gives.
  const words = text.words(viewport.transform);
  for (const w of vertical.words()) words.push(w);
  return { size: viewport.size, words, rulings };
}

/** The page's content streams as one: each stream ends an operator, so a newline joins them. */
export function joinContents(contents: readonly Uint8Array[]): Uint8Array {
  if (contents.length === 1) return contents[0]!;
  let length = Math.max(0, contents.length - 1);
  for (const c of contents) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  contents.forEach((c, i) => {
    if (i > 0) out[at++] = NEWLINE;
    out.set(c, at);
    at += c.length;
  });
  return out;
}
