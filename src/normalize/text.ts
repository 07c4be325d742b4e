/**
 * Text helpers the stages share, so that every module cleans printed text the same way: one form for comparing
 * labels and names (`compactText`), one for keeping printed text readable (`collapseWhitespace`), and one list of
 * converter artefacts (`stripArtefacts`).
 */

/** Invisible characters some extractors leave inside text (zero-width space/joiners, word joiner, BOM). */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/gu;

/** Any whitespace run; `\s` covers U+3000 (ideographic space), U+00A0 and line breaks. */
const WHITESPACE_RUN = /\s+/gu;

/**
 * Markup converters leave inside text: `[bookmark: _GoBack]` (DOCX-to-text dumps, in front of cell text) and
 * markdown bold markers (`**`, `__`; the text between them is kept).
 */
const ARTEFACTS = /\[bookmark:[^\]]*\]|\*\*|__/giu;

/**
 * The form in which labels, names and numbers are compared: NFKC (full-width letters, digits, signs and
 * brackets become ASCII; ／ → /, ￥ → ¥), invisible characters dropped, and no whitespace at all, because
 * Chinese labels wrap and are padded inside cells ("商业\n企业", "自然 人").
 */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(WHITESPACE_RUN, '');
}

/**
 * Printed text kept as printed but on one line (the `raw` column, generic tables, text dumps): invisible
 * characters dropped, every whitespace run (incl. U+3000, U+00A0, newlines, tabs) one space, trimmed.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** Removes converter artefacts (bookmarks, bold markers); everything else is left as it is. */
export function stripArtefacts(text: string): string {
  return text.replace(ARTEFACTS, '');
}
