/**
 * Reading printed numbers: whitespace, full-width forms, thousands separators, signs and dashes.
 * Numbers are kept as decimal digit strings until the end so that unit conversion adds no float noise.
 */

/** A printed number split into its parts; `value` is the plain number it denotes. */
export type DecimalNumber = {
  readonly sign: '+' | '-' | null;
  /** Integer digits without separators (at least one digit). */
  readonly intDigits: string;
  /** Digits after the decimal point ('' when none). */
  readonly fracDigits: string;
  readonly value: number;
};

/** Text printed in a cell to say "nothing here": stored as blank, never as 0 (DOMAIN.md §4.4). */
export const BLANK_WORDS: readonly string[] = Object.freeze(['无', '空', '暂无']);

/** Characters that, repeated or alone, fill a cell as a dash (after NFKC: ／→/, －→-). */
const DASH_ONLY = /^[-‐‑‒–—―−~〜/\\]+$/u;

/** Invisible characters some extractors leave inside cells (zero-width space/joiners, BOM). */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/gu;

/** Sign, integer part (plain or grouped by threes with commas), optional fraction. */
const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/u;

/** Collapses every run of whitespace (incl. U+3000, U+00A0, newlines) into one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** NFKC (full-width digits, signs, points, commas, slashes) and no whitespace at all. */
export function compactNumberText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, '');
}

/** True for a cell that prints a dash, slash or a word meaning "none" instead of a number. */
export function isDashOrWord(compact: string): boolean {
  return DASH_ONLY.test(compact) || BLANK_WORDS.includes(compact);
}

/** Parses a compact number text (see `compactNumberText`); null when it is no plain decimal number. */
export function parseDecimal(compact: string): DecimalNumber | null {
  const m = NUMBER.exec(compact);
  if (m === null) return null;
  const sign = m[1] === '+' || m[1] === '-' ? m[1] : null;
  const intDigits = (m[2] ?? '').replaceAll(',', '');
  const fracDigits = m[3] ?? '';
  return { sign, intDigits, fracDigits, value: decimalValue(sign, intDigits, fracDigits) };
}

/**
 * Divides a printed number by 10^places by moving its decimal point, then rounds to at most
 * `maxDecimals` decimals: 1260000 / 10^4 is exactly 126 and 251000 / 10^4 exactly 25.1.
 */
export function shiftDecimal(num: DecimalNumber, places: number, maxDecimals: number): number {
  const digits = (num.intDigits + num.fracDigits).padStart(num.fracDigits.length + places + 1, '0');
  const point = digits.length - num.fracDigits.length - places;
  const shifted = decimalValue(num.sign, digits.slice(0, point), digits.slice(point));
  return roundDecimals(shifted, maxDecimals);
}

/** Rounds to at most `decimals` decimals through the decimal text, so no float noise remains. */
export function roundDecimals(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(decimals));
  return Object.is(rounded, -0) ? 0 : rounded;
}

function decimalValue(sign: '+' | '-' | null, intDigits: string, fracDigits: string): number {
  const magnitude = Number(fracDigits === '' ? intDigits : `${intDigits}.${fracDigits}`);
  const value = sign === '-' ? -magnitude : magnitude;
  return Object.is(value, -0) ? 0 : value;
}
