/**
 * List markers as reports print them: 一、 （一） (一) 1. 1、 (1) 1） ①. One pattern for every stage that has to
 * see them (label matching strips them, prose and stitching treat a line that opens with one as a new item).
 * The patterns accept ASCII and full-width brackets and stops, so they work before or after NFKC.
 */

/** The Chinese numerals list markers count with: 一 … 十, and 百 in long lists. */
export const CHINESE_NUMERALS = '一二三四五六七八九十百';

const NUMERAL = `[${CHINESE_NUMERALS}]+`;
const OPEN = '[(（]';
const CLOSE = '[)）]';
/** What ends an unbracketed marker: the enumeration comma or a full stop. */
const STOP = '[、.．]';

/** 一、 二. — a section number. */
const NUMERAL_STOP = `${NUMERAL}\\s*${STOP}`;
/** （一） (1) 1） — a bracketed number (the opening bracket is sometimes left out). */
const BRACKETED = `${OPEN}?\\s*(?:${NUMERAL}|\\d+)\\s*${CLOSE}`;
/** 1. 1、 1． — but not the 1. of a decimal number (1.5; a full-width ． is never a decimal point: 7．2025年…). */
const DIGITS_STOP = `\\d+\\s*(?:[、．]|\\.(?!\\d))`;
/** ① … ⑳ (before NFKC, which turns them into digits). */
const CIRCLED = '[\\u2460-\\u2473]';

/** Any list marker at the start of a text. */
export const LIST_MARKER = new RegExp(`^(?:${NUMERAL_STOP}|${BRACKETED}|${DIGITS_STOP}|${CIRCLED})`, 'u');

/** A bracketed Chinese numeral at the start of a text: the sub-section markers （一） (二). */
export const SUB_SECTION_MARKER = new RegExp(`^${OPEN}\\s*${NUMERAL}\\s*${CLOSE}`, 'u');

/** The marker of section `n` (1–10) at the start of a text, in Chinese or Arabic numerals: sectionMarker(2) → 二、 2. */
export function sectionMarker(n: number): RegExp {
  const numeral = CHINESE_NUMERALS.charAt(n - 1);
  if (!Number.isInteger(n) || n < 1 || n > 10) throw new RangeError(`no section marker for ${n}`);
  return new RegExp(`^(?:${numeral}|${n})\\s*${STOP}`, 'u');
}
