/**
 * Reading printed numbers: whitespace, full-width forms, thousands separators, signs and dashes.
 * Numbers are kept as decimal digit strings until the end so that unit conversion adds no float noise.
 */
import { compactText } from './text.js';

/** A printed number split into its parts; `value` is the plain number it denotes. */
export type DecimalNumber = {
  readonly sign: '+' | '-' | null;
  /** Integer digits without separators (at least one digit). */
  readonly intDigits: string;
  /** Digits after the decimal point ('' when none). */
  readonly fracDigits: string;
  readonly value: number;
};

/**
 * The one vocabulary of placeholders printed instead of a value (DOMAIN.md §4.4): words meaning "none", stored
 * as blank, never as 0. Compared after `compactText`.
 */
export const BLANK_WORDS: readonly string[] = Object.freeze(['无', '空', '暂无']);

/**
 * Characters that, alone or repeated, fill a cell as a dash: hyphens and dashes of every width, the minus sign,
 * tildes, slashes and asterisks (after NFKC: －→-, ／→/, ＊→*, ～→~).
 */
const DASH_ONLY = /^[-‐‑‒–—―−~〜/\\*]+$/u;

/**
 * A printed number as the header heuristics recognise one (after NFKC): optional sign, optional accounting
 * brackets, digits with thousands separators and a decimal point, optional percent sign. Looser than
 * `parseDecimal`, which reads the value: here "(12.5)" and "98.5%" only have to look like numbers.
 */
const NUMBER_LIKE = /^[+\-−]?\(?[+\-−]?[0-9][0-9,.]*\)?%?$/u;

/** Sign, integer part (plain or grouped by threes with commas), optional fraction. */
const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/u;

/** True for a cell that prints a dash, slash, asterisk or a word meaning "none" instead of a number. */
export function isBlankWord(text: string): boolean {
  const compact = compactText(text);
  return DASH_ONLY.test(compact) || BLANK_WORDS.includes(compact);
}

/**
 * True when the text reads as a printed number. Whitespace inside is not removed: "1 234" or "2019 2020" is
 * not one number to the heuristics (callers clean the text first, see tables/cell-text.ts).
 */
export function readsAsNumber(text: string): boolean {
  return NUMBER_LIKE.test(text.normalize('NFKC').trim());
}

/** Parses a compact number text (see `compactText`); null when it is no plain decimal number. */
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
