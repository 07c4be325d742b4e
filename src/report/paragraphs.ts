/**
 * Paragraph text as the metadata and narrative readers see it: NFKC-normalised (full-width digits and
 * punctuation become ASCII), extraction artefacts removed, whitespace collapsed.
 */
import { LIST_MARKER } from '../normalize/enumerators.js';
import { collapseWhitespace, stripArtefacts } from '../normalize/text.js';

/** A markdown heading's leading hashes, left in text dumps. */
const HEADING_HASHES = /^#+\s*/;

/** Sentence punctuation that a heading or a name never carries. */
const SENTENCE_PUNCTUATION = /[。；;，,！!？?]/;

export function cleanParagraph(text: string): string {
  return collapseWhitespace(stripArtefacts(text.normalize('NFKC')).replace(HEADING_HASHES, ''));
}

/** Cleaned, non-empty paragraphs; keeps their order. */
export function cleanParagraphs(paragraphs: readonly string[]): string[] {
  return paragraphs.map(cleanParagraph).filter(isNonEmpty);
}

function isNonEmpty(text: string): boolean {
  return text !== '';
}

/** A short line without sentence punctuation: a title, a heading, a name or a date line. */
export function isHeadingLike(text: string, maxLength: number): boolean {
  return text.length > 0 && text.length <= maxLength && !SENTENCE_PUNCTUATION.test(text);
}

export type ProseSettings = {
  /**
   * A line at least this long (characters, after cleaning) that ends without sentence punctuation is taken as
   * wrapped by the layout (PDF text comes line by line) and joined to the next. Shorter lines are headings.
   */
  readonly minWrappedLineLength: number;
};

export const DEFAULT_PROSE_SETTINGS: ProseSettings = Object.freeze({ minWrappedLineLength: 20 });

/** Page numbers printed between lines: `- 1 -`, `— 2 —`, `第 3 页`, `3/5`. */
const PAGE_NUMBER = /^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;
const SENTENCE_FINAL = /[。；;！!？?:：]$/;

/**
 * Cleaned paragraphs with layout line breaks undone: page numbers dropped, and a long line that ends
 * mid-sentence joined to the next (`…受理政府` + `信息公开申请 17 件…`). A numbered heading without any
 * punctuation (`（二）行政机关收到和处理政府信息公开申请情况`) stays on its own.
 */
export function joinWrappedLines(paragraphs: readonly string[], settings: ProseSettings = DEFAULT_PROSE_SETTINGS): string[] {
  const out: string[] = [];
  let open = false;
  for (const line of cleanParagraphs(paragraphs)) {
    if (PAGE_NUMBER.test(line)) continue;
    const last = out.length - 1;
    if (open && last >= 0 && !LIST_MARKER.test(line)) out[last] = `${out[last] ?? ''}${line}`;
    else out.push(line);
    const current = out[out.length - 1] ?? '';
    const heading = LIST_MARKER.test(current) && !SENTENCE_PUNCTUATION.test(current);
    open = line.length >= settings.minWrappedLineLength && !heading && !SENTENCE_FINAL.test(current);
  }
  return out;
}
