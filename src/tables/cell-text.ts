/**
 * Small text predicates the header heuristics share: how a printed label is cleaned, and which cell texts
 * read as values (numbers, blanks, dashes) rather than labels. What counts as a number or a placeholder is decided
 * once, in normalize/numbers.ts, for the header heuristics and the value reader alike.
 */
import { isBlankWord, readsAsNumber } from '../normalize/numbers.js';

/** Any whitespace, including the full-width space (U+3000) and no-break space that Chinese documents pad with. */
const WHITESPACE_RUN = /[\s\u00a0\u3000]+/gu;

/** A character that keeps a space beside it: Latin letters and digits ("Total amount", "1 234"). */
const LATIN_WORD_CHAR = /[A-Za-z0-9]/;

/**
 * Cleans a printed label: whitespace and line breaks are removed, because Chinese labels wrap inside cells
 * ("商业\n企业" → "商业企业") and are padded with spaces; only a space between two Latin letters or digits
 * survives, as one space.
 */
export function cleanLabel(text: string): string {
  return text.trim().replace(WHITESPACE_RUN, spaceBetweenLatin);
}

/** A whitespace run becomes one space between two Latin letters or digits, else nothing. */
function spaceBetweenLatin(run: string, offset: number, whole: string): string {
  const before = whole.charAt(offset - 1);
  const after = whole.charAt(offset + run.length);
  return LATIN_WORD_CHAR.test(before) && LATIN_WORD_CHAR.test(after) ? ' ' : '';
}

/** True when the text reads as a printed number (sign, brackets, separators, percent; see `readsAsNumber`). */
export function isNumberText(text: string): boolean {
  return readsAsNumber(cleanLabel(text));
}

/** True when the text is empty once whitespace is removed. */
export function isBlankText(text: string): boolean {
  return cleanLabel(text) === '';
}

/** True when the text is a dash, asterisk or word printed in place of a value (the vocabulary of normalize/numbers.ts). */
export function isDashText(text: string): boolean {
  return isBlankWord(text);
}
